"""The editors' resources.yml: load it, look services up, and present them to users.

Every phone number, link and opening hour the bot shows comes from here. A `Catalogue` is an
immutable snapshot of the file; `LiveCatalogue` swaps in a new snapshot when the file changes and
keeps the last good one when an edit is broken.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import yaml
from opening_hours import OpeningHours

from bot import PROJECT_ROOT
from bot.core import settings
from bot.core.resource_check import validate

log = logging.getLogger(__name__)

DEFAULT_PATH = PROJECT_ROOT / "resources.yml"
# 112, Kvinnofridslinjen and Socialjouren, for a start with neither a good file nor a copy.
CRISIS_CATALOGUE_PATH = Path(__file__).resolve().parent / "crisis_catalogue.yml"
STOCKHOLM = ZoneInfo("Europe/Stockholm")
class ResourceError(ValueError):
    """resources.yml cannot be used; the message says where and how to fix it."""


def _text(value: Any, lang: str) -> str | None:
    """Pick the text for `lang` from a {sv, en} mapping, falling back to Swedish."""
    if not isinstance(value, dict):
        return value
    return value.get(lang) or value.get("sv")


@dataclass(frozen=True)
class Resource:
    """One service: who it is for, how to reach it, when it is open."""

    id: str
    name: dict[str, str]
    description: dict[str, str]
    audiences: tuple[str, ...]
    topics: tuple[str, ...]
    area: str
    phone: str | None = None
    sms: str | None = None
    chat_url: str | None = None
    url: str | None = None
    address: str | None = None
    hours: str | None = None
    hours_text: dict[str, str] | None = None
    languages: tuple[str, ...] = ()
    interpreter: bool | None = None
    anonymous: bool | None = None
    free: bool | None = None
    verified: dt.date | None = None
    source: str | None = None
    opening: OpeningHours | None = field(default=None, compare=False, repr=False)

    def open_now(self, at: dt.datetime | None = None) -> bool | None:
        """True/False when the hours are known, None when they are not."""
        if self.opening is None:
            return None
        return bool(self.opening.is_open((at or dt.datetime.now(STOCKHOLM)).astimezone(STOCKHOLM)))

    def public(self, lang: str, at: dt.datetime | None = None) -> dict[str, Any]:
        """The resource object of the HTTP contract, in `lang`, with only the fields it has."""
        obj: dict[str, Any] = {
            "id": self.id,
            "name": _text(self.name, lang),
            "description": _text(self.description, lang),
            "phone": self.phone,
            "sms": self.sms,
            "chat_url": self.chat_url,
            "url": self.url,
            "address": self.address,
            "hours": _text(self.hours_text, lang) if self.hours_text else self.hours,
            "anonymous": self.anonymous,
            "free": self.free,
            "languages": list(self.languages),
            "area": self.area,
            "audiences": list(self.audiences),
            "topics": list(self.topics),
        }
        obj = {k: v for k, v in obj.items() if v is not None}
        obj["open_now"] = self.open_now(at)
        obj["verified"] = self.verified.isoformat() if self.verified else False
        return obj


class Catalogue:
    """An immutable snapshot of resources.yml with look-ups by id and by need."""

    def __init__(self, resources: Iterable[Resource]):
        self._by_id = {r.id: r for r in resources}

    def __len__(self) -> int:
        return len(self._by_id)

    def __contains__(self, resource_id: object) -> bool:
        return resource_id in self._by_id

    def get(self, resource_id: str) -> Resource:
        return self._by_id[resource_id]

    def all(self) -> list[Resource]:
        return list(self._by_id.values())

    def find(
        self,
        audience: str | None = None,
        topic: str | None = None,
        area: str | None = None,
        lang: str | None = None,
        open_now: bool = False,
        at: dt.datetime | None = None,
    ) -> list[Resource]:
        """Resources matching every given filter, in file order.

        `audience` also matches services for everyone (listed after those made for it); `open_now` keeps only those known to be
        open at `at` (default: now in Stockholm).
        """
        found = []
        for r in self._by_id.values():
            if audience and audience not in r.audiences and "everyone" not in r.audiences:
                continue
            if topic and topic not in r.topics:
                continue
            if area and r.area != area:
                continue
            if lang and r.languages and lang not in r.languages and not r.interpreter:
                continue
            if open_now and r.open_now(at) is not True:
                continue
            found.append(r)
        if audience:  # services made for this audience before those for everyone
            found.sort(key=lambda r: audience not in r.audiences)
        return found


def _resource_from_entry(entry: dict[str, Any]) -> Resource:
    data = dict(entry)
    data.pop("confirm_phone", None)  # only for the check (bot/core/resource_check.py)
    for key in ("audiences", "topics", "languages"):
        data[key] = tuple(data.get(key) or ())
    if data.get("verified") is False:
        data["verified"] = None
    for key in ("phone", "sms"):
        if data.get(key) is not None:
            data[key] = str(data[key])
    if data.get("hours"):
        data["opening"] = OpeningHours(data["hours"], timezone=STOCKHOLM, country="SE")
    return Resource(**data)


def parse(text: str, file: str = "resources.yml") -> Catalogue:
    """Build a Catalogue from the text of resources.yml.

    Raises ResourceError listing every error (see bot.core.resource_check); warnings do not stop it.
    """
    errors = [str(f) for f in validate(text, file) if f.error]
    if errors:
        raise ResourceError("\n".join(errors))
    return Catalogue(_resource_from_entry(entry) for entry in yaml.safe_load(text)["resources"])


def load(path: Path = DEFAULT_PATH) -> Catalogue:
    """Read and parse resources.yml."""
    path = Path(path)
    return parse(path.read_text(encoding="utf-8"), path.name)


# The writer's roles (bot.understanding.roles) that are audiences of resources.yml too.
ROLE_AUDIENCES = ("subjected", "uses_violence", "concerned", "professional")


def lines_for(catalogue: Catalogue, role: str | None = None) -> list[Resource]:
    """The lines to call or chat with for a writer in `role`: those made for that role (or for
    everyone); without a known role every line for the public (a line only for professionals,
    such as the NCH line, is left out)."""
    if role in ROLE_AUDIENCES:
        return catalogue.find(topic="talk", audience=role)
    return [r for r in catalogue.find(topic="talk") if set(r.audiences) != {"professional"}]


def open_lines(
    catalogue: Catalogue, at: dt.datetime | None = None, role: str | None = None
) -> list[Resource]:
    """The lines for `role` that are open now (or `at`) by their hours; a line whose hours are
    not known is never said to be open."""
    return [r for r in lines_for(catalogue, role) if r.open_now(at) is True]


def people_to_talk_to(
    catalogue: Catalogue, role: str | None = None, at: dt.datetime | None = None
) -> list[Resource]:
    """Lines to talk to when the bot has not understood several times: the writer's own first
    (open now, else all of them), then the lines open now for anyone, in case the role was
    misread. Round 17 gave a man who had told of his violence only Kvinnofridslinjen and BRIS.
    Someone asking at work gets social services that may answer now first: where they report and
    consult (round 45 gave a home-care worker asking whom to contact in the municipality the
    honour line, Mind and Kvinnofridslinjen)."""
    anyone = open_lines(catalogue, at) or lines_for(catalogue, None)
    if role not in ROLE_AUDIENCES:
        return anyone
    own = open_lines(catalogue, at, role) or lines_for(catalogue, role)
    if role == "professional":
        own = [*social_services_now(catalogue, at, role), *own]
    return [*own, *(r for r in anyone if r not in own)]


def social_services_now(
    catalogue: Catalogue, at: dt.datetime | None = None, role: str | None = None
) -> list[Resource]:
    """Social services for `role` that may answer now: those open by their hours and those whose
    hours are not known (Socialjouren, evenings and weekends), never one known to be closed.
    A report of concern or a place to sleep tonight needs them, not a line to talk to (round 16
    told a teacher in the evening that no line for her was open)."""
    found = catalogue.find(topic="social_services", audience=role if role in ROLE_AUDIENCES else None)
    return [r for r in found if r.open_now(at) is not False]


class LiveCatalogue:
    """The current Catalogue of a file, reloaded when the file changes.

    A changed file is checked at most once per `interval` seconds (a cheap stat). A valid new file
    replaces the snapshot atomically and is copied (`last_good`); a broken one is logged, the last
    good snapshot kept, and the reason kept in `rejected` until a good file is saved. A broken file
    at start does not stop the service: the last good copy is used, or without one the built-in
    crisis numbers, and `rejected` says why.
    """

    def __init__(self, path: Path = DEFAULT_PATH, interval: float = 1.0):
        self.path = Path(path)
        self.interval = interval
        # the last file taken into use, for a start with a broken one: next to it, or where
        # $BOT_RESOURCES_COPY says (a deployment whose code directory is read-only)
        copy = settings.resources_copy()
        self.last_good = copy or self.path.with_name(f".{self.path.name}.last-good")
        self._lock = threading.Lock()
        self._stamp = self._file_stamp()
        self._checked = time.monotonic()
        # Why the latest saved file was not taken into use (None when it was): shown on /readyz
        self.rejected: str | None = None
        try:
            self._catalogue = self._take(self.path)
        except (OSError, ResourceError) as e:
            self._catalogue, self.rejected = self._fallback(str(e))

    def _take(self, path: Path) -> Catalogue:
        """Load `path` and keep a copy of it as the last good file."""
        text = path.read_text(encoding="utf-8")
        catalogue = parse(text, path.name)
        try:  # a copy per process; written whole, then renamed, so a reader never sees half
            temporary = self.last_good.with_name(f"{self.last_good.name}.{os.getpid()}")
            temporary.write_text(text, encoding="utf-8")
            os.replace(temporary, self.last_good)
        except OSError as e:  # a read-only disk: the service runs, only without the copy
            log.warning("Could not keep a copy of the good resources.yml: %s", type(e).__name__)
        return catalogue

    def _fallback(self, reason: str) -> tuple[Catalogue, str]:
        """The last good copy, or the built-in crisis numbers, and what staff are told."""
        log.error("resources.yml cannot be used at start: %s", reason)
        try:
            catalogue = load(self.last_good)
            return catalogue, f"{reason}\n(den senaste fungerande kopian av resources.yml används)"
        except (OSError, ResourceError):
            catalogue = load(CRISIS_CATALOGUE_PATH)
            return catalogue, f"{reason}\n(bara 112, Kvinnofridslinjen och Socialjouren visas)"

    def _file_stamp(self) -> tuple[int, int] | None:
        try:
            st = os.stat(self.path)
        except OSError:
            return None
        return (st.st_mtime_ns, st.st_size)

    def current(self) -> Catalogue:
        """The latest good snapshot (reloading first if the file changed)."""
        now = time.monotonic()
        if now - self._checked >= self.interval:
            self._checked = now
            self.reload_if_changed()
        return self._catalogue

    def reload_if_changed(self) -> bool:
        """Reload when the file's stamp changed; True when a new snapshot was taken."""
        stamp = self._file_stamp()
        if stamp is None or stamp == self._stamp:
            return False
        with self._lock:
            self._stamp = stamp
            try:
                self._catalogue = self._take(self.path)
            except (OSError, ResourceError) as e:
                self.rejected = str(e)
                log.error("resources.yml rejected, keeping the last good version: %s", e)
                return False
            self.rejected = None
        log.info("resources.yml reloaded: %d resources", len(self._catalogue))
        return True

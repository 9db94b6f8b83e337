"""Check resources.yml the way an editor needs it: every problem with its line and a fix.

`validate(text)` returns findings such as
    resources.yml:42: 'phone' of 'bris' is not a valid Swedish phone number: "116 1111". ...
Errors make the file unusable (the running service keeps its last good version); warnings
(an old or missing `verified` date) do not. `python -m bot check` prints them all.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse

import phonenumbers
import yaml
from opening_hours import OpeningHours, ParserError
from phonenumbers import shortnumberinfo

AUDIENCES = (
    "subjected",
    "uses_violence",
    "honour",
    "young",
    "concerned",
    "professional",
    "everyone",
)
TOPICS = (
    "emergency", "talk", "police", "health", "shelter", "social_services", "suicide",
    "municipal", "legal",
)  # fmt: skip
AREAS = ("orebro_kommun", "orebro_lan", "national")
ALLOWED = {"audiences": AUDIENCES, "topics": TOPICS, "area": AREAS}
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}$")
ID_PATTERN = re.compile(r"^[a-z0-9_]+$")
VERIFIED_MAX_AGE_DAYS = 180

REQUIRED = ("id", "name", "description", "audiences", "topics", "area")
FIELDS = (
    *REQUIRED, "phone", "sms", "chat_url", "url", "address", "hours", "hours_text",
    "languages", "interpreter", "anonymous", "free", "verified", "source",
)  # fmt: skip


@dataclass(frozen=True)
class Finding:
    """One problem in a file: where it is and what to do about it."""

    file: str
    line: int
    message: str
    error: bool = True

    def __str__(self) -> str:
        kind = "" if self.error else "warning: "
        return f"{self.file}:{self.line}: {kind}{self.message}"


def valid_phone(number: str) -> bool:
    """A Swedish number as people dial it: ordinary numbers and short ones (112, 116 111)."""
    try:
        parsed = phonenumbers.parse(number, "SE")
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.is_valid_number(parsed) or shortnumberinfo.is_valid_short_number(parsed)


def valid_url(url: str) -> bool:
    parts = urlparse(url)
    return parts.scheme == "https" and "." in parts.netloc and " " not in url


class _Checker:
    """Walks the composed YAML so every finding knows its line."""

    def __init__(self, file: str, today: dt.date):
        self.file = file
        self.today = today
        self.findings: list[Finding] = []

    def add(self, node: yaml.Node, message: str, error: bool = True) -> None:
        self.findings.append(Finding(self.file, node.start_mark.line + 1, message, error))

    def check_document(self, root: yaml.Node | None) -> None:
        entries = _value_node(root, "resources") if isinstance(root, yaml.MappingNode) else None
        if not isinstance(entries, yaml.SequenceNode) or not entries.value:
            node = root or yaml.ScalarNode("tag:yaml.org,2002:null", "", _Mark(0), _Mark(0))
            self.add(node, "the file must start with 'resources:' followed by a list of services")
            return
        seen: dict[str, int] = {}
        for entry in entries.value:
            self.check_entry(entry, seen)

    def check_entry(self, entry: yaml.Node, seen: dict[str, int]) -> None:
        if not isinstance(entry, yaml.MappingNode):
            self.add(
                entry, "each service must be a block of 'field: value' lines starting with '- id:'"
            )
            return
        fields = {key.value: (key, value) for key, value in entry.value}
        data = yaml.safe_load(yaml.serialize(entry))
        rid = data.get("id")
        label = f"'{rid}'" if rid else "this service"
        for name, (key, _value) in fields.items():
            if name not in FIELDS:
                self.add(
                    key,
                    f"unknown field '{name}' in {label}. Check the spelling; allowed fields: {', '.join(FIELDS)}",
                )
        for name in REQUIRED:
            if data.get(name) in (None, "", [], {}):
                self.add(
                    entry,
                    f"{label} has no '{name}'. Add '{name}:' (see the list of fields at the top of the file)",
                )
        if rid is not None:
            self.check_id(fields["id"][1], str(rid), seen)
        for name, (_key, value) in fields.items():
            check = FIELD_CHECKS.get(name)
            if check and data.get(name) not in (None, ""):
                check(self, value, data[name], name, label)
        if "verified" not in fields or data.get("verified") in (None, False):
            self.add(
                entry,
                f"{label} is not verified. Check the facts at the source and set 'verified: {self.today.isoformat()}'",
                error=False,
            )

    def check_id(self, node: yaml.Node, rid: str, seen: dict[str, int]) -> None:
        if not ID_PATTERN.match(rid):
            self.add(
                node,
                f"id '{rid}' may only use small letters a-z, digits and _ (no spaces or å/ä/ö)",
            )
        if rid in seen:
            self.add(
                node,
                f"id '{rid}' is used twice (also on line {seen[rid]}). Give each service its own id",
            )
        seen.setdefault(rid, node.start_mark.line + 1)

    def _translated(self, node: yaml.Node, value: Any, field: str, label: str) -> None:
        if not isinstance(value, dict) or not all(
            isinstance(value.get(lang), str) and value[lang].strip() for lang in ("sv", "en")
        ):
            self.add(
                node,
                f'\'{field}\' of {label} needs both languages, like  {field}: {{sv: "…", en: "…"}}',
            )

    def _listed(self, node: yaml.Node, value: Any, field: str, label: str) -> None:
        allowed = ALLOWED[field]
        values = value if isinstance(value, list) else [value]
        for item in values:
            if item not in allowed:
                self.add(
                    node,
                    f"'{field}' of {label} has '{item}', which is not one of: {', '.join(allowed)}",
                )

    def _languages(self, node: yaml.Node, value: Any, _field: str, label: str) -> None:
        if not isinstance(value, list) or not all(
            isinstance(v, str) and LANGUAGE_CODE.match(v) for v in value
        ):
            self.add(
                node, f"'languages' of {label} must be a list of language codes, like [sv, en, ar]"
            )

    def _phone(self, node: yaml.Node, value: Any, field: str, label: str) -> None:
        if not valid_phone(str(value)):
            self.add(
                node,
                f'\'{field}\' of {label} is not a valid Swedish phone number: "{value}". Write it as it is dialled, like "020-50 50 50" or "116 111"',
            )

    def _url(self, node: yaml.Node, value: Any, field: str, label: str) -> None:
        if not isinstance(value, str) or not valid_url(value):
            self.add(
                node,
                f"'{field}' of {label} is not a valid link: \"{value}\". It must start with https:// and have no spaces",
            )

    def _hours(self, node: yaml.Node, value: Any, _field: str, label: str) -> None:
        try:
            OpeningHours(str(value))
        except (ParserError, SyntaxError, ValueError):
            self.add(
                node,
                f'\'hours\' of {label} cannot be read: "{value}". Use OpenStreetMap\'s format, like "Mo-Fr 08:00-17:00; PH off" or "24/7", or leave it out',
            )

    def _boolean(self, node: yaml.Node, value: Any, field: str, label: str) -> None:
        if not isinstance(value, bool):
            self.add(node, f"'{field}' of {label} must be true or false, not \"{value}\"")

    def _verified(self, node: yaml.Node, value: Any, _field: str, label: str) -> None:
        if value is False:
            return
        if not isinstance(value, dt.date):
            self.add(
                node,
                f"'verified' of {label} must be a date like {self.today.isoformat()}, or false",
            )
        elif (self.today - value).days > VERIFIED_MAX_AGE_DAYS:
            self.add(
                node,
                f"{label} was last verified {value.isoformat()}, more than {VERIFIED_MAX_AGE_DAYS} days ago. Check the facts and update 'verified'",
                error=False,
            )
        elif value > self.today:
            self.add(node, f"'verified' of {label} is in the future ({value.isoformat()})")


# Which check each field gets; each is called as check(checker, node, value, field, label).
FIELD_CHECKS = {
    **dict.fromkeys(("name", "description", "hours_text"), _Checker._translated),
    **dict.fromkeys(("audiences", "topics", "area"), _Checker._listed),
    **dict.fromkeys(("phone", "sms"), _Checker._phone),
    **dict.fromkeys(("url", "chat_url"), _Checker._url),
    **dict.fromkeys(("interpreter", "anonymous", "free"), _Checker._boolean),
    "languages": _Checker._languages,
    "hours": _Checker._hours,
    "verified": _Checker._verified,
}


class _Mark:
    def __init__(self, line: int):
        self.line = line


def _value_node(mapping: yaml.MappingNode, key: str) -> yaml.Node | None:
    for k, v in mapping.value:
        if k.value == key:
            return v
    return None


def validate(text: str, file: str = "resources.yml", today: dt.date | None = None) -> list[Finding]:
    """Every error and warning in the text of resources.yml, in file order."""
    checker = _Checker(file, today or dt.date.today())
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None) or getattr(e, "context_mark", None)
        line = mark.line + 1 if mark else 1
        problem = getattr(e, "problem", None) or str(e)
        return [
            Finding(
                file,
                line,
                f"the file is not valid YAML ({problem}). Check indentation and quotes on this line or the one before",
            )
        ]
    checker.check_document(root)
    return sorted(checker.findings, key=lambda f: f.line)

"""Check resources.yml the way an editor needs it: every problem with its line and a fix, in
Swedish (the editors' guide, docs/redaktorer.md, is Swedish).

`validate(text)` returns findings such as
    resources.yml:42: Numret till 'bris' ska vara "116 111", men här står "116 1111". ...
Errors make the file unusable (the running service keeps its last good version and says so on
/readyz); warnings (an old or missing `verified` date) do not. `python -m bot check` prints them.

The numbers of the national and Örebro crisis lines are pinned (PINNED_PHONES): a typo there
would reach people in danger within a second, so a different number is an error unless the
editor confirms it with `confirm_phone:` after checking it at the service itself.
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
    "languages", "interpreter", "anonymous", "free", "verified", "source", "confirm_phone",
)  # fmt: skip

# Numbers that do not change without national news (seed-resources.md, high confidence).
PINNED_PHONES = {
    "emergency": "112",
    "police": "114 14",
    "vardguiden": "1177",
    "kvinnofridslinjen": "020-50 50 50",
    "bris": "116 111",
    "brottsofferjouren": "116 006",
    "valj_att_sluta": "020-555 666",
    "mind_sjalvmordslinjen": "90101",
    "servicecenter": "019-21 10 00",
    "socialtjansten": "019-21 30 00",
    "socialjouren": "019-21 41 05",
    "tris": "010-255 91 91",
}
# Short numbers a service may have; every other number is dialled with 0 (or +46).
SHORT_NUMBERS = ("112", "11414", "1177", "116111", "116006", "116000", "90101", "11313")


@dataclass(frozen=True)
class Finding:
    """One problem in a file: where it is and what to do about it."""

    file: str
    line: int
    message: str
    error: bool = True

    def __str__(self) -> str:
        kind = "" if self.error else "varning: "
        return f"{self.file}:{self.line}: {kind}{self.message}"


def digits(number: str) -> str:
    return "".join(ch for ch in number if ch.isdigit())


def valid_phone(number: str) -> bool:
    """A Swedish number as people dial it: digits, spaces and dashes only (no letters, which
    phonenumbers would read as a keypad word); a known short number (112, 116 111), or a valid
    number dialled with 0 or +."""
    if not re.fullmatch(r"\+?[\d -]+", number.strip()):
        return False
    if digits(number) in SHORT_NUMBERS:
        return True
    if not number.strip().startswith(("0", "+")):
        return False
    try:
        parsed = phonenumbers.parse(number, "SE")
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.is_valid_number(parsed)


def valid_sms(number: str) -> bool:
    """A number a text message can go to: a Swedish mobile number (07…) or a short SMS number."""
    if re.fullmatch(r"[1-9][\d ]{3,6}", number.strip()):
        return True  # a short number such as "72 000"
    if not valid_phone(number):
        return False
    kind = phonenumbers.number_type(phonenumbers.parse(number, "SE"))
    return kind in (
        phonenumbers.PhoneNumberType.MOBILE,
        phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
    )


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
            self.add(node, "filen ska börja med 'resources:' och sedan en lista med tjänster")
            return
        seen: dict[str, int] = {}
        for entry in entries.value:
            self.check_entry(entry, seen)

    def check_entry(self, entry: yaml.Node, seen: dict[str, int]) -> None:
        if not isinstance(entry, yaml.MappingNode):
            self.add(
                entry,
                "varje tjänst ska vara ett block med rader 'fält: värde' som börjar med '- id:'",
            )
            return
        fields = {key.value: (key, value) for key, value in entry.value}
        data = yaml.safe_load(yaml.serialize(entry))
        rid = data.get("id")
        label = f"'{rid}'" if rid else "den här tjänsten"
        for name, (key, _value) in fields.items():
            if name not in FIELDS:
                self.add(
                    key,
                    f"okänt fält '{name}' i {label}. Kontrollera stavningen; tillåtna fält: {', '.join(FIELDS)}",
                )
        for name in REQUIRED:
            if data.get(name) in (None, "", [], {}):
                self.add(
                    entry,
                    f"{label} saknar '{name}'. Lägg till '{name}:' (se listan över fälten överst i filen)",
                )
        if rid is not None:
            self.check_id(fields["id"][1], str(rid), seen)
        for name, (_key, value) in fields.items():
            check = FIELD_CHECKS.get(name)
            if name == "phone" and rid in PINNED_PHONES:
                continue  # check_pinned says what it should be, valid or not
            if check and data.get(name) not in (None, ""):
                check(self, value, data[name], name, label)
        if data.get("hours") and isinstance(data.get("hours_text"), dict):
            self.check_hours_agree(fields["hours_text"][1], str(data["hours"]), data, label)
        if rid in PINNED_PHONES and "phone" in fields:
            self.check_pinned(fields["phone"][1], str(data.get("phone")), data, label)
        if "verified" not in fields or data.get("verified") in (None, False):
            self.add(
                entry,
                f"{label} är inte kontrollerad. Kontrollera uppgifterna hos källan och skriv 'verified: {self.today.isoformat()}'",
                error=False,
            )

    def check_pinned(self, node: yaml.Node, phone: str, data: dict, label: str) -> None:
        """A crisis line's number differs from the pinned one only with `confirm_phone`."""
        pinned = PINNED_PHONES[data["id"]]
        if not valid_phone(phone):
            self.add(
                node,
                f'numret till {label} ska vara "{pinned}", men här står "{phone}", som inte är ett '
                f'giltigt telefonnummer (bara siffror, mellanslag och bindestreck). Skriv "{pinned}"',
            )
            return
        if digits(phone) == digits(pinned):
            return
        if str(data.get("confirm_phone", "")).strip() == phone.strip():
            return
        self.add(
            node,
            f'numret till {label} ska vara "{pinned}", men här står "{phone}". Skriv "{pinned}". '
            "Har tjänsten verkligen bytt nummer? Kontrollera det hos tjänsten själv och skriv då "
            f'också  confirm_phone: "{phone}"  på en egen rad i samma block',
        )

    def check_hours_agree(self, node: yaml.Node, hours: str, data: dict, label: str) -> None:
        """The hours people read must say what `hours` says (which decides "open now")."""
        for lang in ("sv", "en"):
            text = str(data["hours_text"].get(lang) or "")
            missing = hours_missing_from(hours, text, twelve_hour=lang == "en")
            if missing:
                self.add(
                    node,
                    f"'hours_text' ({lang}) för {label} säger inte samma sak som 'hours' "
                    f'("{hours}"): texten "{text}" ska nämna {missing}. Ändra den ena så att '
                    "de stämmer",
                )

    def check_id(self, node: yaml.Node, rid: str, seen: dict[str, int]) -> None:
        if not ID_PATTERN.match(rid):
            self.add(
                node,
                f"id '{rid}' får bara innehålla små bokstäver a-z, siffror och _ (inga mellanslag, inga å/ä/ö)",
            )
        if rid in seen:
            self.add(
                node,
                f"id '{rid}' används två gånger (också på rad {seen[rid]}). Ge varje tjänst ett eget id",
            )
        seen.setdefault(rid, node.start_mark.line + 1)

    def _translated(self, node: yaml.Node, value: Any, field: str, label: str) -> None:
        if not isinstance(value, dict) or not all(
            isinstance(value.get(lang), str) and value[lang].strip() for lang in ("sv", "en")
        ):
            self.add(
                node,
                f'\'{field}\' för {label} behöver båda språken, så här:  {field}: {{sv: "…", en: "…"}}',
            )

    def _listed(self, node: yaml.Node, value: Any, field: str, label: str) -> None:
        allowed = ALLOWED[field]
        values = value if isinstance(value, list) else [value]
        for item in values:
            if item not in allowed:
                self.add(
                    node,
                    f"'{field}' för {label} har '{item}', som inte är ett av: {', '.join(allowed)}",
                )

    def _languages(self, node: yaml.Node, value: Any, _field: str, label: str) -> None:
        if not isinstance(value, list) or not all(
            isinstance(v, str) and LANGUAGE_CODE.match(v) for v in value
        ):
            self.add(
                node,
                f"'languages' för {label} ska vara en lista med språkkoder, till exempel [sv, en, ar]",
            )

    def _phone(self, node: yaml.Node, value: Any, field: str, label: str) -> None:
        if not valid_phone(str(value)):
            self.add(
                node,
                f'\'{field}\' för {label} är inte ett giltigt svenskt telefonnummer: "{value}". Skriv numret som man slår det, med bara siffror, mellanslag och bindestreck och med 0 först, till exempel "020-50 50 50" eller "116 111"',
            )

    def _sms(self, node: yaml.Node, value: Any, field: str, label: str) -> None:
        if not valid_sms(str(value)):
            self.add(
                node,
                f'\'sms\' för {label} går inte att skicka sms till: "{value}". Skriv ett mobilnummer som "070-123 45 67" eller ett kort sms-nummer som "72 000"',
            )

    def _url(self, node: yaml.Node, value: Any, field: str, label: str) -> None:
        if not isinstance(value, str) or not valid_url(value):
            self.add(
                node,
                f"'{field}' för {label} är ingen giltig länk: \"{value}\". Den ska börja med https:// och inte ha mellanslag",
            )

    def _hours(self, node: yaml.Node, value: Any, _field: str, label: str) -> None:
        try:
            OpeningHours(str(value))
        except (ParserError, SyntaxError, ValueError):
            self.add(
                node,
                f'\'hours\' för {label} går inte att läsa: "{value}". Använd OpenStreetMaps format, till exempel "Mo-Fr 08:00-17:00; PH off" eller "24/7", eller ta bort fältet',
            )

    def _boolean(self, node: yaml.Node, value: Any, field: str, label: str) -> None:
        if not isinstance(value, bool):
            self.add(node, f"'{field}' för {label} ska vara true eller false, inte \"{value}\"")

    def _verified(self, node: yaml.Node, value: Any, _field: str, label: str) -> None:
        if value is False:
            return
        if not isinstance(value, dt.date):
            self.add(
                node,
                f"'verified' för {label} ska vara ett datum som {self.today.isoformat()}, eller false",
            )
        elif (self.today - value).days > VERIFIED_MAX_AGE_DAYS:
            self.add(
                node,
                f"{label} kontrollerades senast {value.isoformat()}, för mer än {VERIFIED_MAX_AGE_DAYS} dagar sedan. Kontrollera uppgifterna och uppdatera 'verified'",
                error=False,
            )
        elif value > self.today:
            self.add(node, f"'verified' för {label} ligger i framtiden ({value.isoformat()})")


# Which check each field gets; each is called as check(checker, node, value, field, label).
FIELD_CHECKS = {
    **dict.fromkeys(("name", "description", "hours_text"), _Checker._translated),
    **dict.fromkeys(("audiences", "topics", "area"), _Checker._listed),
    "phone": _Checker._phone,
    "sms": _Checker._sms,
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


ROUND_THE_CLOCK = {"sv": ("dygnet runt",), "en": ("24/7", "day and night", "around the clock")}


DAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
DAY_NAMES = {
    "sv": ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"),
    "en": ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
}
WEEKDAYS = {"sv": ("vardag",), "en": ("weekday",)}
EVERY_DAY = {"sv": ("alla dagar", "varje dag", "dagligen"), "en": ("every day", "daily")}
_DAY_RANGE = re.compile(r"\b(Mo|Tu|We|Th|Fr|Sa|Su)(?:\s*-\s*(Mo|Tu|We|Th|Fr|Sa|Su))?\b")


def _day_span(first: int, last: int) -> set[int]:
    return {(first + i) % 7 for i in range((last - first) % 7 + 1)}


def days_of_hours(hours: str) -> set[int]:
    """The weekdays (0 = Monday) on which `hours` (OpenStreetMap) opens."""
    days: set[int] = set()
    for rule in hours.split(";"):
        if re.search(r"\boff\b|\bclosed\b", rule) or not re.search(r"\d", rule):
            continue  # "PH off" and the like
        found = _DAY_RANGE.findall(rule.split(" ")[0]) if re.match(r"\s*[A-Z]", rule) else []
        for first, last in found or [("Mo", "Su")]:
            days |= _day_span(DAYS.index(first), DAYS.index(last or first))
    return days


def days_of_text(text: str, lang: str) -> set[int]:
    """The weekdays a readable hours text names ("måndag–fredag", "vardagar", "alla dagar")."""
    lowered = text.lower()
    if any(word in lowered for word in EVERY_DAY[lang]):
        return set(range(7))
    days = {0, 1, 2, 3, 4} if any(word in lowered for word in WEEKDAYS[lang]) else set()
    names = DAY_NAMES[lang]
    stems = "|".join(name[:3] for name in names)
    for first, last in re.findall(rf"\b({stems})\w*(?:\s*[–-]\s*({stems})\w*)?", lowered):
        start = next(i for i, name in enumerate(names) if name.startswith(first))
        end = next((i for i, name in enumerate(names) if last and name.startswith(last)), start)
        days |= _day_span(start, end)
    return days


def hours_missing_from(hours: str, text: str, twelve_hour: bool) -> str | None:
    """What of `hours` (OpenStreetMap) the readable `text` does not say, or None."""
    lowered = text.lower()
    lang = "en" if twelve_hour else "sv"
    if hours.strip() == "24/7":
        words = ROUND_THE_CLOCK[lang]
        return None if any(w in lowered for w in words) else f'"{words[0]}"'
    opens, said = days_of_hours(hours), days_of_text(text, lang)
    if said and said != opens or not said and len(opens) < 7:
        return "precis dagarna " + ", ".join(DAY_NAMES[lang][d] for d in sorted(opens))
    for hour, minute in re.findall(r"(\d{2}):(\d{2})", hours):
        h = int(hour) % 12 or 12 if twelve_hour else int(hour)
        forms = [str(h)] if minute == "00" else [f"{h}.{minute}", f"{h}:{minute}"]
        if not any(re.search(rf"(?<![\d.:]){re.escape(f)}(?![\d])", lowered) for f in forms):
            return f"klockan {hour}:{minute}"
    return None


# PyYAML's problems, in the words an editor needs (the most common first)
YAML_PROBLEMS = (
    ("\\t", "raden har en tabb: använd mellanslag (två per nivå) i stället"),
    ("mapping values are not allowed", "ett kolon (:) i en text: sätt texten inom citattecken"),
    ("could not find expected ':'", "ett kolon (:) saknas efter fältnamnet, eller ett citattecken"),
    ("while scanning a quoted scalar", 'ett citattecken (") saknas i slutet av en text'),
    ("found unexpected end of stream", 'ett citattecken (") saknas i slutet av en text'),
    ("did not find expected", "indraget stämmer inte med raderna runt omkring"),
    ("expected <block end>", "indraget stämmer inte med raderna runt omkring"),
)


def yaml_problem(problem: str) -> str:
    """What a YAML syntax error means, in Swedish."""
    meaning = next((m for key, m in YAML_PROBLEMS if key in problem), "något i formatet")
    return (
        f"filen går inte att läsa: {meaning}. Titta på den här raden och raden före "
        f"(två mellanslag per nivå, aldrig tabb; texter med kolon inom citattecken). [{problem}]"
    )


def validate(text: str, file: str = "resources.yml", today: dt.date | None = None) -> list[Finding]:
    """Every error and warning in the text of resources.yml, in file order."""
    checker = _Checker(file, today or dt.date.today())
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None) or getattr(e, "context_mark", None)
        line = mark.line + 1 if mark else 1
        return [Finding(file, line, yaml_problem(getattr(e, "problem", None) or str(e)))]
    checker.check_document(root)
    return sorted(checker.findings, key=lambda f: f.line)

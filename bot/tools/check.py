"""`python -m bot check`: find what would break the service before it ships.

Checks resources.yml (every field, see bot.core.resource_check); that every resource id the
responses and the gateway refer to exists; that every response has Swedish and English; that every
intent has training examples and a rule; that no service number or link is written outside
resources.yml; and (unless --quick) runs `rasa data validate`. Prints `file:line: message`; exit
code 1 on errors.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import yaml

from bot import PROJECT_ROOT
from bot.core.dialogue_files import answered_intents, declared_intents, domain, examples
from bot.core.render import CRISIS_RESOURCES, PLACEHOLDER
from bot.core.resource_check import Finding, validate
from bot.core.texts import TEXTS_DIR
from bot.tools.corpus_intents import corpus_intents
from bot.understanding.danger_dialogue import TOLD_ONLY as DANGER_TOLD_ONLY
from bot.understanding.roles import COUNTERPART_ONLY

FLOW_LIST = re.compile(r"resources:\s*\[([^\]]*)\]")


def referenced_ids(path: Path) -> list[tuple[int, str]]:
    """(line, resource id) for every `[[id.field]]` and `resources: [ids]` in a YAML file."""
    found = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        found += [(number, m.group(1)) for m in PLACEHOLDER.finditer(line)]
        for match in FLOW_LIST.finditer(line):
            found += [(number, rid.strip()) for rid in match.group(1).split(",") if rid.strip()]
    return found


def check_references(known: set[str], root: Path = PROJECT_ROOT) -> list[Finding]:
    """Resource ids used by responses and texts that resources.yml does not have."""
    texts_dir = root / TEXTS_DIR.relative_to(PROJECT_ROOT)
    files = sorted((root / "domain").glob("*.yml")) + sorted(texts_dir.glob("*.yml"))
    findings = [
        Finding(
            str(path.relative_to(root)),
            line,
            f"okänt resurs-id '{rid}'. Lägg till det i resources.yml eller rätta stavningen",
        )
        for path in files
        for line, rid in referenced_ids(path)
        if rid not in known
    ]
    findings += [
        Finding(
            "bot/core/render.py",
            1,
            f"kriskortet behöver tjänsten '{rid}', som saknas i resources.yml. Lägg tillbaka den",
        )
        for rid in CRISIS_RESOURCES
        if rid not in known
    ]
    return findings


def _line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number
    return 1


def check_languages(root: Path = PROJECT_ROOT) -> list[Finding]:
    """Every response needs a Swedish variation (no condition) and an English one."""
    findings = []
    for file in domain(root):
        path = file.path
        for name, variations in (file.doc.get("responses") or {}).items():
            conditions = [
                {(c.get("name"), c.get("value")) for c in v.get("condition") or []}
                for v in variations
            ]
            missing = [
                lang
                for lang, present in (
                    ("Swedish (a variation without condition)", set() in conditions),
                    (
                        "English (condition language = en)",
                        any(("language", "en") in c for c in conditions),
                    ),
                )
                if not present
            ]
            if missing:
                line = _line_of(path, f"{name}:")
                findings.append(
                    Finding(
                        str(path.relative_to(root)),
                        line,
                        f"response '{name}' has no {' and no '.join(missing)}",
                    )
                )
    return findings


def check_coverage(root: Path = PROJECT_ROOT) -> list[Finding]:
    """Every intent a topic declares has training examples, in data/nlu/ or from the role corpus
    (unless the role check reaches it only as another role's counterpart of a topic:
    roles.COUNTERPART_ONLY, or the danger answer only as the kind of danger told:
    danger_dialogue.TOLD_ONLY) and a rule (or story)."""
    with_examples = set(examples(root)) | corpus_intents(root / "data" / "roles" / "train")
    with_rules = answered_intents(root)
    findings = []
    for intent, file in declared_intents(root).items():
        rel, line = str(file.path.relative_to(root)), _line_of(file.path, f"- {intent}")
        if intent not in with_examples and intent not in COUNTERPART_ONLY | DANGER_TOLD_ONLY:
            findings.append(
                Finding(rel, line, f"intent '{intent}' has no training examples in data/nlu/ or data/roles/train/")
            )
        if intent not in with_rules:
            findings.append(
                Finding(rel, line, f"intent '{intent}' has no rule in data/rules/ (a dead end)")
            )
    return findings


# A Swedish service number as written (020-50 50 50, 019-21 10 00, 116 111, 114 14, 1177, 90101)
# or a link.
_SERVICE_NUMBER = re.compile(
    r"(?<![\w\[.-])(0\d{1,3}-[\d ]{5,10}\d|11\d[ ]\d{2,3}(?: \d{3})?|1177|90101|112)(?![\w\]])"
)
_LINK = re.compile(r"https?://|www\.|\b[a-z0-9-]+\.se\b")
_TEXTS_FOLDER = str(TEXTS_DIR.relative_to(PROJECT_ROOT))
_HARDCODE_SCAN = (
    ("domain", "*.yml"),
    (_TEXTS_FOLDER, "*.yml"),
    ("widget", "*.js"),
    ("widget", "*.html"),
)
_TOP_LEVEL_KEY = re.compile(r"([\w-]+):")


def _may_write(rel: str, section: str | None, number: str) -> bool:
    """112 may be written where it must show even when the server cannot be reached: in the
    widget's script and in its texts (the `widget` section of a texts file)."""
    in_widget_texts = rel.startswith(_TEXTS_FOLDER + "/") and section == "widget"
    return number == "112" and (rel == "widget/widget.js" or in_widget_texts)


def check_hardcoded(root: Path = PROJECT_ROOT) -> list[Finding]:
    """Service numbers and links belong in resources.yml only."""
    findings = []
    for folder, pattern in _HARDCODE_SCAN:
        for path in sorted((root / folder).glob(pattern)):
            rel, section = str(path.relative_to(root)), None
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if line.lstrip().startswith(("#", "//", "*", "/*")):
                    continue
                if path.suffix == ".yml" and (key := _TOP_LEVEL_KEY.match(line)):
                    section = key.group(1)
                for match in _SERVICE_NUMBER.finditer(line):
                    if not _may_write(rel, section, match.group(1)):
                        findings.append(
                            Finding(
                                rel,
                                number,
                                f"the number {match.group(1)} is written here; use [[id.phone]] with an id from resources.yml",
                            )
                        )
                if path.suffix == ".yml" and _LINK.search(line):
                    findings.append(
                        Finding(
                            rel,
                            number,
                            "a link is written here; use [[id.url]] with an id from resources.yml",
                        )
                    )
    return findings


def rasa_validate(root: Path = PROJECT_ROOT) -> list[Finding]:
    """Rasa's own data validation (slow: it imports Rasa)."""
    result = subprocess.run(
        [sys.executable, "-m", "bot.rasa_plugins.rasa_cli", "data", "validate", "--fail-on-warnings",
         "--domain", "domain", "--data", "data", "--config", "config.yml"],
        cwd=root, capture_output=True, text=True,
        env=dict(os.environ, RASA_TELEMETRY_ENABLED="false", PYTHONWARNINGS="ignore"),
    )  # fmt: skip
    if result.returncode == 0:
        return []
    lines = [
        line
        for line in (result.stdout + result.stderr).splitlines()
        if "UserWarning" in line or "ERROR" in line
    ]
    return [
        Finding("data", 1, f"rasa data validate failed: {line.strip()}") for line in lines[-10:]
    ] or [Finding("data", 1, "rasa data validate failed; run it to see why")]


def run(root: Path = PROJECT_ROOT, resources: Path | None = None) -> list[Finding]:
    """All findings for the project at `root` (with another resources file, if given)."""
    resources = resources or root / "resources.yml"
    findings = validate(resources.read_text(encoding="utf-8"), resources.name)
    try:
        entries = yaml.safe_load(resources.read_text(encoding="utf-8")).get("resources") or []
        known = {str(e.get("id")) for e in entries if isinstance(e, dict)}
    except (yaml.YAMLError, AttributeError):
        return findings
    return (
        findings
        + check_references(known, root)
        + check_languages(root)
        + check_coverage(root)
        + check_hardcoded(root)
    )


def main(resources: Path | None = None, quick: bool = False) -> int:
    findings = run(resources=resources) + ([] if quick else rasa_validate())
    for finding in findings:
        print(finding)
    errors = sum(f.error for f in findings)
    print(f"{errors} fel, {len(findings) - errors} varning(ar).")
    return 1 if errors else 0

"""`python -m bot check`: find what would break the service before it ships.

Checks resources.yml (every field, see bot.resource_check) and that every resource id the
responses and the gateway refer to exists. Prints `file:line: message`; exit code 1 on errors.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from bot import PROJECT_ROOT
from bot.render import CRISIS_RESOURCES, PLACEHOLDER
from bot.resource_check import Finding, validate

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
    files = sorted((root / "domain").glob("*.yml")) + sorted((root / "bot" / "texts").glob("*.yml"))
    findings = [
        Finding(
            str(path.relative_to(root)),
            line,
            f"unknown resource id '{rid}'. Add it to resources.yml or fix the spelling",
        )
        for path in files
        for line, rid in referenced_ids(path)
        if rid not in known
    ]
    findings += [
        Finding(
            "bot/render.py",
            1,
            f"the crisis card needs resource '{rid}', which resources.yml does not have",
        )
        for rid in CRISIS_RESOURCES
        if rid not in known
    ]
    return findings


def run(root: Path = PROJECT_ROOT, resources: Path | None = None) -> list[Finding]:
    """All findings for the project at `root` (with another resources file, if given)."""
    resources = resources or root / "resources.yml"
    findings = validate(resources.read_text(encoding="utf-8"), resources.name)
    try:
        entries = yaml.safe_load(resources.read_text(encoding="utf-8")).get("resources") or []
        known = {str(e.get("id")) for e in entries if isinstance(e, dict)}
    except (yaml.YAMLError, AttributeError):
        return findings
    return findings + check_references(known, root)


def main(resources: Path | None = None) -> int:
    findings = run(resources=resources)
    for finding in findings:
        print(finding)
    errors = sum(f.error for f in findings)
    print(f"{errors} error(s), {len(findings) - errors} warning(s).")
    return 1 if errors else 0

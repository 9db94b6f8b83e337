"""The dialogue files, read in one place: the split domain (domain/*.yml: intents and responses,
one file per topic), the rules and stories (data/rules/, data/stories/) and the intent examples
(data/nlu/).

The gateway (which `/payloads` may pass to Rasa), `bot check`, `bot review`, the staff
explanation of a turn and the intent evaluation all ask this module, so that they agree on what
the files say. Rasa reads the same files itself when it trains.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bot import PROJECT_ROOT


@dataclass(frozen=True)
class DialogueFile:
    """One YAML file of a dialogue folder, parsed."""

    path: Path
    doc: dict[str, Any]

    @property
    def topic(self) -> str:
        """The topic the file is about: its name without .yml."""
        return self.path.stem


def read(folder: Path) -> list[DialogueFile]:
    """Every *.yml file of `folder`, parsed, in name order (an empty file is an empty doc)."""
    return [
        DialogueFile(path, yaml.safe_load(path.read_text(encoding="utf-8")) or {})
        for path in sorted(Path(folder).glob("*.yml"))
    ]


def domain(root: Path = PROJECT_ROOT) -> list[DialogueFile]:
    return read(root / "domain")


def intent_name(entry: str | dict[str, Any]) -> str:
    """An intent as the domain lists it: a name, or a name with options."""
    return entry if isinstance(entry, str) else next(iter(entry))


def declared_intents(root: Path = PROJECT_ROOT) -> dict[str, DialogueFile]:
    """Each intent the domain declares, with the file (topic) that declares it."""
    return {
        intent_name(entry): file for file in domain(root) for entry in file.doc.get("intents") or []
    }


def responses(root: Path = PROJECT_ROOT) -> dict[str, list[dict[str, Any]]]:
    """Each response of the domain with its variations (Swedish, English, ...)."""
    return {
        name: variations
        for file in domain(root)
        for name, variations in (file.doc.get("responses") or {}).items()
    }


def step_intents(step: dict[str, Any]) -> list[str]:
    """The intents a rule or story step matches: one, or several under `or`."""
    if "intent" in step:
        return [step["intent"]]
    return [option["intent"] for option in step.get("or") or [] if "intent" in option]


@dataclass(frozen=True)
class Rule:
    """A rule of data/rules/ that answers one user turn."""

    file: DialogueFile
    name: str
    intents: list[str]  # the intents of its one user turn
    actions: list[str]  # what it runs, in order

    @property
    def label(self) -> str:
        """How staff find it: "perpetrator.yml: uses violence"."""
        return f"{self.file.path.name}: {self.name}"


def one_turn_rules(root: Path = PROJECT_ROOT) -> dict[str, Rule]:
    """intent -> the rule that answers it (the rules with one user turn; the dialogue's rules are
    one intent and then its answer)."""
    found = {}
    for file in read(root / "data" / "rules"):
        for rule in file.doc.get("rules") or []:
            steps = rule.get("steps") or []
            turns = [step for step in steps if step_intents(step)]
            if len(turns) == 1:
                actions = [step["action"] for step in steps if "action" in step]
                for intent in step_intents(turns[0]):
                    found[intent] = Rule(file, rule["rule"], step_intents(turns[0]), actions)
    return found


def answered_intents(root: Path = PROJECT_ROOT) -> set[str]:
    """The intents some rule or story has a step for."""
    found: set[str] = set()
    for folder, key in (("rules", "rules"), ("stories", "stories")):
        for file in read(root / "data" / folder):
            for item in file.doc.get(key) or []:
                for step in item.get("steps") or []:
                    found.update(step_intents(step))
    return found


def examples(root: Path = PROJECT_ROOT) -> dict[str, list[str]]:
    """intent -> its training examples in data/nlu/."""
    found: dict[str, list[str]] = {}
    for file in read(root / "data" / "nlu"):
        for item in file.doc.get("nlu") or []:
            if "intent" in item:
                lines = [line.strip()[2:] for line in item["examples"].splitlines() if line.strip()]
                found.setdefault(item["intent"], []).extend(lines)
    return found

"""The service's own texts, one YAML file per language in bot/core/texts/: the gateway's (crisis
card, errors), the /stod page's, the labels on a service's card and the widget's."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

TEXTS_DIR = Path(__file__).resolve().parent / "texts"
DEFAULT_LANGUAGE = "sv"


@cache
def _load(lang: str) -> dict[str, Any]:
    return yaml.safe_load((TEXTS_DIR / f"{lang}.yml").read_text(encoding="utf-8"))


@cache
def languages() -> tuple[str, ...]:
    """Language codes that have a texts file."""
    return tuple(sorted(p.stem for p in TEXTS_DIR.glob("*.yml")))


def value(key: str, lang: str) -> Any:
    """Any value `key` of `lang`'s file (a text, a list, a flag), falling back to Swedish."""
    if lang in languages():
        found = _load(lang).get(key)
        if found is not None and found != "":
            return found
    return _load(DEFAULT_LANGUAGE).get(key)


def text(key: str, lang: str) -> str:
    """The text `key` in `lang`, or in Swedish when that language has no file or no such key."""
    return str(value(key, lang))

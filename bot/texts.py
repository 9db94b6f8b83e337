"""The gateway's own texts (crisis card, errors), one YAML file per language in bot/texts/."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

TEXTS_DIR = Path(__file__).resolve().parent / "texts"
DEFAULT_LANGUAGE = "sv"


@cache
def _load(lang: str) -> dict[str, str]:
    return yaml.safe_load((TEXTS_DIR / f"{lang}.yml").read_text(encoding="utf-8"))


def languages() -> list[str]:
    """Language codes that have a texts file."""
    return sorted(p.stem for p in TEXTS_DIR.glob("*.yml"))


def text(key: str, lang: str) -> str:
    """The text `key` in `lang`, or in Swedish when that language has no file or no such key."""
    if lang in languages():
        value = _load(lang).get(key)
        if value:
            return value
    return _load(DEFAULT_LANGUAGE)[key]

"""Örebro kommun's anonymous support chat: gateway, supervisor, resources and privacy tools."""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent

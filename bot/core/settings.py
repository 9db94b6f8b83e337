"""The service's settings that come from the environment, read in one place, with clear errors.

`bot serve` passes its choices to the processes it starts through these variables (the
supervisor sets them from its command line); a deployment may also set them itself
(deploy/systemd, deploy/kubernetes). A value the service cannot use stops the process with a
message that names the variable, not with a traceback from inside Rasa.
"""

from __future__ import annotations

import math
import os
from collections.abc import Mapping
from pathlib import Path

from bot import PROJECT_ROOT

IDLE_TIMEOUT = "BOT_IDLE_TIMEOUT"  # seconds a conversation is kept after its last message
MAX_CONVERSATIONS = "BOT_MAX_CONVERSATIONS"  # conversations one Rasa process keeps at once
STAFF = "BOT_STAFF"  # "1": answers carry the staff explanation of each turn
REDIS_URL = "BOT_REDIS_URL"  # conversations and locks in this Redis (persistence off)
RESOURCES_COPY = "BOT_RESOURCES_COPY"  # where the last good resources.yml is kept
FORWARDED_ALLOW_IPS = "FORWARDED_ALLOW_IPS"  # the proxies whose X-Forwarded-For is believed

DEFAULT_IDLE_TIMEOUT = 30 * 60
DEFAULT_MAX_CONVERSATIONS = 10_000
DEFAULT_FORWARDED_ALLOW_IPS = "127.0.0.1,::1"
RASA_MODEL = PROJECT_ROOT / "models" / "current.tar.gz"  # trained by `bot train`, never committed


class SettingError(ValueError):
    """An environment variable whose value the service cannot use."""


def _above_zero(environ: Mapping[str, str], name: str, default: float, kind: type) -> float:
    raw = environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = kind(raw)
    except ValueError:
        value = 0
    if not math.isfinite(value) or value <= 0:  # "inf" would keep conversations for ever
        what = "a whole number" if kind is int else "a number"
        raise SettingError(f"{name} must be {what} above 0, not {raw!r}")
    return value


def idle_timeout(environ: Mapping[str, str] = os.environ) -> float:
    """Seconds a conversation is kept after its last message."""
    return _above_zero(environ, IDLE_TIMEOUT, DEFAULT_IDLE_TIMEOUT, float)


def max_conversations(environ: Mapping[str, str] = os.environ) -> int:
    """How many conversations one Rasa process keeps at once (the least recently used go)."""
    return int(_above_zero(environ, MAX_CONVERSATIONS, DEFAULT_MAX_CONVERSATIONS, int))


def staff_mode(environ: Mapping[str, str] = os.environ) -> bool:
    """Whether answers carry the staff explanation of each turn (`bot serve --staff`)."""
    raw = environ.get(STAFF, "").strip()
    if raw not in ("", "0", "1"):
        raise SettingError(f"{STAFF} must be 1 (staff mode) or 0, not {raw!r}")
    return raw == "1"


def redis_url(environ: Mapping[str, str] = os.environ) -> str | None:
    """The Redis that keeps conversations and locks, or None (each Rasa process's memory)."""
    raw = environ.get(REDIS_URL, "").strip()
    if raw and not raw.startswith(("redis://", "rediss://", "unix://")):
        raise SettingError(f"{REDIS_URL} must be a redis://, rediss:// or unix:// address")
    return raw or None


def resources_copy(environ: Mapping[str, str] = os.environ) -> Path | None:
    """Where the last good resources.yml is kept, or None (next to resources.yml)."""
    raw = environ.get(RESOURCES_COPY, "").strip()
    return Path(raw) if raw else None


def forwarded_allow_ips(environ: Mapping[str, str] = os.environ) -> str:
    """The proxies whose X-Forwarded-For tells the client's address (checked by the CLI)."""
    return environ.get(FORWARDED_ALLOW_IPS, "").strip() or DEFAULT_FORWARDED_ALLOW_IPS

"""Whether a Redis may hold conversations: reachable, and writing nothing to disk.

Kept apart from bot.rasa_plugins.redis_store (which loads Rasa) so that `bot serve` at start and the
gateway's /readyz can ask without loading Rasa.
"""

from __future__ import annotations

import redis

from bot.core import settings


def connect(url: str | None = None) -> redis.Redis:
    """A client for `url` (default: $BOT_REDIS_URL), failing fast rather than hanging."""
    url = url or settings.redis_url()
    if not url:
        raise settings.SettingError(f"{settings.REDIS_URL} is not set")
    return redis.Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2)


def check_no_persistence(client: redis.Redis) -> str | None:
    """Why this Redis must not hold conversations (it writes them to disk), or None if it is fine."""
    try:
        save = client.config_get("save").get("save", "")
        appendonly = client.config_get("appendonly").get("appendonly", "no")
    except redis.RedisError as e:
        return (
            f"cannot read the Redis configuration ({type(e).__name__}). Conversations may only be "
            "kept in a Redis with persistence off, and this could not be checked."
        )
    problems = []
    if save.strip():
        problems.append(f'RDB snapshots are on (save "{save}")')
    if appendonly != "no":
        problems.append("the append-only file is on (appendonly yes)")
    if problems:
        return (
            "this Redis writes data to disk: "
            + " and ".join(problems)
            + '. Conversations must never reach a disk: run Redis with --save "" --appendonly no '
            "(see docs/deploy.md)."
        )
    return None


def redis_problem(url: str) -> str | None:
    """Why the service must not use the Redis at `url` (unreachable, or it persists), or None.
    Checked by `bot serve` at start and by the gateway's /readyz."""
    try:
        client = connect(url)
        client.ping()
    except (redis.RedisError, ValueError) as e:
        return f"cannot reach Redis ({type(e).__name__})."
    try:
        return check_no_persistence(client)
    finally:
        client.close()

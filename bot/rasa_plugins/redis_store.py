"""Conversations and their locks in Redis, for several Rasa processes or hosts.

Selected by `BOT_REDIS_URL` (e.g. `redis://127.0.0.1:6379/0`); without it the service keeps
conversations in memory (bot/rasa_plugins/tracker_store.py). The promise is the same as in memory:
- every conversation key expires after `BOT_IDLE_TIMEOUT` seconds without a message;
- a restarted conversation (/api/end, "radera") is deleted at once;
- every lock key expires too (Rasa's own RedisLockStore leaves a lock behind forever when a
  process dies holding it);
- Redis must not write anything to disk: `bot.core.redis_check` refuses a Redis that does;
- a Redis error never reaches Rasa: on any exception from a store, Rasa's FailSafeTrackerStore
  switches to a plain in-memory store that never forgets. Here the turn is not stored (the next
  message starts afresh) and only the error's type is logged.

Named in the endpoints.yml that `bot serve` writes when `--redis-url` is given.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Iterable
from typing import Any

import redis
from rasa.core.brokers.broker import EventBroker
from rasa.core.lock_store import LOCK_LIFETIME, RedisLockStore, TicketLock
from rasa.core.tracker_store import SerializedTrackerAsText, TrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import Restarted
from rasa.shared.core.trackers import DialogueStateTracker

from bot.core import settings
from bot.core.redis_check import connect
from bot.rasa_plugins.turn_metrics import count_turn

log = logging.getLogger(__name__)

TRACKER_PREFIX = "orebro:tracker:"
LOCK_PREFIX = "orebro:lock:"


class ExpiringRedisTrackerStore(TrackerStore, SerializedTrackerAsText):
    """One Redis key per conversation with an idle TTL; deleted when the conversation restarts.

    Unlike Rasa's RedisTrackerStore it does not merge earlier sessions into the stored tracker:
    a session ends when the key expires, so there is only ever one.
    """

    def __init__(
        self,
        domain: Domain,
        event_broker: EventBroker | None = None,
        idle_timeout: float | None = None,
        client: redis.Redis | None = None,
        **kwargs: Any,
    ) -> None:
        kwargs.pop("host", None)  # Rasa passes the endpoint's url; ours comes from the environment
        super().__init__(domain, event_broker, **kwargs)
        self.red = client or connect()
        self.idle_timeout = math.ceil(idle_timeout or settings.idle_timeout())

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Store the conversation with a fresh TTL, or delete it when it has been restarted."""
        count_turn(tracker, self.domain)
        key = TRACKER_PREFIX + tracker.sender_id
        try:
            if any(isinstance(e, Restarted) for e in tracker.events):
                self.red.delete(key)
                return
            await self.stream_events(tracker)
            self.red.set(key, self.serialise_tracker(tracker), ex=self.idle_timeout)
        except redis.RedisError as e:
            log.error(
                "Redis failed; this turn of a conversation was not kept (%s)", type(e).__name__
            )

    async def retrieve(self, sender_id: str) -> DialogueStateTracker | None:
        try:
            stored = self.red.get(TRACKER_PREFIX + sender_id)
        except redis.RedisError as e:
            log.error("Redis failed; a conversation starts afresh (%s)", type(e).__name__)
            return None
        return None if stored is None else self.deserialise_tracker(sender_id, stored)

    async def retrieve_full_tracker(self, sender_id: str) -> DialogueStateTracker | None:
        return await self.retrieve(sender_id)

    async def keys(self) -> Iterable[str]:
        prefix = len(TRACKER_PREFIX)
        return [k.decode()[prefix:] for k in self.red.scan_iter(TRACKER_PREFIX + "*")]


class ExpiringRedisLockStore(RedisLockStore):
    """Rasa's RedisLockStore whose lock keys expire with the lock's lifetime."""

    def __init__(self, endpoint_config: Any = None, client: redis.Redis | None = None) -> None:
        # The parent's __init__ only builds a client from host/port; ours comes from the URL.
        self.red = client or connect()
        self.key_prefix = LOCK_PREFIX

    def save_lock(self, lock: TicketLock) -> None:
        # A ticket is dead after LOCK_LIFETIME seconds, so the lock is too; +1 s for clock skew.
        self.red.set(
            self.key_prefix + lock.conversation_id, lock.dumps(), ex=int(LOCK_LIFETIME) + 1
        )

"""A Rasa tracker store that forgets: conversations live in memory only, and not for long.

Rasa's own InMemoryTrackerStore keeps every conversation until the process stops. This one:
- drops a conversation after `idle_timeout` seconds without a message (default 30 minutes),
  checked on every message and once a minute on a timer, so that quiet hours keep nothing longer;
- holds at most `max_conversations`, evicting the least recently used;
- deletes a conversation at once when it is restarted (the gateway's /api/end and the user's
  "radera"/"avsluta" both end in Rasa's `action_restart`), so nothing of it is kept.

It keeps the `hot_conversations` most recently used as tracker objects, which spares a
serialisation and a deserialisation of the whole conversation on every message (safe because
Rasa's lock store lets only one message of a conversation be handled at a time in this process).
Older ones are kept as compressed JSON, about a tenth of the memory of the objects, and turned
back into objects when the person writes again: memory stays nearly flat however many people
have come and gone, until they expire.

Named in endpoints.yml as `type: bot.rasa_plugins.tracker_store.ForgetfulTrackerStore`.
"""

from __future__ import annotations

import asyncio
import logging
import time
import zlib
from collections import OrderedDict
from collections.abc import Callable, Iterable
from typing import Any

from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import InMemoryTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import Restarted
from rasa.shared.core.trackers import DialogueStateTracker

from bot.core import settings
from bot.rasa_plugins.turn_metrics import count_turn

log = logging.getLogger(__name__)

DEFAULT_HOT_CONVERSATIONS = 500
EXPIRY_INTERVAL = 60.0  # seconds between expiry checks when no message arrives


class ForgetfulTrackerStore(InMemoryTrackerStore):
    """In-memory tracker store with idle expiry, a size cap and delete-on-restart."""

    def __init__(
        self,
        domain: Domain,
        event_broker: EventBroker | None = None,
        idle_timeout: float | None = None,
        max_conversations: int | None = None,
        clock: Callable[[], float] = time.monotonic,
        hot_conversations: int = DEFAULT_HOT_CONVERSATIONS,
        **kwargs: Any,
    ) -> None:
        super().__init__(domain, event_broker, **kwargs)
        self.store: OrderedDict[str, DialogueStateTracker | bytes] = OrderedDict()
        self._hot: OrderedDict[str, None] = OrderedDict()  # the ones kept as objects, by use
        self.hot_conversations = hot_conversations
        self._last_seen: dict[str, float] = {}
        self.idle_timeout = float(idle_timeout or settings.idle_timeout())
        self.max_conversations = int(max_conversations or settings.max_conversations())
        self._clock = clock
        self._timer: asyncio.TimerHandle | None = None
        log.info(
            "ForgetfulTrackerStore: idle timeout %.0f s, at most %d conversations",
            self.idle_timeout,
            self.max_conversations,
        )

    def expire(self) -> int:
        """Drop conversations idle for longer than the timeout; return how many were dropped."""
        deadline = self._clock() - self.idle_timeout
        dropped = 0
        # The store is ordered by last use, so the idle ones are at the front.
        while self.store:
            oldest = next(iter(self.store))
            if self._last_seen[oldest] > deadline:
                break
            self.delete(oldest)
            dropped += 1
        return dropped

    def _expire_on_timer(self) -> None:
        """Expire now and again in EXPIRY_INTERVAL, in the event loop Rasa serves from."""
        self.expire()
        self._timer = asyncio.get_running_loop().call_later(EXPIRY_INTERVAL, self._expire_on_timer)

    def _start_timer(self) -> None:
        if self._timer is None:
            self._timer = asyncio.get_running_loop().call_later(
                EXPIRY_INTERVAL, self._expire_on_timer
            )

    def delete(self, sender_id: str) -> None:
        """Forget one conversation now (no error if it is already gone)."""
        self.store.pop(sender_id, None)
        self._hot.pop(sender_id, None)
        self._last_seen.pop(sender_id, None)

    def _compact_cold(self) -> None:
        """Turn the least recently used objects beyond the hot ones into compressed JSON."""
        while len(self._hot) > self.hot_conversations:
            sender_id, _ = self._hot.popitem(last=False)
            tracker = self.store[sender_id]
            if not isinstance(tracker, bytes):
                self.store[sender_id] = zlib.compress(self.serialise_tracker(tracker).encode(), 1)

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Store the conversation, or delete it when it has been restarted."""
        self._start_timer()
        self.expire()
        count_turn(tracker, self.domain)
        sender_id = tracker.sender_id
        if any(isinstance(e, Restarted) for e in tracker.events):
            self.delete(sender_id)
            return
        await self.stream_events(tracker)
        self.store[sender_id] = tracker
        self.store.move_to_end(sender_id)
        self._hot[sender_id] = None
        self._hot.move_to_end(sender_id)
        self._last_seen[sender_id] = self._clock()
        while len(self.store) > self.max_conversations:
            self.delete(next(iter(self.store)))
        self._compact_cold()

    async def retrieve(self, sender_id: str) -> DialogueStateTracker | None:
        self.expire()
        stored = self.store.get(sender_id)
        if isinstance(stored, bytes):
            return self.deserialise_tracker(sender_id, zlib.decompress(stored).decode())
        return stored

    async def retrieve_full_tracker(self, sender_id: str) -> DialogueStateTracker | None:
        return await self.retrieve(sender_id)

    async def keys(self) -> Iterable[str]:
        self.expire()
        return list(self.store.keys())

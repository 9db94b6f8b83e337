"""Limits kept in memory only: a token bucket per key, forgotten when idle, and a cap on the
messages of one conversation.

Keys are session ids and keyed hashes of client addresses (the address itself is never stored).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from collections import OrderedDict
from collections.abc import Callable


class RateLimiter:
    """Allow `burst` requests at once per key, refilling at `per_second`."""

    def __init__(
        self,
        per_second: float,
        burst: int,
        max_keys: int = 100_000,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.per_second = per_second
        self.burst = burst
        self.max_keys = max_keys
        self._clock = clock
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()

    def allow(self, key: str) -> bool:
        """Take one token for `key`; False when its bucket is empty."""
        now = self._clock()
        tokens, last = self._buckets.pop(key, (float(self.burst), now))
        tokens = min(float(self.burst), tokens + (now - last) * self.per_second)
        allowed = tokens >= 1.0
        self._buckets[key] = (tokens - 1.0 if allowed else tokens, now)
        while len(self._buckets) > self.max_keys:
            self._buckets.popitem(last=False)  # least recently seen
        return allowed

    def __len__(self) -> int:
        return len(self._buckets)


class AddressKey:
    """A keyed hash of a client address, with a key that lives only in this process."""

    def __init__(self) -> None:
        self._key = secrets.token_bytes(32)

    def __call__(self, address: str | None) -> str:
        return hmac.new(self._key, (address or "").encode(), hashlib.sha256).hexdigest()[:32]


class TurnCap:
    """Counts each conversation's messages; past `max_turns` the conversation starts afresh.

    Rasa handles a long conversation ever more slowly (4 ms a message at the start, 131 ms after
    1,000 messages), and each message keeps it alive for another idle timeout.
    """

    def __init__(self, max_turns: int, max_keys: int = 100_000):
        self.max_turns = max_turns
        self.max_keys = max_keys
        self._turns: OrderedDict[str, int] = OrderedDict()

    def over(self, session: str) -> bool:
        """Count one message of `session`; True when it is one too many (the count restarts)."""
        turns = self._turns.pop(session, 0) + 1
        self._turns[session] = 1 if turns > self.max_turns else turns
        while len(self._turns) > self.max_keys:
            self._turns.popitem(last=False)  # least recently seen
        return turns > self.max_turns

    def forget(self, session: str) -> None:
        self._turns.pop(session, None)

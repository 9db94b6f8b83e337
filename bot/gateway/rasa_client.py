"""Talk to one or more Rasa processes: which one handles a conversation, and failing over.

A conversation always goes to the same Rasa process first (chosen from a hash of its id), so with
the in-memory tracker store its state is where the next message goes. When that process cannot
be reached at all (connection refused or dropped: it died or is restarting), the message is sent
once to the next process. A timeout is not retried: the first process may still be working on
the message, and a second copy would double the load when the service is already slow.

Rasa never sees the browser's session token: the conversation id it gets is a hash of it, so
tracker and lock keys (in memory or in Redis) carry no token a browser holds.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
from typing import Any

import aiohttp

log = logging.getLogger(__name__)

RETRYABLE = (aiohttp.ClientConnectionError,)  # refused, reset, disconnected; not a timeout


def conversation_id(session: str) -> str:
    """The id Rasa knows a conversation by: a hash of the session token, not the token."""
    return hashlib.sha256(b"orebro-stod/conversation/" + session.encode()).hexdigest()[:40]


def instance_order(conversation: str, count: int) -> list[int]:
    """Which Rasa processes to try for a conversation, in order: its own, then the next one."""
    first = int(conversation[:8], 16) % count
    return [first, (first + 1) % count] if count > 1 else [first]


class RasaPool:
    """The Rasa processes behind this gateway, reached over one shared HTTP client session."""

    def __init__(self, urls: list[str], timeout: float):
        if not urls:
            raise ValueError("at least one Rasa URL is needed")
        self.urls = urls
        self.timeout = timeout
        self.client: aiohttp.ClientSession | None = None

    async def open(self) -> None:
        self.client = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=self.timeout))

    async def close(self) -> None:
        if self.client:
            await self.client.close()

    async def _post(self, url: str, payload: dict[str, Any]) -> list[dict[str, Any]] | None:
        assert self.client is not None
        async with self.client.post(f"{url}/webhooks/rest/webhook", json=payload) as resp:
            if resp.status != 200:
                log.warning("Rasa answered HTTP %d", resp.status)
                return None
            answer = await resp.json()
        return answer if isinstance(answer, list) and answer else None

    async def ask(self, session: str, text: str, lang: str) -> list[dict[str, Any]] | None:
        """Rasa's answer, or None when no process answers in time (the caller shows a card)."""
        conversation = conversation_id(session)
        payload = {"sender": conversation, "message": text, "metadata": {"lang": lang}}
        for attempt, index in enumerate(instance_order(conversation, len(self.urls))):
            try:
                return await self._post(self.urls[index], payload)
            except RETRYABLE as e:
                log.warning(
                    "Rasa %d unreachable (%s), attempt %d", index, type(e).__name__, attempt + 1
                )
            except (aiohttp.ClientError, asyncio.TimeoutError, ValueError) as e:
                log.warning("Rasa %d unavailable: %s", index, type(e).__name__)
                return None
        return None

    async def end(self, session: str) -> None:
        """Restart the conversation on the processes that can hold it (its own and the one that
        takes over when its own is down), so that none keeps any of it."""
        conversation = conversation_id(session)
        order = instance_order(conversation, len(self.urls))
        await asyncio.gather(*(self._end_on(self.urls[i], conversation) for i in order))

    async def _end_on(self, url: str, conversation: str) -> None:
        payload = {"sender": conversation, "message": "/restart", "metadata": {"lang": "sv"}}
        try:
            await self._post(url, payload)
        except (aiohttp.ClientError, asyncio.TimeoutError, ValueError) as e:
            log.warning("Rasa unavailable for /api/end: %s", type(e).__name__)

    async def up(self) -> list[bool]:
        """Whether each process answers its status page."""
        assert self.client is not None
        return list(await asyncio.gather(*(answers(self.client, f"{u}/") for u in self.urls)))


async def answers(client: aiohttp.ClientSession, url: str) -> bool:
    """Whether `url` answers 200 within two seconds."""
    try:
        async with client.get(url, timeout=aiohttp.ClientTimeout(total=2)) as resp:
            return resp.status == 200
    except (aiohttp.ClientError, asyncio.TimeoutError):
        return False

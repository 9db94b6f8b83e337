"""Time limits for slow clients: a connection must send its request's headers in time.

aiohttp waits for a request's headers without a limit: a client that opens connections and sends
a header line now and then keeps each one open for as long as it likes, and a thousand of them
use up the gateway's file descriptors. `install` makes every connection the gateway accepts
close when its first request's headers have not all arrived within `header_timeout` seconds
(later requests on a kept-alive connection are covered by aiohttp's keep-alive timeout); a slow
body is limited where it is read (`bot.gateway.app.read_json`).
"""

from __future__ import annotations

import asyncio

import aiohttp
from aiohttp import web_protocol, web_server

# Written against aiohttp 3.9 (the newest Rasa 3.6 allows): it uses RequestHandler's request
# count and replaces the handler class web.Server builds. Check both again before upgrading.
assert aiohttp.__version__.startswith("3.9."), aiohttp.__version__


class SlowHeadersGuard(web_protocol.RequestHandler):
    """aiohttp's connection handler with a deadline for the first request's headers."""

    header_timeout = 10.0
    _header_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        super().connection_made(transport)
        self._header_timer = self._loop.call_later(self.header_timeout, self._headers_late)

    def _headers_late(self) -> None:
        if self._request_count == 0:  # not one request's headers arrived in time
            self.force_close()

    def connection_lost(self, exc: BaseException | None) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
        super().connection_lost(exc)


def install(header_timeout: float) -> None:
    """Make every connection of this process's aiohttp servers use the guard."""
    SlowHeadersGuard.header_timeout = header_timeout
    web_server.RequestHandler = SlowHeadersGuard

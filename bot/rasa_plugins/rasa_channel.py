"""Rasa's REST channel, minus the log lines that would print the user's text.

Rasa's RestInput logs the message text when handling fails or is cancelled (for example when the
gateway gives up after its timeout). This subclass catches those cases first and logs only the
kind of failure. Named in credentials.yml; its URL stays /webhooks/rest/webhook.

In staff mode only (BOT_STAFF=1, set by `bot serve --staff`) it adds an explanation of each turn
(intent, confidence, danger verdict, rule) to the answer, for the widget's staff badges.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, Sanic

from bot.core import settings
from bot.tools.explain import from_tracker

log = logging.getLogger(__name__)


async def _explain(message: UserMessage) -> None:
    """Append the staff explanation of this turn to the answer."""
    agent = Sanic.get_app().ctx.agent
    info = from_tracker(await agent.tracker_store.retrieve(message.sender_id))
    if info:
        await message.output_channel.send_custom_json(message.sender_id, {"staff": info})


class QuietRestInput(RestInput):
    """REST input channel that never logs message text."""

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        staff = settings.staff_mode()  # read once, when Rasa starts

        async def handle_quietly(message: UserMessage) -> None:
            try:
                await on_new_message(message)
                if staff:
                    await _explain(message)
            except asyncio.CancelledError:
                log.warning("Handling a message was cancelled (the caller gave up)")
            except Exception as e:  # logged without the text; the gateway answers degraded
                log.error("Handling a message failed: %s", type(e).__name__)

        return super().blueprint(handle_quietly)

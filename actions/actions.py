"""Custom actions: answers that depend on the clock or on resources.yml at run time."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.resources import LiveCatalogue

CATALOGUE = LiveCatalogue()


class ActionOpenNow(Action):
    """Which support lines can be reached right now (from resources.yml's opening hours)."""

    def name(self) -> str:
        return "action_open_now"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        open_now = [r.id for r in CATALOGUE.current().find(topic="talk", open_now=True)]
        dispatcher.utter_message(response="utter_open_now", json_message={"resources": open_now})
        return []

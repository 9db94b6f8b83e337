"""Custom actions: answers that depend on the clock, on resources.yml, on a danger verdict or on
the bot's last answer."""

from __future__ import annotations

import datetime as dt
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.core.resources import (
    Catalogue,
    LiveCatalogue,
    lines_for,
    open_lines,
    people_to_talk_to,
    social_services_now,
)
from bot.understanding.danger_dialogue import DANGER_ACTION, asks_about_danger, plan, shown_after
from bot.understanding.roles import (
    NOT_UNDERSTOOD_AGAIN,
    NOT_UNDERSTOOD_RESPONSES,
    not_understood_response,
    young_writer,
)
from bot.understanding.short_replies import (
    SHOWS_SERVICES_AGAIN,
    buttons_to_offer,
    emergency_just_shown,
    last_bot_buttons,
    last_bot_services,
    previous_bot_turn,
    said_in_a_row,
    said_since_restart,
)

CATALOGUE = LiveCatalogue()


def open_now_messages(
    catalogue: Catalogue, role: str | None, at: dt.datetime | None = None
) -> list[tuple[str, list[str]]]:
    """The responses that answer "who can I call now?" and the cards of each: the writer's lines
    open now (or all of them, saying none is known to be open), then the social services that may
    answer now, when there are any for the writer (none for those who use violence in the
    evening: round 17 told them "social services come last" with none listed)."""
    if open_now := open_lines(catalogue, at, role):
        messages = [("utter_open_now", [r.id for r in open_now])]
    else:
        messages = [("utter_open_now_none", [r.id for r in lines_for(catalogue, role)])]
    listed = messages[0][1]
    social = [r.id for r in social_services_now(catalogue, at, role) if r.id not in listed]
    if social:
        messages.append(("utter_social_services_now", social))
    return messages


class ActionOpenNow(Action):
    """Which support lines for the writer can be reached right now (resources.yml's opening
    hours and the writer's role); when none is known to be open, it says so and lists them."""

    def name(self) -> str:
        return "action_open_now"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        for response, ids in open_now_messages(CATALOGUE.current(), tracker.get_slot("role")):
            dispatcher.utter_message(response=response, json_message={"resources": ids})
        return []


class ActionDangerAnswer(Action):
    """112 first, then what fits the danger (bot/understanding/danger_dialogue.py)."""

    def name(self) -> str:
        return DANGER_ACTION

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        message = tracker.latest_message or {}
        intent = (message.get("intent") or {}).get("name") or ""
        verdict, shown = message.get("danger"), tracker.get_slot("danger_shown")
        asked = any(asks_about_danger(e) for e in previous_bot_turn(tracker.events))
        for utterance in plan(intent, verdict, shown, asked):
            dispatcher.utter_message(response=utterance.response, **utterance.variables)
        return [SlotSet("danger_shown", shown_after(intent, verdict, shown))]


class ActionShortReply(Action):
    """A short reply ("ok", "vet inte", "vad menar du"): a short line and the buttons of the bot's
    last answer again, after "vet inte" and "vad menar du" its services too (bot/understanding/short_replies.py)."""

    def name(self) -> str:
        return "action_short_reply"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        kind = (tracker.latest_message.get("intent") or {}).get("name") or "acknowledge"
        said = [e.get("data") or {} for e in reversed(tracker.events) if e.get("event") == "bot"]
        buttons = buttons_to_offer(last_bot_buttons(said))
        if emergency_just_shown(tracker.events):  # "ja" after "ring 112": 112 again first
            dispatcher.utter_message(response="utter_danger_again")
        services = last_bot_services(said) if kind in SHOWS_SERVICES_AGAIN else []
        cards = {"json_message": {"resources": services}} if services else {}
        dispatcher.utter_message(response=f"utter_reply_{kind}", buttons=buttons, **cards)
        return []


class ActionNotUnderstood(Action):
    """Not understood: the menu, or the next step for who is writing; after two of them in a row,
    people to talk to, not the same answer a third time (bot.understanding.roles)."""

    def name(self) -> str:
        return "action_not_understood"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        in_a_row = said_in_a_row(tracker.events, NOT_UNDERSTOOD_RESPONSES)
        said = said_since_restart(tracker.events)
        parses = [e.get("parse_data") or {} for e in reversed(tracker.events) if e.get("event") == "user"]
        young = young_writer(parses)
        response = not_understood_response(tracker.get_slot("role"), in_a_row, said, young)
        if response == NOT_UNDERSTOOD_AGAIN:
            # people to talk to: the writer's own lines first, then anyone's (the role may be misread)
            lines = people_to_talk_to(CATALOGUE.current(), tracker.get_slot("role"))
            dispatcher.utter_message(response=response, json_message={"resources": [r.id for r in lines]})
        else:
            dispatcher.utter_message(response=response)
        return []

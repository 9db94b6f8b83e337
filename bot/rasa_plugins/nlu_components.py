"""Custom Rasa NLU components, registered for the pipeline in config.yml.

- `LanguageTagger` turns the `lang` the gateway sends in the message metadata into a `language`
  entity, which fills the `language` slot that picks Swedish or English response variations.
- `DangerDetector` runs after the classifiers and triages every typed message
  (bot.understanding.triage: patterns plus the learned danger model, stricter when danger came up
  earlier in the conversation). On an acute verdict it sets the intent to the kind of danger, on an
  uncertain one to `danger_unsure`; the classifier can never out-vote it, and a danger intent the
  classifier guessed without triage agreeing gives way to its next best topic. The verdict goes into
  the parse data as `danger` (for action_danger_answer and staff explanations; never logged).
- `ShortReplies` turns a yes or a no into the button it answers in the bot's last question
  (bot/understanding/short_replies.py), after danger triage: "ja" to "Är du i fara just nu?" is "Ja,
  just nu".
- `RoleDetector` runs last: who is writing, and whether the intent's answer speaks to them
  (bot/understanding/roles.py); it keeps the intent, switches it to the writer's own answer, or
  asks.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import (
    ENTITIES,
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from bot.core.languages import CHAT_LANGUAGES
from bot.understanding.age_cues import YOUNG, only_an_age
from bot.understanding.danger import anothers_suicide
from bot.understanding.danger_dialogue import INTENTS as DANGER_INTENTS
from bot.understanding.danger_dialogue import UNSURE
from bot.understanding.danger_model import MODEL_PATH
from bot.understanding.role_cues import tells_of_violence, tells_own_violence
from bot.understanding.role_model import MODEL_PATH as ROLE_MODEL_PATH
from bot.understanding.role_model import USES_VIOLENCE, RoleModel
from bot.understanding.roles import (
    ANSWER_ROLE,
    LIMITS,
    NO_GUESS,
    OUT_OF_SCOPE,
    ROLE_QUESTION,
    Decision,
    after_witnessing,
    answer_for_own_violence,
    answer_for_their_age,
    calm_after_witnessing,
    danger_writer,
    decide,
    doubted,
    earlier_age,
    earlier_role,
    evidence_for,
    general_answer,
    general_before_not_understood,
    in_honour_case,
    lines_for_writer,
    next_step,
    not_asked_twice,
    readable,
    said_enough,
    settle_close_call,
    specific_answer,
    unsure_of_violence,
    violence_shown,
    with_premise,
    writer_age,
    writers_age,
)
from bot.understanding.roles import FALLBACK as NLU_FALLBACK
from bot.understanding.short_replies import CONFIDENCE as REPLY_CONFIDENCE
from bot.understanding.short_replies import (
    DENY,
    answer_to_question,
    is_short,
    last_bot_buttons,
    says_no,
)
from bot.understanding.short_replies import KINDS as REPLY_KINDS
from bot.understanding.topic_cues import (
    asks_about_telling_the_family,
    married_off_or_sent_abroad,
    opens_with_a_greeting,
)
from bot.understanding.triage import (
    ACUTE,
    NONE,
    UNCERTAIN,
    Triager,
    own_violence_told,
    violence_told_before,
)


class _Untrained(GraphComponent):
    """A component without training: made from its configuration alone."""

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> _Untrained:
        return cls.from_config(config)

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> _Untrained:
        return cls()


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class LanguageTagger(_Untrained):
    """Adds a `language` entity from the message metadata (`{"lang": "en"}`)."""

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            lang = (message.get("metadata") or {}).get("lang")
            if lang in CHAT_LANGUAGES:
                entity = {
                    "entity": "language",
                    "value": lang,
                    "start": 0,
                    "end": 0,
                    "extractor": type(self).__name__,
                }
                message.set(ENTITIES, [*message.get(ENTITIES, []), entity], add_to_output=True)
        return messages


CALM_INTENT = "safe_now"  # "he has left": after earlier danger, the bot does not ask again
# The classifier must be this sure of it: on dev, "nu mår jag illa" (after pills) came out as
# safe_now with 0.83, the calm follow-ups mostly above 0.9.
CALM_CONFIDENCE = 0.9
THANKS = ("thanks", "goodbye")  # a word or three of thanks or farewell after danger is calm
TOPIC_CONFIDENCE = 0.5  # a topic guessed less surely than this is not answered after danger
CONTEXT_MESSAGES = 10  # how many earlier messages of the conversation count as context
# An opening line that says nothing yet ("Hej, jag undrar en sak", "Jag vet inte om jag ska skriva
# här"), read this surely as a greeting or a question who may write, or beginning with a greeting
# and telling of no violence, in at most this many words,
# shows 112 first only when acute: the model reads short texts as danger more often (rounds 36
# to 39 answered six such openings with 112 and "are you in danger?")
OPENERS = ("greet", "who_can_write")
OPENER_WORDS = 10


def danger_context(parses: list[dict[str, Any]], disclosure: float) -> tuple[bool, frozenset[str]]:
    """Whether danger came up in the last messages of this conversation (a verdict, a danger
    button, or a message whose danger probability reached `disclosure`, "he hits me"), and the
    kinds of danger raised then. `parses` newest first (`recent_parses`)."""
    found, kinds = False, set()
    for parse in parses:
        verdict = parse.get("danger") or {}
        intent = (parse.get("intent") or {}).get("name")
        if verdict.get("level", NONE) != NONE:
            found = True
            kinds.add(verdict.get("kind"))
        elif intent in DANGER_INTENTS:
            found = True
            kinds.add(intent)
        elif verdict.get("probability", 0.0) >= disclosure:
            found = True
    return found, frozenset(k for k in kinds if k)


def answered_danger_question_no(tracker: DialogueStateTracker | None) -> bool:
    """Whether the bot's last message had a no button ("Nej, inte just nu") that a message
    starting with "nej" answers."""
    buttons = last_bot_buttons(recent_bot_messages(tracker))
    return answer_to_question(DENY, buttons) is not None


def said_not_in_danger(parses: list[dict[str, Any]]) -> bool:
    """Whether the person answered "not right now" when the bot last asked about danger (the
    message after an uncertain verdict was no danger of its own: "nej" or the no button). Then
    the bot does not ask again; an acute message still shows 112. `parses` newest first."""
    for newer, older in zip(parses, parses[1:], strict=False):
        if (older.get("danger") or {}).get("level") == UNCERTAIN:
            text = newer.get("text") or ""
            answered = text.startswith("/") or says_no(text)  # the no button, or "nej ..."
            level = (newer.get("danger") or {}).get("level", NONE)
            intent = (newer.get("intent") or {}).get("name")
            return answered and level == NONE and intent not in DANGER_INTENTS
    return False


def best_topic(topics: list[dict[str, Any]]) -> tuple[str | None, float]:
    """The best topic and its share of the topics' confidence (the danger intents the
    classifier also guessed are left out of the share)."""
    total = sum(r[PREDICTED_CONFIDENCE_KEY] for r in topics)
    if not topics or total <= 0:
        return None, 0.0
    return topics[0][INTENT_NAME_KEY], topics[0][PREDICTED_CONFIDENCE_KEY] / total


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class DangerDetector(_Untrained):
    """Danger triage of each typed message; see the module docstring."""

    def __init__(self, triager: Triager):
        self.triager = triager

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> DangerDetector:
        return cls(Triager.load(Path(config.get("model") or MODEL_PATH)))

    def process(
        self, messages: list[Message], tracker: DialogueStateTracker | None = None
    ) -> list[Message]:
        parses = recent_parses(tracker)
        context, earlier_kinds = danger_context(parses, self.triager.disclosure_threshold)
        earlier_texts = [parse.get(TEXT) or "" for parse in parses]
        own_earlier = own_violence_told(earlier_texts)
        violence_earlier = violence_told_before(earlier_texts, context, own_earlier)
        answered_no = said_not_in_danger(parses)
        acute_before = acute_kind(parses[0]) if parses else None
        for message in messages:
            text = message.get(TEXT) or ""
            if text.startswith("/"):  # a button: its intent is in the payload
                continue
            ranking = message.get(INTENT_RANKING_KEY, [])
            topics = [r for r in ranking if r[INTENT_NAME_KEY] not in DANGER_INTENTS]
            name, share = best_topic(topics)
            topic = name if share >= TOPIC_CONFIDENCE else None
            short_reply = name in REPLY_KINDS and share >= REPLY_CONFIDENCE and is_short(text)
            # "tack snälla" after danger (round 29 showed 112 again)
            thanks = name in THANKS and share >= REPLY_CONFIDENCE and is_short(text)
            calm_news = (
                (name == CALM_INTENT and share >= CALM_CONFIDENCE)
                or short_reply
                or thanks
                or answered_no
                or (says_no(text) and answered_danger_question_no(tracker))
            )  # "ok", "vet inte", "not right now": after danger, 112 again only if acute
            # with no danger earlier, only a short reply that no danger intent outranks ("vet
            # inte": round 12 asked "are you in danger?"; not "ja hjälp mig"); not thanks ("tack
            # för att ni inte dömde mig" may be a farewell) nor "he has left" out of the blue
            reply_first = short_reply and ranking[0][INTENT_NAME_KEY] == name
            opener = len(text.split()) <= OPENER_WORDS and (
                (name in OPENERS and share >= REPLY_CONFIDENCE)
                or (opens_with_a_greeting(text) and not tells_of_violence(text))
            )
            # a bare age ("15", after "who is it about?") tells no danger (rounds 35 to 39 asked
            # four young people "are you in danger?" after it)
            bare_age = only_an_age(text) is not None
            calm = (calm_news or bare_age) if context else (reply_first or opener or bare_age)
            verdict = self.triager.triage(
                text, context, calm, earlier_kinds, violence_earlier, own_earlier, acute_before
            )
            disclosure = verdict.probability >= self.triager.disclosure_threshold
            reading = verdict.as_dict() | {"topic": topic, "disclosure": disclosure}
            message.set("danger", reading, add_to_output=True)
            if verdict.level == NONE:
                if (message.get(INTENT) or {}).get(INTENT_NAME_KEY) in DANGER_INTENTS and topics:
                    message.set(INTENT, topics[0], add_to_output=True)
                    message.set(INTENT_RANKING_KEY, topics, add_to_output=True)
                continue
            name = verdict.kind if verdict.level == ACUTE else UNSURE
            intent = {INTENT_NAME_KEY: name, PREDICTED_CONFIDENCE_KEY: 1.0}
            message.set(INTENT, intent, add_to_output=True)
            message.set(INTENT_RANKING_KEY, [intent, *topics], add_to_output=True)
        return messages


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class ShortReplies(_Untrained):
    """A short yes or no to the bot's last question becomes the button it answers."""

    def process(
        self, messages: list[Message], tracker: DialogueStateTracker | None = None
    ) -> list[Message]:
        buttons = last_bot_buttons(recent_bot_messages(tracker))
        for message in messages:
            text = message.get(TEXT) or ""
            intent = (message.get(INTENT) or {}).get(INTENT_NAME_KEY)
            if not text.startswith("/") and not is_short(text) and intent in REPLY_KINDS:
                # "fick ett sms 'jag vet var du bor', vad gör jag" is no "vet inte": not understood
                fallback = {INTENT_NAME_KEY: NLU_FALLBACK, PREDICTED_CONFIDENCE_KEY: 1.0}
                message.set(INTENT, fallback, add_to_output=True)
                continue
            if text.startswith("/") or not is_short(text) or not buttons:
                continue
            ranking = message.get(INTENT_RANKING_KEY, [])
            replies = [r for r in ranking if r[INTENT_NAME_KEY] in REPLY_KINDS]
            if not replies or replies[0][PREDICTED_CONFIDENCE_KEY] < REPLY_CONFIDENCE:
                continue
            answered = answer_to_question(replies[0][INTENT_NAME_KEY], buttons)
            if answered:
                chosen = {INTENT_NAME_KEY: answered, PREDICTED_CONFIDENCE_KEY: 1.0}
                message.set(INTENT, chosen, add_to_output=True)
                message.set(INTENT_RANKING_KEY, [chosen, *ranking], add_to_output=True)
        return messages


def recent_bot_messages(tracker: DialogueStateTracker | None) -> list[dict[str, Any]]:
    """What the bot said since the last user message, newest first (text, buttons, custom)."""
    said = []
    for event in reversed(tracker.events if tracker else []):
        if type(event).__name__ == "UserUttered":
            break
        if type(event).__name__ == "BotUttered":
            said.append(event.data or {})
    return said


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class RoleDetector(_Untrained):
    """Who is writing (bot/understanding/role_model.py), and whether the intent's answer speaks to them
    (bot/understanding/roles.py): keeps it, switches to the writer's own answer, or asks. Runs after
    DangerDetector. The writer's role becomes a `role` entity, which fills the `role` slot; the
    reading goes into the parse data as `role` (never logged)."""

    def __init__(self, model: RoleModel):
        self.model = model

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> RoleDetector:
        return cls(RoleModel.load(Path(config.get("model") or ROLE_MODEL_PATH)))

    def process(
        self, messages: list[Message], tracker: DialogueStateTracker | None = None
    ) -> list[Message]:
        parses = recent_parses(tracker)
        earlier = earlier_role(parses)
        shown = {"evidence": evidence_for(earlier, parses), "violence_shown": violence_shown(parses)}
        for message in messages:
            text = message.get(TEXT) or ""
            if text.startswith("/"):
                continue
            classified = (message.get(INTENT) or {}).get(INTENT_NAME_KEY) or ""
            earlier_texts = [parse.get(TEXT) or "" for parse in parses]
            intent = with_premise(classified, text, earlier_texts)
            read = self.model.predict(text) if readable(text) else NO_GUESS
            guess = doubted(read, text, earlier, evidence=shown["evidence"])
            # tells of violence: danger triage saw it, or a violent verb with a subject or object
            danger_disclosure = (message.get("danger") or {}).get("disclosure")
            disclosure = bool(danger_disclosure or tells_of_violence(text))
            said = writers_age(text, earlier)
            age = said or earlier_age(parses)
            own_violence = tells_own_violence(text)  # may change a role shown less surely
            decision = decide(
                intent, guess, earlier, disclosure=disclosure, age=age, own_violence=own_violence,
                **shown,
            )  # fmt: skip
            if intent == NLU_FALLBACK:
                close = [
                    with_premise(candidate, text, earlier_texts)
                    for candidate in close_candidates(message.get(INTENT_RANKING_KEY) or [])
                ]
                settled = settle_close_call(
                    close, guess, earlier, disclosure=disclosure, age=age, **shown
                )
                decision = settled or decision
            decision = specific_answer(decision, text, earlier_texts)
            said_before = said_responses(tracker)
            general = general_answer(decision.writer, guess, earlier, age=age, **shown)
            typed = [line for line in (text, *earlier_texts) if not line.startswith("/")]
            general = after_witnessing(in_honour_case(general, typed), said_before)
            if theirs := answer_for_their_age(decision.writer, only_an_age(text)):
                # "14 år" from someone worried or at work: the age of the one they write about
                decision = Decision(theirs, decision.writer, "age")
            elif only_an_age(text) and general not in (None, ROLE_QUESTION):
                # "16" after the story: the writer's answer for that age (BRIS for the young)
                decision = Decision(general, decision.writer, "age")
            elif only_an_age(text) and decision.intent in OUT_OF_SCOPE:
                # "19" after "who is it about?" is no question for Servicecenter (round 36)
                decision = Decision(ROLE_QUESTION, decision.writer, "age")
            if not asks_about_telling_the_family(text):  # else the warning again, not a next step
                decision = next_step(decision, said_before)
            told_own = answer_for_own_violence(guess, own_violence, age)
            decision = not_asked_twice(decision, said_before, general, told_own)
            decision = general_before_not_understood(decision, said_before, general, guess)
            decision = calm_after_witnessing(decision, said_before)
            if said_enough(decision.intent, said_before):
                # their lines instead; nobody knows who writes: who it is about, not the menu
                # (a third question for the rest of the municipality: the menu, not "who is it about?")
                plain = decision.writer or decision.intent in OUT_OF_SCOPE
                instead = NLU_FALLBACK if plain else ROLE_QUESTION
                decision = Decision(instead, decision.writer, "said enough")
            verdict = message.get("danger") or {}
            if intent in DANGER_INTENTS:
                # when nothing else fits after 112: the not-understood answer for who is writing
                # (their lines, as this message or the conversation's last ones showed), not the
                # menu, after someone told of violence
                writer = danger_writer(
                    decision.writer, guess, earlier, own_violence, shown["evidence"]
                )
                writers_answer = general if writer == decision.writer else None
                checked = {
                    "anothers_suicide": anothers_suicide(text),
                    # read as one who uses violence, not surely enough to be spoken to as such
                    "maybe_uses_violence": decision.writer == USES_VIOLENCE and writer is None,
                    "writer": writer,
                    "lines_for_writer": lines_for_writer(writer, writers_answer, said_before),
                    "writer_answer": writers_answer,
                    "young": writer_age(decision.writer, guess, age, LIMITS) == YOUNG,
                    "trip": married_off_or_sent_abroad(text) and not tells_of_violence(text),
                }
                if verdict.get("topic"):
                    # the topic's answer for this writer's role and age; it may follow 112 in
                    # this turn when the writer is known or it is an answer for anyone
                    topic = with_premise(verdict["topic"], text, earlier_texts)
                    own = decide(
                        topic, guess, earlier, disclosure=disclosure, age=age,
                        own_violence=own_violence, **shown,
                    )  # fmt: skip
                    own = next_step(specific_answer(own, text, earlier_texts), said_before)
                    if said_enough(own.intent, said_before):  # not a third time after 112 either
                        own = Decision(NLU_FALLBACK, own.writer, "said enough")
                    own_writer = danger_writer(
                        own.writer, guess, earlier, own_violence, shown["evidence"]
                    )
                    checked |= {
                        "answer": own.intent,
                        "answer_fits": own_writer is not None or own.intent not in ANSWER_ROLE,
                        "lines_for_writer": lines_for_writer(
                            own_writer, writers_answer if own_writer == writer else None,
                            said_before,
                        ),
                    }
                message.set("danger", verdict | checked, add_to_output=True)
            reading = {
                "writer": decision.writer,
                "guess": guess.role,
                "probabilities": {r: round(p, 3) for r, p in guess.probabilities.items()},
                "young": round(guess.young, 3),
                "age": said,
                "topic": intent,
                "reason": decision.reason,
            }
            if guess is not read:  # the model's figure, kept as a doubt for the conversation
                reading["doubted"] = round(read.probabilities[USES_VIOLENCE], 3)
            message.set("role", reading, add_to_output=True)
            if decision.intent != classified:
                chosen = {INTENT_NAME_KEY: decision.intent, PREDICTED_CONFIDENCE_KEY: 1.0}
                ranking = message.get(INTENT_RANKING_KEY, [])
                message.set(INTENT, chosen, add_to_output=True)
                message.set(INTENT_RANKING_KEY, [chosen, *ranking], add_to_output=True)
            if decision.writer and not unsure_of_violence(reading):
                entity = {
                    "entity": "role",
                    "value": decision.writer,
                    "start": 0,
                    "end": 0,
                    "extractor": type(self).__name__,
                }
                message.set(ENTITIES, [*message.get(ENTITIES, []), entity], add_to_output=True)
        return messages


# FallbackClassifier's threshold in config.yml: a top topic at least this sure that still fell
# back was too close to the second one (its ambiguity_threshold)
FALLBACK_THRESHOLD = 0.3


def close_candidates(ranking: list[dict[str, Any]]) -> list[str]:
    """The two topics Rasa's fallback could not choose between, or [] if it fell back because
    no topic was sure enough, if this fallback was not Rasa's (a long message read as a reply),
    or if either is a danger answer or a reply (danger triage has the last word on danger)."""
    if not ranking or ranking[0].get("name") != NLU_FALLBACK:
        return []
    topics = [item for item in ranking if item.get("name") != NLU_FALLBACK][:2]
    if len(topics) < 2 or topics[0].get("confidence", 0.0) < FALLBACK_THRESHOLD:
        return []
    names = [item["name"] for item in topics]
    if any(name in DANGER_INTENTS or name in REPLY_KINDS for name in names):
        return []
    return names


def said_responses(tracker: DialogueStateTracker | None) -> list[str]:
    """The responses the bot gave in this conversation since its last restart (Rasa's
    `utter_action` names, oldest first)."""
    said: list[str] = []
    for event in tracker.events if tracker else []:
        if type(event).__name__ == "Restarted":
            said = []
        elif type(event).__name__ == "BotUttered":
            said.append((event.metadata or {}).get("utter_action") or "")
    return said


def acute_kind(parse: dict[str, Any]) -> str | None:
    """The kind of danger a message was read as, if it was read as acute."""
    reading = parse.get("danger") or {}
    return reading.get("kind") if reading.get("level") == ACUTE else None


def recent_parses(tracker: DialogueStateTracker | None) -> list[dict[str, Any]]:
    """The parse data of the conversation's last CONTEXT_MESSAGES messages, newest first."""
    if tracker is None:
        return []
    parses = [
        e.parse_data or {} for e in reversed(tracker.events) if type(e).__name__ == "UserUttered"
    ]
    return parses[:CONTEXT_MESSAGES]

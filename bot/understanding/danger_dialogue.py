"""What the bot says after a danger verdict: the emergency bubble first, then what fits.

Used by the custom action `action_danger_answer` (actions/actions.py); pure, no Rasa.
- Acute: the kind's emergency bubble (112 first, what to do right now, that the bot cannot call),
  then the topic's own answer when it fits the kind (a forced marriage, a young person), else the
  kind's next steps. A person who says they cannot talk gets what they can do instead. After
  suicidal thoughts, Mind's line and also the answer to what they told, when it fits the writer.
- Uncertain: 112 first, then (for violence) lines that fit both the one in danger and someone
  worried about them (Välj att sluta for one who told of their own violence), then "are you or someone else in danger right now?" with two buttons:
  yes leads to the acute answer of the likely kind. When the message asked something whose
  answer fits this writer (known, or an answer for anyone), that answer comes between 112 and the
  question and no leads to the menu; else no leads to the answer for the message's topic. 112 is
  always first. The question is asked once for a kind of danger: once 112 has been shown for it
  (or the question was just asked and written past), an uncertain message gets a short 112 line
  (a line of text, not the card again, once the card was shown: rounds 27 to 29) and then its
  answer (or the lines for who is writing, as the message or the conversation showed;
  when nobody knows, the question who it is about, not the menu: round 8 judged the menu there a
  dead end), so that a conversation after danger moves on instead of asking after every message
  (round 7: the same card and question again was most of the conversations' false alarms and
  repeats). A new kind (suicidal thoughts after violence) is asked about.
- Danger now told by someone worried about another (the verdict's `writer`) gets what a witness
  does, not what the one in danger does.
- The next steps after danger now, or after seeing someone hit, speak to someone under 18 (BRIS, an
  adult they trust) when RoleDetector read the writer as young (the verdict's `young`); a topic
  that speaks to adults is not answered to them then.
- The topic is the one RoleDetector checked for the writer's role and age (the verdict's
  `answer`; "tell the school counsellor" only to someone who said they are under 18), else the
  topic classifier's.
- Once 112 has been shown for a kind of danger in a conversation, a short reminder replaces that
  kind's full bubble, so that the next messages move on instead of repeating the same card (a
  new kind, such as a medical emergency after violence, gets its own bubble).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bot.understanding.danger_model import CAUSED, DANGER_NOW, MEDICAL, SUICIDAL, WITNESS
from bot.understanding.role_model import CONCERNED, PROFESSIONAL, SUBJECTED, USES_VIOLENCE
from bot.understanding.short_replies import KINDS as REPLY_KINDS

UNSURE = "danger_unsure"  # the intent of an uncertain verdict
# someone else's thoughts of suicide, told by someone worried about them: not "is your life in
# danger?" (round 31's friend: "hon sa att hon hellre dör")
SUICIDAL_SOMEONE_ELSE = "suicidal_someone_else"
# Danger intents reached only by the kind told (as_told_by) and its button: no training examples
TOLD_ONLY = frozenset({SUICIDAL_SOMEONE_ELSE})
DANGER_ACTION = "action_danger_answer"
INTENTS = (DANGER_NOW, SUICIDAL, MEDICAL, WITNESS, CAUSED, SUICIDAL_SOMEONE_ELSE, UNSURE)

EMERGENCY = {
    DANGER_NOW: "utter_danger_now",
    SUICIDAL: "utter_suicidal",
    MEDICAL: "utter_danger_medical",
    WITNESS: "utter_danger_witness",
    CAUSED: "utter_danger_caused",
    SUICIDAL_SOMEONE_ELSE: "utter_suicidal_someone_else",
}
NEXT_STEPS = {
    DANGER_NOW: "utter_danger_next",
    SUICIDAL: "utter_suicidal_next",
    MEDICAL: "utter_danger_medical_next",
    WITNESS: "utter_danger_witness_next",
    CAUSED: "utter_danger_caused_next",
    SUICIDAL_SOMEONE_ELSE: "utter_suicidal_someone_else_next",
}
# Witnessed danger that is a marriage or a trip abroad ahead, told with no violence now: 112
# before the trip, not "do not go in alone" (round 44's teacher whose pupil is to be married off)
TRIP = "utter_danger_trip"
# Danger now again after its bubble and next steps: what to do while it goes on
STAY = "utter_danger_stay"
HELP_ON_THE_WAY = "utter_help_on_the_way"  # they have called 112: stay safe until help comes
# An uncertain message after the card was shown for that danger: 112 in a line, not the card again
REMINDER = "utter_danger_reminder"
# The next steps for someone under 18 (BRIS and an adult they trust, not Kvinnofridslinjen first
# or "report your concern"), also for a child who sees a parent hit
NEXT_STEPS_YOUNG = {
    DANGER_NOW: "utter_danger_next_young",
    WITNESS: "utter_danger_next_young",
    MEDICAL: "utter_danger_medical_next_young",
}
# Topics whose own answer helps more than the general next steps, per kind of danger (the
# honour answers say what to do before a trip abroad; a question about care or the police gets
# its answer). The others add nothing to the next steps
# (the general victim answer after "he is hitting me now"), may be guessed for the wrong person
# (the answer for under-18s after a bare "help!"), or are meant for someone else (the answer for
# people who use violence, to a victim).
TOPICS_THAT_FIT = {
    DANGER_NOW: {
        "honour", "forced_marriage", "honour_rights",
        # a question of their own after telling of violence: care, the police, housing, the
        # children; 112 stays first
        "health_care", "police_report", "restraining_order", "shelter", "shelter_young",
        "children_custody", "children_social_services", "threat_messages", "digital_safety",
        "hide_traces", "safety_plan", "interpreter", "costs_and_anonymity", "outside_orebro",
        "residence_permit", "hit_back", "image_abuse",
        "older_victims", "disability_victims", "pregnancy", "protected_identity", "economic_violence",
        "restraining_order_broken", "children_kept_abroad", "sexual_violence_young",
        "ashamed_of_staying",
    },
    WITNESS: {"concerned", "concerned_young", "report_concern_child", "concerned_honour",
              "police_report", "report_for_someone", "professional", "professional_adult",
              "interpreter_professional", "restraining_order_someone_else", "shelter_someone_else",
              "children_abroad_someone_else", "professional_evidence", "professional_referral",
              "professional_other_municipality", "professional_virginity",
              "outside_orebro_someone_else", "health_care_someone_else",
              "forms_of_violence_someone_else", "concerned_about_one_who_hits", "concerned_own_guilt",
              "concerned_worn_out", "professional_forced_marriage", "reporter_anonymity"},
    CAUSED: {"uses_violence", "uses_violence_young", "first_call", "perpetrator_children",
             "reported_for_violence", "uses_sexual_violence", "controls_for_honour",
             "interpreter_uses_violence", "is_it_a_crime_uses_violence",
             "restraining_order_against_me", "outside_orebro_uses_violence"},
}
# The topics that fit after 112 (TOPICS_THAT_FIT) and speak to someone under 18 too; the others
# speak to adults (how to help her, a shelter, the answers for parents)
FIT_THE_YOUNG = frozenset(
    {"honour", "forced_marriage", "honour_rights", "health_care", "threat_messages", "digital_safety",
     "hide_traces", "image_abuse", "pregnancy", "interpreter", "costs_and_anonymity", "police_report",
     "concerned_young", "shelter_young", "sexual_violence_young"}
)  # fmt: skip
NOT_A_TOPIC = {
    "nlu_fallback", "out_of_scope", "greet", "menu", "goodbye", "thanks", "delete_conversation",
    *INTENTS, *REPLY_KINDS,
}  # fmt: skip
# Lines to call while the bot asks whether anyone is in danger, for kinds whose lines fit both the
# one in danger and someone worried about them (round 13: "my cousin must get out tonight" got
# only 112 and the question)
LINES_WHILE_ASKING = {
    DANGER_NOW: "utter_danger_lines",
    WITNESS: "utter_danger_lines",
    # told of their own violence (the triage reads it so only then): Välj att sluta, not only 112
    # and the question (round 34's "when we fight i hit him ... once i bit his arm")
    CAUSED: "utter_danger_caused_next",
}
# ... and naming Välj att sluta too when the writer was read as one who uses violence, but not
# surely enough for their own answer (the verdict's `maybe_uses_violence`: round 34)
LINES_FOR_EVERY_WRITER = "utter_danger_lines_every"
MENU = "menu"  # where "no, not right now" leads when the message had no topic nor known writer
WHO_IS_IT_ABOUT = "utter_role_unclear"  # after 112, nothing to answer and nobody knows who writes
# After 112 for these kinds, an uncertain message of this kind is not asked about again (its yes
# would lead to the same answer); a new kind, such as suicidal thoughts after violence, is.
SAME_QUESTION = {
    DANGER_NOW: {DANGER_NOW, WITNESS},
    WITNESS: {DANGER_NOW, WITNESS},
    CAUSED: {CAUSED},
    SUICIDAL: {SUICIDAL},
    MEDICAL: {MEDICAL},
    SUICIDAL_SOMEONE_ELSE: {SUICIDAL_SOMEONE_ELSE},
}
SAYS_MIND = frozenset({"feeling_bad"})  # answers that already name Mind's suicide line
# Answers that cannot follow 112 in the same turn: no topic, another question ("who is it
# about?"), an answer an action fills in (the lines open now), or "good that you are safe now"
# before asking whether anyone is in danger
NOT_INLINE = NOT_A_TOPIC | {"role_unclear", "open_now", "safe_now"}


@dataclass(frozen=True)
class Utterance:
    """A response to send, with the variables its buttons need."""

    response: str
    variables: dict[str, str] = field(default_factory=dict)


def plan(
    intent: str, verdict: dict[str, Any] | None, shown: str | None, asked: bool = False
) -> list[Utterance]:
    """The responses for a danger `intent` (a kind or `danger_unsure`).

    `verdict` is the triage of the message (None after a button such as "yes, now"), with the
    topic the intent classifier saw in it; `shown` is the kind whose emergency bubble was shown
    last in this conversation (None if 112 has not been shown yet); `asked`: the bot's previous
    answer asked whether anyone is in danger and the person wrote on instead of answering.
    """
    verdict = verdict or {}
    kind = as_told_by(intent if intent in EMERGENCY else verdict.get("kind") or DANGER_NOW, verdict)
    topic = checked_topic(verdict)
    if verdict.get("help_called") and kind in (DANGER_NOW, WITNESS):
        return [Utterance(HELP_ON_THE_WAY)]  # 112 named in it, and "call again if"
    if intent == UNSURE:
        first = "utter_danger_again" if shown else "utter_danger_check"
        if kind == DANGER_NOW and verdict.get("cannot_talk"):
            first = "utter_danger_silent"
        # where "no, not right now" leads: the message's topic, else the writer's general answer
        # when the writer is known, else the menu
        answer_topic = (
            topic if topic and topic not in NOT_A_TOPIC else verdict.get("writer_answer") or MENU
        )
        own = inline_answer(verdict)
        if asked or shown in SAME_QUESTION.get(kind, ()):
            # 112 again, in a line once its card was shown, and what they wrote about, not the
            # same question a second time
            again = Utterance(REMINDER if shown and first != "utter_danger_silent" else first)
            fits = answer_topic in TOPICS_THAT_FIT.get(kind, ())  # never another role's answer
            if own or fits:
                return [again, Utterance(f"utter_{own or answer_topic}")]
            # nothing to answer: the lines for who is writing when known, else who it is about
            lines = verdict.get("lines_for_writer") or WHO_IS_IT_ABOUT
            return [again, Utterance(lines)]
        if own:  # what they asked, then whether anyone is in danger: no leads on to the menu
            question = Utterance("utter_danger_question", {"danger_kind": kind, "danger_topic": MENU})
            return [Utterance(first), Utterance(f"utter_{own}"), question]
        buttons = {"danger_kind": kind, "danger_topic": answer_topic}
        lines = None if verdict.get("cannot_talk") else LINES_WHILE_ASKING.get(kind)
        writer, own_violence = verdict.get("writer"), verdict.get("own_violence")
        if lines and (writer == USES_VIOLENCE or (own_violence and writer != SUBJECTED)):
            # "ja knuffa henne o hon ramla", "ok jag ringer imorgon" from a man who hit: Välj att
            # sluta, not Kvinnofridslinjen "also for you who worry about someone" (round 26)
            lines = NEXT_STEPS[CAUSED]
        elif lines and (verdict.get("maybe_uses_violence") or own_violence):
            # "han drog mig i håret och jag slog honom för att komma loss", read as the one
            # subjected: every line (round 35 gave her only Välj att sluta)
            lines = LINES_FOR_EVERY_WRITER
        between = [Utterance(lines)] if lines else []
        return [Utterance(first), *between, Utterance("utter_danger_question", buttons)]
    if kind == DANGER_NOW and verdict.get("cannot_talk"):
        first = "utter_danger_silent"  # also after 112: "I can't call, he'd hear me" is news
    elif shown == kind:
        first = "utter_danger_again"
    elif kind == WITNESS and verdict.get("trip"):
        first = TRIP
    else:
        first = EMERGENCY[kind]
    young = bool(verdict.get("young")) and kind in NEXT_STEPS_YOUNG
    if kind == MEDICAL and verdict.get("own_violence"):
        follow = NEXT_STEPS[CAUSED]  # the one who hurt someone: Välj att sluta, not a victim line
    elif topic in TOPICS_THAT_FIT.get(kind, ()) and (not young or topic in FIT_THE_YOUNG):
        follow = f"utter_{topic}"
    elif young:
        follow = NEXT_STEPS_YOUNG[kind]
    elif kind == DANGER_NOW and shown == kind:
        follow = STAY  # the lines were given with the first bubble
    else:
        follow = NEXT_STEPS[kind]
    steps = [Utterance(first), Utterance(follow)]
    also = inline_answer(verdict)
    if kind == SUICIDAL and also and also not in SAYS_MIND:
        # "he said sorry and bought flowers again" read as despair: Mind, and the answer to what
        # they told (a victim's line), so that telling of violence is never left without it
        steps.append(Utterance(f"utter_{also}"))
    return steps


def checked_topic(verdict: dict[str, Any]) -> str | None:
    """The message's topic as answered for its writer's role and age (RoleDetector puts it in the
    verdict as `answer`; it may be the question who it is about), else the topic classifier's."""
    return verdict.get("answer") or verdict.get("topic")


def inline_answer(verdict: dict[str, Any]) -> str | None:
    """The answer to what the message asked, if it fits the writer (RoleDetector's `answer_fits`:
    the writer is known or it is an answer for anyone) and can follow 112 in the same turn."""
    answer = verdict.get("answer")
    fits = verdict.get("answer_fits") and answer not in NOT_INLINE
    return answer if fits else None


def as_told_by(kind: str, verdict: dict[str, Any]) -> str:
    """The kind of danger for the one who wrote: danger now told by someone worried about another
    (the verdict's `writer`) is witnessed danger, what a neighbour who hears it again does, not
    "lock yourself in" (round 26). Thoughts of suicide told by someone worried or at work, or of
    someone else (`anothers_suicide`), are that person's; a partner's threat to take his life
    told by the one subjected is danger to her (round 31: "om jag lämnar honom tar han livet av
    sig", with a rifle in the wardrobe, got Mind)."""
    writer = verdict.get("writer")
    if kind == DANGER_NOW and writer == CONCERNED:
        return WITNESS
    if kind == SUICIDAL and writer in (CONCERNED, PROFESSIONAL):
        return SUICIDAL_SOMEONE_ELSE
    if kind == SUICIDAL and verdict.get("anothers_suicide"):
        return DANGER_NOW if writer == SUBJECTED else SUICIDAL_SOMEONE_ELSE
    return kind


def shown_after(intent: str, verdict: dict[str, Any] | None, shown: str | None) -> str:
    """What `shown` becomes after answering: the kind whose bubble was shown (an uncertain
    answer shows only the general 112 line, so it counts as danger now)."""
    if intent == UNSURE:
        return shown or DANGER_NOW
    verdict = verdict or {}
    return as_told_by(intent if intent in EMERGENCY else verdict.get("kind") or DANGER_NOW, verdict)


def asks_about_danger(bot_event: dict[str, Any]) -> bool:
    """Whether a bot message (a tracker event) is the question "are you in danger right now?"
    (its yes button leads to a danger answer)."""
    buttons = (bot_event.get("data") or {}).get("buttons") or []
    return any(str(b.get("payload") or "").lstrip("/").startswith(INTENTS) for b in buttons)

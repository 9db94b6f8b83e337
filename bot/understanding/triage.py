"""Danger triage: acute, uncertain or none, for one message, in any language.

Two judges, one verdict:
- the deterministic patterns (bot.understanding.danger): a match makes the message acute and cannot
  be out-voted;
- the learned model (bot.understanding.danger_model): its probability against two thresholds set on
  the development set. At or above `acute`: acute. At or above `uncertain`: the bot shows 112 first
  and asks whether anyone is in danger right now (asking costs one tap; missing danger costs more).
  When danger came up earlier in the conversation, lower thresholds apply.

Runs in Rasa (bot.rasa_plugins.nlu_components.DangerDetector, with the conversation as context) and
in the gateway for the languages the bot does not converse in and in degraded mode.
"""

from __future__ import annotations

import logging
import re
from dataclasses import asdict, dataclass
from pathlib import Path

from bot.understanding import danger
from bot.understanding.danger_model import (
    CAUSED,
    DANGER_NOW,
    MEDICAL,
    MODEL_PATH,
    SUICIDAL,
    WITNESS,
    DangerModel,
)
from bot.understanding.role_cues import says_hit_back, tells_of_violence, tells_own_violence

log = logging.getLogger(__name__)

ACUTE, UNCERTAIN, NONE = "acute", "uncertain", "none"

# A pattern's kind is coarse (violence); the model tells a witness or someone who has just hurt
# another person apart, and its answer fits better.
_MODEL_KINDS_THAT_REFINE_VIOLENCE = (WITNESS, CAUSED, MEDICAL)
# The answers for a witness and for someone who has just hurt another person speak to another
# role than the person in danger: the model must be this sure of them (on dev, 0.6 kept 47 of
# 51 right ones and 4 wrong), else the general answer for danger now is given. The answer for
# someone who has hurt another person also needs them to say so in the first person.
ROLE_KINDS = (WITNESS, CAUSED)
ROLE_CONFIDENCE = 0.6
POISONING = frozenset({MEDICAL, SUICIDAL})  # after these, feeling sick or sleepy is an emergency


# "jag har ringt 112", "i called 112. they are coming", "polisen är på väg", "ok I called 112.
# they are sending someone" (round 17 told them to call 112); not "should I call the police?",
# "jag har aldrig ringt polisen", a call long ago ("I called the police last year") nor the
# partner's call ("han ringde polisen och sa att jag slog honom")
_HELP_CALLED = re.compile(
    r"(?<!aldrig )(?<!inte )(?<!never )(?<!not )(?<!n't )"
    r"(?<!han )(?<!hon )(?<!hen )(?<!he )(?<!she )(?<!han har )(?<!hon har )(?<!he has )(?<!she has )"
    r"(?<!om jag )(?<!om ja )(?<!nar jag )(?<!innan jag )(?<!if i )(?<!if i'm )"
    r"\b(ringt|ringde|ringer nu|ringer|called|phoned|rang|dialled|dialed|have called|just called|"
    r"calling|calling now)"
    r" (till )?(112|911|polisen|polis|ambulans\w*|the police|police|the cops|an ambulance|ambulance)\b"
    r"|\b(polisen|polis|ambulansen|hjalpen) (ar|e) pa (vag|vaj)\b|\b(polisen|ambulansen) kommer\b"
    r"|\b(police|the cops|an? ambulance|help) (is|are|'s|'re) coming\b"
    r"|\b(police|cops|ambulance|help)( is| are|'s|'re)? on (the|their|its) way\b"
    r"|\bthey('re| are) (sending|on (the|their) way)\b"
)
# ... nor a call long ago, nor help that has come ("ringde 112 och ambulansen kom. nu är jag på
# akuten": the answer for being safe now)
_LONG_AGO_OR_COME = re.compile(
    r"\b(igar|i gar|forra|forut|tidigare|flera ganger|manga ganger|en gang|nagon gang|aldrig|"
    r"yesterday|last (night|week|month|year|time)|ago|before|several times|many times|never|"
    r"once|ar sedan|ar sen|veckor sedan|manader sedan|"
    r"kom|har kommit|(ar|e) har|pa akuten|pa sjukhuset|arrived|came|(is|are|'s|'re) here|"
    r"at the hospital|in hospital)\b"
)


# "ringer nu", "calling now": the whole message, after 112 was shown (round 19: "ringer nu" and
# "jag ringer 112" got the same "ring 112" text again)
_CALLING_NOW = re.compile(
    r"^(ok )?(jag |ja |i'm |im )?(ringer|calling)( nu| now| dom| dem| them)?[ .!]*$"
)


def help_called(text: str) -> bool:
    """Whether the writer says 112 or the police have just been called, are being called or are on
    their way; a question says nothing of the kind."""
    norm = danger.normalise(text).strip()
    if "?" in norm:
        return False
    if _CALLING_NOW.match(norm):
        return True
    return _HELP_CALLED.search(norm) is not None and _LONG_AGO_OR_COME.search(norm) is None


def own_violence_told(earlier: list[str]) -> bool:
    """Whether any of the `earlier` messages told of the writer's own violence."""
    return any(map(tells_own_violence, earlier))


def violence_told_before(earlier: list[str], context: bool, own: bool | None = None) -> bool:
    """Whether the `earlier` messages told of violence done to the writer or someone close ("my
    stepdad hits me"), or of danger (`context`), and never of the writer's own violence ("jag
    slog min fru igår": her coming home is no emergency; `own`: `own_violence_told(earlier)`,
    when the caller has it)."""
    if own_violence_told(earlier) if own is None else own:
        return False
    return context or any(map(tells_of_violence, earlier))


@dataclass(frozen=True)
class Verdict:
    """The triage of one message, with the reason (for staff explanations, never logged)."""

    level: str  # acute | uncertain | none
    kind: str | None  # danger_now | suicidal | danger_medical | danger_witness | danger_caused
    probability: float  # the model's, 0.0 without a model
    reason: str
    cannot_talk: bool = False
    context: bool = False
    own_violence: bool = False  # the writer says they hurt someone (their next steps differ)
    help_called: bool = False  # 112 or the police have just been called (no "call 112" again)

    def as_dict(self) -> dict:
        return asdict(self) | {"probability": round(self.probability, 3)}


class Triager:
    """Patterns plus the learned model (patterns alone when no model has been trained)."""

    def __init__(self, model: DangerModel | None):
        self.model = model

    @property
    def disclosure_threshold(self) -> float:
        """An earlier message this likely to be acute makes the conversation's context danger."""
        return self.model.thresholds.uncertain_context if self.model else 1.0

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> Triager:
        """The triager with the trained model; patterns only (and an error logged) without one."""
        if not path.exists():
            log.error("No danger model at %s: run `python -m bot train`; patterns only", path)
            return cls(None)
        return cls(DangerModel.load(path))

    def triage(
        self,
        text: str,
        context: bool = False,
        calm: bool = False,
        earlier_kinds: frozenset[str] = frozenset(),
        violence_earlier: bool = False,
        own_violence_earlier: bool = False,
        acute_before: str | None = None,
    ) -> Verdict:
        """The verdict for `text`.

        `context`: danger came up earlier in the conversation (lower thresholds). `calm`: the
        message says the danger has passed ("he has left") after danger earlier, or is a short
        reply ("vet inte", "ok"); only an acute verdict then shows 112, so that the conversation
        moves on instead of asking.
        `earlier_kinds`: the kinds of danger raised earlier; after them some symptoms are an
        emergency in themselves ("I feel sick now" after pills).
        `violence_earlier`: earlier messages told of violence done to the writer or someone close
        ("my stepdad hits me"), or of danger; then "he just came home" is an emergency.
        `own_violence_earlier`: earlier messages told of the writer's own violence; then "I want
        to stop" is about that, not about their life.
        `acute_before`: the kind of danger the message just before was read as, if acute; then
        "what do I do?" is about that danger.
        """
        match = danger.detect(text)
        # "jag slog tillbaka … jag fick inte luft": the one attacked, not one who hurt someone
        # (round 26 gave her the ambulance and then Välj att sluta)
        own = danger.own_violence(text) and not says_hit_back(text)
        called = help_called(text)
        probability, model_kind, kind_share = (
            self.model.predict(text) if self.model else (0.0, None, 0.0)
        )

        def verdict(level: str, kind: str | None, reason: str) -> Verdict:
            cannot_talk = danger.cannot_talk(text)
            return Verdict(level, kind, probability, reason, cannot_talk, context, own, called)

        if model_kind in ROLE_KINDS and kind_share < ROLE_CONFIDENCE:
            model_kind = DANGER_NOW
        if model_kind == CAUSED and not own:
            model_kind = DANGER_NOW  # "jag är rädd" is not "I am afraid I will hurt her"
        if model_kind == MEDICAL and not danger.names_injury(text):
            model_kind = DANGER_NOW  # no body, symptom or care named: no ambulance script
        if model_kind == SUICIDAL and (own or own_violence_earlier) and danger.wants_to_stop(text):
            probability = 0.0  # "I want to stop": their own violence, not their life (round 22)
        if match is not None:
            kind = match.kind
            if kind == danger.DANGER_NOW and model_kind in _MODEL_KINDS_THAT_REFINE_VIOLENCE:
                kind = model_kind
            return verdict(ACUTE, kind, f'pattern "{match.matched}"')
        symptom = None
        if context and not danger.told_as_past(text):
            symptom = danger.symptom_after(text, bool(earlier_kinds & POISONING))
        if symptom:
            return verdict(ACUTE, MEDICAL, f'"{symptom}" after danger earlier in the conversation')
        if (
            violence_earlier
            and not danger.told_as_past(text)
            and (arrived := danger.arrived_now(text))
        ):
            kind = WITNESS if model_kind == WITNESS else DANGER_NOW
            return verdict(ACUTE, kind, f'"{arrived}" after violence earlier in the conversation')
        if acute_before in (DANGER_NOW, WITNESS) and not calm and danger.asks_what_to_do(text):
            # "barnen sover. vad ska jag göra" right after "he is at the door" (round 24's MB02)
            return verdict(ACUTE, acute_before, "asks what to do right after danger now")
        if self.model is None:
            return verdict(NONE, None, "no model")
        limits = self.model.thresholds
        if calm:  # the danger has passed, or a short reply: only acute shows 112
            acute, uncertain = limits.acute, limits.acute
        elif context:
            acute, uncertain = limits.acute_context, limits.uncertain_context
        else:
            acute, uncertain = limits.acute, limits.uncertain
        if model_kind == MEDICAL and not calm:
            uncertain = min(uncertain, limits.uncertain_medical)
        if probability >= acute:
            level, reason = ACUTE, f"model {probability:.2f} >= {acute:.2f}"
        elif probability >= uncertain:
            level, reason = UNCERTAIN, f"model {probability:.2f} >= {uncertain:.2f}"
        else:
            level, reason = NONE, f"model {probability:.2f} < {uncertain:.2f}"
        if context and level == NONE and called:
            # "ok I called 112, they are sending someone" after danger: not the answer to a topic
            level, reason = UNCERTAIN, "help called after danger earlier in the conversation"
            model_kind = model_kind or DANGER_NOW
        if context and level != NONE:
            reason += " (danger earlier in the conversation)"
        return verdict(level, model_kind if level != NONE else None, reason)


def danger_summary(verdict: dict) -> str:
    """A verdict in one line for staff: outcome, kind and why ("acute danger_now: pattern …")."""
    kind = f" {verdict['kind']}" if verdict.get("kind") else ""
    return f"{verdict['level']}{kind}: {verdict['reason']}"


def is_alarm(verdict: Verdict) -> bool:
    """Whether 112 comes first in the answer (acute or uncertain)."""
    return verdict.level != NONE

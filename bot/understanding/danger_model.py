"""The learned half of danger triage: a classifier trained on the danger corpus (data/danger/).

Two linear models share one set of features of the normalised text
(`bot.understanding.danger.normalise`: lower case, no accents, so "hjalp" and "hjälp" look alike),
trained on the corpus and misspelt copies of it (`augmented`):
- `acute`: the probability that someone is in danger now, has suicidal thoughts, or needs an
  ambulance;
- `kind`: which kind of acute danger it is, so that the answer fits (see KINDS).

The features were chosen on the development set (`python -m bot evaluate --danger-features`,
docs/nlu-evaluation.md). The two thresholds that turn the probability into the three outcomes
(acute / uncertain / none) are set on the development set when the model is trained, recall first
(`tune_thresholds`). `bot train` writes the model to models/danger.npz; it is never committed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import astuple, dataclass
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from bot import PROJECT_ROOT
from bot.understanding.text_features import (
    CHOSEN_FEATURES,
    FeaturePart,
    Vectorizers,
    augmented,
    features_of,
    fit_vectorizers,
    part_arrays,
    parts_from,
    parts_of,
    softmax,
    vectors,
)

CORPUS_DIR = PROJECT_ROOT / "data" / "danger"
TRAIN_DIR = CORPUS_DIR / "train"
DEV_DIR = CORPUS_DIR / "dev"
MODEL_PATH = PROJECT_ROOT / "models" / "danger.npz"

# The kinds of acute danger; each is an intent with its own answer (domain/danger.yml).
DANGER_NOW = "danger_now"  # violence now, threatened, weapons, locked in, found, taken abroad
SUICIDAL = "suicidal"
MEDICAL = "danger_medical"  # bleeding, not breathing, unconscious, overdose, pain in pregnancy
WITNESS = "danger_witness"  # someone else is in danger now: a neighbour, a friend, a parent
CAUSED = "danger_caused"  # the writer has just hurt someone, or is about to
KINDS = (DANGER_NOW, SUICIDAL, MEDICAL, WITNESS, CAUSED)

# The corpus's situations (see data/danger/README.md) and the kind of answer each needs.
SITUATION_KIND = {
    "violence_now": DANGER_NOW,
    "threat_imminent": DANGER_NOW,
    "weapon": DANGER_NOW,
    "strangling": DANGER_NOW,
    "locked_in": DANGER_NOW,
    "abuser_nearby": DANGER_NOW,
    "taken_abroad": DANGER_NOW,
    "hiding": DANGER_NOW,
    "plea": DANGER_NOW,
    "asks_bot_to_call": DANGER_NOW,
    "medical": MEDICAL,
    "overdose": MEDICAL,
    "bystander": WITNESS,
    "caused_harm": CAUSED,
    "suicidal_direct": SUICIDAL,
    "suicidal_indirect": SUICIDAL,
}

ACUTE, NONE, BORDERLINE = "acute", "none", "borderline"


@dataclass(frozen=True)
class Example:
    """One message of the danger corpus or an evaluation set."""

    text: str
    label: str  # acute | none | borderline
    situation: str
    lang: str
    style: str = "plain"
    history: tuple[str, ...] = ()  # earlier messages of the conversation, oldest first

    @property
    def acute(self) -> bool:
        return self.label == ACUTE

    @property
    def kind(self) -> str | None:
        """The kind of answer an acute message needs (None for a long story of any kind)."""
        return SITUATION_KIND.get(self.situation) if self.acute else None


def load_examples(paths: Iterable[Path]) -> list[Example]:
    """The messages of danger corpus files (YAML with a `messages:` list)."""
    examples = []
    for path in paths:
        doc = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        for item in doc.get("messages") or []:
            examples.append(Example(**item | {"history": tuple(item.get("history") or ())}))
    return examples


def corpus_files(directory: Path) -> list[Path]:
    return sorted(Path(directory).glob("*.yml"))


NLU_DIR = PROJECT_ROOT / "data" / "nlu"
DANGER_INTENT_NAMES = (*KINDS, "danger_unsure")
# Intents whose messages can describe danger now in some readings ("he texts that he will kill me
# tonight", "I was raped an hour ago", "I can't go on"): not taken as everyday messages. Taken as
# such, they lowered the recall of the final sets (round 3: 222 -> 220 of 225); the danger
# corpus's hard negatives cover these topics. Round 8's examples tell of attacks ("he had me in
# a stranglehold and I hit back"), sextortion, violence heard through a wall right now ("should I
# call the police?") and threats with a knife before asking for a place to sleep.
NOT_EVERYDAY = (
    "threat_messages", "sexual_violence", "feeling_bad",
    "hit_back", "image_abuse", "police_report", "shelter",
)  # fmt: skip


def everyday_examples(nlu_dir: Path = NLU_DIR) -> list[Example]:
    """The intent classifier's training examples outside danger, as messages that are not acute.

    The danger corpus's hard negatives are about violence; these are how people use the service
    otherwise (greetings, "delete everything", opening hours, "he has left"), which the model
    must not take for danger either.
    """
    examples = []
    for path in sorted(nlu_dir.glob("*.yml")):
        for item in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("nlu") or []:
            if "examples" not in item or item.get("intent") in (
                *DANGER_INTENT_NAMES,
                *NOT_EVERYDAY,
            ):
                continue
            for line in item["examples"].splitlines():
                text = line.strip().removeprefix("- ").strip()
                if text:
                    examples.append(Example(text, NONE, "everyday", "sv"))
    return examples


@dataclass
class Thresholds:
    """Probability cut-offs: at or above `acute` the answer is acute, at or above `uncertain`
    the bot asks. `*_context` apply when danger came up earlier in the conversation;
    `uncertain_medical` when the kind the model sees is a medical emergency."""

    acute: float
    uncertain: float
    acute_context: float
    uncertain_context: float
    uncertain_medical: float


@dataclass
class Estimators:
    """What scikit-learn fitted: the vectorizers and the two logistic regressions."""

    vectorizers: Vectorizers
    acute: Any
    kind: Any

    def vectors(self, texts: Sequence[str]) -> Any:
        return vectors(self.vectorizers, texts)


@dataclass
class DangerModel:
    """The trained danger model as plain arrays: n-gram columns, idf weights, coefficients.

    Predicting needs no scikit-learn: the arithmetic for one short message is cheaper than
    scikit-learn's input checks and sparse matrices (a test compares the two on the dev set).
    """

    parts: list[FeaturePart]
    acute_weights: np.ndarray
    acute_bias: float
    kind_weights: np.ndarray  # one row per kind
    kind_bias: np.ndarray
    kind_names: list[str]
    thresholds: Thresholds

    @classmethod
    def from_estimators(cls, fitted: Estimators, thresholds: Thresholds) -> DangerModel:
        return cls(
            parts_of(fitted.vectorizers),
            fitted.acute.coef_[0].astype(np.float64),
            float(fitted.acute.intercept_[0]),
            fitted.kind.coef_.astype(np.float64),
            fitted.kind.intercept_.astype(np.float64),
            [str(name) for name in fitted.kind.classes_],
            thresholds,
        )

    def predict(self, text: str) -> tuple[float, str, float]:
        """The probability that `text` is acute, the most likely kind and that kind's share."""
        index, value = features_of(self.parts, text)
        acute = float(value @ self.acute_weights[index]) + self.acute_bias
        kinds = self.kind_weights[:, index] @ value + self.kind_bias
        kinds = softmax(kinds)
        best = int(np.argmax(kinds))
        return float(1.0 / (1.0 + np.exp(-acute))), self.kind_names[best], float(kinds[best])

    def probabilities(self, texts: Sequence[str]) -> np.ndarray:
        """The acute probability of each text (for evaluation and tuning)."""
        return np.array([self.predict(text)[0] for text in texts])

    def save(self, path: Path = MODEL_PATH) -> None:
        """Write the arrays (numpy's .npz, no pickled objects)."""
        arrays: dict[str, Any] = {
            "acute_weights": self.acute_weights,
            "acute_bias": np.array(self.acute_bias),
            "kind_weights": self.kind_weights,
            "kind_bias": self.kind_bias,
            "kind_names": np.array(self.kind_names),
            "thresholds": np.array(astuple(self.thresholds)),
            **part_arrays(self.parts),
        }
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as file:
            np.savez_compressed(file, **arrays)

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> DangerModel:
        with np.load(path, allow_pickle=False) as data:
            return cls(
                parts_from(data),
                data["acute_weights"],
                float(data["acute_bias"]),
                data["kind_weights"],
                data["kind_bias"],
                data["kind_names"].tolist(),
                Thresholds(*data["thresholds"].tolist()),
            )


def fit_estimators(examples: Sequence[Example], features: str = CHOSEN_FEATURES) -> Estimators:
    """Fit the vectorizers and both classifiers with scikit-learn."""
    from sklearn.linear_model import LogisticRegression

    usable = [e for e in examples if e.label in (ACUTE, NONE)]
    fitted = Estimators(fit_vectorizers([e.text for e in usable], features), None, None)
    x = fitted.vectors([e.text for e in usable])
    fitted.acute = LogisticRegression(C=10.0, class_weight="balanced", max_iter=3000)
    fitted.acute.fit(x, [e.acute for e in usable])
    with_kind = [i for i, e in enumerate(usable) if e.kind]
    fitted.kind = LogisticRegression(C=10.0, class_weight="balanced", max_iter=3000)
    fitted.kind.fit(x[with_kind], [usable[i].kind for i in with_kind])
    return fitted


def fit(examples: Sequence[Example], features: str = CHOSEN_FEATURES) -> DangerModel:
    """Train the features and both classifiers (thresholds still to be tuned)."""
    return DangerModel.from_estimators(
        fit_estimators(examples, features), Thresholds(0.5, 0.5, 0.5, 0.5, 0.5)
    )


# Recall first: the thresholds are set so that on the development set the model alone gives at
# least this share of acute messages 112 first (acute or uncertain); with the patterns, 99.2% of
# them. 98.5% rather than 97% cost 4 more points of false alarms on dev (5.4% -> 9.5%), inside
# the 15% the issue allows. With 98.5%, the threshold moved by up to 0.03 when unrelated everyday
# messages were added (#18), and a final round lost 1-2 messages each time; 99% costs 1.9 points
# of false alarms on dev (7.7% -> 9.6%) and keeps a margin. Of the messages that are not acute, at
# most ACUTE_FALSE_ALARMS may get the acute answer (the rest of the margin is the check-in
# question, which costs one tap). After danger earlier in a conversation, 112 has already been
# shown, and asking again after every calm message would be a loop: the lower threshold stops
# where it would ask again after more than CONTEXT_FALSE_ALARMS of the calm follow-ups
# (measured on dev: a 95% target alone asked again after 40% of them). 99.2% since 600 messages
# from the middle of conversations were added (2026-12-04): at 99% the cut-off rose 0.23 -> 0.28
# and the earlier rounds' final sets lost 6 of 2145 acute messages for 28 fewer false alarms; at
# 99.2% they keep every catch of before with fewer false alarms.
MODEL_RECALL_TARGET = 0.992
RECALL_TARGET_CONTEXT = 0.95
CONTEXT_FALSE_ALARMS = 0.25
ACUTE_FALSE_ALARMS = 0.03
# A missed medical emergency or overdose costs a life that an ambulance could save, and people
# describe symptoms in words no list holds ("det är nog inget, bara yr"). When the model sees a
# medical emergency, its cut-off goes down until the model alone catches every medical message
# of dev (as with `uncertain`, a pattern never makes the model less watchful), but at most so far
# that MEDICAL_FALSE_ALARMS more of dev's calm messages are asked "Is anyone in danger right now?".
MEDICAL_FALSE_ALARMS = 0.02
MEDICAL_SITUATIONS = ("medical", "overdose")


def _highest_threshold_with_recall(probabilities: np.ndarray, target: float) -> float:
    """The highest cut-off that keeps at least `target` of these (acute) probabilities above it."""
    if len(probabilities) == 0:
        return 0.5
    ordered = np.sort(probabilities)[::-1]
    index = min(len(ordered) - 1, int(np.ceil(target * len(ordered))) - 1)
    return float(ordered[index])


def tune_thresholds(model: DangerModel, examples: Sequence[Example], patterns: Any) -> Thresholds:
    """Thresholds from the development set; `patterns(text)` tells whether the patterns match.

    Single messages set `acute` and `uncertain`. `uncertain` is set for the model alone, so
    that a better pattern never makes the model less watchful elsewhere. Conversations
    (examples with a history) set `uncertain_context` (see `_context_threshold`).
    """
    singles = [e for e in examples if not e.history and e.label in (ACUTE, NONE)]
    probabilities = model.probabilities([e.text for e in singles])
    hit = np.array([patterns(e.text) for e in singles], dtype=bool)
    acute = np.array([e.acute for e in singles])
    uncertain = _highest_threshold_with_recall(probabilities[acute], MODEL_RECALL_TARGET)
    negatives = np.sort(probabilities[~acute & ~hit])[::-1]
    budget = int(ACUTE_FALSE_ALARMS * (~acute).sum())
    acute_cut = float(negatives[budget]) + 1e-6 if len(negatives) > budget else 0.5
    uncertain = min(uncertain, acute_cut)
    context = _context_threshold(model, examples, patterns, uncertain)
    medical = _medical_threshold(model, singles, hit, uncertain)
    top = max(acute_cut, uncertain)
    return Thresholds(top, uncertain, top, context, medical)


def _medical_threshold(
    model: DangerModel, singles: Sequence[Example], hit: np.ndarray, uncertain: float
) -> float:
    """`uncertain_medical`: the cut-off, at most `uncertain`, at which the model alone catches
    every medical message of dev that it sees as medical, unless that would ask more than
    MEDICAL_FALSE_ALARMS of the calm messages more (then the lowest cut-off within that budget;
    calm messages the patterns catch alarm anyway and do not count)."""
    predictions = [model.predict(e.text) for e in singles]
    probability = np.array([p for p, _, _ in predictions])
    seen_medical = np.array([kind == MEDICAL for _, kind, _ in predictions])
    acute = np.array([e.acute for e in singles])
    medical = acute & seen_medical & np.array([e.situation in MEDICAL_SITUATIONS for e in singles])
    wanted = min(probability[medical], default=uncertain)
    budget = int(MEDICAL_FALSE_ALARMS * (~acute).sum())
    extra = np.sort(probability[~acute & ~hit & seen_medical & (probability < uncertain)])[::-1]
    floor = float(extra[budget]) + 1e-6 if len(extra) > budget else 0.0
    return float(min(uncertain, max(wanted, floor)))


def _context_threshold(
    model: DangerModel, examples: Sequence[Example], patterns: Any, uncertain: float
) -> float:
    """`uncertain_context`: going down from `uncertain`, the lowest cut-off at which at most
    CONTEXT_FALSE_ALARMS of the calm conversations ask again, stopping once
    RECALL_TARGET_CONTEXT of the acute ones are caught."""
    talks = [e for e in examples if e.history and e.label in (ACUTE, NONE)]
    if not talks:
        return uncertain
    acute = np.array([e.acute for e in talks])
    last = model.probabilities([e.text for e in talks])
    last_hit = np.array([patterns(e.text) for e in talks], dtype=bool)
    earlier = np.array(
        [
            max(
                1.0 if patterns(h) else float(p)
                for h, p in zip(e.history, model.probabilities(e.history), strict=True)
            )
            for e in talks
        ]
    )
    chosen = uncertain
    for cut in sorted({float(p) for p in last if p < uncertain}, reverse=True):
        alarm = last_hit | (last >= np.where(earlier >= cut, cut, uncertain))
        if alarm[~acute].mean() > CONTEXT_FALSE_ALARMS:
            break
        chosen = cut
        if alarm[acute].mean() >= RECALL_TARGET_CONTEXT:
            break
    return chosen


def train(
    train_dir: Path = TRAIN_DIR, dev_dir: Path = DEV_DIR, out: Path = MODEL_PATH
) -> DangerModel:
    """Fit on the training corpus and everyday messages, set the thresholds on the development
    set, save."""
    from bot.understanding.danger import detect

    model = fit(augmented(load_examples(corpus_files(train_dir))) + everyday_examples())
    dev = load_examples(corpus_files(dev_dir))
    model.thresholds = tune_thresholds(model, dev, lambda text: detect(text) is not None)
    model.save(out)
    return model

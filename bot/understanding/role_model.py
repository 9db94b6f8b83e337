"""Who is writing: a classifier trained on the role corpus (data/roles/).

A person subjected to violence must never get the answer for the one who uses it, and the other
way round; the topic classifier alone often confused them ("min sambo slog mig igår" looked like
"jag slog min sambo"). This model reads only *who* is speaking:
- `role`: subjected (the writer is subjected to violence or oppression), uses_violence (the
  writer hurts or fears hurting someone close), concerned (the writer worries about someone
  else), professional (asks in their job), or unclear (a question that shows no role);
- `young`: the probability that the writer is under 18.

The features are the danger model's (bot/understanding/text_features.py) and a few grammatical cues
to who does what to whom (bot/understanding/role_cues.py). How the guess is used, and the cut-offs
set on the development set, are in bot/understanding/roles.py. `bot train` writes models/role.npz;
it is never committed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from bot import PROJECT_ROOT
from bot.understanding.role_cues import CUE_NAMES, cues_of
from bot.understanding.text_features import (
    FeaturePart,
    augmented,
    features_of,
    fit_vectorizers,
    part_arrays,
    parts_from,
    parts_of,
    softmax,
    vectors,
)

CORPUS_DIR = PROJECT_ROOT / "data" / "roles"
TRAIN_DIR = CORPUS_DIR / "train"
DEV_DIR = CORPUS_DIR / "dev"
MODEL_PATH = PROJECT_ROOT / "models" / "role.npz"

SUBJECTED = "subjected"
USES_VIOLENCE = "uses_violence"
CONCERNED = "concerned"
PROFESSIONAL = "professional"
UNCLEAR = "unclear"
ROLES = (SUBJECTED, USES_VIOLENCE, CONCERNED, PROFESSIONAL, UNCLEAR)


@dataclass(frozen=True)
class RoleExample:
    """One message of the role corpus or an evaluation set."""

    text: str
    role: str
    young: bool = False
    need: str = "other"
    lang: str = "sv"
    style: str = "plain"


def load_examples(paths: Iterable[Path]) -> list[RoleExample]:
    """The messages of role corpus files (YAML with a `messages:` list)."""
    examples = []
    for path in paths:
        doc = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        examples.extend(RoleExample(**item) for item in doc.get("messages") or [])
    return examples


def corpus_files(directory: Path) -> list[Path]:
    return sorted(Path(directory).glob("*.yml"))


@dataclass(frozen=True)
class RoleGuess:
    """The model's reading of one message."""

    probabilities: dict[str, float]
    young: float

    @property
    def role(self) -> str:
        return max(self.probabilities, key=self.probabilities.__getitem__)

    @property
    def confidence(self) -> float:
        return self.probabilities[self.role]


@dataclass
class RoleModel:
    """The trained role model as plain arrays (see bot/understanding/text_features.py)."""

    parts: list[FeaturePart]
    role_weights: np.ndarray  # one row per role
    role_bias: np.ndarray
    role_names: list[str]
    young_weights: np.ndarray
    young_bias: float

    @classmethod
    def from_estimators(cls, fitted: Estimators) -> RoleModel:
        return cls(
            parts_of(fitted.vectorizers),
            fitted.role.coef_.astype(np.float64),
            fitted.role.intercept_.astype(np.float64),
            [str(name) for name in fitted.role.classes_],
            fitted.young.coef_[0].astype(np.float64),
            float(fitted.young.intercept_[0]),
        )

    def predict(self, text: str) -> RoleGuess:
        index, value = features_of(self.parts, text)
        cues = cues_of(text)
        if cues:
            offset = sum(len(part.vocabulary) for part in self.parts)
            index = np.concatenate([index, np.array(cues, dtype=np.int64) + offset])
            value = np.concatenate([value, np.full(len(cues), CUE_WEIGHT)])
        roles = softmax(self.role_weights[:, index] @ value + self.role_bias)
        young = float(value @ self.young_weights[index]) + self.young_bias
        return RoleGuess(
            dict(zip(self.role_names, roles.tolist(), strict=True)),
            float(1.0 / (1.0 + np.exp(-young))),
        )

    def save(self, path: Path = MODEL_PATH) -> None:
        """Write the arrays (numpy's .npz, no pickled objects)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as file:
            np.savez_compressed(
                file,
                role_weights=self.role_weights,
                role_bias=self.role_bias,
                role_names=np.array(self.role_names),
                young_weights=self.young_weights,
                young_bias=np.array(self.young_bias),
                **part_arrays(self.parts),
            )

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> RoleModel:
        with np.load(path, allow_pickle=False) as data:
            return cls(
                parts_from(data),
                data["role_weights"],
                data["role_bias"],
                data["role_names"].tolist(),
                data["young_weights"],
                float(data["young_bias"]),
            )


@dataclass
class Estimators:
    """What scikit-learn fitted (kept for the test that compares the arithmetic)."""

    vectorizers: Any
    role: Any
    young: Any

    def vectors(self, texts: Sequence[str]) -> Any:
        from scipy.sparse import csr_matrix, hstack

        rows, columns = [], []
        for row, text in enumerate(texts):
            for cue in cues_of(text):
                rows.append(row)
                columns.append(cue)
        cues = csr_matrix(
            (np.full(len(rows), CUE_WEIGHT), (rows, columns)), shape=(len(texts), len(CUE_NAMES))
        )
        return hstack([vectors(self.vectorizers, texts), cues], format="csr")


REGULARISATION = 10.0
CUE_WEIGHT = 1.0  # a cue's feature value, beside TF-IDF parts of length 1


def fit_estimators(examples: Sequence[RoleExample]) -> Estimators:
    from sklearn.linear_model import LogisticRegression

    fitted = Estimators(fit_vectorizers([e.text for e in examples]), None, None)
    x = fitted.vectors([e.text for e in examples])
    fitted.role = LogisticRegression(C=REGULARISATION, class_weight="balanced", max_iter=3000)
    fitted.role.fit(x, [e.role for e in examples])
    fitted.young = LogisticRegression(C=REGULARISATION, class_weight="balanced", max_iter=3000)
    fitted.young.fit(x, [e.young for e in examples])
    return fitted


def fit(examples: Sequence[RoleExample]) -> RoleModel:
    return RoleModel.from_estimators(fit_estimators(examples))


# Situations of the danger corpus's training set (data/danger/train/, 12 more authors) whose
# writer's role is clear from the situation alone. Measured on dev: the same accuracy (92.2%),
# with people who use violence taken for victims 6 -> 2 times.
DANGER_SITUATION_ROLE = {
    "caused_harm": USES_VIOLENCE,
    "perpetrator_no_acute": USES_VIOLENCE,
    "bystander": CONCERNED,
    "third_party_not_now": CONCERNED,
    **dict.fromkeys(
        ("violence_now", "threat_imminent", "strangling", "locked_in", "abuser_nearby",
         "ongoing_not_now"),
        SUBJECTED,
    ),
}  # fmt: skip


def danger_corpus_examples() -> list[RoleExample]:
    """Swedish and English messages of the danger training corpus with a clear writer's role."""
    from bot.understanding import danger_model

    return [
        RoleExample(e.text, DANGER_SITUATION_ROLE[e.situation], lang=e.lang, style=e.style)
        for e in danger_model.load_examples(danger_model.corpus_files(danger_model.TRAIN_DIR))
        if e.situation in DANGER_SITUATION_ROLE and e.lang in ("sv", "en")
    ]


def intent_examples() -> list[RoleExample]:
    """The intent classifier's training messages (data/nlu/), each with the role its intent's
    answer speaks to (bot.understanding.roles.ANSWER_ROLE), or unclear for answers to anyone. These
    are the plain phrasings ("jag blir misshandlad av min sambo") the role corpus, written for the
    hard
    cases, has few of."""
    from bot.understanding.danger_model import DANGER_INTENT_NAMES, NLU_DIR
    from bot.understanding.roles import ANSWER_ROLE, ROLE_QUESTION

    examples = []
    for path in sorted(NLU_DIR.glob("*.yml")):
        for item in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("nlu") or []:
            intent = item.get("intent")
            if "examples" not in item or intent in (*DANGER_INTENT_NAMES, ROLE_QUESTION):
                continue
            role = ANSWER_ROLE.get(intent, UNCLEAR)
            for line in item["examples"].splitlines():
                text = line.strip().removeprefix("- ").strip()
                if text:
                    examples.append(RoleExample(text, role))
    return examples


def train(train_dir: Path = TRAIN_DIR, out: Path = MODEL_PATH) -> RoleModel:
    """Fit on the role corpus, the danger corpus's messages with a clear role, the intent data
    and misspelt copies of all, save."""
    corpus = load_examples(corpus_files(train_dir))
    model = fit(augmented(corpus + danger_corpus_examples() + intent_examples()))
    model.save(out)
    return model

"""Text features shared by the learned models (danger, role): TF-IDF of character and word
n-grams of the normalised text (`bot.understanding.danger.normalise`: lower case, no accents), kept
as plain arrays so that predicting one message needs no scikit-learn, and misspelt training copies.

scikit-learn fits the vectorizers (`fit_vectorizers`); `FeaturePart` keeps what they learned;
`features_of` does the same arithmetic for one text (a test compares the two).
"""

from __future__ import annotations

import random
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any, TypeVar

import numpy as np

from bot.understanding.danger import normalise

# Candidate feature sets, compared on the development set by `bot evaluate --danger-features`.
FEATURES: dict[str, list[tuple[str, tuple[int, int]]]] = {
    "char 2-5": [("char_wb", (2, 5))],
    "word 1-2": [("word", (1, 2))],
    "char 2-5 + word 1-2": [("char_wb", (2, 5)), ("word", (1, 2))],
    "char 1-4 + word 1-3": [("char_wb", (1, 4)), ("word", (1, 3))],
}
CHOSEN_FEATURES = "char 2-5 + word 1-2"
TOKEN_PATTERN = r"(?u)\b\w+\b"


def tfidf(analyzer: str, ngrams: tuple[int, int], **fit_options: Any) -> Any:
    """A TF-IDF vectorizer for one part of the features (sublinear counts, l2 per part)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    if analyzer == "word":
        fit_options["token_pattern"] = TOKEN_PATTERN
    return TfidfVectorizer(
        analyzer=analyzer, ngram_range=ngrams, sublinear_tf=True, dtype=np.float64, **fit_options
    )


Vectorizers = list[tuple[str, tuple[int, int], Any]]


def fit_vectorizers(texts: Sequence[str], features: str = CHOSEN_FEATURES) -> Vectorizers:
    """scikit-learn vectorizers fitted on `texts` (n-grams seen at least twice)."""
    normalised = [normalise(t) for t in texts]
    return [
        (analyzer, ngrams, tfidf(analyzer, ngrams, min_df=2).fit(normalised))
        for analyzer, ngrams in FEATURES[features]
    ]


def vectors(vectorizers: Vectorizers, texts: Sequence[str]) -> Any:
    """The sparse feature matrix of `texts`, as scikit-learn computes it."""
    from scipy.sparse import hstack

    normalised = [normalise(t) for t in texts]
    return hstack([v.transform(normalised) for *_, v in vectorizers], format="csr")


@dataclass
class FeaturePart:
    """One analyzer's n-grams: their columns and idf weights."""

    analyzer: str  # char_wb | word
    ngrams: tuple[int, int]
    vocabulary: dict[str, int]
    idf: np.ndarray

    def __post_init__(self) -> None:
        self.analyze = tfidf(self.analyzer, self.ngrams).build_analyzer()


def parts_of(vectorizers: Vectorizers) -> list[FeaturePart]:
    """What the fitted vectorizers learned, as plain arrays."""
    return [
        FeaturePart(analyzer, ngrams, dict(v.vocabulary_), np.asarray(v.idf_, dtype=np.float64))
        for analyzer, ngrams, v in vectorizers
    ]


def features_of(parts: Sequence[FeaturePart], text: str) -> tuple[np.ndarray, np.ndarray]:
    """Column indices and TF-IDF values of one text (sublinear tf, l2 per part)."""
    text = normalise(text)
    indices, values, offset = [], [], 0
    for part in parts:
        counts: dict[int, int] = {}
        for gram in part.analyze(text):
            column = part.vocabulary.get(gram)
            if column is not None:
                counts[column] = counts.get(column, 0) + 1
        if counts:
            columns = np.fromiter(counts, dtype=np.int64, count=len(counts))
            tf = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
            weights = (1.0 + np.log(tf)) * part.idf[columns]
            indices.append(columns + offset)
            values.append(weights / np.sqrt(weights @ weights))
        offset += len(part.vocabulary)
    if not indices:
        return np.zeros(0, dtype=np.int64), np.zeros(0)
    return np.concatenate(indices), np.concatenate(values)


def part_arrays(parts: Sequence[FeaturePart]) -> dict[str, np.ndarray]:
    """The parts as named arrays for numpy's .npz (no pickled objects)."""
    arrays = {"parts": np.array([f"{p.analyzer} {p.ngrams[0]} {p.ngrams[1]}" for p in parts])}
    for i, part in enumerate(parts):
        terms = sorted(part.vocabulary, key=part.vocabulary.__getitem__)
        arrays[f"terms{i}"], arrays[f"idf{i}"] = np.array(terms), part.idf
    return arrays


def parts_from(data: Any) -> list[FeaturePart]:
    """The parts back from the arrays `part_arrays` made."""
    parts = []
    for i, spec in enumerate(data["parts"]):
        analyzer, low, high = str(spec).split()
        terms = data[f"terms{i}"].tolist()
        vocabulary = dict(zip(terms, range(len(terms)), strict=True))
        parts.append(FeaturePart(analyzer, (int(low), int(high)), vocabulary, data[f"idf{i}"]))
    return parts


def softmax(scores: np.ndarray) -> np.ndarray:
    exponents = np.exp(scores - scores.max())
    return exponents / exponents.sum()


TYPO_COPIES = 2  # measured on the danger dev set: false alarms at the same recall 8.5% -> 6.2%


def with_typos(text: str, seed: int) -> str:
    """`text` typed in a hurry: about one dropped, swapped or doubled letter per 25 characters."""
    rng = random.Random(seed)
    chars = list(text)
    for _ in range(max(1, len(chars) // 25)):
        if len(chars) < 2:
            break
        i = rng.randrange(len(chars) - 1)
        action = rng.random()
        if action < 1 / 3:
            del chars[i]
        elif action < 2 / 3:
            chars[i], chars[i + 1] = chars[i + 1], chars[i]
        else:
            chars.insert(i, chars[i])
    return "".join(chars)


WithText = TypeVar("WithText")


def augmented(examples: Sequence[WithText]) -> list[WithText]:
    """The examples (dataclasses with a `text`) and TYPO_COPIES misspelt copies of each (the same
    every time)."""
    copies = [
        replace(e, text=with_typos(e.text, zlib.crc32(f"{n}{e.text}".encode())))  # type: ignore[attr-defined]
        for e in examples
        for n in range(TYPO_COPIES)
    ]
    return [*examples, *copies]

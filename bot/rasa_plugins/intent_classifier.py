"""The intent classifier's two Rasa components, made cheaper per message; same model, same answers.

`SentenceCountVectorsFeaturizer` is Rasa's CountVectorsFeaturizer without the per-token
(sequence) features: it transformed every token as a document of its own, and only DIET-like
components read those; a LogisticRegression reads the sentence features alone.

`FastLogisticRegressionClassifier` is Rasa's LogisticRegressionClassifier. Profiling a message in
Rasa (`python -m bench.profile`) showed three avoidable costs in the stock component:
- sklearn multiplies the features by `coef_.T`; with `coef_` in C order scipy copies the whole
  weight matrix (classes x features, several MB) on every call. Keeping `coef_` in Fortran order
  makes `coef_.T` contiguous, so nothing is copied.
- The stock `_create_X` builds and deep-copies the per-token (sequence) features only to throw
  them away, and stacks matrices through scipy's general block code; this puts the sentence
  features, in the same order, straight into one CSR matrix.
- The ranking is built for all intents and then sorted; this sorts indices and builds only the
  entries it keeps.

With its defaults it gives exactly the stock component's answers. config.yml turns on two
additions (round 20): `tf_idf` weighs the word and character n-gram counts (sublinear tf-idf, one
weighting over both blocks), so that a word every topic uses counts less than a word that
tells the topic apart; on the role development set the top topic was right 60.9% -> 64.8% of the time.
The tf-idf classifier is less sure of its answers, and the thresholds after it (FallbackClassifier, the role
and danger cut-offs) were set on the count model's probabilities. So `temperature` multiplies its
scores before the softmax: the order is unchanged, and at 2.0 the mean top probability on the
development set is what it was (0.80 -> 0.81). `C` is sklearn's inverse regularisation strength.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.nlu.constants import DENSE_FEATURIZABLE_ATTRIBUTES
from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import (
    CountVectorsFeaturizer,
)
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE as SENTENCE
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from rasa.utils.tensorflow.constants import RANKING_LENGTH
from scipy.sparse import csr_matrix, spmatrix
from scipy.special import softmax
from sklearn.feature_extraction.text import TfidfTransformer

IDF_FILE = "idf.npy"  # beside the classifier's .skops file: skops will not load a TfidfTransformer


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=True)
class SentenceCountVectorsFeaturizer(CountVectorsFeaturizer):
    """CountVectorsFeaturizer that makes sentence features only (see the module docstring)."""

    def _create_features(
        self, attribute: str, all_tokens: list[list[str]]
    ) -> tuple[list[spmatrix | None], list[spmatrix | None]]:
        vectorizer = self.vectorizers.get(attribute)
        if not vectorizer:
            return [None], [None]
        sentences: list[spmatrix | None] = []
        for tokens in all_tokens:
            if not tokens or attribute not in DENSE_FEATURIZABLE_ATTRIBUTES:
                sentences.append(None)
                continue
            # exactly the stock component's sentence features
            sentence = vectorizer.transform([" ".join(tokens)])
            sentence.sort_indices()
            sentences.append(sentence.tocoo())
        return [None] * len(all_tokens), sentences


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class FastLogisticRegressionClassifier(LogisticRegressionClassifier):
    """LogisticRegressionClassifier with a cheaper prediction path (see the module docstring)."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            **LogisticRegressionClassifier.get_default_config(),
            "C": 1.0,
            "tf_idf": False,
            "temperature": 1.0,
        }

    def __init__(
        self,
        config: dict[str, Any],
        name: str,
        model_storage: ModelStorage,
        resource: Resource,
    ) -> None:
        super().__init__(config, name, model_storage, resource)
        self.clf.C = self.config["C"]
        self.tf_idf: TfidfTransformer | None = None

    def _lay_out_weights(self) -> None:
        if hasattr(self.clf, "coef_"):
            self.clf.coef_ = np.asfortranarray(self.clf.coef_)

    def train(self, training_data: TrainingData) -> Resource:
        X, y = self._create_training_matrix(training_data)
        if X.shape[0] == 0:
            return self._resource
        if self.config["tf_idf"]:
            self.tf_idf = TfidfTransformer(sublinear_tf=True).fit(X)
            X = self.tf_idf.transform(X)
        self.clf.fit(X, y)
        self.persist()
        self._lay_out_weights()
        return self._resource

    def persist(self) -> None:
        super().persist()
        if self.tf_idf is not None:
            with self._model_storage.write_to(self._resource) as model_dir:
                np.save(model_dir / IDF_FILE, self.tf_idf.idf_)

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> FastLogisticRegressionClassifier:
        component = super().load(config, model_storage, resource, execution_context, **kwargs)
        if component.config["tf_idf"] and hasattr(component.clf, "coef_"):
            with model_storage.read_from(resource) as model_dir:
                component.tf_idf = weighting(np.load(model_dir / IDF_FILE))
        component._lay_out_weights()
        return component

    def _create_X(self, messages: list[Message]) -> csr_matrix:
        if any(_has_dense(m) for m in messages):
            return super()._create_X(messages)  # dense features: the stock path handles them
        data, columns, row_starts, width = [], [], [0], 0
        for message in messages:
            width, count = 0, 0
            for feature in message.features:
                if feature.attribute == TEXT and feature.is_sparse() and feature.type == SENTENCE:
                    block = feature.features.tocoo()
                    data.append(block.data)
                    columns.append(block.col + width)
                    width += block.shape[1]
                    count += block.nnz
            row_starts.append(row_starts[-1] + count)
        return csr_matrix(
            (np.concatenate(data), np.concatenate(columns), row_starts),
            shape=(len(messages), width),
        )

    def process(self, messages: list[Message]) -> list[Message]:
        if not messages:
            return messages
        X = self._create_X(messages)
        if self.tf_idf is not None:
            X = self.tf_idf.transform(X)
        # a multinomial model's predict_proba is the softmax of these scores
        scores = self.config["temperature"] * self.clf.decision_function(X)
        probabilities = softmax(scores, axis=1)
        intents = self.clf.classes_
        keep = self.config[RANKING_LENGTH] or len(intents)
        for message, row in zip(messages, probabilities, strict=True):
            order = np.argsort(-row, kind="stable")[:keep]
            ranking = [{"name": intents[i], "confidence": float(row[i])} for i in order]
            message.set(INTENT, ranking[0], add_to_output=True)
            message.set("intent_ranking", ranking, add_to_output=True)
        return messages


def weighting(idf: np.ndarray) -> TfidfTransformer:
    """The sublinear tf-idf weighting with these (trained) inverse document frequencies."""
    transformer = TfidfTransformer(sublinear_tf=True)
    transformer.idf_ = idf
    return transformer


def _has_dense(message: Message) -> bool:
    return any(f.attribute == TEXT and not f.is_sparse() for f in message.features)

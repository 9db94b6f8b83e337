"""The faster featurizer and classifier must give exactly what Rasa's own components give; the
classifier's tf-idf weighting and temperature (config.yml) are what their docstring says, also
after the model is saved and loaded."""

from __future__ import annotations

import copy

import numpy as np
import pytest
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, FEATURE_TYPE_SEQUENCE, TEXT
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.nlu.training_data.message import Message
from scipy.sparse import random as sparse_random
from sklearn.linear_model import LogisticRegression

from bot.rasa_plugins.intent_classifier import FastLogisticRegressionClassifier

WIDTHS = {"words": 40, "chars": 120}  # two featurizers, like config.yml's word and char n-grams


def message(rng: np.random.Generator) -> Message:
    msg = Message(data={TEXT: "x"})
    tokens = int(rng.integers(1, 6))
    for origin, width in WIDTHS.items():
        sequence = sparse_random(tokens, width, density=0.2, random_state=rng, format="coo")
        msg.add_features(Features(sequence, FEATURE_TYPE_SEQUENCE, TEXT, origin))
        sentence = sparse_random(1, width, density=0.3, random_state=rng, format="coo")
        msg.add_features(Features(sentence, FEATURE_TYPE_SENTENCE, TEXT, origin))
    return msg


@pytest.fixture
def trained_pair():
    rng = np.random.default_rng(3)
    train = [message(rng) for _ in range(300)]
    stock = LogisticRegressionClassifier({}, "stock", None, None)
    labels = [f"intent_{i % 12}" for i in range(len(train))]
    clf = LogisticRegression(max_iter=300).fit(stock._create_X(train), labels)
    fast = FastLogisticRegressionClassifier({}, "fast", None, None)
    stock.clf = clf
    fast.clf = copy.deepcopy(clf)
    fast._lay_out_weights()
    return stock, fast, rng


def test_features_and_rankings_are_the_same(trained_pair):
    stock, fast, rng = trained_pair
    messages = [message(rng) for _ in range(50)]
    assert (stock._create_X(messages) != fast._create_X(messages)).nnz == 0
    expected = stock.process([Message(data=m.data.copy(), features=m.features) for m in messages])
    got = fast.process(messages)
    for a, b in zip(expected, got, strict=True):
        assert a.get("intent")["name"] == b.get("intent")["name"]
        assert [r["name"] for r in a.get("intent_ranking")] == [
            r["name"] for r in b.get("intent_ranking")
        ]
        assert np.allclose(
            [r["confidence"] for r in a.get("intent_ranking")],
            [r["confidence"] for r in b.get("intent_ranking")],
        )


def test_weights_are_laid_out_for_the_transposed_product(trained_pair):
    _, fast, _ = trained_pair
    assert fast.clf.coef_.T.flags["C_CONTIGUOUS"]


def test_tf_idf_and_temperature_are_sklearns_weighting_and_a_sharper_softmax(tmp_path):
    from rasa.engine.graph import ExecutionContext, GraphSchema
    from rasa.engine.storage.local_model_storage import LocalModelStorage
    from rasa.engine.storage.resource import Resource
    from rasa.shared.nlu.training_data.training_data import TrainingData
    from scipy.special import softmax
    from sklearn.feature_extraction.text import TfidfTransformer

    rng = np.random.default_rng(5)
    train = [message(rng) for _ in range(240)]
    for i, msg in enumerate(train):
        msg.set("intent", f"intent_{i % 6}")
        msg.set(TEXT, f"text {i}")
    config = {"tf_idf": True, "C": 30, "temperature": 2.0}
    storage, resource = LocalModelStorage(tmp_path), Resource("classifier")
    trained = FastLogisticRegressionClassifier(
        {**FastLogisticRegressionClassifier.get_default_config(), **config}, "c", storage, resource
    )
    trained.train(TrainingData(training_examples=train))
    loaded = FastLogisticRegressionClassifier.load(
        config, storage, resource, ExecutionContext(GraphSchema({}), node_name="c")
    )

    X = trained._create_X(train)
    tf_idf = TfidfTransformer(sublinear_tf=True).fit(X)
    labels = [m.get("intent") for m in train]
    reference = LogisticRegression(C=30, class_weight="balanced", random_state=42)
    reference.fit(tf_idf.transform(X), labels)
    new = [message(rng) for _ in range(20)]
    scores = reference.decision_function(tf_idf.transform(trained._create_X(new)))
    expected = softmax(2.0 * scores, axis=1)
    for component in (trained, loaded):
        got = component.process([Message(data={TEXT: "x"}, features=m.features) for m in new])
        for row, msg in zip(expected, got, strict=True):
            ranking = msg.get("intent_ranking")
            assert ranking[0]["name"] == reference.classes_[row.argmax()]
            confidence = dict(zip(reference.classes_, row, strict=True))
            assert np.allclose([r["confidence"] for r in ranking], [confidence[r["name"]] for r in ranking])
    # the temperature sharpens but never reorders: the top topic is the plain model's
    plain = reference.predict_proba(tf_idf.transform(trained._create_X(new)))
    assert (plain.argmax(1) == expected.argmax(1)).all()
    assert expected.max(1).mean() > plain.max(1).mean()


def test_sentence_features_are_the_stock_featurizers(agent):
    from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import (
        CountVectorsFeaturizer,
    )
    from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer

    from bot.rasa_plugins.intent_classifier import SentenceCountVectorsFeaturizer
    from bot.tools.local_agent import stock_copy

    nodes = agent.processor.graph_runner._instantiated_nodes.values()
    ours = [n._component for n in nodes if isinstance(n._component, SentenceCountVectorsFeaturizer)]
    tokenizer = next(n._component for n in nodes if isinstance(n._component, WhitespaceTokenizer))
    assert len(ours) == 2
    for text in ["Han slår mig nu!", "jag vill prata med någon", "hello, is this anonymous?", "ok"]:
        for featurizer in ours:
            got, expected = Message(data={TEXT: text}), Message(data={TEXT: text})
            tokenizer.process([got, expected])
            featurizer.process([got])
            stock_copy(featurizer, CountVectorsFeaturizer).process([expected])
            mine = [f for f in got.features if f.type == FEATURE_TYPE_SENTENCE]
            theirs = [f for f in expected.features if f.type == FEATURE_TYPE_SENTENCE]
            assert len(mine) == len(theirs) == 1
            assert (mine[0].features != theirs[0].features).nnz == 0
            assert not [f for f in got.features if f.type == FEATURE_TYPE_SEQUENCE]


def test_the_responses_said_are_read_from_the_conversation_since_its_restart():
    from rasa.shared.core.events import BotUttered, Restarted
    from rasa.shared.core.trackers import DialogueStateTracker

    from bot.rasa_plugins.nlu_components import said_responses

    said = [BotUttered("...", metadata={"utter_action": name}) for name in ("utter_a", "utter_b")]
    tracker = DialogueStateTracker.from_events("s", [said[0], Restarted(), *said])
    assert said_responses(tracker) == ["utter_a", "utter_b"]
    assert said_responses(None) == []

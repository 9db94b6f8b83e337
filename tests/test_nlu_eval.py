"""The trained model on the held-out messages in tests/eval/ (never used for training)."""

import yaml

from bot.danger import detect
from bot.evaluation import EVAL_PATH, load_messages, report, score, topics_by_intent


async def test_eval_set_accuracy_and_danger_recall(agent):
    predictions = {}
    for message in load_messages():
        parsed = await agent.parse_message(message.text)
        predictions[message.text] = parsed["intent"]["name"]
    result = score(load_messages(), predictions.__getitem__, topics_by_intent())
    print(report("trained model", result))
    assert result.total >= 150
    assert result.danger_recall == 1.0, [
        (m.text, p) for m, p in result.misses if m.intent in ("danger_now", "suicidal")
    ]
    assert result.accuracy >= 0.90


def test_danger_development_set_is_fully_detected():
    data = yaml.safe_load((EVAL_PATH.parent / "danger_dev.yml").read_text(encoding="utf-8"))
    missed = [m["text"] for m in data["danger"] if detect(m["text"]) is None]
    assert missed == []
    wrong_kind = [m["text"] for m in data["danger"] if detect(m["text"]).kind != m["kind"]]
    assert wrong_kind == []

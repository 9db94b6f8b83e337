"""The trained model on the held-out messages in tests/eval/ (never used for training)."""

from bot.tools.evaluation import load_messages, report, score, topics_by_intent


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
    # 89.1% on 2026-12-02 (#18): 2 messages now get the question whom it is about, and the new
    # topics (menu, short replies, interpreter, cost, honour for relatives ...) border on old ones;
    # whose answer is measured by `bot evaluate --roles` and the judged final sets instead.
    # 88.0% after the role corpus became topic data (round 3): on the independent role dev set
    # the right topic went from 34% to 68%; these plain phrasings stayed where they were.
    # 86.5% after follow-up questions by two new authors became topic data (round 5): on an
    # independent follow-up development set the right topic went from 54% to 67% of 116; three of
    # these plain first messages moved to a neighbouring topic.
    # 85.8% after round 8's data (2026-12-02): sexual violence told by the one who did it as role
    # data, the police and shelter examples no longer the danger model's everyday messages, new
    # answers (hit back, nude images); "how do I stop being violent" and "vart ringer man mitt i
    # natten" are now asked whom they are about, and a place to sleep "where he can't find me"
    # gets 112 first. On the role dev set wrong roles stayed at 1.7% with 34 harder messages.
    # 84.6% after "may I write here?" became a topic of its own (round 17, 70 examples by two new
    # authors; 19 of a third author's 40 such questions get it, before none): one of these plain
    # messages moved to a neighbouring topic; none of them went to the new one.
    assert result.accuracy >= 0.84

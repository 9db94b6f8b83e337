"""Short replies ("ja", "nej", "ok", "vet inte") answered in the context of the bot's last
message: pure rules first, then conversations with the trained model."""

from bot.local_agent import say
from bot.render import render
from bot.short_replies import answer_to_question, buttons_to_offer, is_short, last_bot_buttons
from tests.conftest import new_session

QUESTION = [
    {"title": "Ja, just nu", "payload": "/danger_now"},
    {"title": "Nej, inte just nu", "payload": "/menu"},
]


def test_a_yes_or_a_no_answers_the_button_that_starts_with_it():
    assert answer_to_question("affirm", QUESTION) == "danger_now"
    assert answer_to_question("deny", QUESTION) == "menu"
    english = [{"title": "Yes, right now", "payload": '/danger_medical{"language": "en"}'}]
    assert answer_to_question("affirm", english) == "danger_medical"
    assert answer_to_question("dont_know", QUESTION) is None
    assert (
        answer_to_question("affirm", [{"title": "Jag är i säkerhet nu", "payload": "/x"}]) is None
    )


def test_the_newest_buttons_are_offered_again():
    said = [{"text": "112"}, {"text": "?", "buttons": QUESTION}, {"buttons": [{"title": "old"}]}]
    assert last_bot_buttons(said) == QUESTION
    assert buttons_to_offer(QUESTION) == QUESTION
    assert last_bot_buttons([{"text": "no buttons"}]) == []


def test_only_a_word_or_three_is_a_reply():
    assert is_short("ja") and is_short("vet inte") and is_short("nej det är")
    assert not is_short("") and not is_short("ja han slår mig igen nu")


async def conversation(agent, catalogue, *texts: str) -> list[list[dict]]:
    session, answers = new_session(), []
    for text in texts:
        answers.append(render(await say(agent, session, text), catalogue, "sv"))
    return answers


async def test_yes_to_are_you_in_danger_now_is_the_emergency_answer(agent, catalogue):
    question, answer = await conversation(agent, catalogue, "jag är rädd", "ja")
    assert question[0]["emergency"] and "i fara just nu?" in question[-1]["text"]
    assert answer[0]["emergency"] is True
    assert not any("i fara just nu?" in m.get("text", "") for m in answer)  # not asked again


async def test_no_to_are_you_in_danger_now_leads_to_the_menu_not_the_greeting(agent, catalogue):
    *_, answer = await conversation(agent, catalogue, "jag är rädd", "nej")
    assert not answer[0].get("emergency") and not answer[0]["text"].startswith("Hej")
    assert "/victim" in [b["payload"] for b in answer[0]["buttons"]]


async def test_ok_and_dont_know_keep_the_last_answers_buttons(agent, catalogue):
    first, ok, unsure = await conversation(agent, catalogue, "min man slår mig", "ok", "vet inte")
    offered = [b["payload"] for m in first for b in m.get("buttons", [])]
    for answer in (ok, unsure):
        assert "Servicecenter" not in answer[0]["text"] and not answer[0]["text"].startswith("Hej")
        assert [b["payload"] for b in answer[-1]["buttons"]] == offered[
            -len(answer[-1]["buttons"]) :
        ]
        assert "112" in answer[0]["text"]

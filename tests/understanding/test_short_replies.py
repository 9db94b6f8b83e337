"""Short replies ("ja", "nej", "ok", "vet inte") answered in the context of the bot's last
message: pure rules first, then conversations with the trained model."""

from bot.core.render import render
from bot.rasa_plugins.nlu_components import said_not_in_danger
from bot.tools.local_agent import say
from bot.understanding.short_replies import (
    answer_to_question,
    buttons_to_offer,
    emergency_just_shown,
    is_short,
    last_bot_buttons,
    said_in_a_row,
    said_since_restart,
)
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


def test_a_reply_right_after_the_emergency_bubble_is_known():
    emergency = {"event": "bot", "data": {"custom": {"emergency": True}}}
    user, bot = {"event": "user"}, {"event": "bot", "data": {}}
    assert emergency_just_shown([user, emergency, bot, user])
    assert not emergency_just_shown([user, emergency, bot, user, bot, user])  # a turn later
    assert not emergency_just_shown([user, bot, user])
    assert not emergency_just_shown([])


def test_not_right_now_after_the_danger_question_is_remembered():
    asked = {"text": "jag är rädd", "danger": {"level": "uncertain"}}
    no = {"text": "/menu", "intent": {"name": "menu"}}
    yes = {"text": "/danger_now", "intent": {"name": "danger_now"}}
    acute = {"text": "han kommer nu", "danger": {"level": "acute"}}
    calm = {"text": "ok", "danger": {"level": "none"}, "intent": {"name": "acknowledge"}}
    assert said_not_in_danger([no, asked])  # newest first
    assert said_not_in_danger([calm, no, asked])
    assert not said_not_in_danger([yes, asked])
    unsure = {"text": "vet inte", "danger": {"level": "none"}, "intent": {"name": "dont_know"}}
    assert not said_not_in_danger([unsure, asked])  # not a no
    typed_no = {"text": "nej barnen sover då", "danger": {"level": "none"}}
    assert said_not_in_danger([typed_no, asked])
    assert not said_not_in_danger([acute, asked])
    assert not said_not_in_danger([asked])  # asked just now, not answered yet
    assert not said_not_in_danger([calm])


async def conversation(agent, catalogue, *texts: str) -> list[list[dict]]:
    session, answers = new_session(), []
    for text in texts:
        answers.append(render(await say(agent, session, text), catalogue, "sv"))
    return answers


def test_answers_in_a_row_end_at_any_other_answer_or_a_restart():
    def bot(action: str) -> dict:
        return {"event": "bot", "text": "…", "metadata": {"utter_action": action}}

    events = [bot("utter_default"), {"event": "user"}, bot("utter_default")]
    assert said_in_a_row(events, {"utter_default"}) == 2
    assert said_in_a_row([*events, bot("utter_victim"), bot("utter_default")], {"utter_default"}) == 1
    assert said_in_a_row([*events, {"event": "restart"}], {"utter_default"}) == 0
    assert said_in_a_row(events, {"utter_greet"}) == 0
    assert said_since_restart([*events, bot("utter_victim")]) == ["utter_default"] * 2 + ["utter_victim"]
    assert said_since_restart([*events, {"event": "restart"}, bot("utter_greet")]) == ["utter_greet"]


async def test_not_understood_three_times_points_to_people_not_the_same_answer(agent, catalogue):
    answers = await conversation(
        agent, catalogue, "/uses_violence", "hur funkar det med bilen i morgon",
        "vilken färg har himlen på mars egentligen", "vem vann melodifestivalen förra året",
        "vad kostar det?", "vad tycker du om fotboll",
    )  # fmt: skip
    first, second, third, _, after = (answer[0]["text"] for answer in answers[1:])
    assert first == second and "Välj att sluta" in first and "Kvinnofridslinjen" in first
    assert third != first and "människa" in third
    cards = [card["id"] for card in answers[3][0]["resources"]]
    assert "kvinnofridslinjen" in cards and answers[3][-1]["buttons"]  # for anyone, and a way back
    # an answered question ends the row, but the same lines never come a third time (round 9)
    assert after == third


async def test_what_do_you_mean_shows_the_last_answers_services_again(agent, catalogue):
    first, unclear = await conversation(agent, catalogue, "min man slår mig", "vad menar du")
    shown = [card["id"] for m in first for card in m.get("resources", [])]
    again = [card["id"] for m in unclear for card in m.get("resources", [])]
    assert again and set(again) <= set(shown)  # a number, not only the buttons
    assert unclear[-1]["buttons"]


async def test_yes_after_the_emergency_answer_gets_112_again_first(agent, catalogue):
    acute, answer = await conversation(agent, catalogue, "han slår mig just nu", "ja")
    assert acute[0]["emergency"]
    assert answer[0]["emergency"] and "112" in answer[0]["text"]
    assert answer[-1]["buttons"]  # and the way on


async def test_a_no_that_goes_on_answers_the_danger_question_and_it_is_not_asked_again(
    agent, catalogue
):
    first, asked, answer, later = await conversation(
        agent,
        catalogue,
        "min man slår mig när han är full. inte varje dag men ofta",
        "jag vet inte om jag vågar vara kvar",  # uncertain: the bot asks
        "nej inte just nu, han sover. jag tror barnen inte vet",
        "jag vet inte vad jag ska göra",
    )
    assert "i fara just nu?" in asked[-1]["text"]
    for reply in (answer, later):
        assert not any("i fara just nu?" in m.get("text", "") for m in reply)
        assert reply[-1]["buttons"]

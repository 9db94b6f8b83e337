"""Conversations with the trained model loaded in-process (Rasa's Agent)."""

import asyncio

import pytest

from bot.core.render import render
from bot.tools.local_agent import say
from tests.conftest import new_session


async def test_greeting_offers_the_menu(agent):
    messages = await say(agent, new_session(), "Hej")
    assert messages[0]["text"].startswith("Hej!")
    assert len(messages[0]["buttons"]) >= 2


async def test_english_request_gets_english_answer(agent):
    messages = await say(agent, new_session(), "hello", lang="en")
    assert messages[0]["text"].startswith("Hi!")


async def test_button_payload_carries_the_language(agent):
    messages = await say(agent, new_session(), '/victim{"language": "en"}', lang="en")
    assert messages[0]["text"].startswith("It is not your fault")


@pytest.mark.parametrize(
    "text, lang",
    [("Han slår mig nu", "sv"), ("hjälp han har en kniv", "sv"), ("he is hitting me now", "en")],
)
async def test_danger_puts_112_in_the_first_bubble(agent, catalogue, text, lang):
    messages = render(await say(agent, new_session(), text, lang), catalogue, lang)
    assert "112" in messages[0]["text"]
    assert messages[0]["emergency"] is True
    assert any(r["phone"] for m in messages[1:] for r in m.get("resources", []))


async def test_suicidal_thoughts_route_to_112_and_mind(agent, catalogue):
    messages = render(await say(agent, new_session(), "jag vill inte leva längre"), catalogue, "sv")
    assert "112" in messages[0]["text"]
    assert "90101" in " ".join(m.get("text", "") for m in messages)


async def answer(agent, catalogue, session, text, lang="sv"):
    return render(await say(agent, session, text, lang), catalogue, lang)


@pytest.mark.parametrize(
    "text, lang, words",
    [
        ("hon andas konstigt och jag får inte liv i henne", "sv", "ambulans"),
        ("he is not breathing and there is blood everywhere", "en", "ambulance"),
    ],
)
async def test_medical_emergency_asks_for_an_ambulance(agent, catalogue, text, lang, words):
    first = (await answer(agent, catalogue, new_session(), text, lang))[0]
    assert first["emergency"] is True and "112" in first["text"] and words in first["text"]


async def test_someone_who_cannot_talk_learns_what_they_can_do(agent, catalogue):
    text = "han är i rummet bredvid och jag kan inte prata, han slår sönder saker"
    first = (await answer(agent, catalogue, new_session(), text))[0]
    assert first["emergency"] is True and "position" in first["text"]


async def test_unsure_shows_112_and_asks_with_buttons_that_lead_on(agent, catalogue):
    session = new_session()
    first, lines, question = await answer(agent, catalogue, session, "/danger_unsure")
    assert first["emergency"] is True and "112" in first["text"]
    assert [r["id"] for r in lines["resources"]] == ["kvinnofridslinjen", "socialjouren", "bris"]
    assert [b["payload"] for b in question["buttons"]] == ["/danger_now", "/menu"]
    yes = await answer(agent, catalogue, session, "/danger_now")
    assert yes[0]["emergency"] is True  # short, 112 was shown already
    assert any(r["id"] == "kvinnofridslinjen" for m in yes for r in m.get("resources", []))


async def test_after_acute_danger_the_conversation_moves_on(agent, catalogue):
    session = new_session()
    assert (await answer(agent, catalogue, session, "han slår mig nu"))[0]["emergency"]
    calm = await answer(agent, catalogue, session, "han har gått nu")
    assert "emergency" not in calm[0] and "säkerhet" in calm[0]["text"]
    again = await answer(agent, catalogue, session, "nu är han tillbaka och har en kniv")
    assert again[0]["emergency"] is True
    assert len(again[0]["text"]) < 120  # the short reminder, not the whole card again


async def test_a_new_kind_of_danger_gets_its_own_answer(agent, catalogue):
    session = new_session()
    await answer(agent, catalogue, session, "han slår mig nu")
    text = "nu hör jag att grannen slår sin fru, hon skriker"
    first = (await answer(agent, catalogue, session, text))[0]
    assert first["emergency"] is True and "Gå inte in ensam" in first["text"]


async def test_danger_earlier_in_the_conversation_counts(agent, catalogue):
    session = new_session()
    await answer(agent, catalogue, session, "min sambo slog mig igår, första gången")
    later = await answer(agent, catalogue, session, "han kommer hem snart")
    assert later[0]["emergency"] is True


async def test_danger_detector_overrides_the_classifier(agent):
    # "hej" would be a greeting; the knife makes it danger whatever the classifier thinks.
    parsed = await agent.parse_message("hej, han har en kniv")
    assert parsed["intent"]["name"] == "danger_now"
    assert parsed["intent"]["confidence"] == 1.0


async def test_gibberish_gets_the_menu_not_a_dead_end(agent):
    messages = await say(agent, new_session(), "xqzv wpfk")
    assert messages[0]["buttons"]


@pytest.mark.parametrize("payload", ["/victim", "/uses_violence", "/honour", "/concerned"])
async def test_each_audience_gets_a_concrete_number(agent, catalogue, payload):
    messages = render(await say(agent, new_session(), payload), catalogue, "sv")
    phones = [r["phone"] for m in messages for r in m.get("resources", []) if "phone" in r]
    assert phones, f"{payload} answered without a number"
    assert any(m.get("buttons") for m in messages), f"{payload} is a dead end"


async def test_restart_deletes_the_conversation(agent, tracker_store):
    session = new_session()
    await say(agent, session, "Hej")
    assert session in tracker_store.store
    await say(agent, session, "/restart")
    assert session not in tracker_store.store


async def test_idle_conversation_is_forgotten(agent, tracker_store):
    store = tracker_store
    session = new_session()
    timeout = store.idle_timeout
    store.idle_timeout = 0.5
    try:
        await say(agent, session, "Hej")
        assert await store.retrieve(session) is not None
        await asyncio.sleep(0.6)
        assert await store.retrieve(session) is None
    finally:
        store.idle_timeout = timeout


async def test_radera_deletes_the_conversation(agent, tracker_store):
    session = new_session()
    await say(agent, session, "Hej")
    messages = await say(agent, session, "radera")
    assert "raderat" in messages[0]["text"]
    assert session not in tracker_store.store


@pytest.mark.parametrize(
    "payload, says, never",
    [
        ("/honour", "Brottsofferjouren", "Alla kan ringa Kvinnofridslinjen"),
        ("/honour", "tjej eller kvinna", "Kärleken är fri"),
        ("/young_person", "TRIS", "Kärleken är fri"),
        ("/report_concern_child", "anmälningsplikt", "Du kan vara anonym."),
        ("/anonymity", "övervakar telefonen", "Du är anonym här"),
        ("/police_report", "Bara vissa brott", "på https://polisen.se eller"),
        (
            "/shelter",
            "socialtjänsten som beslutar",
            "ordnas via socialtjänsten eller en kvinnojour",
        ),
    ],
)
async def test_answers_promise_only_what_is_true(agent, catalogue, payload, says, never):
    text = " ".join(
        m.get("text", "") for m in await answer(agent, catalogue, new_session(), payload)
    )
    assert says in text and never not in text

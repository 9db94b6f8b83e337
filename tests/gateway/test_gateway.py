"""The gateway in-process, in front of a stand-in Rasa: contract, validation, degraded mode."""

import asyncio
import json
import os
import re
import shutil
import time

import pytest

from bot import PROJECT_ROOT
from bot.gateway.app import BadRequest, Settings, create_app, message_for_rasa, parse_chat_request
from bot.gateway.rasa_client import conversation_id
from tests.conftest import GREETING, new_session, texts_file


@pytest.fixture
async def client(aiohttp_client, rasa):
    settings = Settings(rasa_urls=[rasa.url], actions_url="http://127.0.0.1:9", rasa_timeout=0.5)
    return await aiohttp_client(create_app(settings))


async def chat(client, text, lang="sv", session=None):
    body = {"session": session or new_session(), "text": text, "lang": lang}
    return await client.post("/api/chat", json=body)


async def test_chat_renders_numbers_and_cards_from_resources(client):
    resp = await chat(client, "Hej")
    assert resp.status == 200
    data = await resp.json()
    assert data["degraded"] is False
    first = data["messages"][0]
    assert first["text"] == "Hej! Ring 112."
    assert first["buttons"] == [{"title": "A", "payload": "/victim"}]
    assert first["emergency"] is True
    assert first["resources"][0]["phone"] == "020-50 50 50"


async def test_language_is_passed_to_rasa_as_metadata(client, rasa):
    await chat(client, "hello", lang="en")
    assert rasa.received[-1]["metadata"] == {"lang": "en"}


async def test_the_answer_says_the_conversations_language_for_the_next_message(client, rasa):
    session = new_session()
    english = await (await chat(client, "my husband hits me every day", session=session)).json()
    assert english["lang"] == "en" and rasa.received[-1]["metadata"] == {"lang": "en"}
    # the widget sends it back: a short "ok" stays in English on a Swedish page
    short = await (await chat(client, "ok", lang=english["lang"], session=session)).json()
    assert short["lang"] == "en" and rasa.received[-1]["metadata"] == {"lang": "en"}
    swedish = await (await chat(client, "min man slår mig varje dag", lang="en")).json()
    assert swedish["lang"] == "sv"


async def test_unsupported_language_falls_back_to_swedish(client, rasa):
    await chat(client, "hallo", lang="de")
    assert rasa.received[-1]["metadata"] == {"lang": "sv"}


async def test_rasa_down_gives_crisis_card(aiohttp_client):
    settings = Settings(rasa_urls=["http://127.0.0.1:9"], actions_url="http://127.0.0.1:9")
    client = await aiohttp_client(create_app(settings))
    resp = await chat(client, "Hej")
    data = await resp.json()
    assert resp.status == 200 and data["degraded"] is True
    assert "112" in data["messages"][0]["text"]
    ids = [r["id"] for r in data["messages"][0]["resources"]]
    assert ids == ["emergency", "kvinnofridslinjen", "socialjouren"]


async def test_slow_rasa_gives_crisis_card(client, rasa):
    rasa.delay = 2.0
    data = await (await chat(client, "Hej")).json()
    assert data["degraded"] is True


@pytest.mark.parametrize("status", [500, 404])
async def test_rasa_error_gives_crisis_card(client, rasa, status):
    rasa.status = status
    data = await (await chat(client, "Hej")).json()
    assert data["degraded"] is True


async def test_empty_rasa_answer_gives_crisis_card(client, rasa):
    rasa.answer = []
    data = await (await chat(client, "Hej")).json()
    assert data["degraded"] is True


@pytest.mark.parametrize(
    "body, code",
    [
        ("not json", "bad_json"),
        ("[1, 2]", "bad_json"),
        (json.dumps({"session": "short", "text": "hej"}), "bad_session"),
        (json.dumps({"session": "a" * 20 + "!", "text": "hej"}), "bad_session"),
        (json.dumps({"session": "a" * 20, "text": ""}), "empty_text"),
        (json.dumps({"session": "a" * 20, "text": "   "}), "empty_text"),
        (json.dumps({"session": "a" * 20, "text": 5}), "bad_text"),
        (json.dumps({"session": "a" * 20, "text": "x" * 1001}), "text_too_long"),
        (json.dumps({"session": "a" * 20, "text": "hej", "lang": "<script>"}), "bad_lang"),
    ],
)
async def test_bad_input_gets_400_with_a_message(client, rasa, body, code):
    resp = await client.post("/api/chat", data=body, headers={"Content-Type": "application/json"})
    assert resp.status == 400
    data = await resp.json()
    assert data["error"]["code"] == code and data["error"]["message"]
    assert rasa.received == []


async def test_end_sends_restart_to_rasa(client, rasa):
    session = new_session()
    resp = await client.post("/api/end", json={"session": session})
    assert resp.status == 204
    assert rasa.received[-1]["sender"] == conversation_id(session)
    assert rasa.received[-1]["message"] == "/restart"


async def test_rasa_never_sees_the_session_token(client, rasa):
    session = new_session()
    await chat(client, "Hej", session=session)
    assert session not in json.dumps(rasa.received)


async def test_security_headers_on_every_response(client):
    for resp in [
        await chat(client, "Hej"),
        await client.get("/healthz"),
        await client.get("/nope"),
        await client.get("/"),
        await client.get("/stod"),
        await client.get("/widget/i18n/ar.json"),  # would tell which language was chosen
    ]:
        assert "unsafe-inline" not in resp.headers["Content-Security-Policy"]
        assert resp.headers["Referrer-Policy"] == "no-referrer"
        assert resp.headers["X-Content-Type-Options"] == "nosniff"
        assert "Set-Cookie" not in resp.headers
        assert resp.headers["Cache-Control"] == "no-store"  # nothing in the browser's cache
        assert not re.search(r"\d", resp.headers.get("Server", ""))  # no versions given away


async def test_unknown_path_is_json_404(client):
    resp = await client.get("/nope")
    assert resp.status == 404
    assert (await resp.json())["error"]["code"]


async def test_readyz_reports_which_part_is_down(client):
    resp = await client.get("/readyz")
    assert resp.status == 503
    assert await resp.json() == {"rasa": ["up"], "actions": "down", "resources": "ok"}


async def test_demo_page_is_served(client):
    resp = await client.get("/")
    assert resp.status == 200
    assert "widget.js" in await resp.text()


def test_known_payload_carries_language():
    assert message_for_rasa("/victim", "en", frozenset({"victim"})) == '/victim{"language": "en"}'


def test_unknown_payload_is_sent_as_plain_text():
    # so that it passes the NLU pipeline and the danger detector like any text
    assert message_for_rasa("/han slår mig nu", "sv", frozenset({"victim"})) == "han slår mig nu"
    assert message_for_rasa('/victim{"x": 1}', "sv", frozenset({"victim"})) == 'victim{"x": 1}'


@pytest.mark.parametrize(
    "text", ["/ /greet@0.01", '/ /greet{"language": "en"}', "// /session_start", " /\n/danger_now"]
)
def test_no_text_but_an_exact_button_payload_reaches_rasa_as_one(text):
    sent = message_for_rasa(text, "sv", frozenset({"greet", "danger_now"}))
    assert not sent.startswith("/") and not sent.lstrip().startswith("/")
    assert message_for_rasa("/ / /", "sv", frozenset({"greet"})) == "?"


def test_parse_chat_request_defaults_to_swedish():
    assert parse_chat_request({"session": "a" * 16, "text": " hej "}) == ("a" * 16, "hej", "sv")


def test_parse_chat_request_rejects_non_object():
    with pytest.raises(BadRequest):
        parse_chat_request("hej")


async def test_stod_page_lists_resources_by_need(client):
    resp = await client.get("/stod")
    html = await resp.text()
    assert resp.status == 200 and resp.headers["Content-Type"].startswith("text/html")
    assert "Akut fara" in html and 'href="tel:112"' in html and "Välj att sluta" in html
    assert "<script" not in html


async def test_resources_api_filters(client):
    data = await (await client.get("/api/resources?audience=young&lang=en")).json()
    ids = {r["id"] for r in data["resources"]}
    assert {"bris", "emergency"} <= ids and "valj_att_sluta" not in ids
    assert all(set(r) >= {"id", "name", "open_now", "verified"} for r in data["resources"])


async def test_edited_resources_are_used_and_broken_edits_ignored(aiohttp_client, rasa, tmp_path):
    path = tmp_path / "resources.yml"
    shutil.copy(PROJECT_ROOT / "resources.yml", path)
    app = create_app(Settings(rasa_urls=[rasa.url], resources_path=path))
    app["gateway"].resources.interval = 0
    client = await aiohttp_client(app)

    def phone(data):
        return data["messages"][0]["resources"][0]["phone"]

    # a crisis line's new number, confirmed by the editor
    confirmed = 'phone: "020-50 50 51"\n    confirm_phone: "020-50 50 51"'
    path.write_text(path.read_text().replace('phone: "020-50 50 50"', confirmed))
    os.utime(path, (time.time() + 1, time.time() + 1))
    assert phone(await (await chat(client, "Hej")).json()) == "020-50 50 51"
    path.write_text(path.read_text().replace('phone: "020-50 50 51"', 'phone: "nope"'))
    os.utime(path, (time.time() + 2, time.time() + 2))
    resp = await chat(client, "Hej")
    assert resp.status == 200 and phone(await resp.json()) == "020-50 50 51"
    ready = await (await client.get("/readyz")).json()
    assert 'ska vara "020-50 50 50"' in ready["resources"]["rejected"]


async def test_a_broken_resources_file_at_start_still_serves_the_crisis_card(
    aiohttp_client, tmp_path
):
    path = tmp_path / "resources.yml"
    path.write_text("resources:\n\t- id: emergency\n")  # a tab: not YAML
    settings = Settings(rasa_urls=["http://127.0.0.1:9"], resources_path=path)
    client = await aiohttp_client(create_app(settings))
    data = await (await chat(client, "han slår mig")).json()
    first = data["messages"][0]
    assert first["emergency"] is True and "112" in first["text"]
    assert [r["id"] for r in first["resources"]] == [
        "emergency",
        "kvinnofridslinjen",
        "socialjouren",
    ]
    ready = await (await client.get("/readyz")).json()
    assert "bara 112, Kvinnofridslinjen och Socialjouren" in ready["resources"]["rejected"]


async def test_staff_explanations_are_dropped_unless_staff_mode(aiohttp_client, rasa):
    rasa.answer = [*GREETING, {"recipient_id": "x", "custom": {"staff": {"intent": "greet"}}}]
    normal = await aiohttp_client(create_app(Settings(rasa_urls=[rasa.url])))
    data = await (await chat(normal, "Hej")).json()
    assert all("staff" not in m for m in data["messages"]) and len(data["messages"]) == 1
    staff = await aiohttp_client(create_app(Settings(rasa_urls=[rasa.url], staff=True)))
    data = await (await chat(staff, "Hej")).json()
    assert data["messages"][0]["staff"] == {"intent": "greet"}


async def test_a_very_long_conversation_starts_afresh(aiohttp_client, rasa):
    client = await aiohttp_client(create_app(Settings(rasa_urls=[rasa.url], max_turns=3)))
    session = new_session()
    answers = [await (await chat(client, f"fråga {n}", session=session)).json() for n in range(4)]
    assert all("långt" not in json.dumps(a) for a in answers[:3])
    assert [m["message"] for m in rasa.received[-2:]] == ["/restart", "fråga 3"]
    last = answers[3]["messages"]
    assert last[0]["emergency"] is True  # the answer keeps its first bubble ...
    assert last[-1]["text"].startswith("Samtalet hade blivit mycket långt")  # ... the note last
    assert "112" in last[-1]["text"]


async def test_ending_and_probing_have_limits_per_address(aiohttp_client, rasa):
    settings = Settings(rasa_urls=[rasa.url], end_rate=(0.01, 3), probe_rate=(0.01, 2))
    client = await aiohttp_client(create_app(settings))
    ends = [
        (await client.post("/api/end", json={"session": new_session()})).status for _ in range(4)
    ]
    assert ends == [204, 204, 204, 429]
    probes = [(await client.get("/readyz")).status for _ in range(3)]
    assert probes[2] == 429 and 429 not in probes[:2]


async def test_probes_at_the_same_time_share_one_round_of_status_requests(aiohttp_client, rasa):
    client = await aiohttp_client(create_app(Settings(rasa_urls=[rasa.url])))
    rasa.delay = 0.2
    statuses = await asyncio.gather(*(client.get("/readyz") for _ in range(10)))
    assert len({r.status for r in statuses}) == 1
    assert rasa.status_requests == 1


async def test_the_widget_script_carries_the_crisis_cards_of_resources_yml(client, catalogue):
    resp = await client.get("/widget/widget.js")
    script = await resp.text()
    assert resp.status == 200 and resp.content_type == "application/javascript"
    assert "var OFFLINE_CARDS = {};" not in script
    built_in = json.loads(re.search(r"var OFFLINE_CARDS = (.*);\n", script).group(1))
    assert [card["id"] for card in built_in["sv"]] == [
        "emergency",
        "kvinnofridslinjen",
        "socialjouren",
    ]
    assert built_in["en"][1]["phone"] == catalogue.get("kvinnofridslinjen").phone


def widget_texts_as_written(lang: str, direction: str) -> dict:
    """What the widget gets in `lang`: the texts file's card labels and widget texts, its name and
    whether it is reviewed, and `direction`."""
    written = texts_file(lang)
    return {
        "name": written["name"],
        "reviewed": written["reviewed"],
        "dir": direction,
        **written["card"],
        **written["widget"],
    }


async def test_the_widget_script_carries_the_swedish_and_english_texts(client):
    # built in: the widget shows them also when the service cannot be reached afterwards
    script = await (await client.get("/widget/widget.js")).text()
    assert "var TEXTS = {};" not in script
    built_in = json.loads(re.search(r"var TEXTS = (.*);\n", script).group(1))
    assert built_in == {lang: widget_texts_as_written(lang, "ltr") for lang in ("sv", "en")}
    assert built_in["sv"]["call112"] == "Ring 112" and built_in["en"]["call"] == "Call"


async def test_a_chosen_language_gets_the_widget_texts_of_its_texts_file(client):
    resp = await client.get("/widget/i18n/ar.json")
    assert resp.status == 200 and resp.content_type == "application/json"
    assert await resp.json() == widget_texts_as_written("ar", "rtl")


async def test_widget_texts_of_an_unknown_language_are_a_json_404(client):
    resp = await client.get("/widget/i18n/xx.json")
    assert resp.status == 404
    assert (await resp.json())["error"]["code"] == "not_found"

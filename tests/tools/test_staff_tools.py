"""Tools for staff and editors: bot check, bot review, bot chat."""

import shutil

import pytest

from bot import PROJECT_ROOT
from bot.tools.check import check_coverage, check_hardcoded, check_languages, check_references
from bot.tools.review import build
from bot.tools.terminal_chat import format_answer
from tests.conftest import ARTIFACTS, new_session, post_json, running_service


@pytest.fixture
def project(tmp_path):
    """A copy of the project's dialogue files to break on purpose."""
    for folder in ("domain", "data", "bot/core/texts", "widget"):
        shutil.copytree(PROJECT_ROOT / folder, tmp_path / folder)
    shutil.copy(PROJECT_ROOT / "resources.yml", tmp_path)
    return tmp_path


def test_shipped_dialogue_passes_every_check():
    assert check_languages() + check_coverage() + check_hardcoded() == []


def test_response_without_english_is_reported(project):
    path = project / "domain" / "bot.yml"
    text = path.read_text()
    start = text.index(
        '    - condition: [{type: slot, name: language, value: en}]\n      text: "I am a chat bot'
    )
    end = text.index("  utter_human_contact:")
    path.write_text(text[:start] + "\n" + text[end:])
    found = [str(f) for f in check_languages(project)]
    assert len(found) == 1 and "utter_bot_identity" in found[0] and "English" in found[0]
    assert found[0].startswith("domain/bot.yml:")


def test_intent_without_rule_is_reported_as_a_dead_end(project):
    (project / "data" / "rules" / "bot.yml").write_text('version: "3.1"\nrules: []\n')
    found = [str(f) for f in check_coverage(project)]
    assert any("bot_identity" in f and "dead end" in f for f in found)


def test_hardcoded_number_or_link_is_reported(project):
    path = project / "domain" / "bot.yml"
    path.write_text(path.read_text().replace("[[kvinnofridslinjen.phone]]", "020-50 50 50", 1))
    path.write_text(
        path.read_text().replace(
            "Ingen människa hos oss läser", "Se https://example.se. Ingen människa hos oss läser", 1
        )
    )
    found = [str(f) for f in check_hardcoded(project)]
    assert any("020-50 50 50" in f for f in found) and any("link" in f for f in found)


def test_hardcoded_number_in_a_ui_text_is_reported(project):
    path = project / "bot" / "core" / "texts" / "sv.yml"
    path.write_text(path.read_text().replace("ring [[emergency.phone]]", "ring 1177", 1))
    found = [str(f) for f in check_hardcoded(project)]
    assert any(f.startswith("bot/core/texts/sv.yml:") and "1177" in f for f in found)


def test_112_is_written_out_only_in_the_widgets_texts(project):
    # the widget's texts say 112 so that it shows offline; the gateway's say [[emergency.phone]]
    path = project / "bot" / "core" / "texts" / "sv.yml"
    path.write_text(path.read_text().replace("ring [[emergency.phone]]", "ring 112", 1))
    found = [str(f) for f in check_hardcoded(project)]
    assert len(found) == 1 and found[0].startswith("bot/core/texts/sv.yml:3:") and "112" in found[0]


def test_unknown_resource_in_a_ui_text_is_reported(project):
    # the widget's and the card languages' texts are checked like the domain's responses
    path = project / "bot" / "core" / "texts" / "en.yml"
    path.write_text(path.read_text().replace("[[kvinnofridslinjen.", "[[kvinnofridlinjen.", 1))
    found = [str(f) for f in check_references({"kvinnofridslinjen", "emergency"}, project)]
    assert any(f.startswith("bot/core/texts/en.yml:") and "kvinnofridlinjen" in f for f in found)


def test_terminal_chat_numbers_buttons_and_shows_cards(catalogue):
    text, buttons = format_answer(
        [
            {
                "text": "Ring 112",
                "emergency": True,
                "resources": [catalogue.get("emergency").public("sv")],
            },
            {
                "text": "Mer",
                "buttons": [{"title": "A", "payload": "/a"}, {"title": "B", "payload": "/b"}],
            },
        ]
    )
    assert "!! Ring 112" in text and "[Nödnummer 112] 112" in text
    assert "1) A" in text and "2) B" in text and [b["payload"] for b in buttons] == ["/a", "/b"]


def test_review_page_renders_every_topic(browser, tmp_path):
    path = tmp_path / "review.html"
    path.write_text(build(), encoding="utf-8")
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(path.as_uri())
    parts = page.locator("h2").all_inner_texts()
    assert parts[:5] == [
        "Till den som utsätts",
        "Till den som använder våld",
        "Till den som är orolig för någon",
        "Till den som frågar i sitt arbete",
        "Till alla som skriver",
    ]
    assert "Vad faroavkänningen fångar" in parts
    # answers stand under whom they speak to, named in Swedish, not by intent id
    assert page.locator("#part-1 ~ section#uses_violence").count() == 1
    assert page.locator("#part-2 ~ section#uses_violence").count() == 0
    assert page.locator("#uses_violence h3").inner_text() == "Jag har använt våld och vill sluta"
    assert "utövar våld →" in page.locator("#costs_and_anonymity").inner_text()  # its counterpart
    assert "svarar på" in page.locator("#victim").inner_text()  # the services' languages
    assert page.locator("section.intent").count() >= 38
    assert "020-50 50 50" in page.locator("#victim").inner_text()
    page.locator('#victim a[href="#shelter"]').first.click()  # a button leads to its answer
    assert page.evaluate("location.hash") == "#shelter"
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "review.png"))
    page.close()


def test_staff_mode_explains_each_answer_only_when_switched_on(service):
    _, body, _ = post_json(f"{service.url}/api/chat", {"session": new_session(), "text": "hej"})
    assert all("staff" not in m for m in body["messages"])  # off by default
    with running_service("--staff") as staff:
        _, body, _ = post_json(
            f"{staff.url}/api/chat", {"session": new_session(), "text": "han har en kniv"}
        )
    info = body["messages"][0]["staff"]
    assert info["intent"] == "danger_now"
    assert info["danger"].startswith("acute danger_now: pattern")
    assert info["confidence"] == 1.0 and info["rule"].startswith("danger.yml")

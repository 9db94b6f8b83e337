"""Languages beyond Swedish and English: identification, crisis card and menu, danger first."""

import re
from collections import defaultdict

import pytest
import yaml

from bot import PROJECT_ROOT
from bot.core import texts
from bot.core.languages import (
    ALL_LANGUAGES,
    CARD_LANGUAGES,
    LanguageIdentifier,
    answer_language,
    isolate_numbers,
    right_to_left,
)
from bot.core.render import fill
from bot.gateway.app import Settings, create_app
from bot.tools.evaluation import EVAL_PATH
from tests.conftest import new_session, texts_file

# A danger message and an ordinary one per language (the danger ones are also detector patterns).
MESSAGES = {
    "ar": ("زوجي يضربني، ساعدوني", "هل هذه المحادثة سرية؟"),
    "fa": ("شوهرم منو میزنه، کمکم کنید", "آیا این گفتگو ناشناس است؟"),
    "so": ("ninkayga wuu i garaacayaa, i caawiya", "ma jiraa qof aan la hadli karo"),
    "ti": ("ሰብኣየ ይወቕዓኒ ኣሎ ሓገዝ", "ምስ መን ክዛረብ ይኽእል"),
    "pl": ("mąż mnie bije, pomocy", "czy ta rozmowa jest anonimowa"),
    "uk": ("допоможіть, він мене б'є", "чи ця розмова анонімна"),
    "bs": ("pomozite, muž me tuče", "da li je ovaj razgovor anoniman"),
    "sv-ll": ("han slår mig nu", "vart kan jag vända mig"),
}


@pytest.fixture(scope="module")
def identifier():
    found = LanguageIdentifier()
    found.warm_up()
    return found


def test_every_surface_has_the_same_languages():
    """Adding a language: bot/core/languages.py, a texts file (with the widget's texts) and the
    widget's chooser; this fails until all of them agree."""
    source = (PROJECT_ROOT / "widget" / "widget.js").read_text(encoding="utf-8")
    chooser = source[source.index("var LANGUAGES = [") : source.index("];", source.index("var LANGUAGES"))]
    rtl = source[source.index("var RTL = [") : source.index("];", source.index("var RTL = ["))]
    assert re.findall(r'\["([\w-]+)", "', chooser) == list(ALL_LANGUAGES)
    assert set(re.findall(r'"([\w-]+)"', rtl)) == {lang for lang in ALL_LANGUAGES if right_to_left(lang)}
    assert set(texts.languages()) == set(ALL_LANGUAGES)
    for lang in ALL_LANGUAGES:
        assert {"name", "reviewed", "card", "widget"} <= set(texts_file(lang)), lang
    # /stod is in Swedish or English, from the texts files
    assert texts.value("stod", "en") != texts.value("stod", "sv")


def test_the_widget_and_stod_take_a_cards_labels_from_one_place():
    """The labels on a service's card are written once per language, in `card`: neither the
    widget's own texts nor /stod's have one of their own."""
    for lang in ALL_LANGUAGES:
        found = texts_file(lang)
        for surface in ("widget", "stod"):
            assert not set(found["card"]) & set(found.get(surface, {})), (lang, surface)


def test_every_card_language_has_a_complete_texts_file():
    for lang in CARD_LANGUAGES:
        assert lang in texts.languages(), f"bot/core/texts/{lang}.yml is missing"
        for key in ("name", "danger", "intro", "menu", "crisis", "rate_limited"):
            assert texts.value(key, lang) != texts.value(key, "sv") or lang == "sv-ll", (lang, key)
        assert texts.value("reviewed", lang) in (True, False)
        if not texts.value("reviewed", lang):  # what the translator must settle first
            assert texts.value("open_questions", lang), lang


def test_identification_is_at_least_95_percent_per_language(identifier):
    messages = yaml.safe_load((EVAL_PATH.parent / "language_id.yml").read_text(encoding="utf-8"))
    scores = defaultdict(lambda: [0, 0])
    for m in messages:
        if len(m["text"].split()) >= 3:
            scores[m["lang"]][0] += identifier.identify(m["text"]) == m["lang"]
            scores[m["lang"]][1] += 1
    accuracy = {lang: hits / n for lang, (hits, n) in scores.items()}
    print(accuracy)
    assert len(accuracy) == 9 and min(accuracy.values()) >= 0.95, accuracy


def swedish_and_english_messages() -> list[tuple[str, str]]:
    """(lang, text) of the intent evaluation set and the danger and role corpora."""
    found = [(m["lang"], m["text"]) for m in yaml.safe_load(EVAL_PATH.read_text(encoding="utf-8"))]
    for path in sorted((PROJECT_ROOT / "data").glob("*/*/*.yml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        found += [(m.get("lang", "sv"), m["text"]) for m in doc.get("messages") or []]
    return [(lang, text) for lang, text in found if lang in ("sv", "en")]


def test_swedish_and_english_messages_stay_in_the_conversation(identifier):
    messages = swedish_and_english_messages()
    assert len(messages) > 10_000
    switched = [
        text
        for lang, text in messages
        if answer_language(lang, text, identifier) not in ("sv", "en")
    ]
    assert switched == []


def test_swedish_mixed_with_english_slang_stays_in_the_conversation(identifier):
    # the second detector read this as German: the English card instead of the conversation
    mixed = "asså han e helt psycho, hes outside my door rn och bankar"
    assert answer_language("sv", mixed, identifier) == "sv"
    # a message in a language without our texts still gets its card
    assert answer_language("sv", "mi hermana está sangrando mucho, su novio le pegó", identifier) == (
        "other"
    )


UNSERVED_MESSAGES = [
    "mi hermana está sangrando mucho, su novio le pegó",
    "mein Mann schlägt mich jeden Tag und ich habe Angst",
    "kocam beni dövüyor yardım edin lütfen",
    "mon mari me frappe tous les jours",
]


@pytest.mark.parametrize("text", UNSERVED_MESSAGES)
async def test_a_language_without_texts_gets_112_first_and_the_english_card(client, text):
    data = await (
        await client.post("/api/chat", json={"session": new_session(), "text": text, "lang": "sv"})
    ).json()
    emergency, menu = data["messages"]
    assert emergency["emergency"] is True and emergency["lang"] == "en"
    assert emergency["text"].startswith("If you or someone else is in danger now: call 112")
    assert menu["text"].startswith("I can only chat in Swedish and English.")
    assert client.rasa.received == []


def test_short_or_button_messages_keep_the_chosen_language(identifier):
    assert answer_language("sv", "hej", identifier) == "sv"
    assert answer_language("ar", "/greet", identifier) == "ar"
    assert answer_language("sv-ll", "jag behöver hjälp med något", identifier) == "sv-ll"
    assert answer_language("sv", "my husband hits me every day", identifier) == "en"


def test_an_english_greeting_or_names_in_an_english_sentence_switch_to_english(identifier):
    # round 45 greeted "hi", "hello" and "salam. hello" in Swedish, and answered an English
    # question in Swedish because of the towns in it
    for text in ("hi", "Hello!", "hey there", "salam. hello", "good morning"):
        assert answer_language("sv", text, identifier) == "en", text
    assert answer_language("sv", "do I have to live in Örebro? I live in Hallsberg", identifier) == (
        "en"
    )
    # "hej" is said in English too: the conversation's language stays
    assert answer_language("en", "hej", identifier) == "en"
    assert answer_language("sv", "min man heter Ahmed och han slår mig", identifier) == "sv"


def test_naming_a_language_does_not_switch_to_it(identifier):
    for text in ("ni har tolk somaliska?", "kan jag få en tolk på arabiska eller persiska"):
        assert answer_language("sv", text, identifier) == "sv", text
    english = "do you have someone who speaks somali or tigrinya"
    assert answer_language("sv", english, identifier) in ("sv", "en")  # short: English or kept
    assert answer_language("sv", "Waan ka baqayaa ninkayga, wuu i garaacaa", identifier) == "so"


@pytest.fixture
async def client(aiohttp_client, rasa):
    client = await aiohttp_client(create_app(Settings(rasa_urls=[rasa.url])))
    client.rasa = rasa
    return client


@pytest.mark.parametrize("lang", CARD_LANGUAGES)
async def test_danger_gets_112_first_and_the_card_in_that_language(client, catalogue, lang):
    danger, _ = MESSAGES[lang]
    body = {"session": new_session(), "text": danger, "lang": "sv" if lang != "sv-ll" else lang}
    data = await (await client.post("/api/chat", json=body)).json()
    first = data["messages"][0]
    assert first["emergency"] is True and "112" in first["text"]
    expected = fill(texts.text("danger", lang), catalogue, "en")
    if texts.value("dir", lang) == "rtl":  # numbers stay left to right inside the text
        expected = isolate_numbers(expected)
    assert first["text"] == expected
    assert first["lang"] == lang
    assert "Kvinnofridslinjen" in data["messages"][1]["text"]
    assert client.rasa.received == []  # answered without Rasa


@pytest.mark.parametrize("lang", CARD_LANGUAGES)
async def test_ordinary_message_also_opens_with_112_then_card_and_menu(client, catalogue, lang):
    # The bot cannot ask in this language whether anyone is in danger: 112 comes first always.
    _, ordinary = MESSAGES[lang]
    data = await (
        await client.post(
            "/api/chat", json={"session": new_session(), "text": ordinary, "lang": lang}
        )
    ).json()
    emergency, menu = data["messages"]
    assert emergency["emergency"] is True and [r["id"] for r in emergency["resources"]] == [
        "emergency"
    ]
    intro = fill(texts.text("intro", lang), catalogue, "en")
    assert menu["text"].startswith(intro + "\n")
    assert menu["text"].count("\n") == len(texts.value("menu", lang))
    assert {r["id"] for r in menu["resources"]} >= {"kvinnofridslinjen", "socialjouren", "bris"}
    assert menu["machine_translated"] is (not texts.value("reviewed", lang))


@pytest.mark.parametrize("lang", ["ar", "fa"])
async def test_numbers_keep_their_order_in_right_to_left_text(client, lang):
    body = {"session": new_session(), "text": MESSAGES[lang][1], "lang": lang}
    data = await (await client.post("/api/chat", json=body)).json()
    text = "\n".join(m["text"] for m in data["messages"])
    assert "\u2066020-50 50 50\u2069" in text and "\u2066112\u2069" in text
    assert not re.search(r"(?<!\u2066)\b\d{3}\b(?![^\u2066]*\u2069)", text)  # none left bare


def test_widget_translations_have_every_key_of_the_swedish_texts():
    swedish = texts_file("sv")
    assert len(swedish["widget"]) > 30
    for lang in ALL_LANGUAGES:
        translated = texts_file(lang)
        for section in ("card", "widget"):
            missing = set(swedish[section]) - set(translated[section])
            assert not missing, (lang, section, missing)
        for group in ("audiences", "topics"):  # the finder's choices
            assert set(translated["widget"][group]) == set(swedish["widget"][group]), (lang, group)
    for lang in CARD_LANGUAGES:
        assert texts_file(lang)["reviewed"] is False


@pytest.mark.parametrize("lang", ["ar", "so", "uk"])
async def test_cards_the_finder_and_stod_show_services_in_one_language(client, catalogue, lang):
    # the services' own texts exist in Swedish and English: English for the card languages
    chat = await client.post(
        "/api/chat", json={"session": new_session(), "text": "hej", "lang": lang}
    )
    card_names = [
        r["name"] for m in (await chat.json())["messages"] for r in m.get("resources", [])
    ]
    found = await (await client.get(f"/api/resources?lang={lang}")).json()
    finder_names = {r["id"]: r["name"] for r in found["resources"]}
    page = await (await client.get(f"/stod?lang={lang}")).text()
    english, swedish = (catalogue.get("emergency").public(code)["name"] for code in ("en", "sv"))
    assert english != swedish
    assert english in card_names and finder_names["emergency"] == english
    assert english in page and swedish not in page

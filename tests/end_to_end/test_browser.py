"""The widget in real headless Chromium (Debian's package, driven by Playwright)."""

import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from axe_playwright_python.sync_playwright import Axe

from bot import PROJECT_ROOT
from tests.conftest import ARTIFACTS, EMBEDDING_PORT, EMBEDDING_SITE, new_session, post_json

pytestmark = pytest.mark.browser

EXIT_SITE = "https://www.smhi.se/"


def open_page(browser, width=375, height=800, **kwargs):
    context = browser.new_context(viewport={"width": width, "height": height}, **kwargs)
    page = context.new_page()
    page.requests = []
    page.on("request", lambda req: page.requests.append((req.method, req.url)))
    # The neutral exit site is answered locally: this machine has no internet.
    page.route(
        EXIT_SITE + "**",
        lambda route: route.fulfill(body="<h1>Väder</h1>", content_type="text/html"),
    )
    return page


@pytest.fixture
def page(browser, service):
    page = open_page(browser)
    yield page
    page.context.close()


def screenshot(page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name), full_page=True)


def axe_violations(page) -> list[str]:
    results = Axe().run(page)
    return [f"{v['id']}: {v['help']}" for v in results.response["violations"]]


def test_chat_turn_button_and_resource_card(page, service):
    page.goto(service.url + "/")
    page.get_by_role("button", name="Jag blir utsatt för våld").click()
    page.locator(".stod-card").first.wait_for()
    assert page.locator('a[href^="tel:"]').count() >= 1
    page.get_by_role("textbox").fill("Han slår mig nu")
    page.keyboard.press("Enter")
    page.locator(".stod-emergency").last.wait_for()
    assert "112" in page.locator(".stod-emergency").last.inner_text()
    assert page.locator(".stod-emergency").last.is_visible()
    screenshot(page, "chat-375.png")


def test_nothing_is_stored_and_no_request_leaves_the_origin(page, service):
    page.goto(service.url + "/")
    page.get_by_role("button", name="Är det här anonymt?").click()
    page.locator(".stod-card").first.wait_for()
    assert page.context.cookies() == []
    storage = page.evaluate(
        """async () => [localStorage.length, sessionStorage.length, document.cookie,
                        (await indexedDB.databases()).length]"""
    )
    assert storage == [0, 0, "", 0]
    assert page.requests and all(url.startswith(service.url) for _, url in page.requests)


def test_quick_exit_button_leaves_and_ends_the_conversation(page, service):
    exits = service.count("stod_conversations_ended", how="quick_exit")
    page.goto(service.url + "/")
    page.get_by_role("button", name="Jag blir utsatt för våld").wait_for()
    page.get_by_role("button", name="Lämna sidan snabbt").click()
    page.wait_for_url(EXIT_SITE)
    assert ("POST", service.url + "/api/end") in page.requests
    # counted once, as a quick exit (not again when the page is left right after)
    deadline = time.monotonic() + 5
    while service.count("stod_conversations_ended", how="quick_exit") == exits:
        assert time.monotonic() < deadline, "the quick exit was not counted"
        time.sleep(0.1)
    time.sleep(0.5)
    assert service.count("stod_conversations_ended", how="quick_exit") == exits + 1
    assert page.requests.count(("POST", service.url + "/api/end")) == 1  # not again on leaving
    page.go_back()  # history is not erased (the widget says so), but a reload starts afresh
    assert page.locator(".stod-user").count() == 0


def test_radera_clears_the_screen_as_well_as_the_server(page, service):
    page.goto(service.url + "/")
    page.get_by_role("button", name="Jag blir utsatt för våld").wait_for()
    marker = "hemligt" + new_session()[:10]
    page.get_by_role("textbox").fill(f"jag heter {marker}")
    page.keyboard.press("Enter")
    page.locator(".stod-user", has_text=marker).wait_for()
    page.get_by_role("textbox").fill("radera")
    page.keyboard.press("Enter")
    page.get_by_text("Samtalet är raderat").wait_for()
    assert marker not in page.locator(".stod-log").inner_text()
    assert page.locator(".stod-user").count() == 0


def test_shift_three_times_exits(page, service):
    page.goto(service.url + "/")
    page.get_by_role("button", name="Jag blir utsatt för våld").wait_for()
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(EXIT_SITE)
    assert ("POST", service.url + "/api/end") in page.requests


def test_shift_for_capitals_while_typing_does_not_exit(page, service):
    page.goto(service.url + "/")
    box = page.get_by_role("textbox")
    # no cloud spell checker, autocorrect or capitalisation sees what is typed
    for name, value in (("spellcheck", "false"), ("autocorrect", "off"), ("autocapitalize", "off")):
        assert box.get_attribute(name) == value
    box.click()
    box.press_sequentially("Hej Jag Vill Ha Hjälp")  # five capitals, each with Shift
    page.wait_for_timeout(300)
    assert page.url.startswith(service.url)
    assert box.input_value() == "Hej Jag Vill Ha Hjälp"


def test_error_state_still_shows_112_and_kvinnofridslinjen(page, service):
    page.goto(service.url + "/")
    page.get_by_role("button", name="Jag blir utsatt för våld").wait_for()
    page.route("**/api/chat", lambda route: route.abort())
    page.get_by_role("textbox").fill("hej")
    page.keyboard.press("Enter")
    error = page.locator(".stod-emergency").last
    error.wait_for()
    assert "112" in error.inner_text() and "Kvinnofridslinjen" in error.inner_text()


def test_finder_filters_resources_without_chatting(page, service):
    page.goto(service.url + "/")
    page.get_by_role("button", name="Hitta stöd").click()
    page.get_by_label("Jag är …").select_option("uses_violence")
    # the unfiltered list also has Välj att sluta: wait until the filter has taken BRIS away
    cards = page.locator(".stod-find .stod-card-name")
    cards.filter(has_text="BRIS").first.wait_for(state="detached")
    cards.filter(has_text="Välj att sluta").first.wait_for()
    names = cards.all_inner_texts()
    assert "Välj att sluta" in names and "BRIS" not in names
    page.get_by_label("Bara de som är öppna nu").check()
    page.wait_for_timeout(500)
    assert axe_violations(page) == []
    screenshot(page, "finder-375.png")


def test_language_switch_to_english(page, service):
    page.goto(service.url + "/")
    page.get_by_role("button", name="Jag blir utsatt för våld").wait_for()
    page.get_by_label("Språk").select_option("en")
    page.get_by_role(
        "button", name="Someone is hurting me"
    ).wait_for()  # the menu again, in English
    assert page.locator(".stod-widget").get_attribute("lang") == "en"
    page.get_by_role("textbox").fill("is this anonymous")
    page.keyboard.press("Enter")
    page.get_by_text("You do not have to say who you are").wait_for()


def test_a_short_reply_stays_in_the_language_the_person_writes(page, service):
    page.goto(service.url + "/")  # a Swedish page
    page.get_by_role("button", name="Jag blir utsatt för våld").wait_for()
    page.get_by_role("textbox").fill("is this chat anonymous, can anyone see what i write")
    page.keyboard.press("Enter")
    page.get_by_text("You do not have to say who you are").wait_for()
    # the answer's cards are labelled in its language too, not "Ring" in an English answer
    call = page.locator(".stod-bot").last.locator('a[href^="tel:"]').first
    assert call.inner_text().startswith("Call ")
    page.get_by_role("textbox").fill("ok")
    page.keyboard.press("Enter")
    page.get_by_text("Good. I am still here").wait_for()  # not "Bra. Jag finns kvar här"


def test_arabic_is_right_to_left_with_the_card_in_arabic(browser, service):
    for width in (375, 1280):
        page = open_page(browser, width=width)
        page.goto(service.url + "/")
        page.get_by_role("button", name="Jag blir utsatt för våld").wait_for()
        page.get_by_label("Språk").select_option("ar")
        widget = page.locator(".stod-widget")
        widget.locator("[dir=rtl].stod-msg").first.wait_for()
        assert widget.get_attribute("dir") == "rtl" and widget.get_attribute("lang") == "ar"
        bubble = widget.locator(".stod-msg[lang=ar]").first
        assert bubble.evaluate("el => getComputedStyle(el).direction") == "rtl"
        assert page.locator(".stod-note").first.is_visible()  # machine-assisted translation note
        number = page.locator("a.stod-call bdi").first  # "116 111" must not show as "111 116"
        assert number.evaluate("el => getComputedStyle(el).direction") == "ltr"
        assert number.evaluate("el => getComputedStyle(el).unicodeBidi") == "isolate"
        assert axe_violations(page) == []
        screenshot(page, f"arabic-{width}.png")
        page.context.close()


def on_screen(box, width, height) -> bool:
    return (
        box["x"] >= 0
        and box["y"] >= 0
        and box["x"] + box["width"] <= width
        and (box["y"] + box["height"] <= height)
    )


def phone_layout_holds(chat, page, width=375, height=667) -> None:
    """After a danger message: 112 to tap and the text box on screen, at least half the screen
    for the conversation, nothing sideways, and no card meant for people who use violence."""
    chat.get_by_role("textbox").fill("han slår mig nu")
    chat.get_by_role("textbox").press("Enter")
    chat.locator(".stod-emergency").last.wait_for()
    chat.get_by_text("När du är i säkerhet").wait_for()
    call = chat.get_by_role("link", name="Ring 112").first
    assert call.get_attribute("href") == "tel:112"
    assert on_screen(call.bounding_box(), width, height)
    assert on_screen(chat.get_by_role("textbox").bounding_box(), width, height)
    assert chat.locator(".stod-log").bounding_box()["height"] >= height / 2
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert "Välj att sluta" not in chat.locator(".stod-log").inner_text()


def test_on_a_phone_112_and_the_text_box_stay_on_screen(browser, service):
    page = open_page(browser, width=375, height=667)
    page.goto(service.url + "/")
    page.get_by_role("button", name="Jag blir utsatt för våld").wait_for()
    phone_layout_holds(page, page)
    assert axe_violations(page) == []
    screenshot(page, "phone-danger-375.png")
    page.context.close()


@pytest.mark.parametrize("lang", ["sv", "ar"])
def test_every_width_and_200_percent_zoom_fit_without_sideways_scrolling(browser, service, lang):
    for width, zoom in ((320, 1), (375, 1), (768, 1), (1280, 1), (1280, 2)):
        page = open_page(browser, width=width // zoom, height=800 // zoom, device_scale_factor=zoom)
        page.goto(service.url + "/")
        page.get_by_role("button", name="Jag blir utsatt för våld").click()
        page.locator(".stod-card").first.wait_for()
        if lang == "ar":
            page.get_by_label("Språk").select_option("ar")
            page.locator(".stod-msg[lang=ar] .stod-card").first.wait_for()
        assert page.evaluate("document.documentElement.scrollWidth") <= width // zoom
        screenshot(page, f"widths-{lang}-{width}-zoom{zoom}.png")
        page.context.close()


def test_shift_countdown_is_read_out_and_shown(page, service):
    page.goto(service.url + "/")
    page.get_by_role("button", name="Jag blir utsatt för våld").wait_for()
    status = page.get_by_role("status").filter(has_text="Skift")
    page.keyboard.press("Shift")
    assert status.inner_text() == "Skift: tryck 2 gånger till för att lämna sidan."
    assert status.is_visible()
    page.keyboard.press("Shift")
    assert status.inner_text() == "Skift: tryck 1 gång till för att lämna sidan."
    assert page.url.startswith(service.url)


def test_the_finder_says_how_many_it_found(page, service):
    page.goto(service.url + "/")
    page.get_by_role("button", name="Hitta stöd").click()
    page.get_by_label("Jag är …").select_option("uses_violence")
    page.get_by_text("Välj att sluta", exact=False).first.wait_for()
    page.wait_for_timeout(300)
    count = page.locator(".stod-find .stod-card").count()
    assert page.get_by_role("status").filter(has_text="träff").inner_text() in (
        f"{count} träffar",
        "1 träff",
    )


@contextmanager
def embedding_page(browser, service, extra_script: str = "", width=1280, height=900):
    """A page of another site (EMBEDDING_SITE, a server of its own on localhost) with the
    widget's one tag, and `extra_script`."""
    html = (
        '<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Orebro.se</title></head>'
        f"<body><main><h1>Våld i nära relationer</h1></main>{extra_script}"
        f'<script src="{service.url}/widget/widget.js" data-lang="sv" defer></script></body></html>'
    ).encode()

    class Site(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(html)

        def log_message(self, *args):  # nothing printed
            pass

    server = ThreadingHTTPServer(("127.0.0.1", EMBEDDING_PORT), Site)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    page = open_page(browser, width=width, height=height)
    try:
        page.goto(EMBEDDING_SITE + "/page.html")
        yield page
    finally:
        page.context.close()
        server.shutdown()
        server.server_close()


def test_launcher_opens_the_chat_in_a_frame_of_its_own(browser, service):
    with embedding_page(browser, service) as page:
        launcher_opens_the_chat(page, service)


def launcher_opens_the_chat(page, service):
    launcher = page.get_by_role("button", name="Chatta anonymt om stöd")
    launcher.wait_for()
    assert page.requests == [
        ("GET", EMBEDDING_SITE + "/page.html"),
        ("GET", service.url + "/widget/widget.js"),
    ]
    launcher.click()
    chat = page.frame_locator("iframe")
    chat.get_by_role("button", name="Jag blir utsatt för våld").wait_for()
    assert chat.get_by_role("link", name="Ring 112").first.is_visible()
    assert axe_violations(page) == []
    screenshot(page, "launcher-1280.png")
    chat.get_by_role("button", name="Stäng").click()
    launcher.wait_for()
    assert page.locator("iframe").is_hidden()


# A script of the embedding site that tries to read the chat: the page's own text, every input,
# and the frame's document, twice a second.
HOSTILE_SCRIPT = """<script>
window.stolen = [];
setInterval(function () {
  window.stolen.push(document.body.innerText);
  document.querySelectorAll("input, textarea").forEach(function (i) { window.stolen.push(i.value); });
  document.querySelectorAll("iframe").forEach(function (f) {
    try { window.stolen.push(f.contentDocument.body.innerText); }
    catch (e) { window.stolen.push("blocked: " + e.name); }
  });
}, 500);
</script>"""


def test_a_page_view_without_opening_the_chat_costs_the_service_one_script(browser, service):
    with embedding_page(browser, service) as page:
        page.get_by_role("button", name="Chatta anonymt om stöd").wait_for()
        page.goto("about:blank")  # the person leaves without opening the chat
        page.wait_for_timeout(500)
        to_service = [r for r in page.requests if r[1].startswith(service.url)]
        assert to_service == [("GET", service.url + "/widget/widget.js")]


def test_a_script_of_the_embedding_site_cannot_read_the_chat(browser, service):
    with embedding_page(browser, service, HOSTILE_SCRIPT) as page:
        hostile_script_reads_nothing(page)


def hostile_script_reads_nothing(page):
    page.get_by_role("button", name="Chatta anonymt om stöd").click()
    chat = page.frame_locator("iframe")
    chat.get_by_role("button", name="Jag blir utsatt för våld").wait_for()
    marker = "hemligt" + new_session()[:10]
    chat.get_by_role("textbox").fill(f"jag heter {marker}")
    chat.get_by_role("button", name="Skicka").click()
    mine = chat.locator(".stod-user", has_text=marker)
    mine.locator("xpath=following-sibling::li[contains(@class, 'stod-bot')]").first.wait_for()
    page.wait_for_timeout(1200)  # the hostile script has looked at least twice since
    stolen = page.evaluate("window.stolen")
    assert any(item.startswith("blocked") for item in stolen)
    assert not any(marker in item for item in stolen)


def test_closing_the_chat_ends_the_conversation_and_clears_it(browser, service):
    with embedding_page(browser, service) as page:
        launcher = page.get_by_role("button", name="Chatta anonymt om stöd")
        launcher.click()
        chat = page.frame_locator("iframe")
        chat.get_by_role("button", name="Jag blir utsatt för våld").wait_for()
        marker = "hemligt" + new_session()[:10]
        chat.get_by_role("textbox").fill(f"jag heter {marker}")
        chat.get_by_role("button", name="Skicka").click()
        chat.locator(".stod-user", has_text=marker).wait_for()
        chat.get_by_role("button", name="Stäng").click()
        launcher.wait_for()
        page.wait_for_timeout(300)
        assert ("POST", service.url + "/api/end") in page.requests
        launcher.click()  # opening again starts afresh
        page.frame_locator("iframe").get_by_role(
            "button", name="Jag blir utsatt för våld"
        ).wait_for()
        assert page.frame_locator("iframe").locator(".stod-user").count() == 0


def test_embedded_on_a_phone_112_and_the_text_box_stay_on_screen(browser, service):
    with embedding_page(browser, service, width=375, height=667) as page:
        page.get_by_role("button", name="Chatta anonymt om stöd").click()
        chat = page.frame_locator("iframe")
        chat.get_by_role("button", name="Jag blir utsatt för våld").wait_for()
        phone_layout_holds(chat, page)
        screenshot(page, "phone-embedded-375.png")


def test_with_the_service_unreachable_the_launcher_shows_the_crisis_card(browser, service):
    with embedding_page(browser, service, width=375, height=667) as page:
        launcher = page.get_by_role("button", name="Chatta anonymt om stöd")
        launcher.click()  # the service answers: the chat, and no card of the launcher's own
        page.frame_locator("iframe").get_by_role(
            "button", name="Jag blir utsatt för våld"
        ).wait_for()
        page.wait_for_timeout(3500)
        assert page.get_by_role("alertdialog").count() == 0
        page.frame_locator("iframe").get_by_role("button", name="Stäng").click()
        page.route(service.url + "/widget/frame.html*", lambda route: route.abort())
        launcher.click()  # now the service cannot be reached
        card = page.get_by_role("alertdialog")
        card.wait_for(timeout=6000)
        assert card.get_by_role("link", name="Ring 112").get_attribute("href") == "tel:112"
        assert "020-50 50 50" in card.inner_text()  # Kvinnofridslinjen, from resources.yml
        screenshot(page, "launcher-offline-375.png")
        card.get_by_role("button", name="Stäng").click()
        assert page.get_by_role("alertdialog").count() == 0 and launcher.is_visible()


def test_quick_exit_inside_the_frame_leaves_the_whole_page(browser, service):
    with embedding_page(browser, service) as page:
        page.get_by_role("button", name="Chatta anonymt om stöd").click()
        chat = page.frame_locator("iframe")
        chat.get_by_role("button", name="Lämna sidan snabbt").click()
        page.wait_for_url(EXIT_SITE)
        assert ("POST", service.url + "/api/end") in page.requests


def test_open_chat_has_no_accessibility_violations(browser, service):
    for width in (320, 1280):
        page = open_page(browser, width=width)
        page.goto(service.url + "/")
        page.get_by_role("button", name="Jag blir utsatt för våld").click()
        page.locator(".stod-card").first.wait_for()
        assert axe_violations(page) == []
        screenshot(page, f"chat-{width}.png")
        page.context.close()


def test_stod_page_works_without_javascript_and_is_accessible(browser, service):
    page = open_page(browser, java_script_enabled=False)
    page.goto(service.url + "/stod")
    assert page.get_by_role("heading", name="Akut fara").is_visible()
    assert page.locator('a[href="tel:112"]').count() >= 1
    assert page.locator(".stod-card").count() >= 10
    page.context.close()
    page = open_page(browser, width=1280, height=900)
    page.goto(service.url + "/stod?lang=en")
    assert page.get_by_role("heading", name="Immediate danger").is_visible()
    assert axe_violations(page) == []
    page.context.close()


def test_the_report_opens_offline_and_shows_its_charts(browser, service, tmp_path):
    for _ in range(6):  # at least 5 of a topic: one bar is drawn whatever ran before
        post_json(service.url + "/api/chat", {"session": new_session(), "text": "/greet"})
    out = tmp_path / "report.html"
    subprocess.run(
        [sys.executable, "-m", "bot", "report", "--out", str(out),
         "--metrics-port", str(service.metrics_port)],
        cwd=PROJECT_ROOT, check=True, capture_output=True,
    )  # fmt: skip
    page = open_page(browser, width=1100, height=900)
    page.goto(out.as_uri())
    charts = page.locator("figure svg")
    assert charts.count() == 7
    assert charts.first.bounding_box()["height"] > 100  # drawn, not an empty box
    # bars are drawn for the topics counted (matplotlib's patches; the first is the background)
    assert page.locator("figure svg").first.locator("g[id^='patch_']").count() > 2
    assert "Stödchatten i siffror" in page.title()
    assert [url for _, url in page.requests if not url.startswith("file:")] == []  # offline
    screenshot(page, "report.png")
    page.context.close()

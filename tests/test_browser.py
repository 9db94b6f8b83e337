"""The demo page in real headless Chromium (Debian's package, driven by Playwright)."""

import shutil
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from bot import PROJECT_ROOT

ARTIFACTS = PROJECT_ROOT / "tests" / "artifacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail("chromium is not installed: run 'make test' (it installs Debian's chromium)")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, service):
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.requests = []
    page.on("request", lambda req: page.requests.append(req.url))
    yield page
    context.close()


def test_chat_turn_button_and_resource_card(page, service):
    page.goto(service.url + "/")
    page.get_by_role("button", name="Jag blir utsatt för våld").click()
    card = page.locator(".stod-card").first
    card.wait_for()
    assert page.locator('a[href^="tel:"]').count() >= 1
    page.get_by_role("textbox").fill("Han slår mig nu")
    page.keyboard.press("Enter")
    page.locator(".stod-emergency").last.wait_for()
    assert "112" in page.locator(".stod-emergency").last.inner_text()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "demo-375.png"), full_page=True)


def test_nothing_is_stored_and_no_request_leaves_the_origin(page, service):
    page.goto(service.url + "/")
    page.get_by_role("button", name="Är det här anonymt?").click()
    page.locator(".stod-card").first.wait_for()
    assert page.context.cookies() == []
    storage = page.evaluate("() => [localStorage.length, sessionStorage.length, document.cookie]")
    assert storage == [0, 0, ""]
    assert page.requests and all(url.startswith(service.url) for url in page.requests)

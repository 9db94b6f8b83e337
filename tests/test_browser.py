"""The demo page in real headless Chromium (Debian's package, driven by Playwright)."""

import shutil
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
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


def axe_violations(page) -> list[str]:
    results = Axe().run(page)
    return [f"{v['id']}: {v['help']}" for v in results.response["violations"]]


def test_stod_page_works_without_javascript_and_is_accessible(browser, service):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(service.url + "/stod")
    assert page.get_by_role("heading", name="Akut fara").is_visible()
    assert page.locator('a[href="tel:112"]').count() >= 1
    assert page.locator(".stod-card").count() >= 10
    context.close()
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(service.url + "/stod?lang=en")
    assert page.get_by_role("heading", name="Immediate danger").is_visible()
    assert axe_violations(page) == []
    context.close()


def test_open_chat_has_no_accessibility_violations(page, service):
    page.goto(service.url + "/")
    page.get_by_role("button", name="Jag blir utsatt för våld").click()
    page.locator(".stod-card").first.wait_for()
    assert axe_violations(page) == []

"""Fixtures of the browser tests: a real Debian chromium driven by Playwright against a running gateway.

tools/web-tests starts the daemons and the gateway on fresh data with the demo city, sets
BK_GATEWAY_URL and BK_SCREENSHOTS, and runs these tests. Run one by hand against any running system:
    BK_GATEWAY_URL=http://127.0.0.1:8080 .binakarier/venv/bin/python -m pytest Tests/Web -k login
"""
import os
import re

import pytest
from playwright.sync_api import Page, sync_playwright

CHROMIUM = os.environ.get("BK_CHROMIUM", "/usr/bin/chromium")

# The demo city's accounts (tools/bk-demo-data).
ADMIN = ("admin", "admin-demo-2026")
ORGANIZER = ("bkpsdm", "bkpsdm-demo-2026")
ASN_PASSWORD = "asn-demo-2026"


@pytest.fixture(scope="session")
def base_url() -> str:
    return os.environ.get("BK_GATEWAY_URL", "http://127.0.0.1:8080").rstrip("/")


@pytest.fixture(scope="session")
def screenshot_dir() -> str:
    path = os.environ.get("BK_SCREENSHOTS", ".binakarier/screenshots")
    os.makedirs(path, exist_ok=True)
    return path


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: run tools/install-deps (it installs Debian's chromium)")
    with sync_playwright() as playwright:
        # As root, chromium's sandbox cannot start: --no-sandbox (the pages are our own).
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield browser
        browser.close()


@pytest.fixture()
def page(browser, base_url) -> Page:
    """A fresh browser context (no cookies) per test; a phone-sized one with the `phone` marker."""
    context = browser.new_context(base_url=base_url, locale="id-ID")
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


@pytest.fixture()
def new_page(browser, base_url):
    """Opens another independent browser context (a second person) in the same test."""
    contexts = []

    def make(width: int = 1280, height: int = 900) -> Page:
        context = browser.new_context(base_url=base_url, locale="id-ID", viewport={"width": width, "height": height})
        contexts.append(context)
        p = context.new_page()
        p.set_default_timeout(15000)
        return p

    yield make
    for context in contexts:
        context.close()


@pytest.fixture()
def login():
    """login(page, username, password): logs in through /masuk and waits for the home page."""

    def do(page: Page, username: str, password: str) -> None:
        page.goto("/masuk")
        page.fill("#username", username)
        page.fill("#password", password)
        page.locator("main form button[type=submit]").click()
        page.wait_for_url(re.compile(r".*/beranda.*|.*/(?!masuk).*"))
        assert "/masuk" not in page.url, f"login of {username} failed: {page.url}"

    return do


@pytest.fixture()
def shot(screenshot_dir):
    """shot(page, name): keeps a full-page screenshot as <BK_SCREENSHOTS>/<name>.png."""

    def take(page: Page, name: str) -> str:
        path = os.path.join(screenshot_dir, f"{name}.png")
        page.screenshot(path=path, full_page=True)
        return path

    return take

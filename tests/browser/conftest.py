"""Browser tests: Playwright drives Debian's Chromium against the app on 127.0.0.1.

Every request is recorded; any request to another host is aborted and fails the test, as
does any console error or uncaught exception. Without Chromium the tests skip, unless the
CI environment variable is set, in which case they fail.
"""
from __future__ import annotations

import os
import shutil
import threading
from urllib.parse import urlsplit

import pytest

CHROMIUM = os.environ.get("CHRONOATLAS_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


def _missing_reason() -> str | None:
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        return f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright Python package is not installed (pip install playwright)"
    return None


@pytest.fixture(scope="session")
def browser(request):
    reason = _missing_reason()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"browser tests cannot run in CI: {reason}")
        pytest.skip(reason)
    # One Playwright per process: other test folders reuse this fixture's code (see
    # tests/widget/conftest.py), and a second sync_playwright() in the same thread fails.
    shared = getattr(request.config, "_chronoatlas_browser", None)
    if shared is not None:
        yield shared
        return
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        request.config._chronoatlas_browser = b
        try:
            yield b
        finally:
            del request.config._chronoatlas_browser
            b.close()


def start_server(app):
    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, f"http://127.0.0.1:{server.server_port}"


@pytest.fixture(scope="session")
def live_server():
    from web import create_app
    from web.samples import empty_story, generated_story, hostile_story, sample_story

    app = create_app({
        "TESTING": True,
        "STORIES": ["demo", sample_story(), hostile_story(), empty_story(),
                    generated_story(400, slug="gen")],
    })
    assert app.extensions["chronoatlas"].get("demo") is not None, app.extensions["chronoatlas"].errors
    server, base = start_server(app)
    yield base
    server.shutdown()


class Recorder:
    """What one page did: requests, requests to other hosts, console errors, dialogs."""

    def __init__(self):
        self.requests: list[str] = []
        self.foreign: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []

    def check(self):
        assert not self.foreign, f"requests to other hosts: {self.foreign}"
        assert not self.errors, f"console errors: {self.errors}"
        assert not self.dialogs, f"dialogs opened: {self.dialogs}"


def open_page(browser, *, viewport=None, allow_foreign: bool = False):
    context = browser.new_context(viewport=viewport or {"width": 1280, "height": 900})
    rec = Recorder()

    def route(route):
        url = route.request.url
        rec.requests.append(url)
        host = urlsplit(url).hostname
        if url.startswith(("data:", "blob:")) or host == "127.0.0.1":
            route.continue_()
        else:
            rec.foreign.append(url)
            route.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("console", lambda m: rec.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: rec.errors.append(f"uncaught: {e}"))

    def dialog(d):
        rec.dialogs.append(d.message)
        d.dismiss()

    page.on("dialog", dialog)
    page.set_default_timeout(15000)
    return context, page, rec


@pytest.fixture()
def page(browser):
    context, page, rec = open_page(browser)
    page.recorder = rec
    yield page
    context.close()
    rec.check()


def wait_ready(page):
    page.wait_for_function("() => document.documentElement.dataset.chronoatlas === 'ready'")


@pytest.fixture()
def ready():
    return wait_ready


@pytest.fixture()
def new_page(browser):
    """Open extra pages (other viewports); each is checked like ``page`` when closed."""
    opened = []

    def factory(**kwargs):
        context, page, rec = open_page(browser, **kwargs)
        opened.append((context, rec))
        return page

    yield factory
    for context, rec in opened:
        context.close()
    for context, rec in opened:
        rec.check()

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


def _page_helpers():
    """tests/widget/widget_helpers.py: the one Recorder/open_page for every browser test
    (tests/ has no packages and pytest imports by path, so load it by path once)."""
    import importlib.util
    import sys
    from pathlib import Path

    if "widget_helpers" not in sys.modules:
        path = Path(__file__).resolve().parents[1] / "widget" / "widget_helpers.py"
        spec = importlib.util.spec_from_file_location("widget_helpers", path)
        module = importlib.util.module_from_spec(spec)
        sys.modules["widget_helpers"] = module
        spec.loader.exec_module(module)
    return sys.modules["widget_helpers"]


def _loopback(url: str) -> bool:
    """Requests the viewer may make: the test server on 127.0.0.1, data: and blob:."""
    return url.startswith(("data:", "blob:")) or urlsplit(url).hostname == "127.0.0.1"


_HELPERS = _page_helpers()  # also makes `from widget_helpers import ...` work in test modules


def open_page(browser, *, viewport=None):
    return _HELPERS.open_page(browser, _loopback, viewport=viewport)


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
    yield from _HELPERS.page_factory(lambda **kw: open_page(browser, **kw))


@pytest.fixture()
def studio_site(tmp_path):
    """``studio_site(("ed", PASSWORD), ("ada", PASSWORD, "admin"))``: the studio on a fresh
    SQLite store holding those accounts, served on 127.0.0.1; its base URL."""
    import contextlib

    from web import create_app
    from web.auth.accounts import add_user
    from web.store import get_store

    stack = contextlib.ExitStack()

    def start(*accounts):
        app = create_app({"STORIES": [], "DATABASE_URL": f"sqlite:///{tmp_path / 'studio.sqlite3'}",
                          "SECRET_KEY": "browser-" + tmp_path.name})
        with get_store(app).session() as s:
            for account in accounts:
                add_user(s, *account)
        stack.callback(get_store(app).dispose)
        return stack.enter_context(_HELPERS.serve_app(app))

    with stack:
        yield start

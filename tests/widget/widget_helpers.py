"""Helpers of the export and embed browser tests (a module, since tests/ has no packages)."""
from __future__ import annotations

import contextlib
import functools
import http.server
import math
import threading
from urllib.parse import urlsplit

KHALKHIN_GOL = (47.7, 118.6)


class Recorder:
    """Every request a page attempted (allowed or not), console errors, dialogs."""

    def __init__(self):
        self.requests: list[str] = []
        self.blocked: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []

    def check(self):
        assert not self.blocked, f"requests attempted: {self.blocked}"
        assert not self.errors, f"console errors: {self.errors}"
        assert not self.dialogs, f"dialogs opened: {self.dialogs}"


def page_factory(opener):
    """For fixtures: a ``factory(*args, **kwargs)`` opening pages with ``opener`` (its
    arguments passed on), then, when the test ends, every context closed and every
    recorder checked. Each page carries its recorder as ``page.recorder``."""
    opened = []

    def factory(*args, **kwargs):
        context, page, rec = opener(*args, **kwargs)
        page.recorder = rec
        opened.append((context, rec))
        return page

    yield factory
    for context, _ in opened:
        context.close()
    for _, rec in opened:
        rec.check()


def open_page(browser, allow, *, viewport=None, fulfil=None):
    """A page whose requests go through ``allow(url)``; ``fulfil`` maps URLs to HTML
    (a host page on a made-up origin)."""
    context = browser.new_context(viewport=viewport or {"width": 1280, "height": 900})
    rec = Recorder()

    def route(route):
        url = route.request.url
        rec.requests.append(url)
        if fulfil and url in fulfil:
            route.fulfill(status=200, content_type="text/html", body=fulfil[url])
        elif allow(url):
            route.continue_()
        else:
            rec.blocked.append(url)
            route.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("console", lambda m: rec.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: rec.errors.append(f"uncaught: {e}"))

    def dialog(d):
        rec.dialogs.append(d.message)
        d.dismiss()

    page.on("dialog", dialog)
    page.set_default_timeout(20000)
    return context, page, rec


def only_files(url: str) -> bool:
    return url.startswith("file:")


def only_origin(base: str):
    host = urlsplit(base).netloc
    return lambda url: urlsplit(url).netloc == host and url.startswith("http://")


def wait_ready(page_or_frame):
    page_or_frame.wait_for_function("() => document.documentElement.dataset.chronoatlas === 'ready'")


def km(a, b):
    lat1, lon1, lat2, lon2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 2 * 6371 * math.asin(math.sqrt(h))


def centre(page):
    return tuple(page.evaluate("(() => { const c = chronoatlas.map.getCenter(); return [c.lat, c.lng]; })()"))


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep pytest output clean
        pass


@contextlib.contextmanager
def serve_folder(folder):
    """``folder`` behind python's plain static file server on 127.0.0.1; yields its base URL."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def serve_app(app):
    """A WSGI ``app`` on 127.0.0.1 (werkzeug, threaded); yields its base URL."""
    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()

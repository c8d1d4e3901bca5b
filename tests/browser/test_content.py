"""Event content in a real browser: TimelineJS's women-in-computing example shows its HTML
text with working links and its portrait as a placeholder naming the host; with the host
allowed the portrait loads directly; the CSP names exactly the allowed hosts; hostile
HTML runs nothing. A local HTTP server on 127.0.0.1 stands in for the media host (tests
never reach the internet)."""
from __future__ import annotations

import http.server
import json
import threading
from pathlib import Path

import pytest

from web.security import page_csp

WIC = Path(__file__).resolve().parents[1] / "timeline" / "timelinejs_official" / "women_in_computing.json"
PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000020000000208020000"
                    "00fdd49a73000000164944415478da63fccfc0c0c0f09f81818181818101001a0a03ff"
                    "e6b3b2c40000000049454e44ae426082")
PORTRAIT = "/wikipedia/commons/thumb/a/a4/Ada_Lovelace_portrait.jpg/713px-Ada_Lovelace_portrait.jpg"


class _Host(http.server.BaseHTTPRequestHandler):
    """The stand-in for upload.wikimedia.org and en.wikipedia.org: any picture path is a
    small PNG, any /wiki/ path a page; every request is recorded."""

    seen: list[str] = []

    def do_GET(self):  # noqa: N802
        type(self).seen.append(self.path)
        if self.path.startswith("/wiki/"):
            body, kind = b"<!doctype html><title>Ada</title><p>Ada Lovelace</p>", "text/html"
        else:
            body, kind = PNG, "image/png"
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def _stop(server):
    server.shutdown()
    server.server_close()


def _serve(server):
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server


@pytest.fixture(scope="module")
def media_host():
    server = _serve(http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Host))
    yield f"http://127.0.0.1:{server.server_port}"
    _stop(server)


def _app_server(stories, **settings):
    from werkzeug.serving import make_server

    from web import create_app

    app = create_app({"TESTING": True, "STORIES": stories, "RESOLVE_PLACES": False, **settings})
    server = _serve(make_server("127.0.0.1", 0, app, threaded=True))
    return server, f"http://127.0.0.1:{server.server_port}"


@pytest.fixture(scope="module")
def stand_in_story(media_host, tmp_path_factory):
    """The example with its Wikimedia and Wikipedia addresses on the stand-in host."""
    text = WIC.read_text("utf-8").replace("https://upload.wikimedia.org", media_host)
    text = text.replace("https://en.wikipedia.org", media_host)
    data = json.loads(text)
    data["title"]["text"]["headline"] = "Women in Computing (stand-in)"
    path = tmp_path_factory.mktemp("wic") / "wic-local.json"
    path.write_text(json.dumps(data), "utf-8")
    return str(path)


@pytest.fixture(scope="module")
def closed_site(stand_in_story):
    """The default: no media host is allowed."""
    server, base = _app_server([str(WIC), stand_in_story])
    yield base
    _stop(server)


@pytest.fixture(scope="module")
def open_site(stand_in_story, media_host):
    server, base = _app_server([stand_in_story], MEDIA_HOSTS=[media_host])
    yield base
    _stop(server)


def _open_event(page, ready, url, event_id="ada-lovelace", intro=None):
    response = page.goto(url)
    ready(page)
    if intro:
        intro(page)
    page.evaluate("(id) => chronoatlas.goTo(id)", event_id)
    page.locator("#ca-panel-text p").first.wait_for()
    return response


def _title_slide(page):
    """Before an event is chosen: the title slide's HTML text and its background image."""
    text = page.locator("#ca-panel-text").inner_text()
    assert text.startswith("In this sample timeline") and "<p" not in text
    assert page.locator(".ca-bg-note a").inner_text() == "Background image on upload.wikimedia.org"


def test_example_shows_formatted_text_and_a_placeholder_naming_the_host(page, closed_site, ready):
    response = _open_event(page, ready, f"{closed_site}/stories/women-in-computing", intro=_title_slide)
    assert response.headers["content-security-policy"] == page_csp()
    text = page.locator("#ca-panel-text")
    assert "Women have been programming" in text.inner_text() and "<p>" not in text.inner_text()
    link = text.locator("a", has_text="Ada Lovelace")
    assert link.get_attribute("href") == "https://en.wikipedia.org/wiki/Ada_Lovelace"
    assert link.get_attribute("target") == "_blank"
    assert set(link.get_attribute("rel").split()) >= {"noopener", "nofollow"}
    holder = page.locator(".ca-media-placeholder")
    assert holder.locator(".ca-media-action").inner_text() == "Show image from upload.wikimedia.org"
    assert holder.get_attribute("href").startswith("https://upload.wikimedia.org/") and holder.get_attribute("target") == "_blank"
    assert "Opens on upload.wikimedia.org in a new tab" in holder.inner_text()
    assert page.locator("#ca-panel-media img, #ca-panel-media iframe").count() == 0
    assert "Portrait by Alfred Edward Chalon" in page.locator(".ca-media-caption").inner_text()
    assert "Wikimedia Commons" in page.locator(".ca-media-credit").inner_text()
    # the other media kinds of the example, none loaded
    for event_id, action in [("and-the-women-who-made-it-work", "Show video from www.youtube-nocookie.com"),
                             ("grace-hopper-invents-the-compiler", "Show audio from w.soundcloud.com"),
                             ("rozsa-peter-writes-recursion", "Open article on en.wikipedia.org")]:
        page.evaluate("(id) => chronoatlas.goTo(id)", event_id)
        page.locator(".ca-media-action").first.wait_for()
        assert page.locator(".ca-media-action").first.inner_text() == action
    page.evaluate("chronoatlas.goTo('edith-clarke-bucking-the-trend')")
    assert "There is no demand for women engineers" in page.locator(".ca-media-quote blockquote").inner_text()


def test_placeholder_and_links_open_on_the_host_in_a_new_tab(page, closed_site, media_host, ready):
    _Host.seen.clear()
    _open_event(page, ready, f"{closed_site}/stories/wic-local")
    page.wait_for_timeout(300)
    assert _Host.seen == []  # nothing was loaded from the host by showing the event
    with page.context.expect_page() as opened:
        page.locator(".ca-media-placeholder").click()
    tab = opened.value
    tab.wait_for_load_state()
    assert tab.url == media_host + PORTRAIT
    tab.close()
    with page.context.expect_page() as opened:
        page.locator("#ca-panel-text a", has_text="Ada Lovelace").click()
    tab = opened.value
    tab.wait_for_load_state()
    assert tab.url == media_host + "/wiki/Ada_Lovelace" and "Ada Lovelace" in tab.content()
    assert page.evaluate("window.opener === null")
    tab.close()
    assert page.locator("#ca-panel-media img").count() == 0


def test_allowed_host_loads_the_portrait_directly_and_the_csp_names_only_it(page, open_site, media_host, ready):
    _Host.seen.clear()
    response = _open_event(page, ready, f"{open_site}/stories/wic-local")
    csp = {d.split()[0]: d for d in response.headers["content-security-policy"].split("; ")}
    assert csp["img-src"] == f"img-src 'self' data: {media_host}"
    assert csp["frame-src"] == f"frame-src {media_host}"
    assert csp["media-src"] == f"media-src 'self' {media_host}"
    img = page.locator("#ca-panel-media img.ca-media-image")
    img.wait_for()
    page.wait_for_function("() => { const i = document.querySelector('#ca-panel-media img'); return i && i.complete && i.naturalWidth > 0; }")
    assert img.get_attribute("src") == media_host + PORTRAIT
    assert PORTRAIT in _Host.seen
    assert page.locator(".ca-media-placeholder").count() == 0
    # the background image of the next event is on the same host: shown behind the panel
    page.evaluate("chronoatlas.goTo('and-the-women-who-made-it-work')")
    page.wait_for_function("() => document.getElementById('ca-panel').classList.contains('ca-bg-image')")
    assert media_host in page.evaluate("document.getElementById('ca-panel').style.backgroundImage")
    # YouTube is not on the list: still a placeholder
    assert page.locator(".ca-media-action").first.inner_text() == "Show video from www.youtube-nocookie.com"


HOSTILE_TEXT = ('<p onclick="window.__pwned=1">x<script>window.__pwned=2</script>'
                '<img src=x onerror="window.__pwned=3"><a href="javascript:window.__pwned=4">j</a>'
                '<svg><script>window.__pwned=5</script></svg><iframe srcdoc="<script>parent.__pwned=6</script>"></iframe>'
                '<style>#ca-panel{display:none}</style><a href="https://example.org/' + "long" * 60 + '">long</a></p>')


def _hostile_timelinejs(tmp_path: Path) -> Path:
    slides = []
    for i in range(3):
        slides.append({
            "start_date": {"year": str(1900 + i)},
            "unique_id": f"h{i}",
            "text": {"headline": f'H{i}<img src=x onerror="window.__pwned=7"><b>bold</b>', "text": HOSTILE_TEXT},
            "media": {"url": ['<blockquote onmouseover="window.__pwned=8">q<script>window.__pwned=9</script></blockquote>',
                              "javascript:window.__pwned=10", "https://evil.example/x.png"][i],
                      "caption": '<a href="javascript:window.__pwned=11">c</a><img src=x onerror="window.__pwned=12">',
                      "credit": "<svg onload=\"window.__pwned=13\"></svg>cr"},
            "background": {"color": "red;background:url(https://evil.example/)"},
        })
    path = tmp_path / "hostile-tl.json"
    path.write_text(json.dumps({"title": {"text": {"headline": "Hostile"}}, "events": slides}), "utf-8")
    return path


def test_hostile_timelinejs_html_runs_nothing_and_the_csp_is_unchanged(page, ready, tmp_path):
    server, base = _app_server([str(_hostile_timelinejs(tmp_path))])
    try:
        response = page.goto(f"{base}/stories/hostile-tl")
        ready(page)
        assert response.headers["content-security-policy"] == page_csp()
        for event_id in page.evaluate("chronoatlas.events()"):
            page.evaluate("(id) => chronoatlas.goTo(id)", event_id)
            page.locator("#ca-panel-media figure").first.wait_for()
            assert page.locator("#ca-panel-title b").inner_text() == "bold"
            panel = "#ca-panel"
            assert page.evaluate(f"document.querySelectorAll('{panel} script, {panel} img, {panel} iframe, "
                                 f"{panel} svg, {panel} style, {panel} [onclick], {panel} [onerror], "
                                 f"{panel} [onmouseover], {panel} [style*=url]').length") == 0
            hrefs = page.evaluate(f"[...document.querySelectorAll('{panel} a[href]')].map(a => a.getAttribute('href'))")
            assert not [h for h in hrefs if "javascript" in h.lower()]
            box = page.evaluate("(() => { const p = document.getElementById('ca-panel'); return [p.scrollWidth, p.clientWidth]; })()")
            assert box[0] <= box[1] + 1  # the long URL wraps
        assert page.evaluate("window.__pwned") is None
        titles = page.locator("#ca-list .ca-list-title").all_inner_texts()
        assert titles and all("<" not in t and "bold" in t for t in titles)  # headline HTML as text
        assert page.locator(".ca-media-none").first.inner_text().startswith("Media not shown")
    finally:
        _stop(server)

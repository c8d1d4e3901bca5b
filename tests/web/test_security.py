"""Headers per view, no inline script or style, and a hostile story stays data."""
import re

import pytest

from web.samples import HOSTILE

PAGES = ["/", "/stories/sample", "/stories/hostile", "/stories/empty", "/stories/nope"]


def _csp(response) -> dict[str, str]:
    policy = response.headers["Content-Security-Policy"]
    return {part.split()[0]: part for part in (p.strip() for p in policy.split(";")) if part}


@pytest.mark.parametrize("url", PAGES)
def test_pages_have_strict_csp(client, url):
    r = client.get(url)
    csp = _csp(r)
    assert csp["script-src"] == "script-src 'self'"
    assert csp["style-src"] == "style-src 'self'"
    assert csp["default-src"] == "default-src 'none'"
    assert csp["frame-ancestors"] == "frame-ancestors 'none'"
    assert "unsafe-eval" not in r.headers["Content-Security-Policy"]
    assert "unsafe-inline" not in r.headers["Content-Security-Policy"]
    assert r.headers["X-Frame-Options"] == "DENY"
    assert r.headers["X-Content-Type-Options"] == "nosniff"


def test_embed_may_be_framed(client):
    r = client.get("/embed/sample")
    csp = _csp(r)
    assert csp["frame-ancestors"] == "frame-ancestors *"
    assert "X-Frame-Options" not in r.headers
    assert csp["script-src"] == "script-src 'self'"


def test_embed_frame_ancestors_configurable(app):
    app.config["EMBED_FRAME_ANCESTORS"] = "https://news.example"
    r = app.test_client().get("/embed/sample")
    assert _csp(r)["frame-ancestors"] == "frame-ancestors https://news.example"


@pytest.mark.parametrize("url", ["/api/stories", "/api/stories/sample", "/api/stories/nope"])
def test_api_csp(client, url):
    r = client.get(url)
    assert _csp(r)["default-src"] == "default-src 'none'"
    assert _csp(r)["frame-ancestors"] == "frame-ancestors 'none'"


@pytest.mark.parametrize("url", ["/", "/stories/sample", "/stories/hostile", "/embed/hostile?theme=dark",
                                 "/stories/empty", "/stories/nope"])
def test_no_inline_script_or_style(client, url):
    tags = _start_tags(client.get(url).get_data(as_text=True))
    for name, attrs in tags:
        assert name != "style"
        if name == "script":
            assert "src" in attrs or attrs.get("type") == "application/json", attrs
        assert "style" not in attrs, (name, attrs)
        assert not [a for a in attrs if a.startswith("on")], (name, attrs)
        for key in ("href", "src"):
            assert not (attrs.get(key) or "").strip().lower().startswith("javascript:"), attrs


def test_no_other_host_in_page_or_map(client):
    for url in ["/stories/sample", "/stories/sample/map.js"]:
        body = client.get(url).get_data(as_text=True)
        # links inside the JSON (sources) are data; scripts and styles are local; the
        # oEmbed discovery link is absolute (consumers fetch it as is) but on this host
        for ref in re.findall(r'(?:src|href)="([^"]+)"', body):
            assert ref.startswith(("/", "#", "http://localhost/")), ref


@pytest.mark.parametrize("url", ["/stories/hostile", "/embed/hostile", "/"])
def test_hostile_story_is_escaped_everywhere(client, url):
    html = client.get(url).get_data(as_text=True)
    outside = re.sub(r'<script type="application/json" id="ca-(data|config)">.*?</script>', "", html,
                     flags=re.S)
    assert "<script>window.__pwned" not in outside
    assert "<b onmouseover" not in outside
    tags = _start_tags(html)
    assert [t for t, _ in tags].count("script") == len(
        [a for t, a in tags if t == "script" and ("src" in a or a.get("type") == "application/json")])
    assert not [t for t, _ in tags if t in ("img", "iframe", "svg", "object", "embed")]
    # Inside the JSON blocks, nothing can close the script element
    for block in re.findall(r'<script type="application/json" id="ca-(?:data|config)">(.*?)</script>',
                            html, re.S):
        assert "</" not in block and "<script" not in block


def test_hostile_text_never_reaches_folium(client):
    body = client.get("/stories/hostile/map.js").get_data(as_text=True)
    for payload in HOSTILE:
        assert payload not in body
    assert "title" not in body.lower().replace("maxzoom", "")  # no story titles at all
    assert "javascript:" not in body


def test_hostile_markdown_is_sanitised(client):
    story = client.get("/api/stories/hostile").get_json()
    assert len(story["events"]) == len(HOSTILE)
    for event in story["events"]:
        detail = client.get(f"/api/stories/hostile/events/{_quote(event['id'])}").get_json()
        for name, attrs in _start_tags(detail["html"]):
            assert name in {"p", "a", "code", "strong", "em"}, name
            assert not [a for a in attrs if a.startswith("on") or a == "style"]
            assert not (attrs.get("href") or "").lower().startswith("javascript:")
        assert all(s["url"] is None or s["url"].startswith("https://") for s in detail["sources"])


def test_untrusted_tile_settings_are_ignored(client):
    r = client.get("/stories/hostile")
    assert "javascript" not in r.headers["Content-Security-Policy"]


def test_opt_in_tiles_extend_img_src_only(app):
    app.config["TILES"] = ["osm"]
    from web.stories import StoryLibrary
    app.extensions["chronoatlas"] = StoryLibrary(app.config["STORIES"], resolve_places=False, tiles=["osm"])
    r = app.test_client().get("/stories/sample")
    csp = _csp(r)
    assert "https://tile.openstreetmap.org" in csp["img-src"]
    assert csp["connect-src"] == "connect-src 'self'"
    body = app.test_client().get("/stories/sample/map.js").get_data(as_text=True)
    assert "tile.openstreetmap.org" in body and ".addTo(map" not in body.split("tile.openstreetmap.org")[1]


def _quote(s):
    from urllib.parse import quote
    return quote(s, safe="")


def _start_tags(html: str) -> list[tuple[str, dict]]:
    from html.parser import HTMLParser

    found = []

    class Collector(HTMLParser):
        def handle_starttag(self, tag, attrs):
            found.append((tag, dict(attrs)))

    Collector().feed(html)
    return found

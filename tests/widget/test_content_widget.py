"""Event content in the single-file widget: TimelineJS HTML sanitised, remote media as
links that open on their host (the widget's CSP loads nothing from anywhere), a local
portrait inlined, hostile HTML inert, the hash-based CSP as strict as before."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from widget_helpers import only_files, wait_ready

from timeline.formats import load
from web.exports.widget import widget_html

pytestmark = pytest.mark.browser

WIC = Path(__file__).resolve().parents[1] / "timeline" / "timelinejs_official" / "women_in_computing.json"
PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000020000000208020000"
                    "00fdd49a73000000164944415478da63fccfc0c0c0f09f81818181818101001a0a03ff"
                    "e6b3b2c40000000049454e44ae426082")


def _csp(html: str) -> str:
    return re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)


def test_widget_shows_html_text_and_media_links_and_inlines_a_local_portrait(tmp_path, pages):
    data = json.loads(WIC.read_text("utf-8"))
    data["events"][-1]["media"] = {"url": "pictures/radia.png", "alt": "Radia Perlman", "caption": "<i>local</i>"}
    data["events"][0]["text"]["text"] += '<p onclick="window.__pwned=1">' + "<script>window.__pwned=2</script>" \
        '<img src=x onerror="window.__pwned=3"><a href="javascript:window.__pwned=4">j</a></p>'
    (tmp_path / "pictures").mkdir()
    (tmp_path / "pictures" / "radia.png").write_bytes(PNG)
    path = tmp_path / "wic.json"
    path.write_text(json.dumps(data), "utf-8")
    html = widget_html(load(path).story, resolve=False, media_root=tmp_path)
    csp = _csp(html)
    assert "img-src data:;" in csp and "frame-src" not in csp and "media-src" not in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    out = tmp_path / "widget.html"
    out.write_text(html, "utf-8")
    page = pages(only_files)
    page.goto(out.as_uri())
    wait_ready(page)
    page.evaluate("chronoatlas.goTo('ada-lovelace')")
    link = page.locator("#ca-panel-text a", has_text="Ada Lovelace")
    assert link.get_attribute("href") == "https://en.wikipedia.org/wiki/Ada_Lovelace"
    assert page.locator(".ca-media-action").inner_text() == "Show image from upload.wikimedia.org"
    assert page.locator("#ca-panel img, #ca-panel script, #ca-panel [onclick]").count() == 0
    page.evaluate("chronoatlas.goTo('the-mother-of-the-internet')")
    img = page.locator("#ca-panel-media img")
    img.wait_for()
    assert img.get_attribute("alt") == "Radia Perlman" and img.get_attribute("src").startswith("data:image/png;base64,")
    page.wait_for_function("() => document.querySelector('#ca-panel-media img').naturalWidth > 0")
    assert page.locator(".ca-media-caption i").inner_text() == "local"
    assert page.evaluate("window.__pwned") is None
    assert page.recorder.requests == [out.as_uri()]

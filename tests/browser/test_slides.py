"""Ordered stories without dates (settings.order "slides", StoryMapJS-like) play slide
by slide: Previous/Next, the arrow keys and the strip step in file order, the map flies
to each slide's place at its zoom, the URL keeps the slide, the list is in slide order,
and the timeline (nothing to draw) makes way for the strip."""
from __future__ import annotations

from pathlib import Path

import pytest

STORY = Path(__file__).parent / "stories" / "beagle-slides.yaml"
ORDER = ["overview", "plymouth", "santiago", "bahia", "tierra", "andes", "galapagos", "sydney", "falmouth"]


@pytest.fixture(scope="module")
def slides_server():
    from widget_helpers import serve_app
    from web import create_app

    app = create_app({"TESTING": True, "STORIES": [str(STORY)]})
    lib = app.extensions["chronoatlas"]
    assert lib.get("beagle-slides") is not None, lib.errors
    with serve_app(app) as base:
        yield base


VIEW = """() => { const m = chronoatlas.map, c = m.getCenter();
  return {lat: c.lat, lon: c.lng, zoom: m.getZoom()}; }"""
ARM = """() => { window.caMoved = new Promise(r => chronoatlas.map.once('moveend', () => r(true))); }"""


def fly(page, act):
    """Do `act` and wait for the map's flight to end (its moveend)."""
    page.evaluate(ARM)
    act()
    page.evaluate("() => window.caMoved")


def current(page):
    return page.evaluate("() => chronoatlas.current()")


def test_slides_play_in_file_order_and_the_map_flies(page, slides_server, ready):
    page.goto(f"{slides_server}/stories/beagle-slides")
    ready(page)
    assert current(page) == "overview"  # opens at the first slide
    assert page.locator("#ca-slide-count").inner_text() == "Slide 1 of 9"
    assert page.locator(".ca-timeline-wrap").is_hidden()  # no dates: the strip instead
    assert page.locator("#ca-slides").is_visible()
    strip = page.locator("#ca-slide-strip button")
    assert strip.count() == 9
    assert strip.first.get_attribute("aria-current") == "step"
    assert page.locator("#ca-prev").is_disabled()
    listed = page.evaluate("() => [...document.querySelectorAll('#ca-list li')].map(li => li.dataset.id)")
    assert listed == ORDER  # the list in slide order, the dateless ones in it
    assert page.locator("#ca-undated-title").is_hidden()
    assert page.locator("#ca-list li").first.locator(".ca-list-date").inner_text() == "Slide 1"

    fly(page, lambda: page.locator("#ca-next").click())
    assert current(page) == "plymouth"
    view = page.evaluate(VIEW)
    assert view["zoom"] == 9 and abs(view["lat"] - 50.3755) < 0.05 and abs(view["lon"] + 4.1427) < 0.05
    assert "#event=plymouth" in page.url
    assert page.locator("#ca-panel-date").inner_text() == "Slide 2 of 9"

    page.locator("#ca-slide-strip").focus()
    fly(page, lambda: page.keyboard.press("ArrowRight"))  # the page's keys step slides too
    assert current(page) == "santiago"
    assert page.evaluate(VIEW)["zoom"] == 10
    fly(page, lambda: page.keyboard.press("ArrowLeft"))
    assert current(page) == "plymouth"

    # two places and no zoom: a view holding both
    fly(page, lambda: page.locator("#ca-slide-strip button[data-id=andes]").click())
    inside = page.evaluate("""() => { const b = chronoatlas.map.getBounds();
      return [[-33.0472, -71.6127], [-32.8895, -68.8458]].every(p => b.contains(p)); }""")
    assert inside
    assert page.locator("#ca-slide-strip button[data-id=andes]").get_attribute("aria-current") == "step"

    fly(page, lambda: page.locator("#ca-slide-strip button[data-id=falmouth]").click())
    assert page.locator("#ca-next").is_disabled()
    assert page.locator("#ca-slide-count").inner_text() == "Slide 9 of 9"


def test_a_slide_url_reopens_that_slide(page, slides_server, ready):
    page.goto(f"{slides_server}/stories/beagle-slides#event=galapagos")
    ready(page)
    page.wait_for_function("() => chronoatlas.map.getZoom() === 7")
    assert current(page) == "galapagos"
    assert page.evaluate(VIEW)["zoom"] == 7
    page.goto(f"{slides_server}/stories/beagle-slides#slide=4")
    page.reload()
    ready(page)
    assert current(page) == "bahia"


def test_slides_without_motion_jump(browser, slides_server):
    from urllib.parse import urlsplit

    from widget_helpers import open_page  # loaded by tests/browser/conftest.py

    context, page, rec = open_page(browser, lambda url: urlsplit(url).hostname == "127.0.0.1")
    try:
        page.emulate_media(reduced_motion="reduce")
        page.goto(f"{slides_server}/stories/beagle-slides#event=sydney")
        page.wait_for_function("() => document.documentElement.dataset.chronoatlas === 'ready'")
        page.locator("#ca-next").click()
        # no flight: the view is there at once
        assert page.evaluate(VIEW)["zoom"] == 10
    finally:
        context.close()
    rec.check()


def test_the_single_file_widget_plays_slides_too(browser, tmp_path):
    """The widget runs the same modules as one bundled script (web/exports/jsbundle.py)."""
    from widget_helpers import open_page  # loaded by tests/browser/conftest.py

    from timeline.formats import load_story
    from web.exports.widget import export_html

    out = tmp_path / "beagle.html"
    export_html(load_story(STORY), out)
    context, page, rec = open_page(browser, lambda url: url.startswith(("file:", "data:", "blob:")))
    try:
        page.goto(out.as_uri())
        page.wait_for_function("() => document.documentElement.dataset.chronoatlas === 'ready'")
        assert page.locator("#ca-slide-count").inner_text() == "Slide 1 of 9"
        page.locator("#ca-next").click()
        assert current(page) == "plymouth"
        assert [li.get_attribute("data-id") for li in page.locator("#ca-list li").all()] == ORDER
    finally:
        context.close()
    rec.check()


STORYMAP = Path(__file__).resolve().parents[1] / "timeline" / "storymap" / "ibn-battuta.json"


@pytest.fixture(scope="module")
def storymap_server():
    """A StoryMapJS file as users have them, served as it is (imported on load)."""
    from widget_helpers import serve_app
    from web import create_app

    app = create_app({"TESTING": True, "STORIES": [str(STORYMAP)]})
    lib = app.extensions["chronoatlas"]
    slugs = [p.slug for p in lib]
    assert len(slugs) == 1, lib.errors
    with serve_app(app) as base:
        yield base, slugs[0]


def test_an_imported_storymapjs_file_plays_slide_by_slide(page, storymap_server, ready):
    import json

    base, slug = storymap_server
    slides = json.loads(STORYMAP.read_text(encoding="utf-8"))["storymap"]["slides"][1:]
    page.goto(f"{base}/stories/{slug}")
    ready(page)
    assert page.locator("#ca-slide-count").inner_text() == f"Slide 1 of {len(slides)}"
    assert page.locator("#ca-prev").is_disabled()
    for n, slide in enumerate(slides[1:], start=2):
        fly(page, lambda: page.locator("#ca-next").click())
        assert page.locator("#ca-slide-count").inner_text() == f"Slide {n} of {len(slides)}"
        where = slide.get("location") or {}
        if "lat" in where:
            view = page.evaluate(VIEW)
            assert abs(view["lat"] - where["lat"]) < 0.5 and abs(view["lon"] - where["lon"]) < 0.5, (n, view)
            assert view["zoom"] == where["zoom"], (n, view)
    assert page.locator("#ca-next").is_disabled()
    # the slide's HTML text is shown formatted, not as tags
    assert "<em>" not in page.locator("#ca-panel").inner_text()

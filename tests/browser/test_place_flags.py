"""Places found by geoparsing (inferred) or of low confidence are flagged to readers: a
dotted, hatched marker whose name says so, and the words "place inferred, low
confidence" in the list and the panel (not colour alone). The slide story and this one
pass axe-core too."""
from __future__ import annotations

from pathlib import Path

import pytest

STORIES = Path(__file__).parent / "stories"
AXE = next((Path(__file__).resolve().parent / "vendor").glob("axe-core-*/axe.min.js"))


def _violations(page):
    """As test_axe.py: serious or critical axe-core violations."""
    page.add_script_tag(path=str(AXE))
    return page.evaluate("""async () => { const r = await axe.run(document, {resultTypes: ['violations']});
      return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
        .map(v => ({id: v.id, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))})); }""")


@pytest.fixture(scope="module")
def flags_server():
    from widget_helpers import serve_app
    from web import create_app

    app = create_app({"TESTING": True, "STORIES": [str(STORIES / "inferred-places.yaml"),
                                                   str(STORIES / "beagle-slides.yaml")]})
    lib = app.extensions["chronoatlas"]
    assert lib.get("inferred-places") is not None, lib.errors
    with serve_app(app) as base:
        yield base


def test_inferred_places_are_flagged_in_marker_list_and_panel(page, flags_server, ready):
    page.goto(f"{flags_server}/stories/inferred-places")
    ready(page)
    flagged = page.locator(".ca-marker-inferred")
    assert flagged.count() == 2  # inferred: both; the one at 0.9 is inferred all the same
    assert "place inferred, low confidence" in flagged.first.get_attribute("title")
    assert page.locator(".ca-marker:not(.ca-marker-inferred)").count() == 1
    item = page.locator("#ca-list li[data-id=visit] button")
    assert "Ulaanbaatar” inferred, low confidence" in item.inner_text()
    assert "inferred" not in page.locator("#ca-list li[data-id=warrant]").inner_text()
    item.click()
    places = page.locator("#ca-panel-places")
    page.wait_for_function("() => document.getElementById('ca-panel-places').textContent.includes('42%')")
    assert "place inferred, low confidence: 42%" in places.inner_text()


@pytest.mark.parametrize("path", ["/stories/inferred-places?theme=contrast", "/stories/beagle-slides",
                                  "/embed/beagle-slides?theme=dark"])
def test_flag_and_slide_pages_have_no_serious_violations(browser, flags_server, path):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    try:
        page = context.new_page()
        page.goto(flags_server + path)
        page.wait_for_function("() => document.documentElement.dataset.chronoatlas === 'ready'")
        assert _violations(page) == []
    finally:
        context.close()

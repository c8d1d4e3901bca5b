"""In Chromium: a search on the archive page opens a story map the viewer draws, with
the merged event, its markers and its quoted sources, and no request off the site."""
from __future__ import annotations

from pathlib import Path

import pytest

from timeline.archive.build import build

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def site(tmp_path_factory, cluster_client):
    from web import create_app

    conftest = __import__("chronoatlas_browser_conftest")
    folder = tmp_path_factory.mktemp("archive-browser")
    build(str(DATA / "newsroom.jsonl"), folder / "idx", client=cluster_client, partition_size=2)
    app = create_app({"TESTING": True, "RESOLVE_PLACES": False,
                      "ARCHIVE_INDEX": str(folder / "idx"),
                      "DATABASE_URL": f"sqlite:///{folder / 'studio.sqlite'}"})
    server, base = conftest.start_server(app)
    yield base
    server.shutdown()


def test_a_search_opens_as_a_story_map_in_the_viewer(browser, site):
    from widget_helpers import open_page, only_origin, wait_ready

    context, page, rec = open_page(browser, only_origin(site))
    try:
        page.goto(f"{site}/archive/")
        page.get_by_label("Place").fill("Mongolia")
        page.get_by_role("button", name="Search").click()
        page.get_by_role("link", name="Open as story map").click()
        wait_ready(page)
        assert page.title().startswith("Archive")
        assert page.locator("#ca-list li").count() >= 2
        assert page.locator(".ca-marker").count() >= 1
        item = page.locator("#ca-list li").filter(has_text="Mongolia").first
        item.locator("button").first.click()
        panel = page.locator("#ca-panel")
        panel.locator("blockquote").first.wait_for()  # each source article quoted
        assert "news.example.org" in panel.inner_html()
    finally:
        context.close()
    rec.check()


def test_the_search_page_has_no_serious_accessibility_violations(browser, site):
    axe = next((Path(__file__).resolve().parents[1] / "browser" / "vendor")
               .glob("axe-core-*/axe.min.js"))
    context = browser.new_context(viewport={"width": 390, "height": 844}, bypass_csp=True)
    try:
        page = context.new_page()
        page.goto(f"{site}/archive/?place=Mongolia")
        page.add_script_tag(path=str(axe))
        found = page.evaluate("""async () => (await axe.run(document, {resultTypes: ['violations']}))
          .violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
          .map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))""")
        assert found == []
        # at phone width nothing forces sideways scrolling
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    finally:
        context.close()

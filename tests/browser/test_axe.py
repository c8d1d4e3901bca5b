"""axe-core (vendored from npm, tests/browser/vendor/axe-core-*) on every page kind: no
serious or critical violations. The page's CSP is bypassed only to inject axe itself."""
from __future__ import annotations

from pathlib import Path

import pytest

AXE = next((Path(__file__).resolve().parent / "vendor").glob("axe-core-*/axe.min.js"))


def _violations(page):
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("""async () => { const r = await axe.run(document, {resultTypes: ['violations']});
      return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
        .map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))})); }""")
    return result


@pytest.fixture()
def axe_page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("path", ["/stories/demo", "/embed/demo", "/stories/sample?theme=dark", "/embed/sample?theme=contrast"])
def test_viewer_pages_have_no_serious_violations(axe_page, live_server, path):
    axe_page.goto(live_server + path)
    axe_page.wait_for_function("() => document.documentElement.dataset.chronoatlas === 'ready'")
    assert _violations(axe_page) == []


def test_widget_has_no_serious_violations(axe_page, tmp_path):
    from timeline.formats import load
    from web.exports.widget import export_html

    out = tmp_path / "demo.html"
    export_html(load("demo").story, out)
    axe_page.goto(out.as_uri())
    axe_page.wait_for_function("() => document.documentElement.dataset.chronoatlas === 'ready'")
    assert _violations(axe_page) == []

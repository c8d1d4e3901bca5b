"""The exports and the embed in headless Chromium: every request not allowed is aborted
and recorded, and fails the test, as does any console error or uncaught exception."""
from __future__ import annotations

from dataclasses import replace

import pytest
from widget_helpers import KHALKHIN_GOL, centre, km, only_files, only_origin, serve_folder, wait_ready

pytestmark = pytest.mark.browser

FIRST_1939 = ("JSON.parse(document.getElementById('ca-data').textContent)"
              ".events.find(e => e.d.includes('1939')).id")

DRAWN = """() => {
  const cfg = JSON.parse(document.getElementById('ca-config').textContent);
  const land = window[cfg.names.land], borders = window[cfg.names.borders];
  let marks = 0;
  (function walk(item) {
    if (!item) return;
    if (item.datum && typeof item.datum.id === 'string') marks += 1;
    (item.items || []).forEach(walk);
  })(chronoatlas.view.scenegraph().root);
  const canvas = document.querySelector('#ca-map .leaflet-overlay-pane canvas');
  return {land: land.getLayers().length, borders: borders.getLayers().length,
          canvas: !!canvas && canvas.width > 100, markers: document.querySelectorAll('.ca-marker').length,
          marks: marks, timelineCanvas: !!document.querySelector('#ca-timeline canvas')};
}"""


def check_linked_view(page):
    """Drawn (basemap, markers, timeline marks), and goTo(the 1939 event) moves the map."""
    wait_ready(page)
    page.wait_for_function("() => performance.getEntriesByName('chronoatlas:basemap').length > 0")
    drawn = page.evaluate(DRAWN)
    assert drawn["land"] >= 1 and drawn["borders"] >= 1 and drawn["canvas"], drawn
    assert drawn["markers"] > 0 and drawn["marks"] > 0 and drawn["timelineCanvas"], drawn
    first_1939 = page.evaluate(FIRST_1939)
    assert first_1939 == "khalkhin-gol"
    assert page.evaluate(f"chronoatlas.goTo({first_1939!r})") == first_1939
    assert page.evaluate("chronoatlas.current()") == first_1939
    assert km(centre(page), KHALKHIN_GOL) < 200
    assert page.locator("#ca-panel-title").inner_text() == "Battle of Khalkhin Gol"
    assert page.locator("#ca-panel-text").inner_text().strip()  # text inline, no server asked
    page.locator("#ca-next").focus()
    page.keyboard.press("ArrowRight")
    assert page.evaluate("chronoatlas.current()") != first_1939
    page.keyboard.press("ArrowLeft")
    assert page.evaluate("chronoatlas.current()") == first_1939


def test_widget_offline_from_file(demo_widget, pages):
    page = pages(only_files)
    url = demo_widget.as_uri()
    page.goto(url)
    check_linked_view(page)
    assert page.evaluate("chronoatlas.setWindow('1939', '1945')") == [1939, 1945]
    assert page.recorder.requests == [url], page.recorder.requests  # nothing else attempted


def test_site_story_opens_from_disk(site_dir, pages):
    """A static site's pages need no server either: the basemap is a script, not a fetch."""
    page = pages(only_files)
    page.goto((site_dir / "stories" / "demo.html").as_uri())
    check_linked_view(page)
    assert all(u.startswith("file:") for u in page.recorder.requests)


def test_site_served_by_a_static_file_server(static_server, pages):
    page = pages(only_origin(static_server))
    page.goto(f"{static_server}/index.html")
    page.click("a[href='stories/demo.html']")
    check_linked_view(page)
    page.goto(f"{static_server}/embed/demo.html?theme=contrast&event=khalkhin-gol&hide=list&from=1939&to=1945")
    wait_ready(page)
    assert page.evaluate("chronoatlas.current()") == "khalkhin-gol"
    assert km(centre(page), KHALKHIN_GOL) < 200
    classes = page.evaluate("document.body.className").split()
    assert "theme-contrast" in classes and "ca-no-list" in classes
    assert not page.locator("#ca-list-section").is_visible()
    window = page.evaluate("chronoatlas.window")
    assert window[0] == pytest.approx(1939, abs=0.01) and window[1] == pytest.approx(1946, abs=0.01)
    page.goto(f"{static_server}/stories/gen.html")  # clustered: by the glue, styled by the plugin's CSS
    wait_ready(page)
    assert page.locator(".marker-cluster").count() > 0
    assert all(u.startswith(static_server) for u in page.recorder.requests)


def _hostile_with_areas():
    """The hostile story, plus event ids and places that reach folium's script (areas)."""
    from timeline.dates import HistoricalDate as D
    from timeline.model import Event, PlaceRef, ResolvedPlace
    from web.samples import hostile_story

    story = hostile_story()
    area = {"type": "Polygon", "coordinates": [[[10, 10], [30, 10], [30, 20], [10, 20], [10, 10]]]}
    extra = Event("a</script><script>window.__pwned=20</script><!--", "</script><!--<script>", D.of(1910),
                  text="<script>window.__pwned=21</script>",
                  places=(PlaceRef("${window.__pwned=22}", resolved=ResolvedPlace(
                      "resolved", "</script>", 15.0, 20.0, "XX", "area", None, 1.0, (), area)),))
    return replace(story, events=story.events + (extra,))


def test_hostile_widget_stays_inert(tmp_path, pages):
    from web.exports.widget import widget_html

    path = tmp_path / "hostile.html"
    path.write_text(widget_html(_hostile_with_areas(), resolve=False), encoding="utf-8")
    page = pages(only_files)
    page.goto(path.as_uri())
    wait_ready(page)
    n = len(page.evaluate("chronoatlas.events()"))
    page.evaluate("chronoatlas.goTo(chronoatlas.events()[0])")
    for _ in range(n):
        page.evaluate("chronoatlas.next()")
        page.wait_for_timeout(20)
    page.evaluate("chronoatlas.goTo(chronoatlas.events().find(id => id.startsWith('a</script>')))")
    assert page.evaluate("window.__pwned") is None
    # ours only: Leaflet, Vega, vega-interpreter, folium's map, the glue
    assert page.evaluate("document.querySelectorAll('script:not([type])').length") == 5
    assert page.evaluate("document.querySelectorAll('#ca-panel img, #ca-panel iframe, #ca-panel svg, "
                         "#ca-panel [onerror], #ca-panel [onload]').length") == 0
    hrefs = page.evaluate("[...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))")
    assert not [h for h in hrefs if h.strip().lower().startswith("javascript:")]
    assert "<script>" in page.evaluate("document.title")  # shown as text
    areas = page.evaluate("(() => { const c = JSON.parse(document.getElementById('ca-config').textContent);"
                          " return window[c.names.areas].getLayers().length; })()")
    assert areas == 1  # the area's script survived its hostile event id
    assert page.recorder.requests == [path.as_uri()]


CONTRAST = """() => {
  function rgba(s) {
    const m = s.match(/rgba?\\(([^)]+)\\)/);
    if (!m) return [0, 0, 0, 0];
    const p = m[1].split(',').map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  }
  function over(top, bottom) {
    const a = top[3] + bottom[3] * (1 - top[3]);
    if (!a) return [0, 0, 0, 0];
    return [0, 1, 2].map(i => (top[i] * top[3] + bottom[i] * bottom[3] * (1 - top[3])) / a).concat([a]);
  }
  function background(el) {
    const layers = [];
    for (let e = el; e; e = e.parentElement) layers.push(rgba(getComputedStyle(e).backgroundColor));
    let colour = [255, 255, 255, 1];  // the canvas under everything
    for (let i = layers.length - 1; i >= 0; i--) colour = over(layers[i], colour);
    return colour;
  }
  function lum(c) {
    const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
  }
  const bad = [];
  let checked = 0;
  document.querySelectorAll('body *').forEach(el => {
    if (el.closest('.ca-visually-hidden, script, style, noscript, [hidden]')) return;
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (!own) return;
    const r = el.getBoundingClientRect();
    if (!r.width || !r.height || getComputedStyle(el).visibility === 'hidden') return;
    const style = getComputedStyle(el);
    const bg = background(el);
    const fg = over(rgba(style.color), bg);
    const l1 = lum(fg), l2 = lum(bg);
    const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
    checked += 1;
    if (ratio < 4.5) bad.push(`${el.tagName}.${el.className}: ${ratio.toFixed(2)} "${el.textContent.trim().slice(0, 30)}"`);
  });
  return {checked, bad};
}"""


@pytest.mark.parametrize("theme", ["contrast", "dark", "light"])
def test_theme_text_meets_wcag_aa(app_server, pages, theme):
    page = pages(only_origin(app_server))
    page.goto(f"{app_server}/embed/sample?theme={theme}&event=khalkhin-gol")
    wait_ready(page)
    page.locator("#ca-next").focus()  # a focused control, the current list item, the panel
    result = page.evaluate(CONTRAST)
    assert result["checked"] > 20 and not result["bad"], result


def test_themes_really_change_colours(app_server, pages):
    page = pages(only_origin(app_server))
    seen = {}
    for theme in ("light", "dark", "contrast"):
        page.goto(f"{app_server}/embed/sample?theme={theme}")
        wait_ready(page)
        seen[theme] = page.evaluate("""(() => {
          const c = JSON.parse(document.getElementById('ca-config').textContent);
          const land = window[c.names.land].getLayers()[0].options;
          const axis = chronoatlas.view.scenegraph().root;
          return [getComputedStyle(document.body).backgroundColor,
                  getComputedStyle(document.getElementById('ca-panel')).color,
                  land.fillColor, chronoatlas.view.background() || 'transparent'];
        })()""")
    for i in range(4):
        assert len({seen[t][i] for t in seen}) == 3, seen


def test_embed_dialog_snippet_works_in_a_host_page(app_server, pages, tmp_path):
    page = pages(only_origin(app_server))
    page.goto(f"{app_server}/stories/sample")
    wait_ready(page)
    page.evaluate("chronoatlas.goTo('marathon')")
    page.click("#ca-embed-open")
    assert page.locator("#ca-embed-dialog").is_visible()
    page.select_option("#ca-embed-theme", "contrast")
    page.fill("#ca-embed-height", "520")
    page.check("#ca-embed-event")
    page.check("#ca-embed-hide-panel")
    snippet = page.input_value("#ca-embed-code")
    for part in ('loading="lazy"', 'sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"',
                 'title="Sample: Khalkhin Gol and others (interactive map and timeline)"',
                 'height="520"', "theme=contrast", "event=marathon", "hide=panel", 'width="100%"'):
        assert part in snippet, (part, snippet)
    assert page.get_attribute("#ca-embed-preview", "href").endswith("hide=panel")
    page.click("#ca-embed-close")
    assert not page.locator("#ca-embed-dialog").is_visible()

    # A journalist's page on another origin (another port: Chromium's local network
    # checks stop a page that is not on the loopback address framing 127.0.0.1).
    (tmp_path / "article.html").write_text(
        f"<!doctype html><html><head><title>An article</title></head><body><p>Text.</p>{snippet}</body></html>",
        encoding="utf-8")
    with serve_folder(tmp_path) as host:
        hosted = pages(lambda url: only_origin(app_server)(url) or only_origin(host)(url))
        hosted.goto(f"{host}/article.html")
        hosted.wait_for_function("() => document.querySelector('iframe') !== null")
        embed = None
        for _ in range(100):
            embeds = [f for f in hosted.frames if f.url.startswith(app_server)]
            if embeds:
                embed = embeds[0]
                break
            hosted.wait_for_timeout(100)
        assert embed is not None, [f.url for f in hosted.frames]
        wait_ready(embed)
        assert embed.evaluate("chronoatlas.current()") == "marathon"
        classes = embed.evaluate("document.body.className").split()
        assert "theme-contrast" in classes and "ca-no-panel" in classes
        assert hosted.evaluate("document.querySelector('iframe').getBoundingClientRect().height") == 520
        # the sandbox leaves the frame an opaque origin, and everything still works
        assert embed.evaluate("self.origin") == "null"
        embed.wait_for_function("() => performance.getEntriesByName('chronoatlas:basemap').length > 0")
        embed.evaluate("chronoatlas.next()")
        assert embed.evaluate("chronoatlas.current()") != "marathon"
        assert "event=" in embed.evaluate("location.hash")
        # a link the reader opens from the embed (the full story) is a normal page with
        # the site's own origin, not a second sandboxed frame that cannot keep its state
        with hosted.context.expect_page() as opened:
            embed.evaluate(f"window.open('{app_server}/stories/sample', '_blank')")
        story = opened.value
        wait_ready(story)
        assert story.evaluate("self.origin") == app_server

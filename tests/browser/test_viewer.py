"""The linked views in a real browser: selection, keyboard, URL state, safety, no network."""
from __future__ import annotations

import os
from pathlib import Path

import pytest


KHALKHIN_GOL = (47.7, 118.6)
DOCS = Path(__file__).resolve().parents[2] / "docs"


from widget_helpers import centre, km  # noqa: E402  (loaded by tests/browser/conftest.py)


def test_demo_goto_khalkhin_gol(page, live_server, ready):
    """Done when: goTo(the 1939 event) centres the map on Khalkhin Gol; no other host."""
    page.goto(f"{live_server}/stories/demo")
    ready(page)
    ids = page.evaluate("chronoatlas.events()")
    first_1939 = page.evaluate("JSON.parse(document.getElementById('ca-data').textContent)"
                               ".events.find(e => e.d.includes('1939')).id")
    assert first_1939 == "khalkhin-gol" and first_1939 in ids
    page.evaluate(f"chronoatlas.goTo({first_1939!r})")
    assert page.evaluate("chronoatlas.current()") == "khalkhin-gol"
    assert km(centre(page), KHALKHIN_GOL) < 200
    assert page.locator("#ca-panel-title").inner_text() == "Battle of Khalkhin Gol"
    assert "event=khalkhin-gol" in page.url
    assert page.evaluate("chronoatlas.view !== null && typeof chronoatlas.view.signal === 'function'")
    assert all(u.startswith(live_server) for u in page.recorder.requests)


def test_demo_screenshot(page, live_server, ready, tmp_path):
    """A full-page screenshot of the demo. Set CHRONOATLAS_UPDATE_SCREENSHOT=1 to refresh
    the one README shows (docs/screenshot-demo.png); otherwise tests leave the tree alone."""
    page.goto(f"{live_server}/stories/demo#event=khalkhin-gol")
    ready(page)
    page.wait_for_timeout(300)
    target = DOCS / "screenshot-demo.png" if os.environ.get("CHRONOATLAS_UPDATE_SCREENSHOT") \
        else tmp_path / "screenshot-demo.png"
    page.screenshot(path=str(target), full_page=True)
    assert target.stat().st_size > 20_000


CLICK_MARK = """(id) => {
  // Find the timeline's point for an event and return its page coordinates.
  const view = chronoatlas.view;
  let found = null;
  (function walk(item, ox, oy) {
    if (found || !item) return;
    if (item.items) {
      for (const child of item.items) {
        if (child.marktype === 'symbol' && child.items) {
          for (const it of child.items) {
            if (it.datum && it.datum.id === id && it.size <= 100) { found = [ox + it.x, oy + it.y]; return; }
          }
        }
        const gx = child.marktype === 'group' || child.mark && child.mark.marktype === 'group' ? (child.x || 0) : 0;
        const gy = child.marktype === 'group' || child.mark && child.mark.marktype === 'group' ? (child.y || 0) : 0;
        walk(child, ox + gx, oy + gy);
      }
    }
  })(view.scenegraph().root, 0, 0);
  if (!found) return null;
  const rect = view.container().querySelector('canvas').getBoundingClientRect();
  const origin = view.origin(), pad = view.padding();
  return [rect.left + origin[0] + (pad.left || 0) + found[0], rect.top + origin[1] + (pad.top || 0) + found[1]];
}"""


def test_country_areas_are_drawn_and_select_their_event(page, live_server, ready):
    """Places the gazetteer has a shape for are drawn as areas; clicking one selects the
    first event there."""
    page.goto(f"{live_server}/stories/demo")
    ready(page)
    areas = page.evaluate("""() => {
      const names = JSON.parse(document.getElementById('ca-config').textContent).names;
      return window[names.areas].getLayers().map(l => l.feature.properties.events);
    }""")
    # the Khalkhin Gol river, Mongolia (three events) and South Africa (two)
    assert sorted(areas) == [["bashir-south-africa", "brics-johannesburg"], ["khalkhin-gol"],
                             ["khalkhin-gol", "mongolia-ratifies", "putin-ulaanbaatar"]], areas
    # a point in the Gobi, inside Mongolia and away from every marker
    xy = page.evaluate("""() => {
      const map = chronoatlas.map, box = map.getContainer().getBoundingClientRect();
      map.setView([44.5, 101.5], 5, {animate: false});
      const p = map.latLngToContainerPoint([44.5, 101.5]);
      return [box.left + p.x, box.top + p.y];
    }""")
    page.mouse.click(*xy)
    page.wait_for_function("() => chronoatlas.current() === 'khalkhin-gol'")


def test_click_timeline_event_moves_map(page, live_server, ready):
    page.goto(f"{live_server}/stories/sample")
    ready(page)
    before = centre(page)
    xy = page.evaluate(CLICK_MARK, "marathon")
    assert xy, "the timeline has no mark for the event"
    page.mouse.click(*xy)
    page.wait_for_function("() => chronoatlas.current() === 'marathon'")
    assert km(centre(page), (38.15, 23.96)) < 50
    assert km(before, centre(page)) > 100
    assert page.locator("#ca-panel-title").inner_text() == "Battle of Marathon"
    assert "Battle of Marathon" in page.locator("#ca-list li.ca-current").inner_text()


def test_click_marker_shows_event(page, live_server, ready):
    page.goto(f"{live_server}/stories/sample")
    ready(page)
    marker = page.locator('.ca-marker[title^="Putin visits Ulaanbaatar"]')
    assert marker.count() == 1
    marker.click()
    page.wait_for_function("() => chronoatlas.current() === 'putin-ulaanbaatar'")
    assert page.locator("#ca-panel-title").inner_text() == "Putin visits Ulaanbaatar"
    assert page.evaluate("chronoatlas.view.signal('cur')") == "putin-ulaanbaatar"
    assert "Putin visits Ulaanbaatar" in page.locator("#ca-live").inner_text()
    # markers are keyboard reachable: focus one and press Enter
    other = page.locator('.ca-marker[title^="Battle of Marathon"]')
    other.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("() => chronoatlas.current() === 'marathon'")


def test_arrow_keys_step_through_events(page, live_server, ready):
    page.goto(f"{live_server}/stories/sample")
    ready(page)
    order = page.evaluate("chronoatlas.events()")
    page.locator("h1").first.click()
    page.keyboard.press("ArrowRight")
    assert page.evaluate("chronoatlas.current()") == order[0]
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert page.evaluate("chronoatlas.current()") == order[2]
    page.keyboard.press("ArrowLeft")
    assert page.evaluate("chronoatlas.current()") == order[1]
    # in the list, arrows move the selection and the focus together
    page.locator("#ca-list li.ca-current button").focus()
    page.keyboard.press("ArrowDown")
    assert page.evaluate("chronoatlas.current()") == order[2]
    assert page.evaluate("document.activeElement.dataset.id") == order[2]
    # next/prev buttons
    page.locator("#ca-next").click()
    assert page.evaluate("chronoatlas.current()") == order[3]
    assert page.evaluate("chronoatlas.prev()") == order[2]


def test_deep_link_restores_event_and_window(page, live_server, ready):
    page.goto(f"{live_server}/stories/sample?from=1939&to=1945#event=ceasefire-1939")
    ready(page)
    assert page.evaluate("chronoatlas.current()") == "ceasefire-1939"
    assert page.locator("#ca-panel-title").inner_text() == "Ceasefire ends the border war"
    assert km(centre(page), (55.75, 37.62)) < 50
    window = page.evaluate("chronoatlas.window")
    assert window[0] == pytest.approx(1939, abs=0.01) and window[1] == pytest.approx(1946, abs=0.01)
    assert page.evaluate("chronoatlas.view.signal('wmin')") == pytest.approx(1939, abs=0.01)
    # only events in the window are on the map and in the list
    titles = page.locator("#ca-list li").all_inner_texts()
    assert len(titles) == 2
    assert page.locator('.ca-marker[title^="Battle of Marathon"]').count() == 0
    # the hash follows the selection; a new hash selects
    page.evaluate("location.hash = '#event=khalkhin-gol'")
    page.wait_for_function("() => chronoatlas.current() === 'khalkhin-gol'")


OVERVIEW_X = """(years) => {
  // page coordinates of the given years on the overview strip (the brush's scale)
  const v = chronoatlas.view, spec = JSON.parse(document.getElementById('ca-config').textContent).spec;
  const scale = v.scale(spec.scales.map(s => s.name).find(n => /_1_x$/.test(n)));
  const strip = v.scenegraph().root.items[0].items.filter(m => m.marktype === 'group')
    .flatMap(m => m.items)[1];
  const box = v.container().querySelector('canvas').getBoundingClientRect(), o = v.origin();
  return {xs: years.map(y => box.left + o[0] + strip.x + scale(y)), y: box.top + o[1] + strip.y + strip.height / 2};
}"""


def test_brushing_the_overview_filters_map_and_list(page, live_server, ready):
    """Drag on the overview strip: the window follows, and the map and the list keep only
    the events in it."""
    page.goto(f"{live_server}/stories/demo")
    ready(page)
    page.locator("#ca-timeline").scroll_into_view_if_needed()
    at = page.evaluate(OVERVIEW_X, [1938.5, 1946])
    page.mouse.move(at["xs"][0], at["y"])
    page.mouse.down()
    page.mouse.move(at["xs"][1], at["y"], steps=8)
    page.mouse.up()
    page.wait_for_function("() => chronoatlas.window !== null")
    lo, hi = page.evaluate("chronoatlas.window")
    assert lo == pytest.approx(1938.5, abs=0.5) and hi == pytest.approx(1946, abs=0.5)
    rows = page.evaluate("JSON.parse(document.getElementById('ca-data').textContent).events")
    inside = [r for r in rows if r.get("e", r["pe"]) >= lo and r["s"] <= hi]
    assert 0 < len(inside) < len(rows)
    page.wait_for_function(f"() => document.querySelectorAll('#ca-list li').length === {len(inside)}")
    titles = {r["t"] for r in inside}
    shown = page.evaluate("Array.from(document.querySelectorAll('.ca-marker')).map(m => m.title)")
    assert shown and all(any(t.startswith(title) for title in titles) for t in shown), shown
    assert f"from=" in page.url and "to=" in page.url
    assert page.evaluate("chronoatlas.view.signal('wmin')") == pytest.approx(lo, abs=0.01)


def test_date_query_opens_nearest_event(page, live_server, ready):
    page.goto(f"{live_server}/stories/sample?date=1950-01-01")
    ready(page)
    assert page.evaluate("chronoatlas.current()") == "springfield"


def test_api_events_and_window(page, live_server, ready):
    page.goto(f"{live_server}/stories/sample")
    ready(page)
    seen = page.evaluate("""() => {
      const log = [];
      chronoatlas.on('select', d => log.push(['select', d.id]));
      chronoatlas.on('window', d => log.push(['window', Math.round(d.from), Math.round(d.to)]));
      chronoatlas.goTo('atlantis');
      chronoatlas.setWindow(1900, 2000);
      chronoatlas.next();
      return log;
    }""")
    assert seen[0] == ["select", "atlantis"]
    assert seen[1] == ["window", 1900, 2000]
    # the next event is outside the window: the window follows it, then it is selected
    assert seen[2][0] == "window" and seen[2][1] < 2024 < seen[2][2]
    assert seen[3] == ["select", "putin-ulaanbaatar"]
    assert page.evaluate("chronoatlas.window")[0] > 1970
    assert page.evaluate("chronoatlas.setWindow(null, null)") is None
    assert page.evaluate("chronoatlas.window") is None
    assert page.locator("#ca-list li").count() == 7


def test_long_list_is_paged_and_follows_the_selection(page, live_server, ready):
    """Above 300 events the list shows a page of 50 around the selection; every event is
    still reachable (pager buttons, Previous/Next), and the page text says where it is."""
    page.goto(f"{live_server}/stories/gen")
    ready(page)
    order = page.evaluate("chronoatlas.events()")
    dated = page.evaluate("JSON.parse(document.getElementById('ca-data').textContent).events.length")
    assert page.locator("#ca-list li").count() == 50
    assert page.locator("#ca-list-note").inner_text().startswith(f"Showing events 1–50 of {dated}")
    assert page.locator("#ca-list-earlier").is_disabled()
    page.locator("#ca-list-later").click()
    assert page.locator("#ca-list").get_attribute("start") == "51"
    assert page.locator("#ca-list li").first.get_attribute("data-id") == order[50]
    page.evaluate("(id) => chronoatlas.goTo(id)", order[234])
    assert page.locator("#ca-list li.ca-current").get_attribute("data-id") == order[234]
    assert page.locator("#ca-list").get_attribute("start") == "201"
    page.keyboard.press("ArrowRight")  # the next event, on the same page
    assert page.evaluate("chronoatlas.current()") == order[235]


def test_unresolved_places_are_flagged_with_candidates(page, live_server, ready):
    page.goto(f"{live_server}/stories/sample")
    ready(page)
    flagged = page.locator("#ca-list li .ca-flag").all_inner_texts()
    assert any("Springfield" in f for f in flagged) and any("Atlantis" in f for f in flagged)
    page.evaluate("chronoatlas.goTo('springfield')")
    places = page.locator("#ca-panel-places").inner_text()
    assert "ambiguous" in places and "candidates" in places
    assert "An undated note" in page.locator("#ca-undated li").inner_text()


def test_play_and_pause(page, live_server, ready):
    page.goto(f"{live_server}/stories/sample")
    ready(page)
    page.locator("#ca-play").click()
    assert page.locator("#ca-play").get_attribute("aria-pressed") == "true"
    first = page.evaluate("chronoatlas.current()")
    page.wait_for_function(f"() => chronoatlas.current() !== {first!r}", timeout=5000)
    page.evaluate("chronoatlas.pause()")
    assert page.locator("#ca-play").get_attribute("aria-pressed") == "false"


def test_hostile_story_is_inert(page, live_server, ready):
    page.goto(f"{live_server}/stories/hostile")
    ready(page)
    ids = page.evaluate("chronoatlas.events()")
    for event_id in ids:
        page.evaluate("(id) => chronoatlas.goTo(id)", event_id)
        page.locator(".ca-marker").first.hover()
    page.locator("#ca-panel-sources a").first.wait_for(state="attached")
    assert page.evaluate("window.__pwned") is None
    # nothing the story wrote became an element that runs or loads something
    assert page.evaluate("document.querySelectorAll('img:not(.leaflet-tile), iframe, svg[onload], [onerror]').length") == 0
    scripts = page.evaluate("[...document.scripts].map(s => s.src || s.type)")
    assert all(s.startswith("http://127.0.0.1") or s == "application/json" for s in scripts)
    hrefs = page.evaluate("[...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))")
    assert not [h for h in hrefs if h.strip().lower().startswith("javascript:")]
    assert "<script>" in page.locator("#ca-list").inner_text()  # shown as text, not run


def test_empty_story(page, live_server, ready):
    page.goto(f"{live_server}/stories/empty")
    ready(page)
    assert page.locator("#ca-empty").is_visible()
    assert page.evaluate("chronoatlas.current()") is None
    assert page.evaluate("chronoatlas.next()") is None
    assert page.locator("#ca-next").is_disabled()


def test_narrow_screen_stacks_map_above_timeline(new_page, live_server, ready):
    page = new_page(viewport={"width": 390, "height": 844})
    page.goto(f"{live_server}/stories/sample")
    ready(page)
    m = page.locator("#ca-map").bounding_box()
    p = page.locator("#ca-panel").bounding_box()
    t = page.locator("#ca-timeline").bounding_box()
    assert m["y"] + m["height"] <= p["y"] + 1
    assert p["y"] + p["height"] <= t["y"] + 1
    assert m["width"] > 300


def test_focus_is_visible(page, live_server, ready):
    page.goto(f"{live_server}/stories/sample")
    ready(page)
    page.locator('.ca-marker').first.focus()
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", "")
    page.locator('#ca-list button').first.focus()
    page.keyboard.press("Tab")
    page.keyboard.press("Shift+Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", "")


def test_embed_options_and_post_message(page, live_server, ready):
    host = f"{live_server}/__host"  # served by the test, same origin as the app

    def fulfil(route):
        route.fulfill(status=200, content_type="text/html", body=(
            '<!doctype html><title>host</title>'
            f'<iframe id="f" title="story" src="{live_server}/embed/sample?theme=dark&height=600'
            '&hide=list&event=khalkhin-gol" width="900" height="600"></iframe>'))

    page.route(host, fulfil)
    page.goto(host)
    frame = page.frame_locator("#f")
    frame.locator("html[data-chronoatlas=ready]").wait_for(state="attached")
    embed = page.frames[1]
    assert embed.evaluate("chronoatlas.current()") == "khalkhin-gol"
    assert embed.evaluate("document.body.className").split() >= ["ca-embed"]
    assert "theme-dark" in embed.evaluate("document.body.className")
    assert not embed.locator("#ca-list-section").is_visible()
    page.evaluate("""() => { window.got = [];
      window.addEventListener('message', e => window.got.push(e.data));
      document.getElementById('f').contentWindow.postMessage({chronoatlas: 'goTo', args: ['marathon'], requestId: 7}, '*'); }""")
    page.wait_for_function("() => window.got.some(m => m.chronoatlas === 'result' && m.requestId === 7)")
    got = page.evaluate("window.got")
    assert {"chronoatlas": "select", "id": "marathon"}.items() <= [m for m in got if m["chronoatlas"] == "select"][0].items()
    assert [m for m in got if m["chronoatlas"] == "result"][0]["value"] == "marathon"
    assert embed.evaluate("chronoatlas.current()") == "marathon"


def test_many_events_open_and_cluster(page, live_server, ready):
    page.goto(f"{live_server}/stories/gen")
    ready(page)
    assert page.evaluate("chronoatlas.events().length") == 400
    assert page.locator(".marker-cluster").count() > 0
    page.evaluate("chronoatlas.goTo('e10')")
    assert page.locator("#ca-panel-title").inner_text().startswith("Event 10 ")


def test_window_url_round_trip_is_exact(page, live_server, ready):
    """from= and to= are inclusive years: reloading keeps them as they are (to=1945 once
    came back as to=1946, a year more on every reload), and the Embed dialog gets the same."""
    page.goto(f"{live_server}/stories/sample?from=1939&to=1945")
    ready(page)
    window = page.evaluate("chronoatlas.window")
    assert window[0] == pytest.approx(1939, abs=0.01) and window[1] == pytest.approx(1946, abs=0.01)
    for _ in range(2):
        assert "from=1939" in page.url and "to=1945" in page.url, page.url
        page.reload()
        ready(page)
    assert page.evaluate("chronoatlas.window")[1] == pytest.approx(1946, abs=0.01)
    page.locator("#ca-embed-open").click()
    assert page.locator("#ca-embed-to").input_value() == "1945"
    assert page.locator("#ca-embed-from").input_value() == "1939"
    page.locator("#ca-embed-close").click()
    # a window set another way is written inclusive too: it ends with 1950, so to=1949
    page.evaluate("chronoatlas.setWindow(1900, 1950)")
    assert "from=1900" in page.url and "to=1949" in page.url, page.url
    page.reload()
    ready(page)
    window = page.evaluate("chronoatlas.window")
    assert window[0] == pytest.approx(1900, abs=0.01) and window[1] == pytest.approx(1950, abs=0.01)
    assert "to=1949" in page.url


def test_timeline_follows_container_width(page, live_server, ready):
    """The timeline is redrawn at the new width when its container resizes (debounced)."""
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server}/stories/sample")
    ready(page)
    wide = page.evaluate("chronoatlas.view.width()")
    page.set_viewport_size({"width": 760, "height": 900})
    page.wait_for_function(f"() => chronoatlas.view.width() < {wide - 300}")
    narrow = page.evaluate("""() => ({
      view: chronoatlas.view.width(),
      box: document.getElementById('ca-timeline').clientWidth,
      canvas: document.querySelector('#ca-timeline canvas').getBoundingClientRect().width })""")
    assert narrow["canvas"] <= narrow["box"] + 1, narrow
    page.set_viewport_size({"width": 1280, "height": 900})
    page.wait_for_function(f"() => Math.abs(chronoatlas.view.width() - {wide}) < 2")
    # still linked after the redraw: a goTo moves the ring to the event
    page.evaluate("chronoatlas.goTo('khalkhin-gol')")
    assert page.evaluate("chronoatlas.view.data('cur').map(d => d.id)") == ["khalkhin-gol"]

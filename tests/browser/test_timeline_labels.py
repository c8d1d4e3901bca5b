"""The labelled, zoomable timeline (issue 16): headlines beside their marks without
overlap, zoom that separates close events, round BCE ticks, taps on small screens."""
from __future__ import annotations

import pytest

# Every drawn headline of the detail view, with its box (canvas pixels), from Vega's
# scenegraph: text items whose datum is an event.
LABELS = """() => {
  const out = [];
  (function walk(node) {
    if (!node) return;
    if (node.marktype === 'text') {
      node.items.forEach(i => { if (i.datum && typeof i.datum.id === 'string' && i.text) {
        const b = i.bounds; out.push({id: i.datum.id, text: i.text, x1: b.x1, x2: b.x2, y1: b.y1, y2: b.y2}); } });
    }
    (node.items || []).forEach(walk);
  })(chronoatlas.view.scenegraph().root);
  return out;
}"""


def _overlaps(a, b):
    return a["x1"] < b["x2"] - 0.5 and b["x1"] < a["x2"] - 0.5 and a["y1"] < b["y2"] - 0.5 and b["y1"] < a["y2"] - 0.5


def test_every_demo_headline_is_drawn_without_overlap(new_page, live_server, ready):
    page = new_page(viewport={"width": 1366, "height": 900})
    page.goto(f"{live_server}/stories/demo")
    ready(page)
    rows = page.evaluate("JSON.parse(document.getElementById('ca-data').textContent).events")
    labels = page.evaluate(LABELS)
    assert sorted(l["id"] for l in labels) == sorted(r["id"] for r in rows)
    titles = {r["id"]: r["t"] for r in rows}
    assert all(l["text"] == titles[l["id"]] for l in labels), labels  # whole, not cut short
    width = page.evaluate("chronoatlas.view.width()")
    for i, a in enumerate(labels):
        assert a["x2"] <= width + 1, a
        for b in labels[i + 1:]:
            assert not _overlaps(a, b), (a, b)


def test_zooming_into_1939_separates_its_two_events(page, live_server, ready):
    page.goto(f"{live_server}/stories/demo")
    ready(page)
    xs = "() => { const s = chronoatlas.view.scale('concat_0_x'); const d = chronoatlas.view.data('events'); " \
         "const f = id => s(d.find(e => e.id === id).s); return [f('khalkhin-gol'), f('ceasefire-1939')]; }"
    ids = page.evaluate("chronoatlas.events()")
    assert "khalkhin-gol" in ids and "ceasefire-1939" in ids, ids
    a, b = page.evaluate(xs)
    assert abs(a - b) < 10  # a smear at the whole story's scale
    page.evaluate("chronoatlas.setWindow(1939, 1940)")
    a, b = page.evaluate(xs)
    assert abs(a - b) > 200
    # the keyboard and buttons zoom too, and the axis re-ticks
    before = page.evaluate("chronoatlas.view.signal('xticks')")
    page.focus("#ca-timeline")
    page.keyboard.press("-")
    page.wait_for_function("() => chronoatlas.window && chronoatlas.window[1] - chronoatlas.window[0] > 1.5")
    assert page.evaluate("chronoatlas.view.signal('xticks')") != before
    page.click("#ca-zoom-in")
    page.wait_for_function("() => chronoatlas.window[1] - chronoatlas.window[0] < 1.5")


def test_wheel_zooms_about_the_pointer(page, live_server, ready):
    page.goto(f"{live_server}/stories/demo")
    ready(page)
    box = page.locator("#ca-timeline canvas").bounding_box()
    page.mouse.move(box["x"] + box["width"] * 0.5, box["y"] + 60)
    for _ in range(5):
        page.mouse.wheel(0, -300)
    page.wait_for_function("() => chronoatlas.window !== null")
    lo, hi = page.evaluate("chronoatlas.window")
    assert hi - lo < 60


def test_bce_ticks_are_round(page, live_server, ready):
    page.goto(f"{live_server}/stories/sample")
    ready(page)
    page.evaluate("chronoatlas.setWindow(-520, -470)")
    labels = page.evaluate("""() => { const out = [];
      (function walk(n) { if (!n) return; if (n.marktype === 'text' && n.role === 'axis-label')
        n.items.forEach(i => out.push(i.text)); (n.items || []).forEach(walk); })(chronoatlas.view.scenegraph().root);
      return out; }""")
    bce = [t for t in labels if t.endswith("BCE")]
    assert bce and all(int(t.split()[0].replace(",", "")) % 5 == 0 for t in bce), labels
    assert "500 BCE" in bce and "490 BCE" in bce


def test_phone_tap_on_a_mark_selects_it(browser, live_server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    try:
        page = context.new_page()
        page.goto(f"{live_server}/stories/demo")
        page.wait_for_function("() => document.documentElement.dataset.chronoatlas === 'ready'")
        page.locator("#ca-timeline").scroll_into_view_if_needed()
        xy = page.evaluate("""() => { const v = chronoatlas.view, s = v.scale('concat_0_x'), y = v.scale('concat_0_y');
          const d = v.data('events').find(e => e.id === 'rome-statute-adopted') || v.data('events')[3];
          const c = document.querySelector('#ca-timeline canvas').getBoundingClientRect(), o = v.origin();
          return {id: d.id, x: c.left + o[0] + s(d.s), y: c.top + o[1] + y(d.y)}; }""")
        page.touchscreen.tap(xy["x"] + 4, xy["y"] + 5)  # beside the 10-pixel dot, inside its target
        page.wait_for_function(f"() => chronoatlas.current() === {xy['id']!r}")
    finally:
        context.close()


@pytest.mark.parametrize("size", [(390, 844), (768, 1024)])
def test_small_screens_list_is_in_page_flow(browser, live_server, size):
    context = browser.new_context(viewport={"width": size[0], "height": size[1]}, has_touch=True, is_mobile=True)
    try:
        page = context.new_page()
        page.goto(f"{live_server}/stories/demo")
        page.wait_for_function("() => document.documentElement.dataset.chronoatlas === 'ready'")
        box = page.evaluate("""() => { const l = document.getElementById('ca-list');
          return {inner: l.scrollHeight - l.clientHeight, items: l.children.length}; }""")
        assert box["items"] == 9 and box["inner"] <= 1, box  # nothing hidden in an inner scroll box
        page.mouse.wheel(0, 20000)
        page.wait_for_timeout(300)
        last = page.locator("#ca-list li").last.bounding_box()
        assert 0 <= last["y"] and last["y"] + last["height"] <= size[1], last
        for sel in ("#ca-prev", "#ca-next", "#ca-play", "#ca-zoom-in", "#ca-zoom-out", "#ca-list li button"):
            b = page.locator(sel).first.bounding_box()
            assert b["width"] >= 24 and b["height"] >= 24, (sel, b)
    finally:
        context.close()

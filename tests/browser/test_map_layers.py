"""The map's layers: opt-in tiles (nothing is fetched until a reader picks them; the
offline map makes way, and comes back, announced, when they cannot load: the tile host
is never reached, the test aborts those requests as a machine offline would fail them),
and the line through the places in time order."""
from __future__ import annotations

import threading
from urllib.parse import urlsplit

import pytest

from widget_helpers import open_page  # noqa: E402  (loaded by tests/browser/conftest.py)

TILE_HOST = "tile.openstreetmap.org"


@pytest.fixture(scope="module")
def tiles_server():
    """The demo, with OpenStreetMap tiles offered, and again with its route line on."""
    from dataclasses import replace

    from werkzeug.serving import make_server

    from timeline.formats import load
    from timeline.resolve import resolve_story
    from web import create_app

    demo = resolve_story(load("demo").story)
    routed = replace(demo, slug="demo-route", settings={**demo.settings, "route": True})
    app = create_app({"TESTING": True, "STORIES": [demo, routed], "TILES": ["osm"]})
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


ROUTE = """() => {
  const lines = [];
  chronoatlas.map.eachLayer(l => {
    if (l instanceof L.Polyline && !(l instanceof L.Polygon) && l.options.dashArray) lines.push(l);
  });
  return lines.map(l => l.getLatLngs().map(p => [p.lat, p.lng]));
}"""
FIRST_PLACES = """() => JSON.parse(document.getElementById('ca-data').textContent).events
  .map(e => e.p.find(p => p[0] !== null)).filter(Boolean).map(p => [p[0], p[1]])"""


def test_route_line_joins_the_places_in_time_order(page, tiles_server, ready):
    page.goto(f"{tiles_server}/stories/demo-route")
    ready(page)
    [line] = page.evaluate(ROUTE)
    assert line == page.evaluate(FIRST_PLACES)  # every dated event's place, in order
    page.goto(f"{tiles_server}/stories/demo")  # off unless the story asks: a reader can add it
    ready(page)
    assert page.evaluate(ROUTE) == []
    page.locator(".leaflet-control-layers").hover()
    page.get_by_label("Route in time order").check()
    assert len(page.evaluate(ROUTE)) == 1


BASES = """() => {
  const names = JSON.parse(document.getElementById('ca-config').textContent).names;
  const map = chronoatlas.map;
  return {offline: map.hasLayer(window[names.basemap]),
          tiles: Object.values(names.tiles).some(n => map.hasLayer(window[n]))};
}"""


def test_tiles_are_opt_in_and_fall_back_to_the_offline_map(browser, tiles_server):
    context, page, rec = open_page(browser, lambda url: urlsplit(url).hostname == "127.0.0.1")
    try:
        page.goto(f"{tiles_server}/stories/demo")
        page.wait_for_function("() => document.documentElement.dataset.chronoatlas === 'ready'")
        assert page.evaluate(BASES) == {"offline": True, "tiles": False}
        assert not [u for u in rec.requests if TILE_HOST in u]  # nothing fetched by default
        csp = page.evaluate("fetch(location.href).then(r => r.headers.get('content-security-policy'))")
        assert f"https://{TILE_HOST}" in csp  # the policy lets the chosen host's images in

        page.evaluate("""() => {
          const names = JSON.parse(document.getElementById('ca-config').textContent).names;
          window.__chosen = [];
          chronoatlas.map.on('baselayerchange', e => window.__chosen.push(
            [e.name, chronoatlas.map.hasLayer(window[names.basemap])]));
        }""")
        page.locator(".leaflet-control-layers").hover()
        page.get_by_label("OpenStreetMap").check()
        page.wait_for_function("() => document.getElementById('ca-live').textContent"
                               ".includes('Map tiles could not load')")
        # while the tiles were chosen, the offline map's opaque land was off the map
        chosen = page.evaluate("window.__chosen")
        assert chosen[0] == ["OpenStreetMap", False] and chosen[-1][0].startswith("Offline map"), chosen
        tried = [u for u in rec.blocked if TILE_HOST in u]
        assert len(tried) >= 4, rec.blocked  # tiles were asked for once chosen...
        assert page.evaluate(BASES) == {"offline": True, "tiles": False}  # ...then gave way
        assert page.get_by_label("Offline map (Natural Earth)").is_checked()
        assert set(rec.blocked) == set(tried)  # nothing else left the page
        others = [e for e in rec.errors if "ERR_FAILED" not in e]  # the aborted tiles only
        assert not others, others
    finally:
        context.close()


RIVERS = """() => { let n = 0; chronoatlas.map.eachLayer(l => {
  if (l instanceof L.Polyline && !(l instanceof L.Polygon) && l.options.weight === 1.2) n += 1; }); return n; }"""


def test_an_ancient_story_opens_on_the_physical_basemap(new_page):
    """All events before 1800: land and water, no modern borders or country names; the
    political map is one choice away in the layer control. settings.basemap overrides."""
    from werkzeug.serving import make_server

    from timeline.dates import parse_date
    from timeline.model import Event, PlaceRef, Story
    from web import create_app

    def story(slug, settings):
        places = [("Marathon", 38.15, 23.96), ("Persepolis", 29.93, 52.89)]
        events = [Event(id=f"e{i}", title=f"Event at {name}", start=parse_date(f"{490 - i * 10} BCE"),
                        places=[PlaceRef(name, lat=lat, lon=lon)])
                  for i, (name, lat, lon) in enumerate(places)]
        return Story(title=f"Ancient {slug}", slug=slug, events=events, settings=settings)

    app = create_app({"TESTING": True, "RESOLVE_PLACES": False,
                      "STORIES": [story("ancient", {}), story("ancient-political", {"basemap": "political"})]})
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    drawn = "() => document.documentElement.dataset.chronoatlas === 'ready' && " \
            "performance.getEntriesByName('chronoatlas:basemap').length > 0"
    try:
        page = new_page()
        page.goto(f"{base}/stories/ancient")
        page.wait_for_function(drawn)
        page.evaluate("chronoatlas.map.setZoom(4)")
        page.wait_for_timeout(300)
        assert page.locator(".ca-country-label").count() == 0
        checked = page.evaluate("""() => Array.from(document.querySelectorAll('.leaflet-control-layers-base label'))
          .filter(l => l.querySelector('input').checked).map(l => l.textContent.trim())""")
        assert checked == ["Physical map (no modern borders)"]
        assert page.evaluate(RIVERS) >= 5  # the gazetteer's river courses (Nile, Danube...)
        page.goto(f"{base}/stories/ancient-political")
        page.wait_for_function(drawn)
        page.evaluate("chronoatlas.map.setZoom(4)")
        page.wait_for_function("() => document.querySelectorAll('.ca-country-label').length > 0")
        assert page.evaluate(RIVERS) == 0  # rivers belong to the physical map
    finally:
        server.shutdown()

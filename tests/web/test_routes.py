"""Every route, every error: the Flask test client, no browser."""
import json
import re

import pytest

from web import create_app


def test_library_lists_stories(client):
    r = client.get("/")
    assert r.status_code == 200
    html = r.get_data(as_text=True)
    assert 'href="/stories/sample"' in html
    assert "Sample: Khalkhin Gol and others" in html


def test_story_page_renders_viewer(client):
    r = client.get("/stories/sample")
    assert r.status_code == 200
    html = r.get_data(as_text=True)
    for needle in ('id="ca-data"', 'id="ca-config"', 'class="folium-map"', 'aria-live="polite"',
                   "/stories/sample/map.js", "/static/js/main.js"):
        assert needle in html
    data = _json_block(html, "ca-data")
    assert [e["id"] for e in data["events"]][:2] == ["marathon", "great-wall"]  # BCE first
    assert [e["id"] for e in data["undated"]] == ["someday"]
    config = _json_block(html, "ca-config")
    # the timeline arrives compiled to Vega, with empty datasets the page fills
    assert {d["name"] for d in config["spec"]["data"]} >= {"events", "eras"}
    assert all(not d.get("values") for d in config["spec"]["data"] if d["name"] == "events")
    assert {s["name"] for s in config["spec"]["signals"]} >= {"wmin", "wmax", "cur", "brush"}
    assert config["names"]["map"].startswith("map_")


def test_map_script_is_a_separate_file(client):
    r = client.get("/stories/sample/map.js")
    assert r.status_code == 200
    assert r.mimetype == "text/javascript"
    body = r.get_data(as_text=True)
    assert "L.map(" in body
    assert "https://" not in body  # no tiles, no CDN


def test_basemap_is_geojson(client):
    r = client.get("/basemap.json")
    data = r.get_json()
    assert data["land"]["type"] == "FeatureCollection"
    names = {label["name"] for label in data["labels"]}
    assert {"Mongolia", "Russia", "France"} <= names


def test_basemap_borders_are_shared_lines_only(client):
    borders = client.get("/basemap.json").get_json()["borders"]["features"][0]["geometry"]
    assert borders["type"] == "MultiLineString"
    points = [p for line in borders["coordinates"] for p in line]

    def near(lon, lat, d):
        return any(abs(x - lon) < d and abs(y - lat) < d for x, y in points)

    assert near(105.0, 50.3, 1.5)  # Mongolia and Russia share a border
    assert near(2.5, 50.5, 1.0)  # France and Belgium
    assert not near(-19.0, 65.0, 3.0)  # Iceland: an island, its coast is the land's outline


def test_basemap_script_carries_the_same_data(client):
    r = client.get("/basemap.js")
    assert r.status_code == 200 and r.mimetype == "text/javascript"
    assert "max-age" in r.headers["Cache-Control"]
    body = r.get_data(as_text=True)
    prefix, suffix = "window.chronoatlasBasemap = JSON.parse(", ");\n"
    assert body.startswith(prefix) and body.endswith(suffix)
    assert json.loads(json.loads(body[len(prefix):-len(suffix)])) == client.get("/basemap.json").get_json()
    page = client.get("/stories/sample").get_data(as_text=True)
    assert page.index('src="/basemap.js"') < page.index('src="/static/js/main.js"')


def test_static_files_are_served_from_memory_with_etags(client):
    r = client.get("/static/js/main.js")
    assert r.status_code == 200 and r.mimetype == "text/javascript" and r.headers["ETag"]
    assert client.get("/static/js/main.js",
                      headers={"If-None-Match": r.headers["ETag"]}).status_code == 304
    assert client.get("/static/vendor/leaflet-1.9.4/leaflet.css").mimetype == "text/css"
    for path in ("/static/nope.js", "/static/../__init__.py", "/static/%2e%2e/__init__.py"):
        assert client.get(path).status_code == 404, path


def test_a_reader_leaving_mid_response_leaks_nothing(app):
    """A browser leaving a page resets its connections. When the reset reaches the
    development server after the response was written but while it drains the socket, it
    skips closing a file it streamed (an unclosed-file warning, an error under this
    suite's settings). Static files are bytes, so there is no file to leak."""
    import gc
    import socket
    import threading
    import time

    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        for _ in range(30):
            with socket.create_connection(("127.0.0.1", server.server_port)) as sock:
                # a byte past the request keeps the server draining; then the reset
                sock.sendall(b"GET /static/favicon.svg HTTP/1.1\r\nHost: x\r\n\r\nx")
                time.sleep(0.004)
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
        time.sleep(0.2)
        gc.collect()
    finally:
        server.shutdown()


def test_api_stories(client):
    r = client.get("/api/stories")
    assert r.status_code == 200
    data = r.get_json()
    assert data["ok"] is True
    assert {s["slug"] for s in data["stories"]} >= {"sample", "hostile", "empty"}


def test_api_story_shape(client):
    data = client.get("/api/stories/sample").get_json()
    assert data["slug"] == "sample"
    assert data["title"].startswith("Sample")
    ids = [e["id"] for e in data["events"]]
    assert ids == ["marathon", "great-wall", "khalkhin-gol", "ceasefire-1939", "springfield",
                   "atlantis", "putin-ulaanbaatar"]
    kg = data["events"][2]
    assert kg["start"] == "1939-05-11" and kg["end"] == "1939-09-16"
    assert kg["places"][0] == {**kg["places"][0], "name": "Khalkhin Gol", "status": "resolved",
                               "lat": 47.7, "lon": 118.6}
    assert data["events"][0]["start"] == "-0489"
    spring = data["events"][4]["places"][0]
    assert spring["status"] == "ambiguous" and len(spring["candidates"]) == 2
    assert data["events"][5]["places"][0]["status"] == "unresolved"
    assert [e["id"] for e in data["undated"]] == ["someday"]
    assert data["eras"][0]["title"] == "Second World War"


def test_api_event_detail_renders_sanitised_markdown(client):
    data = client.get("/api/stories/sample/events/khalkhin-gol").get_json()
    assert "<strong>Kwantung Army</strong>" in data["html"]


@pytest.mark.parametrize("url,status", [
    ("/api/stories/nope", 404),
    ("/api/stories/sample/events/nope", 404),
    ("/api/nothing-here", 404),
    ("/api/geocode", 400),
    ("/api/geocode?q=" + "x" * 201, 400),
])
def test_api_errors_have_one_shape(client, url, status):
    r = client.get(url)
    assert r.status_code == status
    assert r.mimetype == "application/json"
    data = r.get_json()
    assert set(data) == {"ok", "error", "status"}
    assert data["ok"] is False and data["status"] == status and data["error"]


def test_api_method_not_allowed_is_json(client):
    r = client.post("/api/stories")
    assert r.status_code == 405
    assert r.get_json()["status"] == 405


def test_api_server_error_is_json(app):
    app.config["GEOCODER"] = lambda q: 1 / 0
    app.testing = False  # let the error handler answer instead of re-raising
    r = app.test_client().get("/api/geocode?q=Rome")
    assert r.status_code == 500
    assert r.get_json() == {"ok": False, "error": r.get_json()["error"], "status": 500}


def test_geocode(client):
    data = client.get("/api/geocode?q=Ulaanbaatar").get_json()
    assert data["ok"] is True and data["best"]["name"] == "Ulaanbaatar"


def test_geocode_without_gazetteer_is_503(monkeypatch):
    from web.views import api
    monkeypatch.setattr(api, "_default_geocoder", lambda: None)
    app = create_app({"TESTING": True, "STORIES": [], "GEOCODER": None})
    r = app.test_client().get("/api/geocode?q=Rome")
    assert r.status_code == 503 and r.get_json()["status"] == 503


@pytest.mark.parametrize("url", ["/stories/nope", "/embed/nope", "/nothing-here"])
def test_unknown_pages_are_html_404(client, url):
    r = client.get(url)
    assert r.status_code == 404
    assert r.mimetype == "text/html"
    assert "404" in r.get_data(as_text=True)


def test_empty_story_renders_empty_state(client):
    r = client.get("/stories/empty")
    assert r.status_code == 200
    html = r.get_data(as_text=True)
    assert "This story has no events yet." in html
    assert client.get("/api/stories/empty").get_json()["events"] == []


def test_no_stories_library(app):
    app = create_app({"TESTING": True, "STORIES": []})
    html = app.test_client().get("/").get_data(as_text=True)
    assert "No stories yet" in html


def test_bad_story_source_is_reported_not_fatal():
    app = create_app({"TESTING": True, "STORIES": ["/no/such/file.yaml"], "RESOLVE_PLACES": False})
    r = app.test_client().get("/")
    assert r.status_code == 200
    assert "could not be loaded" in r.get_data(as_text=True)


def test_unresolved_places_are_flagged_not_dropped(client):
    data = _json_block(client.get("/stories/sample").get_data(as_text=True), "ca-data")
    rows = {e["id"]: e for e in data["events"]}
    assert rows["springfield"].get("f") == 1 and rows["atlantis"].get("f") == 1
    assert "f" not in rows["khalkhin-gol"]
    assert rows["atlantis"]["p"][0][:2] == [None, None]


def test_page_data_inlines_text_for_small_stories(client):
    data = _json_block(client.get("/stories/gen").get_data(as_text=True), "ca-data")
    assert len(data["events"]) == 300
    assert data["inlineText"] is True


def _json_block(html: str, element_id: str):
    m = re.search(rf'<script type="application/json" id="{element_id}">(.*?)</script>', html, re.S)
    assert m, element_id
    return json.loads(m.group(1))


def test_timeline_axis_labels_bce_and_months():
    import vl_convert

    from web.exports.timeline_chart import AXIS_LABEL_EXPR

    # evaluate the label expression through Vega itself, on a tiny spec
    spec = {"data": {"values": [{"v": v} for v in (-489.0, 1939.0, 1939.5, 1939.2, 12000.0, -65e6)]},
            "transform": [{"calculate": AXIS_LABEL_EXPR.replace("datum.value", "datum.v"), "as": "l"}],
            "mark": "text", "encoding": {"text": {"field": "l"}}}
    svg = vl_convert.vegalite_to_svg(spec)
    for label in ("490 BCE", "1939", "Jul 1939", "13 Mar 1939", "12,000 CE", "65.002 million years ago"):
        assert label in svg, label

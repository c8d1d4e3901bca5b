"""Issue 11 item 1: a story's tile URL never reaches a header; the operator picks hosts."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from timeline.tiles import TileSourceError, host_allowed, parse_tile_source
from web import create_app
from web.cli import main

INJECTING = "https://evil.example;script-src 'unsafe-inline';frame-ancestors *;connect-src */{z}/{x}/{y}.png"
STORY = """\
title: Tiles
slug: tiles
settings:
  tiles:
    - url: "{url}"
events:
  - {{title: A, start: 1939, places: [{{name: Here, lat: 1, lon: 2}}]}}
"""
PLAIN = """\
title: Tiles
slug: tiles
events:
  - {title: A, start: 1939, places: [{name: Here, lat: 1, lon: 2}]}
"""


def _story(tmp_path, url: str | None):
    path = tmp_path / "story.yaml"
    path.write_text(PLAIN if url is None else STORY.format(url=url.replace('"', '\\"')),
                    encoding="utf-8")
    return str(path)


def _csp(app, url="/stories/tiles") -> str:
    response = app.test_client().get(url)
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    return response.headers["Content-Security-Policy"]


def _app(path, **config):
    return create_app({"TESTING": True, "STORIES": [path], "RESOLVE_PLACES": False,
                       "SKIP_INVALID": True, **config})


@pytest.mark.parametrize("url", [
    INJECTING,
    "https://a.example org/{z}/{x}/{y}.png",
    "http://tiles.example.org/{z}/{x}/{y}.png",
    "javascript:alert(1)",
    "https://user@tiles.example.org/{z}/{x}/{y}.png",
    "https://tiles.example.org/{z}/{x}/{y}.png\"onerror=x",
    "https://127.0.0.1/{z}/{x}/{y}.png",
    "https://tiles.example.org:99999/{z}/{x}/{y}.png",
    "https://tiles.example.org/{z}/{x}/{y}.png?k={evil}",
])
def test_validate_reports_a_bad_tile_url_with_its_location(tmp_path, url):
    result = CliRunner().invoke(main, ["validate", _story(tmp_path, url)])
    assert result.exit_code == 1, result.output
    assert "line 5: settings.tiles[0].url:" in result.output, result.output
    assert "Traceback" not in result.output


def test_validate_reports_a_bad_max_zoom(tmp_path):
    path = tmp_path / "zoom.yaml"
    path.write_text(PLAIN.replace("events:", "settings:\n  tiles:\n"
                                  "    - {url: 'https://tiles.example.org/{z}/{x}/{y}.png', max_zoom: lots}\n"
                                  "events:"), encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 1
    assert "line 5: settings.tiles[0].max_zoom: max_zoom is not a whole number" in result.output


def test_a_good_tile_url_validates(tmp_path):
    result = CliRunner().invoke(main, ["validate", _story(tmp_path, "https://{s}.tiles.example.org/{z}/{x}/{y}.png")])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("url", [INJECTING, "https://tiles.elsewhere.example/{z}/{x}/{y}.png"])
def test_csp_is_exactly_the_one_without_the_story_tiles(tmp_path, url):
    """The injecting URL does not even load (a validation error); served as a Story value
    (no validation) or naming a host the operator did not allow, the page gets the CSP
    it would have without the story's tiles, and a visible note."""
    from timeline.formats import load
    from timeline.model import Story

    plain = _csp(_app(_story(tmp_path, None)))
    story = load(_story(tmp_path, None)).story
    hostile = Story(story.title, story.events, slug="tiles", settings={"tiles": [{"url": url}]})
    app = create_app({"TESTING": True, "STORIES": [hostile], "RESOLVE_PLACES": False})
    assert _csp(app) == plain
    assert _csp(app, "/embed/tiles").replace("frame-ancestors *", "") == \
        _csp(_app(_story(tmp_path, None)), "/embed/tiles").replace("frame-ancestors *", "")
    html = app.test_client().get("/stories/tiles").get_data(as_text=True)
    assert 'class="ca-tile-note" role="note"' in html
    assert "offline map is shown" in html


def test_a_non_allowed_host_from_a_file_gets_the_offline_map(tmp_path):
    path = _story(tmp_path, "https://tiles.elsewhere.example/{z}/{x}/{y}.png")
    app = _app(path)
    assert _csp(app) == _csp(_app(_story_plain(tmp_path)))
    html = app.test_client().get("/stories/tiles").get_data(as_text=True)
    assert "tiles.elsewhere.example, which this server does not allow" in html
    assert "tiles.elsewhere.example/{z}" not in app.test_client().get("/stories/tiles/map.js").get_data(as_text=True)


def _story_plain(tmp_path):
    folder = tmp_path / "plain"
    folder.mkdir(exist_ok=True)
    return _story(folder, None)


def test_the_operator_allows_a_host_and_the_csp_names_only_its_origin(tmp_path):
    path = _story(tmp_path, "https://{s}.tiles.example.org/{z}/{x}/{y}.png")
    app = _app(path, TILE_HOSTS=["*.tiles.example.org"])
    csp = _csp(app)
    assert "img-src 'self' data: https://*.tiles.example.org;" in csp
    script = app.test_client().get("/stories/tiles/map.js").get_data(as_text=True)
    assert "https://{s}.tiles.example.org/{z}/{x}/{y}.png" in script
    assert "ca-tile-note" not in app.test_client().get("/stories/tiles").get_data(as_text=True)


def test_serve_tiles_osm_is_the_builtin_opt_in(tmp_path):
    path = _story(tmp_path, "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
    assert "openstreetmap" not in _csp(_app(path))
    csp = _csp(_app(path, TILES=["osm"]))
    assert "img-src 'self' data: https://tile.openstreetmap.org;" in csp


def test_a_bad_operator_tile_layer_is_a_clear_start_up_error(tmp_path):
    with pytest.raises(ValueError, match=r"TILES\[0\]: a tile URL must start with https://"):
        _app(_story(tmp_path, None), TILES=[{"url": "http://x.example/{z}/{x}/{y}.png"}])
    result = CliRunner().invoke(main, ["serve", "--no-resolve", "--tiles", "nosuch", _story(tmp_path, None)])
    assert result.exit_code == 1 and "unknown tile layer 'nosuch'" in result.output
    assert "Traceback" not in result.output


def test_parsed_source_reserialises_its_origin():
    source = parse_tile_source({"url": "https://{s}.Tile.Example.org:8443/{z}/{x}/{y}.png"})
    assert source.csp_source == "https://*.tile.example.org:8443"
    assert host_allowed(source, ["*.tile.example.org"])
    assert not host_allowed(source, ["tile.example.org", "*.example.org.evil"])
    with pytest.raises(TileSourceError):
        parse_tile_source({"url": "https://exa\u0430mple.org/{z}/{x}/{y}.png"})  # Cyrillic a

"""GeoJSON export: RFC 7946 structure, [lon, lat] order, nothing dropped."""
from __future__ import annotations

import json
import math

from click.testing import CliRunner

from timeline.exports import story_to_geojson
from timeline.formats import load_story
from web.cli import main


def validate_feature_collection(doc: dict) -> None:
    """The parts of RFC 7946 an exporter can get wrong."""
    assert doc["type"] == "FeatureCollection"
    assert isinstance(doc["features"], list)
    for key in ("geometry", "properties", "coordinates"):
        assert key not in doc  # those belong to features
    for f in doc["features"]:
        assert f["type"] == "Feature"
        assert isinstance(f["id"], (str, int))
        assert isinstance(f["properties"], dict)
        g = f["geometry"]
        assert g["type"] == "Point"
        lon, lat = g["coordinates"]  # exactly two positions: no altitude
        assert isinstance(lon, (int, float)) and isinstance(lat, (int, float))
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert not math.isnan(lon) and not math.isnan(lat)
    if "bbox" in doc:
        w, s, e, n = doc["bbox"]
        assert w <= e and s <= n
        for f in doc["features"]:
            lon, lat = f["geometry"]["coordinates"]
            assert w <= lon <= e and s <= lat <= n
    json.dumps(doc, allow_nan=False)  # strict JSON


def km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(a))


def test_structure_order_and_properties(pinned):
    doc = story_to_geojson(pinned)
    validate_feature_collection(doc)
    by_id = {f["properties"]["id"]: f for f in doc["features"]}
    assert by_id["khalkhin"]["geometry"]["coordinates"] == [118.6, 47.7]  # lon first
    marathon = by_id["marathon"]["properties"]
    assert marathon["start"] == "-0489" and marathon["date"] == "490 BCE"
    assert marathon["precision"] == "year" and marathon["approximate"] is False
    assert marathon["group"] == "War" and marathon["place"] == "Marathon"
    assert marathon["status"] == "pinned"
    assert by_id["thermopylae"]["properties"]["end"] == "-0478"
    assert by_id["circa"]["properties"]["approximate"] is True
    assert by_id["thirties"]["properties"]["precision"] == "decade"
    assert by_id["undated"]["properties"]["start"] is None
    # chronological, undated last
    ids = [f["properties"]["id"] for f in doc["features"]]
    assert ids == ["marathon", "thermopylae", "circa", "thirties", "khalkhin", "undated"]


def test_every_event_is_kept(pinned, hostile):
    for story in (pinned, hostile):
        doc = story_to_geojson(story)
        seen = {f["properties"]["id"] for f in doc["features"]} | {u["event"] for u in doc["unlocated"]}
        assert seen == {e.id for e in story.events}


def test_unlocated_places_are_listed_with_candidates(hostile):
    doc = story_to_geojson(hostile)
    validate_feature_collection(doc)
    assert [f["properties"]["id"] for f in doc["features"]] == ["e1"]
    unlocated = {u["place"]: u for u in doc["unlocated"]}
    assert unlocated["Atlantis"]["status"] == "unresolved"
    assert unlocated["Springfield"]["status"] == "ambiguous"
    assert len(unlocated["Springfield"]["candidates"]) == 2
    # text survives exactly (JSON needs no escaping beyond its own)
    assert doc["features"][0]["properties"]["title"].endswith("${x}")


def test_cli_warns_on_stderr_and_writes_file(hostile, tmp_path, monkeypatch):
    import timeline.cli as cli

    monkeypatch.setattr(cli, "load_or_exit", lambda *a, **k: type("R", (), {"story": hostile})())
    out = tmp_path / "h.geojson"
    result = CliRunner().invoke(main, ["export", "hostile", "--to", "geojson", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "Atlantis" in result.stderr and "Springfield" in result.stderr
    validate_feature_collection(json.loads(out.read_text(encoding="utf-8")))


def test_cli_stdout(pinned, monkeypatch):
    import timeline.cli as cli

    monkeypatch.setattr(cli, "load_or_exit", lambda *a, **k: type("R", (), {"story": pinned})())
    result = CliRunner().invoke(main, ["export", "pinned", "--to", "geojson"])
    assert result.exit_code == 0
    validate_feature_collection(json.loads(result.stdout))


def test_demo_done_when(real_gazetteer):
    result = CliRunner().invoke(main, ["export", "demo", "--to", "geojson"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    validate_feature_collection(doc)
    at_khalkhin = [f for f in doc["features"]
                   if f["properties"]["start"].startswith("1939")
                   and km(47.7, 118.6, f["geometry"]["coordinates"][1],
                          f["geometry"]["coordinates"][0]) <= 100]
    assert at_khalkhin, "no 1939 feature within 100 km of Khalkhin Gol"
    # Mongolia: its country code, and a point inside its bounding box
    visit = [f for f in doc["features"] if f["properties"]["start"] == "2024-09-03"
             and f["properties"]["country"] == "MN"
             and 87.7 <= f["geometry"]["coordinates"][0] <= 119.9
             and 41.5 <= f["geometry"]["coordinates"][1] <= 52.2]
    assert visit, "no feature in Mongolia for 2024-09-03"
    demo = load_story("demo")
    seen = {f["properties"]["id"] for f in doc["features"]} | {u["event"] for u in doc["unlocated"]}
    assert seen == {e.id for e in demo.events}


def test_non_finite_coordinates_never_reach_the_file(pinned):
    """Loaders refuse NaN; a Story built in code with one is exported as unlocated,
    never as the invalid JSON token NaN (nor KML's "nan,nan")."""
    from dataclasses import replace

    from timeline.exports import dump_geojson, story_to_kml
    from timeline.model import PlaceRef

    bad = replace(pinned.events[0], places=(PlaceRef("Nowhere", lat=float("nan"), lon=float("inf")),))
    story = pinned.with_events((bad,) + pinned.events[1:])
    text = dump_geojson(story)
    doc = json.loads(text, parse_constant=lambda c: (_ for _ in ()).throw(ValueError(c)))
    validate_feature_collection(doc)
    assert any(u["place"] == "Nowhere" and "not finite" in u["reason"] for u in doc["unlocated"])
    assert "nan" not in story_to_kml(story).lower().replace("nowhere", "")

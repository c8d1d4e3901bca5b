"""The "done when" list of issue 3, through ``chronoatlas geocode --json``."""
from __future__ import annotations

import pytest

from gazetteer.naturalearth import haversine_km

KEYS = {"query", "status", "best", "candidates"}
BEST_KEYS = {"name", "lat", "lon", "country", "kind", "geonameid", "score"}


def test_json_shape(geocode_json):
    (row,) = geocode_json("Moscow")
    assert set(row) == KEYS
    assert set(row["best"]) == BEST_KEYS
    assert all(set(c) == BEST_KEYS for c in row["candidates"])


def test_moscow_is_in_russia(geocode_json):
    (row,) = geocode_json("Moscow")
    assert row["status"] == "resolved"
    assert row["best"]["country"] == "RU"
    assert haversine_km(row["best"]["lat"], row["best"]["lon"], 55.75, 37.62) < 25


def test_moscow_idaho_qualifier(geocode_json):
    (row,) = geocode_json("Moscow, Idaho")
    assert row["status"] == "resolved"
    assert row["best"]["country"] == "US"


def test_moscow_with_idaho_context(geocode_json):
    (row,) = geocode_json("Moscow", "--context", "Boise, Idaho")
    assert row["status"] == "resolved"
    assert row["best"]["country"] == "US"


def test_mongolia_is_the_country(geocode_json):
    (row,) = geocode_json("Mongolia")
    assert row["best"]["country"] == "MN"
    assert row["best"]["kind"] == "country"


def test_khalkhin_gol(geocode_json):
    (row,) = geocode_json("Khalkhin Gol")
    assert row["status"] == "resolved"
    assert haversine_km(row["best"]["lat"], row["best"]["lon"], 47.7, 118.6) < 100


def test_south_africa(geocode_json):
    (row,) = geocode_json("South Africa")
    assert row["status"] == "resolved"
    assert row["best"]["country"] == "ZA"
    assert row["best"]["kind"] == "country"


def test_ulan_bator_is_ulaanbaatar(geocode_json):
    (row,) = geocode_json("Ulan Bator")
    assert row["status"] == "resolved"
    assert row["best"]["name"] == "Ulaanbaatar"
    assert row["best"]["country"] == "MN"


def test_soviet_union_resolves(geocode_json):
    (row,) = geocode_json("Soviet Union")
    assert row["status"] == "resolved"


@pytest.mark.parametrize("name, country", [("The Hague", "NL"), ("Paris", "FR")])
def test_capitals_and_seats(geocode_json, name, country):
    (row,) = geocode_json(name)
    assert row["status"] == "resolved"
    assert row["best"]["country"] == country


def test_made_up_name_is_unresolved(geocode_json):
    (row,) = geocode_json("Qwertzuiopland Vrxx")
    assert row == {"query": "Qwertzuiopland Vrxx", "status": "unresolved", "best": None,
                   "candidates": []}


DEMO_NAMES = {
    "Khalkhin Gol": "MN", "Mongolia": "MN", "Rome": "IT", "The Hague": "NL",
    "Johannesburg": "ZA", "South Africa": "ZA", "Ulaanbaatar": "MN", "Moscow": "RU",
    "Sudan": "SD", "Ukraine": "UA", "Russia": "RU", "Netherlands": "NL", "Italy": "IT",
}


def test_demo_story_names_resolve_together(geocode_json):
    rows = geocode_json(*DEMO_NAMES)
    for row in rows:
        assert row["status"] == "resolved", row
        assert row["best"]["country"] == DEMO_NAMES[row["query"]], row


def test_bundled_demo_story_resolves_every_place(gaz):
    from pathlib import Path

    import yaml

    demo = Path(__file__).resolve().parents[2] / "timeline" / "stories" / "demo.yaml"
    if not demo.is_file():
        pytest.skip("no bundled demo story")
    story = yaml.safe_load(demo.read_text(encoding="utf-8"))
    names, years = [], []
    for event in story.get("events", []):
        for place in event.get("places", []) or []:
            name = place if isinstance(place, str) else place.get("name")
            if name and name not in names and not (isinstance(place, dict) and "lat" in place):
                names.append(name)
                years.append(int(str(event.get("start", ""))[:4]) if event.get("start") else None)
    context = "\n".join([story.get("title", ""), story.get("summary", "")]
                        + [e.get("title", "") for e in story.get("events", [])])
    results = gaz.resolve_all(names, context_text=context, years=years)
    unresolved = [(r.query, r.status) for r in results if r.status != "resolved"]
    assert not unresolved

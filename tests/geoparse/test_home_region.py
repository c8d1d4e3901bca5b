"""Issue 13, places: a local story's home region decides its namesakes (one sense per
story, county seats, county lists) and names inside a town's own bodies are the town."""
from __future__ import annotations

import math

import pytest


def km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * 6371 * math.asin(math.sqrt(a))


def places(spot, text):
    return {m.text: m.best for m in spot(text) if m.kind == "place"}


@pytest.mark.parametrize("text,name,lat,lon", [
    # a town beside the county it is the seat of (Paris, Tennessee; Athens, Texas)
    ("A Paris woman was charged on Friday. Deputies of the Henry County sheriff "
     "arrested her at home.", "Paris", 36.30, -88.33),
    ("The Athens city council met on Monday. Henderson County commissioners came too.",
     "Athens", 32.20, -95.85),
])
def test_a_named_county_places_its_towns(spot, text, name, lat, lon):
    got = places(spot, text)[name]
    assert km(got.lat, got.lon, lat, lon) < 40, got


def test_the_state_most_names_fit_is_the_storys_home(spot):
    # Columbus, Norfolk and Platte County each have namesakes; only Nebraska holds all
    text = ("Police in Columbus arrested a man on Tuesday. He had driven from Norfolk "
            "to a farm in Platte County.")
    got = places(spot, text)
    assert {got[n].admin1 for n in ("Columbus", "Norfolk", "Platte County")} == {"NE"}, got


def test_names_listed_before_counties_are_counties(spot):
    ms = [m for m in spot("Storms hit Jackson, Barrow and Madison counties in Georgia.")
          if m.kind == "place"]
    barrow = next(m for m in ms if m.text == "Barrow")
    assert barrow.best.kind == "admin2" and barrow.best.admin1 == "GA", barrow.best


@pytest.mark.parametrize("text,name", [
    ("In Illinois, the Edwardsville City Council approved the plan for Springfield.",
     "Edwardsville"),
    ("He spoke to the Georgia State Ethics Commission on Friday.", "Georgia"),
    ("Schools in Northeast Ohio are cutting jobs.", "Ohio"),
])
def test_a_towns_own_bodies_and_a_states_parts_name_the_place(spot, text, name):
    assert name in places(spot, text), places(spot, text)


def test_new_york_alone_is_the_state(gaz):
    best = gaz.resolve("New York").best or gaz.resolve("New York").candidates[0]
    assert best.kind == "admin1", best
    assert gaz.resolve("New York City").best.kind in ("city", "capital")

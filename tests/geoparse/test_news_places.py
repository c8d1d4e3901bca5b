"""Issue 13, places: ancient sites by the story's period, US counties, AP-style states,
datelines, and every toponym with a best candidate, a confidence and alternatives."""
from __future__ import annotations

import math

import pytest


def km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * 6371 * math.asin(math.sqrt(a))


# (name, year of the story, expected lat, lon): Wikipedia's coordinates of each site
CLASSICAL = [
    ("Marathon", -490, 38.118, 23.978), ("Thermopylae", -480, 38.796, 22.536),
    ("Salamis", -480, 37.95, 23.50), ("Plataea", -479, 38.22, 23.27),
    ("Delos", -478, 37.40, 25.27), ("Granicus", -334, 40.23, 27.24),
    ("Issus", -333, 36.84, 36.20), ("Gaugamela", -331, 36.57, 43.44),
    ("Hydaspes", -326, 32.93, 73.73), ("Persepolis", -330, 29.935, 52.891),
    ("Babylon", -323, 32.536, 44.421), ("Carthage", -146, 36.853, 10.323),
    ("Cannae", -216, 41.306, 16.132), ("Zama", -202, 36.30, 9.45),
    ("Actium", -31, 38.95, 20.75), ("Troy", -1200, 39.957, 26.239),
    ("Mycenae", -1250, 37.731, 22.756), ("Knossos", -1500, 35.298, 25.163),
    ("Pella", -350, 40.756, 22.524),
    ("Thebes", -1300, 25.70, 32.64), ("Thebes", -335, 38.32, 23.32),
]


@pytest.mark.parametrize("name,year,lat,lon", CLASSICAL)
def test_classical_sites_resolve_with_the_storys_period(gaz, name, year, lat, lon):
    r = gaz.resolve(name, year=year)
    assert r.status == "resolved", (name, year, r.candidates[:3])
    assert km(r.best.lat, r.best.lon, lat, lon) < 25, (name, year, r.best)


def test_undated_text_keeps_modern_namesakes(gaz):
    # no date: an ancient-only site does not outrank a living town of the name
    r = gaz.resolve("Pella")
    top = r.best or r.candidates[0]
    assert top.kind != "historical-site"


def test_county_is_not_its_namesake_town(spot):
    ms = spot("Deputies in Licking County said the road was closed near Newark.")
    county = next(m for m in ms if m.text == "Licking County")
    assert county.best.kind == "admin2" and county.best.admin1 == "OH"
    assert km(county.best.lat, county.best.lon, 40.09, -82.48) < 30


def test_parish_in_louisiana(spot):
    ms = spot("Flooding closed schools across Rapides Parish on Monday.")
    assert [m.best.admin1 for m in ms if m.text == "Rapides Parish"] == ["LA"]


def test_ap_state_abbreviation_qualifies_the_town(spot):
    text = "The council of Alexandria, La., voted on Tuesday."
    ms = spot(text)
    by_text = {m.text: m for m in ms}
    assert "La." in by_text and by_text["La."].best.name == "Louisiana"
    alexandria = by_text["Alexandria"]
    assert alexandria.best.country == "US" and alexandria.best.admin1 == "LA"


def test_ambiguous_word_abbreviation_needs_a_comma(spot):
    assert not [m for m in spot("Miss. Jones said the Ill. effects were small.") if m.text in ("Miss.", "Ill.")]


def test_all_caps_dateline_is_spotted(spot):
    ms = spot("Man held after crash. MANASSAS, Va. -- A man was arrested on Sunday.")
    manassas = [m for m in ms if m.text == "MANASSAS"]
    assert manassas and manassas[0].best.admin1 == "VA"


def test_every_mention_has_a_point_confidence_and_alternatives(spot):
    ms = spot("Officials in Springfield met on Friday.")
    m = next(m for m in ms if m.text == "Springfield")
    d = m.to_dict()
    assert d["lat"] is not None and d["lon"] is not None
    assert 0 < d["confidence"] <= 1 and d["alternatives"]
    if d["status"] != "resolved":
        assert m.resolution.best is None  # the Resolution API keeps its meaning


def test_demonyms_are_places_of_kind_demonym(gaz):
    from gazetteer.geoparse_cli import geoparse_document

    out = geoparse_document("Russian troops crossed into Georgia.", gazetteer=gaz)
    russian = next(p for p in out["places"] if p["text"] == "Russian")
    assert russian["kind"] == "demonym" and russian["country"] == "RU"
    assert russian["lat"] is not None
    assert [m["text"] for m in out["mentions"]] == ["Russian"]


def test_a_given_name_makes_a_person_even_of_a_province(spot):
    text = "Yesterday Karen Trapani opened a bakery on Main Street. Trapani said sales were good."
    assert [m.text for m in spot(text) if m.kind == "place"] == []
    # a country keeps its place after a name-like word
    assert "Georgia" in [m.text for m in spot("Troops from Russia entered Georgia.")]


def test_party_and_home_town_after_a_legislator(spot):
    ms = spot("State Sen. Ann Cole, D-Charleston, opposed the bill.")
    assert "Charleston" in [m.text for m in ms]


def test_county_before_an_institution_word(spot):
    ms = spot("The Guernsey County Sheriff's Office said the fire started in a garage.")
    county = [m for m in ms if m.text == "Guernsey County"]
    assert county and county[0].best.admin1 == "OH"


def test_a_saints_day_is_a_holiday_not_a_town(spot):
    text = ("Police in Belfast made arrests on St Patrick’s Day. The St. Patrick's Day parade in "
            "Savannah drew crowds; St. David's Day is a Welsh feast.")
    places = [m.text for m in spot(text) if m.kind == "place"]
    assert "Belfast" in places and "Savannah" in places
    assert not [p for p in places if p.startswith("St")], places
    # the town itself, without the feast, is still a place
    assert "St. Patrick" in [m.text for m in spot("He grew up in St. Patrick, Missouri.")]


def test_a_list_of_countries_is_not_a_town_and_its_country(spot):
    ms = spot("Cases were confirmed in China, Japan and Benin, Ghana, Guinea and Niger.")
    kinds = {m.text: (m.best or m.candidates[0]).kind for m in ms if m.kind == "place"}
    assert kinds["China"] == "country" and kinds["Benin"] == "country", kinds


def test_a_determiner_before_a_town_does_not_make_it_a_surname(spot):
    """'Another Gainesville business' is not a person called Another Gainesville: the
    town must stay a place in the rest of the story."""
    text = ("Another Gainesville business is moving. Shop owners in Gainesville, Texas, "
            "said trade was steady. Any Gainesville resident can apply.")
    assert [m.text for m in spot(text) if m.kind == "place"].count("Gainesville") == 3

"""Countries at their conventional centre, first-level divisions worldwide, and context
that has to be corroborated before it overturns an importance gap."""
from __future__ import annotations

import pytest

from gazetteer import naturalearth, sources
from gazetteer.naturalearth import haversine_km


def test_every_country_centre_lies_in_or_near_its_natural_earth_shape():
    shapes = naturalearth.country_shapes()
    numeric = {c["iso"]: f"{int(c['isonumeric']):03d}"
               for c in sources._load_json(sources._geonames_file("countries.json")).values()
               if c.get("isonumeric")}
    centres = sources.country_centres()
    assert len(centres) >= 240
    far = {}
    for iso, (lat, lon, source) in centres.items():
        assert source
        shape = shapes.get(numeric.get(iso, "")) or shapes.get(iso)
        if shape is None:
            continue  # too small for the 50m shapes (Gibraltar, Tokelau...)
        d = naturalearth.distance_to_shape_km(lat, lon, shape[1])
        if d > 100:
            far[iso] = round(d)
    # archipelagos whose centre is the main island, beside a coarse 50m outline
    assert set(far) <= {"PN"}, far


def test_australia_is_not_ashmore_reef():
    shapes = naturalearth.country_shapes()
    assert shapes["036"][0] == "Australia"


@pytest.mark.parametrize("name, iso, lat, lon", [
    ("Australia", "AU", -25.0, 133.0), ("Indonesia", "ID", -5.0, 120.0),
    ("Canada", "CA", 60.109, -113.643),  # issue 13: GeoNames' point, as news corpora annotate it
])
def test_country_point_is_the_conventional_centre(gaz, name, iso, lat, lon):
    best = gaz.resolve(name).best
    assert best.country == iso and best.kind == "country"
    assert haversine_km(best.lat, best.lon, lat, lon) < 100
    assert gaz.geometry(best) is not None  # the area stays the Natural Earth shape


@pytest.mark.parametrize("name, iso", [
    ("Queensland", "AU"), ("New South Wales", "AU"), ("NSW", "AU"), ("Uttar Pradesh", "IN"),
    ("Guangdong", "CN"), ("KwaZulu-Natal", "ZA"), ("Bavaria", "DE"), ("Manitoba", "CA"),
    ("Tuscany", "IT"), ("Eastern Visayas", "PH"),
])
def test_first_level_divisions_resolve(gaz, name, iso):
    r = gaz.resolve(name)
    assert r.status == "resolved" and r.best.country == iso, r
    assert r.best.kind in ("admin1", "region")


def test_victoria_is_the_australian_state_among_australian_places(gaz):
    out = gaz.resolve_all(["Victoria", "Sydney", "Queensland"])
    assert out[0].best is not None and out[0].best.country == "AU"
    assert out[0].best.kind == "admin1"


def test_a_province_named_after_its_capital_does_not_make_the_city_ambiguous(gaz):
    for name, iso in (("Nairobi", "KE"), ("Istanbul", "TR"), ("Kano", "NG")):
        r = gaz.resolve(name)
        assert r.status == "resolved" and r.best.country == iso
        assert r.best.kind in ("city", "capital")


def test_missing_names(gaz):
    assert gaz.resolve("Democratic Republic of Congo").best.country == "CD"
    assert gaz.resolve("Americas").best.kind == "continent"


def test_english_words_are_not_divisions(gaz):
    # Natural Earth's Norwegian "Møre" folds to "more"
    assert all(c.kind != "admin1" for c in gaz.lookup("More"))


def test_one_co_occurring_place_does_not_overturn_an_importance_gap(gaz):
    alone = gaz.resolve("Odessa")
    assert alone.best is not None and alone.best.country == "UA"
    with_alamo = gaz.resolve_all(["Alamo", "Odessa"])[1]
    assert with_alamo.best is None or with_alamo.best.country == "UA"
    texan = gaz.resolve_all(["Alamo", "Odessa", "Midland", "Lubbock"])[1]
    assert texan.best is not None and texan.best.country == "US"

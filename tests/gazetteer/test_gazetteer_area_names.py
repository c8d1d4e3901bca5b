"""Gazetteer.area_names(): the names behind a candidate's country and admin1 codes (the
studio's place fixer labels candidates with them)."""
from __future__ import annotations

import pytest

from gazetteer import AreaNames


def test_country_names_by_iso_code(gaz):
    names = gaz.area_names()
    assert isinstance(names, AreaNames)
    assert names.countries["FR"] == "France"
    assert names.countries["MN"] == "Mongolia"
    assert names.countries["US"] == "United States"


@pytest.mark.parametrize("name, region", [("Springfield, Illinois", "Illinois"),
                                          ("Austin", "Texas")])
def test_a_candidate_is_labelled_with_its_region(gaz, name, region):
    best = gaz.resolve(name).best
    countries, regions = gaz.area_names()
    assert regions[(best.country, best.admin1)] == region
    assert countries[best.country] == "United States"


def test_read_once_and_read_only(gaz):
    names = gaz.area_names()
    assert gaz.area_names() is names
    with pytest.raises(TypeError):
        names.countries["FR"] = "Gaul"
    assert gaz.area_names().countries["FR"] == "France"


@pytest.mark.parametrize("name", ["Paris", "Bordeaux", "Lyon", "Milan", "Seville"])
def test_second_level_divisions_do_not_lend_their_numbers_to_regions(gaz, name):
    """Natural Earth's rows for France, Italy and Spain are departments and provinces whose
    numbers GeoNames uses for regions (Aude's 11 is Paris's region, Paris's 75 Bordeaux's):
    no label is better than a wrong one."""
    best = gaz.resolve(name).best
    assert best.admin1, best
    assert gaz.area_names().regions.get((best.country, best.admin1)) is None, best


@pytest.mark.parametrize("name, region", [("Naha", "Okinawa"), ("Osaka", "Ōsaka"),
                                          ("Sydney", "New South Wales"), ("Mumbai", "Maharashtra")])
def test_divisions_that_share_geonames_codes_keep_them(gaz, name, region):
    """Where both tables number the same divisions, the label stays, islands included."""
    best = gaz.resolve(name).best
    assert gaz.area_names().regions.get((best.country, best.admin1)) == region, best

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

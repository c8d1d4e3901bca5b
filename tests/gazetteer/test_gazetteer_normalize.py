from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gazetteer.normalize import normalize, skeleton, split_qualifier


@pytest.mark.parametrize("a, b", [
    ("The Hague", "Hague"),
    ("St. Petersburg", "Saint Petersburg"),
    ("São Paulo", "Sao Paulo"),
    ("Kraków", "KRAKOW"),
    ("Xi'an", "Xian"),
    ("Zürich", "zurich"),
    ("Ålesund", "Alesund"),
    ("Khalkhin-Gol", "Khalkhin Gol"),
    ("  Moscow  ", "moscow"),
])
def test_spellings_meet(a, b):
    assert normalize(a) == normalize(b) != ""


def test_non_latin_scripts_are_kept():
    assert normalize("Москва") == "москва"
    assert normalize("東京") == "東京"


@pytest.mark.parametrize("a, b", [("Ulan Bator", "Ulaanbaatar"), ("Khalkhin Gol", "Khalkhyn Gol")])
def test_transliteration_skeletons_meet(a, b):
    assert skeleton(normalize(a)) == skeleton(normalize(b)) != ""


@pytest.mark.parametrize("text, expected", [
    ("Moscow, Idaho", ("Moscow", ["Idaho"])),
    ("Georgia (country)", ("Georgia", ["country"])),
    ("Springfield, IL, USA", ("Springfield", ["IL", "USA"])),
    ("Paris", ("Paris", [])),
    (", Idaho", (", Idaho", [])),
])
def test_split_qualifier(text, expected):
    assert split_qualifier(text) == expected


@pytest.mark.parametrize("junk", ["", "   ", "\x00\x01", "!!!", "—", "x" * 10_000])
def test_junk_normalises_to_empty(junk):
    assert normalize(junk) == ""


@given(st.text())
def test_normalize_never_fails_and_is_idempotent(text):
    key = normalize(text)
    assert isinstance(key, str)
    assert normalize(key) == key or key == ""

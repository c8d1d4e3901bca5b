"""The spotter's precision rules, on sentences written for these tests."""
from __future__ import annotations

import pytest


def place_texts(mentions):
    return [m.text for m in mentions if m.kind == "place"]


def adjective_texts(mentions):
    return [m.text for m in mentions if m.kind == "adjective"]


@pytest.mark.parametrize("text, expected", [
    ("Flooding closed roads between Lyon and Marseille on Tuesday.", ["Lyon", "Marseille"]),
    ("Delegates flew from Nairobi to Addis Ababa.", ["Nairobi", "Addis Ababa"]),
    ("The ship left the Gulf of Mexico for Havana.", ["Gulf of Mexico", "Havana"]),
    ("Trade between Bosnia and Herzegovina and Croatia grew.", ["Bosnia and Herzegovina", "Croatia"]),
    ("Exports from the Democratic Republic of the Congo fell.", ["Democratic Republic of the Congo"]),
    ("Ministers of the People's Republic of China met in Hanoi.", ["People's Republic of China", "Hanoi"]),
])
def test_plain_places(spot, text, expected):
    assert place_texts(spot(text)) == expected


@pytest.mark.parametrize("text, absent", [
    ("Paris Hilton arrived late to the gala.", "Paris"),
    ("Jordan Peterson gave a lecture on Tuesday.", "Jordan"),
    ("The speech by President Obama was short.", "Obama"),
    ("Russian President Vladimir Putin spoke.", "Vladimir"),
    ("The International Criminal Court issued a warrant.", "International Criminal Court"),
    ("Signatories of the Rome Statute must act.", "Rome"),
    ("The Bank of England raised rates.", "England"),
    ("She studies at Michigan State University.", "Michigan"),
    ("He told the New York Times about it.", "New York"),
    ("Cases of West Nile virus were found.", "West Nile"),
    ("The deal was worth US$40 million.", "US"),
])
def test_names_that_contain_places_are_not_places(spot, text, absent):
    assert not [t for t in place_texts(spot(text)) if absent in t]


@pytest.mark.parametrize("text", [
    "March was the wettest month.",
    "The vote is due in March.",
    "Reading the report took hours.",
    "Nice weather helped the harvest.",
    "Mobile phones were banned.",
    "Split decisions are rare.",
    "Bath time was over.",
    "In May the river rose.",
    "On Sunday the talks resumed.",
])
def test_common_words_that_are_towns(spot, text):
    assert place_texts(spot(text)) == []


def test_common_word_towns_with_a_cue(spot):
    texts = place_texts(spot("The festival moved from Nice to Reading last year."))
    assert texts == ["Nice", "Reading"]


def test_feature_words_extend_the_mention(spot):
    ms = spot("Dust from the Gobi Desert reached the Yangtze River valley.")
    assert place_texts(ms) == ["Gobi Desert", "Yangtze River"]
    ms = spot("Soldiers fought near the Khalkhin Gol River in 1939.", published_year=1939)
    (m,) = [m for m in ms if m.kind == "place"]
    assert m.text == "Khalkhin Gol River" and m.best is not None and m.best.country == "MN"


def test_place_as_first_word_of_an_office_is_kept(spot):
    ms = spot("Officials of the U.S. Army and the Texas Governor met.")
    assert place_texts(ms) == ["U.S.", "Texas"]


def test_demonyms(spot):
    ms = spot("The South African government and Mongolian officials met Sudanese envoys "
              "and Soviet veterans.")
    assert adjective_texts(ms) == ["South African", "Mongolian", "Sudanese", "Soviet"]
    assert place_texts(ms) == []
    by_text = {m.text: m for m in ms}
    assert by_text["South African"].best.country == "ZA"
    assert by_text["Mongolian"].best.country == "MN"
    assert by_text["Sudanese"].best.country == "SD"
    assert by_text["Soviet"].best.name == "Soviet Union"
    assert all(m.to_dict()["kind"] == "demonym" for m in ms)
    assert all(m.to_dict()["place_kind"] in ("country", "historical-state") for m in ms)


def test_kremlin_is_the_moscow_landmark(spot):
    ms = spot("The Kremlin said the talks in Ulaanbaatar went well.")
    kremlin = [m for m in ms if m.text == "Kremlin"]
    for m in kremlin:
        assert m.best is not None and m.best.country == "RU"
        assert abs(m.best.lat - 55.75) < 0.2 and abs(m.best.lon - 37.62) < 0.2


def test_surnames_do_not_become_towns(spot):
    ms = spot("Dr. Bruce Ivins worked in Maryland. Ivins said little, and Ivins left.")
    assert place_texts(ms) == ["Maryland"]


def test_sentence_initial_function_words_and_datelines(spot):
    ms = spot("NAIROBI: In Kenya, the rains came. The Netherlands sent aid.")
    assert place_texts(ms) == ["NAIROBI", "Kenya", "Netherlands"]
    assert ms[0].best.country == "KE"


def test_mentions_resolve_with_the_document_as_context(spot):
    ms = spot("Moscow, Idaho, is a college town. Boise is the capital of Idaho.")
    moscow = [m for m in ms if m.text == "Moscow"][0]
    assert moscow.best is not None and moscow.best.country == "US"


def test_empty_and_odd_input(spot):
    assert spot("") == []
    assert spot("   \n\t") == []
    assert spot("\x00\x01\x02 \ufffd") == []
    assert spot("#Mongolia @Moscow http://example.com/Paris") == []

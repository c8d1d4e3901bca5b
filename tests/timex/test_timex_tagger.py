"""What the tagger finds and the TIMEX3 values it gives (issue 4)."""
from __future__ import annotations

import datetime as dt

import pytest

from timeline.dates import HistoricalDate, Precision
from timeline.timex import Timex, tag

DCT = "2024-08-30"  # a Friday


def values(text, published=DCT, **kw):
    return [(t.text, t.value) for t in tag(text, published=published, **kw)]


def one(text, published=DCT, **kw) -> Timex:
    found = tag(text, published=published, **kw)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("text, expected", [
    ("She will visit on September 3.", ("September 3", "2024-09-03")),
    ("He was arrested in March.", ("March", "2024-03")),
    ("The talks will resume in March.", ("March", "2025-03")),
    ("The summit is next week.", ("next week", "2024-W36")),
    ("It happened last year.", ("last year", "2023")),
    ("It rained yesterday.", ("yesterday", "2024-08-29")),
    ("They met two years ago.", ("two years ago", "2022")),
    ("This summer was hot.", ("This summer", "2024-SU")),
    ("He will speak on Tuesday.", ("Tuesday", "2024-09-03")),
    ("He spoke on Tuesday.", ("Tuesday", "2024-08-27")),
    ("Prices rose last month.", ("last month", "2024-07")),
    ("The vote is tomorrow.", ("tomorrow", "2024-08-31")),
    ("We are here now.", ("now", "PRESENT_REF")),
    ("It was common in the past.", ("the past", "PAST_REF")),
    ("Sales fell in the third quarter.", ("the third quarter", "2024-Q3")),
])
def test_relative_to_the_document_date(text, expected):
    assert values(text) == [expected]


def test_direction_reaches_the_dct_field():
    t = one("He will visit on September 3.")
    assert t.anchor == "dct"
    assert t.date == HistoricalDate.of(2024, 9, 3)


@pytest.mark.parametrize("text, expected", [
    ("3 September 2024", "2024-09-03"),
    ("September 1, 1939", "1939-09-01"),
    ("March 2023", "2023-03"),
    ("in 1939", "1939"),
    ("mid-2015", "2015"),
    ("the 1930s", "193"),
    ("the early 1990s", "199"),
    ("the 15th century", "14"),
    ("the 20th century", "19"),
    ("490 BC", "BC0490"),
    ("the 5th century BC", "BC04"),
    ("the 470s BC", "BC047"),
    ("AD 33", "0033"),
    ("c. 1200", "1200"),
    ("the summer of 1940", "1940-SU"),
    ("2024-09-03", "2024-09-03"),
    ("the first half of 2008", "2008-H1"),
    ("Q3 2024", "2024-Q3"),
])
def test_absolute_dates(text, expected):
    t = one(text)
    assert t.value == expected
    assert t.anchor == "absolute"


def test_dates_carry_historical_dates_with_precision():
    assert one("490 BC").date == HistoricalDate.bce(490)
    assert one("the 1930s").date == HistoricalDate(1930, precision=Precision.DECADE)
    assert one("the 15th century").date == HistoricalDate(1401, precision=Precision.CENTURY)
    c = one("c. 1200")
    assert c.date.approximate and c.mod == "APPROX"
    assert one("the early 1990s").mod == "START"


def test_week_is_a_span_of_days():
    t = one("next week")
    assert t.date == HistoricalDate.of(2024, 9, 2)
    assert t.end_date == HistoricalDate.of(2024, 9, 8)


def test_narrative_anchor():
    text = ("Germany invaded Poland on September 1, 1939. Two days later, Britain and France "
            "declared war. The following year, France fell. That summer the air war began; "
            "by early October it was over.")
    assert values(text) == [
        ("September 1, 1939", "1939-09-01"), ("Two days later", "1939-09-03"),
        ("The following year", "1940"), ("That summer", "1940-SU"),
        ("early October", "1940-10"),
    ]
    assert [t.anchor for t in tag(text, published=DCT)][1:] == ["narrative"] * 4


def test_histories_take_missing_years_from_the_narrative():
    text = ("The war began in 1939. France fell in 1940. In June 1941 Germany attacked. "
            "In December the offensive stalled.")
    assert values(text, published="2009-12-19")[-1] == ("December", "1941-12")


def test_news_takes_missing_years_from_the_dct_once_the_story_moved_on():
    text = "The treaty dates from 1990.\n\nMinisters met in July to renew it."
    assert values(text)[-1] == ("July", "2024-07")
    text = "The treaty dates from 1990. Ministers will meet in July to renew it."
    assert values(text)[-1] == ("July", "2025-07")


def test_ranges_link_start_and_end():
    found = tag("from May to September 1939", published=DCT)
    assert [(t.text, t.value, t.role) for t in found] == [
        ("May", "1939-05", "start"), ("September 1939", "1939-09", "end")]
    assert found[0].end_date == HistoricalDate.of(1939, 9)
    found = tag("The war of 1939-1945 and 499-493 BC", published=DCT)
    assert [(t.text, t.value) for t in found] == [
        ("1939", "1939"), ("1945", "1945"), ("499", "BC0499"), ("493 BC", "BC0493")]
    assert found[0].end_date == HistoricalDate.of(1945)
    found = tag("between 1998 and 2002", published=DCT)
    assert [t.value for t in found] == ["1998", "2002"]
    assert found[0].end_date == HistoricalDate.of(2002)


def test_named_periods_from_the_data_file():
    t = one("after World War II")
    assert t.value == "1939/1945" and t.period == "World War II"
    assert (t.date, t.end_date) == (HistoricalDate.of(1939), HistoricalDate.of(1945))
    assert one("the Second World War").period == "World War II"
    assert tag("after World War II", published=DCT, periods=False) == []


@pytest.mark.parametrize("text, type_, value", [
    ("for two weeks", "DURATION", "P2W"),
    ("the war lasted 85 years", "DURATION", "P85Y"),
    ("more than three years", "DURATION", "P3Y"),
    ("a few days", "DURATION", "PXD"),
    ("24 hours", "DURATION", "PT24H"),
    ("a two-year programme", "DURATION", "P2Y"),
    ("the past three years", "DURATION", "P3Y"),
    ("published daily", "SET", "P1D"),
    ("every Tuesday", "SET", "XXXX-WXX-2"),
    ("twice a year", "SET", "P1Y"),
    ("at 3 p.m.", "TIME", "2024-08-30T15:00"),
    ("this morning", "TIME", "2024-08-30TMO"),
])
def test_types(text, type_, value):
    t = one(text)
    assert (t.type, t.value) == (type_, value)


def test_more_than_is_a_mod():
    assert one("more than three years").mod == "MORE_THAN"


def test_anniversary_implies_a_date_for_the_phrase_after_it():
    text = "Leaders gathered for the 85th anniversary of the victory at the river, officials said."
    t = one(text)
    assert t.implies is not None
    assert t.implies.value == "1939" and t.implies.years == 85
    assert t.implies.text == "the victory at the river"
    assert text[t.implies.start:t.implies.end] == t.implies.text


def test_anniversary_possessive_and_since():
    found = tag("The victory's 80th anniversary is near.", published="2025-01-10")
    assert found[0].implies.text == "The victory" and found[0].implies.value == "1945"
    found = tag("It has been 80 years since the liberation of Paris.", published=DCT)
    assert found[0].implies.text == "the liberation of Paris"
    assert found[0].implies.value == "1944"


def test_published_forms():
    for published in ("2024-08-30", dt.date(2024, 8, 30), dt.datetime(2024, 8, 30, 9),
                      HistoricalDate.of(2024, 8, 30)):
        assert values("yesterday", published=published) == [("yesterday", "2024-08-29")]


def test_no_dct_leaves_unknown_parts_as_x():
    assert values("on September 3", published=None) == [("September 3", "XXXX-09-03")]
    assert values("last year", published=None) == [("last year", "XXXX")]


def test_to_dict_has_the_timex3_core():
    t = one("March 2023")
    assert t.to_dict() == {"start": 0, "end": 10, "text": "March 2023", "type": "DATE",
                           "value": "2023-03"}


def test_timex_is_frozen():
    t = one("March 2023")
    with pytest.raises(AttributeError):
        t.value = "x"


@pytest.mark.parametrize("text", [
    "You may go.", "They march on.", "1500 troops landed.", "It cost $2000.",
    "a second attack", "three quarters of the army", "the spring in the valley",
])
def test_not_temporal(text):
    assert tag(text, published=DCT) == []


def test_impossible_dates_are_not_emitted():
    found = tag("February 30, 2023", published=DCT)
    assert [t.value for t in found] in ([], ["2023"])  # the year alone is still a year
    assert tag("the 99th of Smarch", published=DCT) == []
    assert all(t.date is None or t.date.day != 29 for t in tag("February 29, 2023", published=DCT))


def test_bad_mode():
    with pytest.raises(ValueError, match="mode"):
        tag("today", mode="poetry")


@pytest.mark.parametrize("text, expected", [
    ("Profit rose in the third-quarter report.", [("third-quarter", "2024-Q3")]),
    ("Shares fell over the weekend.", [("the weekend", "2024-W34-WE")]),
    ("Late Tuesday, officials said so.", [("Late Tuesday", "2024-08-27")]),
    ("Thursday's killing was condemned.", [("Thursday", "2024-08-29")]),
    ("The plan takes effect Jan. 1.", [("Jan. 1", "2025-01-01")]),
    ("The strike could last months.", [("months", "PXM")]),
    ("a two-year contract", [("two-year", "P2Y")]),
])
def test_news_conventions(text, expected):
    assert values(text) == expected


def test_day_ranges_are_two_timexes():
    found = tag("the battle of 6-7 January 1916", published=DCT)
    assert [(t.text, t.value, t.role) for t in found] == [
        ("6", "1916-01-06", "start"), ("7 January 1916", "1916-01-07", "end")]
    assert found[0].end_date == HistoricalDate.of(1916, 1, 7)


def test_bce_range_in_parentheses_and_centuries_pair():
    assert values("First Punic War (264 to 241 BC)") == [("264", "BC0264"), ("241 BC", "BC0241")]
    assert values("the 19th and 20th centuries") == [("the 19th", "18"), ("20th centuries", "19")]


def test_parts_of_months_and_years_stay_one_expression():
    assert values("the last week of August 1918") == [("the last week of August 1918", "1918-08")]
    assert values("the first ten months of 1915") == [("the first ten months of 1915", "P10M")]
    t = one("by the end of the year", published=DCT)
    assert (t.value, t.mod) == ("2024", "END")


def test_an_aside_far_from_the_story_does_not_move_the_anchor():
    text = ("In 1940 the army advanced. In 1941 it fought on. In 1942 it stalled. In 1943 it "
            "retreated. In 1944 it lost. In 1945 it surrendered; papers declassified in 2005 "
            "tell the story. The next day the war ended. By 1946 the troops were home. "
            "In 1947 it was over.")
    found = {t.text: t.value for t in tag(text, published="2009-12-19")}
    assert found["The next day"].startswith("1945")


def test_without_a_dct_deictic_expressions_stay_unknown():
    found = {t.text: t for t in tag("In March 2023 a warrant was issued. Last year he skipped "
                                     "the 85th anniversary of the victory.", published=None)}
    assert found["Last year"].value == "XXXX" and found["Last year"].date is None
    assert found["the 85th anniversary"].implies is None


def test_clock_times_take_the_day_next_to_them():
    assert values("Shares traded at 10 a.m. on Monday.", published="1998-10-28")[0] == (
        "10 a.m.", "1998-10-26T10:00")
    assert values("On Tuesday at 3 p.m. they met.", published="1998-10-28")[1] == (
        "3 p.m.", "1998-10-27T15:00")


def test_and_a_half():
    assert values("It took a year and a half.") == [("a year and a half", "P1.5Y")]


def test_month_names_as_names_and_bare_halves():
    assert tag("June Carter sang.", published=DCT) == []
    assert values("In June Germany attacked.") == [("June", "2024-06")]
    assert values("Profit fell in the first half.") == [("the first half", "2024-H1")]
    assert tag("the second half of the match", published=DCT) == []

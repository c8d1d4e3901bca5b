"""TimeML news conventions (TimeBank, AQUAINT): a dated story counts from its date."""
from __future__ import annotations

from timeline.timex import tag


def values(text, published, **kw):
    return [(t.text, t.type, t.value) for t in tag(text, published=published, **kw)]


NATO = ("NATO, founded in 1949, took in Greece in 1952, West Germany in 1955 and Spain "
        "in 1982. Albright said Friday the three new members would join the summit in April.")


def test_history_in_a_news_story_does_not_make_it_a_narrative():
    got = values(NATO, "1999-03-12")
    assert ("Friday", "DATE", "1999-03-12") in got
    assert ("April", "DATE", "1999-04") in got


def test_a_history_without_deictic_words_stays_narrative():
    text = ("The war began in 1914. In 1915 Italy joined the Allies, and in 1916 the "
            "battle of Verdun began. In April the United States declared war.")
    got = values(text, "2009-12-19")
    assert ("April", "DATE", "1916-04") in got


def test_ages_are_not_timexes_in_news_but_measure_adjectives_are_durations():
    text = ("Elian, the 6-year-old boy, and his uncle, 52 years old, met a 27-year "
            "Reuters veteran on Tuesday.")
    got = values(text, "2000-01-07")
    assert [g[0] for g in got] == ["27-year", "Tuesday"]
    assert got[0][1:] == ("DURATION", "P27Y")


def test_ages_stay_in_a_narrative():
    text = "In 1799 Napoleon, 30 years old, seized power; in 1804 he was crowned."
    got = values(text, "2009-12-19", mode="narrative")
    assert ("30 years old", "DURATION", "P30Y") in got

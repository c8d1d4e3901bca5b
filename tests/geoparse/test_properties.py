"""Any text in: valid mentions out, never a crash."""
from __future__ import annotations

import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

WORDS = ["Paris", "Moscow", "the", "in", "Mongolia", "South", "African", "March", "Reading",
         "U.S.", "President", "Putin", "River", "of", "Gulf", "Mexico", ",", ".", "'s", "-",
         "Lake", "Victoria", "Dr.", "Ivins", "#Kenya", "\n", "NEW YORK:", "Nice", "virus"]


def check(text, mentions):
    last_end = 0
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text
        assert m.start >= last_end
        last_end = m.end
        assert m.kind in ("place", "adjective")
        d = m.to_dict()
        assert d["start"] == m.start and d["text"] == m.text
        assert m.resolution.status in ("resolved", "ambiguous", "unresolved")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=300))
def test_any_unicode(spot, text):
    check(text, spot(text))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join))
def test_place_like_word_salad(spot, text):
    check(text, spot(text))


def test_five_megabytes_finish(spot):
    paragraph = ("Officials in Nairobi said aid reached Juba, South Sudan, and Kenyan trucks "
                 "crossed from Uganda near Lake Victoria on Monday. ")
    text = paragraph * (5_000_000 // len(paragraph))
    started = time.perf_counter()
    mentions = spot(text)
    assert time.perf_counter() - started < 120
    check(text[:5000], [m for m in mentions if m.end <= 5000])
    assert len(mentions) > 100_000

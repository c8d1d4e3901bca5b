"""Any input gives a clean Resolution, never an exception."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

BAD = ["", " ", "\t\n", "\x00", "\x1b[31mMoscow", "x" * 10_000, "Moscow" * 2000, "🙂", "‮",
       "\ud800" if False else "\u0000\u0001", ",", "()", "(, )", ", , ,", "the", "The"]


@pytest.mark.parametrize("name", BAD)
def test_bad_names_are_unresolved_or_clean(gaz, name):
    r = gaz.resolve(name)
    assert r.status in ("resolved", "ambiguous", "unresolved")
    if not name.strip() or len(name) > 200:
        assert r.status == "unresolved" and r.best is None and r.candidates == []
    assert "\x00" not in r.query and "\x1b" not in r.query
    assert len(r.query) <= 120


@pytest.mark.parametrize("value", [None, 42, b"Moscow", ["Moscow"]])
def test_non_strings_are_unresolved(gaz, value):
    assert gaz.resolve(value).status == "unresolved"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.text(max_size=300), context=st.one_of(st.none(), st.text(max_size=500)),
       country=st.one_of(st.none(), st.text(max_size=3)), year=st.one_of(st.none(), st.integers()))
def test_resolve_never_crashes(gaz, name, context, country, year):
    r = gaz.resolve(name, context=context, country=country, year=year)
    assert r.status in ("resolved", "ambiguous", "unresolved")
    assert (r.best is not None) == (r.status == "resolved")
    d = r.to_dict()
    assert set(d) == {"query", "status", "best", "candidates"}


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(names=st.lists(st.text(max_size=60), max_size=8), text=st.one_of(st.none(), st.text(max_size=300)))
def test_resolve_all_never_crashes(gaz, names, text):
    out = gaz.resolve_all(names, context_text=text)
    assert len(out) == len(names)

"""Stories for the export tests: pinned places (no gazetteer needed) and hostile text;
the tagged-PDF reader of the handout's tests (tagged_pdf.py) made importable."""
from __future__ import annotations

import importlib
import importlib.util
import sys
from pathlib import Path

import pytest

from timeline.dates import HistoricalDate
from timeline.formats import load_text
from timeline.model import Candidate, Era, Event, PlaceRef, ResolvedPlace, Source, Story

PINNED_YAML = """
title: Pinned places
slug: pinned
summary: A small story whose places carry coordinates.
eras:
  - {title: Classical Greece, start: 500 BCE, end: 323 BCE, colour: "#eeeeee"}
events:
  - id: marathon
    title: Battle of Marathon
    start: 490 BCE
    group: War
    places: [{name: Marathon, lat: 38.1536, lon: 23.9633}]
    sources: [{url: "https://en.wikipedia.org/wiki/Battle_of_Marathon", title: Marathon}]
  - id: thermopylae
    title: Battle of Thermopylae
    start: 480 BCE
    end: 479 BCE
    group: War
    places: [{name: Thermopylae, lat: 38.7967, lon: 22.5367}]
  - id: khalkhin
    title: Battle of Khalkhin Gol
    start: 1939-05-11
    end: 1939-09-16
    places: [{name: Khalkhin Gol, lat: 47.7, lon: 118.6}]
  - id: circa
    title: Something around 1200
    start: c. 1200
    places: [{name: Somewhere, lat: -33.9, lon: 18.4}]
  - id: thirties
    title: A decade
    start: the 1930s
    places: [{name: Ulaanbaatar, lat: 47.92, lon: 106.92}]
  - id: undated
    title: Undated but placed
    places: [{name: Rome, lat: 41.9, lon: 12.5}]
  - id: nowhere
    title: An event without a place
    start: 2001-02-03
"""


@pytest.fixture
def pinned() -> Story:
    return load_text(PINNED_YAML, name="pinned.yaml").story


HOSTILE = '</text><script>alert(1)</script>&amp;"\'<!-- ]]> ${x}'


@pytest.fixture
def hostile_text() -> str:
    return HOSTILE


@pytest.fixture
def hostile() -> Story:
    """Every text field carries markup; places are already resolved (no gazetteer)."""
    amb = ResolvedPlace(status="ambiguous", name="Springfield", lat=39.8, lon=-89.6,
                        candidates=(Candidate("Springfield", 39.8, -89.6, "US", "city", 1, 0.4),
                                    Candidate("Springfield", 42.1, -72.6, "US", "city", 2, 0.39)))
    events = (
        Event(id="e1", title="Title " + HOSTILE, start=HistoricalDate.of(1999, 1, 2),
              text="Text " + HOSTILE, group="G " + HOSTILE,
              places=(PlaceRef("Place " + HOSTILE, 10.0, 20.0),),
              sources=(Source(url="javascript:alert(1)", title="Src " + HOSTILE),)),
        Event(id="e2", title="Lost", start=HistoricalDate.of(2000),
              places=(PlaceRef("Atlantis", resolved=ResolvedPlace(status="unresolved")),
                      PlaceRef("Springfield", resolved=amb))),
    )
    return Story(title="Story " + HOSTILE, summary="Summary " + HOSTILE, byline=HOSTILE,
                 events=events, slug="hostile",
                 eras=(Era("Era " + HOSTILE, HistoricalDate.of(1998), HistoricalDate.of(2001)),))


def gazetteer_ready() -> bool:
    try:
        return hasattr(importlib.import_module("gazetteer"), "default_gazetteer")
    except ImportError:
        return False


@pytest.fixture
def real_gazetteer() -> None:
    """Skip (saying why) while the offline gazetteer the demo's places need is missing."""
    if not gazetteer_ready():
        pytest.skip("gazetteer.default_gazetteer is not there yet (being built in parallel); "
                    "the demo story's places need it")


def _load_tagged_pdf() -> None:
    """tests/ has no packages and pytest imports by path: load tagged_pdf.py by path
    once, so test modules can ``from tagged_pdf import ...``."""
    if "tagged_pdf" not in sys.modules:
        path = Path(__file__).resolve().parent / "tagged_pdf.py"
        spec = importlib.util.spec_from_file_location("tagged_pdf", path)
        module = importlib.util.module_from_spec(spec)
        sys.modules["tagged_pdf"] = module
        spec.loader.exec_module(module)


_load_tagged_pdf()

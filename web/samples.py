"""Stories for tests and benchmarks, built from the model directly (no files, no gazetteer).

``sample_story``: a small pinned version of the demo's shape (a range, BCE, circa, an
ambiguous and an unresolved place, an undated event, eras, a river line and an area).
``hostile_story``: every trick a story's author could try against a reader's browser.
``generated_story(n)``: n events for load tests.
"""
from __future__ import annotations

import random

from timeline.dates import HistoricalDate as D, Precision
from timeline.model import Candidate, Era, Event, PlaceRef, ResolvedPlace, Source, Story

__all__ = ["sample_story", "hostile_story", "generated_story", "empty_story", "KHALKHIN_GOL"]

KHALKHIN_GOL = (47.7, 118.6)


def _pinned(name: str, lat: float, lon: float) -> PlaceRef:
    return PlaceRef(name, lat, lon)


def _resolved(name: str, lat: float, lon: float, *, country: str = "MN", geometry=None) -> PlaceRef:
    return PlaceRef(name, resolved=ResolvedPlace("resolved", name, lat, lon, country, "place", None,
                                                 1.0, (), geometry))


def sample_story() -> Story:
    river = {"type": "LineString", "coordinates": [[118.0, 47.9], [118.6, 47.7], [119.2, 47.6]]}
    area = {"type": "Polygon", "coordinates": [[[88, 42], [120, 42], [120, 52], [88, 52], [88, 42]]]}
    events = (
        Event("khalkhin-gol", "Battle of Khalkhin Gol", D.of(1939, 5, 11), D.of(1939, 9, 16),
              text="Soviet and Mongolian troops fight the **Kwantung Army** along the river.",
              places=(_resolved("Khalkhin Gol", *KHALKHIN_GOL, geometry=river),
                      _resolved("Mongolia", 46.8, 103.0, geometry=area)),
              group="War",
              sources=(Source("https://en.wikipedia.org/wiki/Battles_of_Khalkhin_Gol", "Wikipedia"),)),
        Event("ceasefire-1939", "Ceasefire ends the border war", D.of(1939, 9, 15),
              text="Agreed in Moscow.", places=(_pinned("Moscow", 55.75, 37.62),), group="War"),
        Event("marathon", "Battle of Marathon", D.bce(490), text="Athens against Persia.",
              places=(_pinned("Marathon", 38.15, 23.96),), group="Ancient"),
        Event("great-wall", "Work on a wall", D.of(1200, approximate=True),
              text="An approximate date.", places=(_pinned("Jinshanling", 40.68, 117.24),),
              group="Ancient"),
        Event("springfield", "Something in Springfield", D.of(1950, 6),
              text="Which Springfield?",
              places=(PlaceRef("Springfield", resolved=ResolvedPlace(
                  "ambiguous", candidates=(
                      Candidate("Springfield", 39.8, -89.64, "US", "city"),
                      Candidate("Springfield", 42.1, -72.59, "US", "city")))),),
              group="Law"),
        Event("atlantis", "News from Atlantis", D.of(2001, 4, 1),
              text="Nobody knows where.", places=(PlaceRef("Atlantis",
                                                             resolved=ResolvedPlace("unresolved")),),
              group="Law"),
        Event("putin-ulaanbaatar", "Putin visits Ulaanbaatar", D.of(2024, 9, 3),
              text="A state visit despite the ICC warrant.",
              places=(_resolved("Ulaanbaatar", 47.92, 106.92),), group="Diplomacy"),
        Event("someday", "An undated note", None, text="No date known.",
              places=(_pinned("Rome", 41.9, 12.5),)),
    )
    eras = (Era("Second World War", D.of(1939, 9, 1), D.of(1945, 9, 2), "#d9d9d9"),)
    return Story("Sample: Khalkhin Gol and others", events, summary="A small test story.",
                 eras=eras, slug="sample")


HOSTILE = [
    "<script>window.__pwned=1</script>",
    "${window.__pwned=2}",
    "</script><script>window.__pwned=3</script>",
    "[click](javascript:window.__pwned=4)",
    "<img src=x onerror=\"window.__pwned=5\">",
    "`${alert(1)}` {{7*7}} {% raw %}",
    "<a href=\"javascript:window.__pwned=6\">x</a><svg onload=\"window.__pwned=7\"></svg>",
    "<iframe src=\"https://evil.example/\"></iframe>![pic](https://evil.example/p.png)",
]


def hostile_story() -> Story:
    events = []
    for i, payload in enumerate(HOSTILE):
        events.append(Event(
            f"h{i}\"'><script>", f"{payload} title {i}", D.of(1900 + i), text=f"{payload}\n\n{payload}",
            places=(_pinned(f"{payload} place", 10.0 + i, 20.0 + i),),
            group=f"{payload} group" if i % 2 else None,
            sources=(Source(url="javascript:window.__pwned=8", title=payload),
                     Source(url="https://example.org/ok", title="fine")),
        ))
    eras = (Era("</script><script>window.__pwned=9</script>", D.of(1900), D.of(1904),
                "red;background:url(https://evil.example/)"),)
    return Story("</script><script>window.__pwned=10</script> ${window.__pwned=11}", tuple(events),
                 summary="<b onmouseover=\"window.__pwned=12\">hostile</b>", eras=eras, slug="hostile",
                 settings={"tiles": [{"url": "javascript:alert(1)"}]})


def empty_story() -> Story:
    return Story("An empty story", (), slug="empty")


def generated_story(n: int, *, seed: int = 1, slug: str | None = None) -> Story:
    """n dated events with mixed precision, ranges, circa dates and places worldwide."""
    rng = random.Random(seed)
    groups = ["War", "Law", "Diplomacy", "Science", "Art", "Trade"]
    events = []
    for i in range(n):
        year = rng.randint(1500, 2024)
        kind = rng.random()
        if kind < 0.5:
            start = D.of(year, rng.randint(1, 12), rng.randint(1, 28))
        elif kind < 0.8:
            start = D.of(year)
        else:
            start = D.of(year, approximate=True)
        end = D.of(min(year + rng.randint(1, 5), 2025)) if rng.random() < 0.1 else None
        lat, lon = rng.uniform(-55, 70), rng.uniform(-170, 175)
        events.append(Event(f"e{i}", f"Event {i} in {year}", start, end,
                            text=f"Generated event number {i}.",
                            places=(PlaceRef(f"Place {i}", round(lat, 4), round(lon, 4)),),
                            group=groups[i % len(groups)]))
    return Story(f"Generated story of {n} events", tuple(events), slug=slug or f"gen-{n}")

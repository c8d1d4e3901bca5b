"""Places found in the words of events that the file gave no place.

TimelineJS sheets and JSON have no place columns, yet their headlines say "Siege of
Constantinople" or "Muhammad is born in Mecca". For every event without a place, the
headline and text are geoparsed (:func:`gazetteer.spotting.spot`), all events in one
document so that each name is resolved with the whole sheet as context. The place found
is marked ``inferred`` with the geoparser's ``confidence``; a Place, Latitude or
Longitude the file gives always wins (those events are not geoparsed).

One spotter call for the whole story keeps loading fast (see ``benchmarks`` note in the
tests: a 500-row sheet).
"""
from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..model import Event, PlaceRef, Story

# A demonym ("Persian army") points at a country: weaker evidence than a name.
_ADJECTIVE_WEIGHT = 0.6
# Below this the geoparser is guessing; such events stay without a marker.
MIN_CONFIDENCE = 0.2


def _document(story: Story, todo: list[int]) -> tuple[str, list[tuple[int, int, int, int]]]:
    """The text to geoparse and, per event to do, (index, headline start, headline end,
    text end) in it."""
    from ..htmltext import plain_text

    doc = story.title + "\n\n" + plain_text(story.summary or "") + "\n\n"
    spans = []
    for i in todo:
        e = story.events[i]
        head_start = len(doc)
        # The headline ends with a full stop so that it reads as a sentence of its own.
        doc += plain_text(e.extra.get("headline") or e.title).strip().rstrip(".") + "."
        head_end = len(doc)
        doc += "\n" + plain_text(e.text)
        spans.append((i, head_start, head_end, len(doc)))
        doc += "\n\n"
    return doc, spans


def _score(m: Any, in_headline: bool) -> tuple:
    """A name before a demonym, the headline before the text, then confidence."""
    return (m.kind != "adjective", in_headline, float(m.confidence))


def infer_places(story: Story, *, gazetteer: Any = None) -> Story:
    """The story with a geoparsed, ``inferred`` place on each event the file left
    without one (when the words of the event name a place)."""
    todo = [i for i, e in enumerate(story.events) if not e.places]
    if not todo:
        return story
    from gazetteer.spotting import spot

    doc, spans = _document(story, todo)
    years = [story.events[i].start.year for i in todo if story.events[i].start]
    published = max(years) if years else None
    mentions = spot(doc, gazetteer=gazetteer, published_year=published)
    events = list(story.events)
    k = 0
    for i, head_start, head_end, text_end in spans:
        best = None
        while k < len(mentions) and mentions[k].start < text_end:
            m = mentions[k]
            k += 1
            if m.start < head_start or m.best is None:
                continue
            score = _score(m, m.end <= head_end)
            if best is None or score > best[0]:
                best = (score, m)
        if best is None:
            continue
        m = best[1]
        confidence = round(float(m.confidence) * (_ADJECTIVE_WEIGHT if m.kind == "adjective" else 1.0), 3)
        if confidence < MIN_CONFIDENCE:
            continue
        events[i] = _with_place(events[i], m, confidence)
    return story.with_events(events)


def _with_place(event: Event, m: Any, confidence: float) -> Event:
    b = m.best
    place = PlaceRef(name=b.name, lat=round(b.lat, 5), lon=round(b.lon, 5),
                     adjective=m.text if m.kind == "adjective" else None,
                     inferred=True, confidence=confidence)
    extra = dict(event.extra)
    extra["place_from"] = m.text  # the words the place was read from
    return replace(event, places=(place,), extra=extra)

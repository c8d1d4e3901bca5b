"""Story documents: the native JSON, validated by the shipped schema before it is kept.

A document is checked by the same reader as ``chronoatlas validate`` (every problem
located by field), then written back in its normal form, so every stored event has an
id the studio and the revision diffs can name.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from timeline.errors import StoryFormatError
from timeline.formats._collect import Collector
from timeline.formats.native import story_from_data, story_to_data
from timeline.model import Story, event_sort_key

__all__ = ["normalise", "normalise_against", "story_of", "StoryFormatError"]


def story_of(document: Any, *, name: str = "story") -> Story:
    """The Story a document holds; StoryFormatError with every problem otherwise."""
    return story_from_data(document, Collector(name)).story


def normalise(document: Any, *, name: str = "story") -> tuple[dict[str, Any], Story]:
    """The document in normal form and its Story (ids filled, dates in machine form)."""
    story = story_of(document, name=name)
    data = story_to_data(story)
    # Keep what the reader leaves aside but the schema allows (x- members of the story).
    if isinstance(document, dict):
        for key, value in document.items():
            if key.startswith("x-"):
                data[key] = value
    return data, story


_EVENT_FIELD = re.compile(r"^events\[(\d+)\]")
# More changed events than this and the whole document is read again (one reader call
# per changed event is cheaper only while they are few).
MAX_FRESH = 16


def normalise_against(document: Any, previous: dict | None) -> dict[str, Any]:
    """``normalise(document)[0]``, cheaply for a save: events identical to one in the
    previous (already validated, normal-form) revision are kept as they are; the story's
    own fields and each event that changed or is new go through the reader, every problem
    located at its index in ``document``; the result is put in the normal order. A
    1,000-event story with one edit validates one event. Falls back to ``normalise``
    whenever the shortcut could differ from it (many changes, an id collision).
    """
    if not (isinstance(document, dict) and isinstance(previous, dict)
            and isinstance(document.get("events"), list)):
        return normalise(document)[0]
    known = {e.get("id"): e for e in previous.get("events", []) if isinstance(e, dict)}
    events = document["events"]
    fresh = [i for i, e in enumerate(events)
             if not (isinstance(e, dict) and e.get("id") in known and known[e["id"]] == e)]
    if len(fresh) > MAX_FRESH or len(fresh) * 2 > len(events):
        return normalise(document)[0]
    story_part = {k: v for k, v in document.items() if k != "events"}
    problems, checked = [], {}
    try:  # the story's own fields, once
        data = normalise({**story_part, "events": []})[0]
    except StoryFormatError as exc:
        problems.extend(exc.problems)
        data = None
    for i in fresh:  # each changed event alone, so its result and problems are its own
        try:
            one = normalise({**story_part, "events": [events[i]]})[0]["events"]
        except StoryFormatError as exc:
            located = [_relocate(p, i) for p in exc.problems if _EVENT_FIELD.match(p.field or "")]
            if len(located) < len(exc.problems):  # a story-wide problem only this event shows
                return normalise(document)[0]
            problems.extend(located)
            continue
        if len(one) != 1:
            return normalise(document)[0]
        checked[i] = one[0]
    if problems:
        raise StoryFormatError(problems, problems[0].file)
    # unchanged events are the previous revision's own objects: the diff skips them by identity
    merged = [checked[i] if i in checked else known[e["id"]] for i, e in enumerate(events)]
    ids = [e["id"] for e in merged]
    if len(set(ids)) != len(ids):  # a new event's id collides with a kept one
        return normalise(document)[0]
    data["events"] = _in_normal_order(merged, data.get("settings") or {})
    return data


def _relocate(problem, index: int):
    """A problem of the one-event part (``events[0]...``) at the event's own index."""
    from dataclasses import replace

    field = problem.field or ""
    m = _EVENT_FIELD.match(field)
    return replace(problem, field=f"events[{index}]" + field[m.end():])


class _Placed:
    """An event as the model's order rule sees it: dates read, nothing else."""

    __slots__ = ("id", "title", "start", "end")

    def __init__(self, start: str | None, end: str | None, title: str, event_id: str):
        from timeline.dates import parse_date

        self.id, self.title = event_id, title
        self.start = parse_date(start) if start else None
        self.end = parse_date(end) if end else None


@lru_cache(maxsize=65536)
def _sort_key(start: str | None, end: str | None, title: str, event_id: str) -> tuple:
    """``event_sort_key`` of a normal-form event (cached: most events of a save are the
    previous revision's, their keys already known)."""
    return event_sort_key(_Placed(start, end, title, event_id))


# With the model's ``played_events`` (slide stories), story_to_data keeps a slide story
# in file order; before it, every story is written in time order.
_SLIDES_IN_FILE_ORDER = hasattr(Story, "played_events")


def _in_normal_order(events: list[dict], settings: dict) -> list[dict]:
    """The order ``story_to_data`` writes events in: dated ones by the model's total
    order, then the undated ones as given (a slide story: all as given)."""
    if _SLIDES_IN_FILE_ORDER and settings.get("order") == "slides":
        return events
    dated = sorted((e for e in events if e.get("start")), key=lambda e: _sort_key(
        e.get("start"), e.get("end"), e.get("title", ""), e.get("id", "")))
    return dated + [e for e in events if not e.get("start")]

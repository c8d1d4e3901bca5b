"""Story documents: the native JSON, validated by the shipped schema before it is kept.

A document is checked by the same reader as ``chronoatlas validate`` (every problem
located by field), then written back in its normal form, so every stored event has an
id the studio and the revision diffs can name.
"""
from __future__ import annotations

import re
from typing import Any

from timeline.errors import StoryFormatError
from timeline.formats._collect import Collector
from timeline.formats.native import story_from_data, story_to_data
from timeline.model import Story

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


def normalise_against(document: Any, previous: dict | None) -> dict[str, Any]:
    """``normalise`` for a save: events identical to one in the previous (already
    validated, normal-form) revision are kept as they are; the story's own fields and the
    events that changed or are new go through the reader, every problem located at its
    index in ``document``. A 1,000-event story with one edit validates one event.
    """
    if not (isinstance(document, dict) and isinstance(previous, dict)
            and isinstance(document.get("events"), list)):
        return normalise(document)[0]
    known = {e.get("id"): e for e in previous.get("events", []) if isinstance(e, dict)}
    events = document["events"]
    fresh = [i for i, e in enumerate(events)
             if not (isinstance(e, dict) and e.get("id") in known and known[e["id"]] == e)]
    if len(fresh) * 2 > len(events):
        return normalise(document)[0]
    part = {k: v for k, v in document.items() if k != "events"}
    part["events"] = [events[i] for i in fresh]
    try:
        checked, _story = normalise(part)
    except StoryFormatError as exc:
        raise StoryFormatError([_relocate(p, fresh) for p in exc.problems], exc.file) from None
    by_index = dict(zip(fresh, checked["events"])) if len(checked["events"]) == len(fresh) else None
    if by_index is None:
        return normalise(document)[0]
    # unchanged events are the previous revision's own objects: the diff skips them by identity
    merged = [by_index[i] if i in by_index else known[e["id"]] for i, e in enumerate(events)]
    ids = [e["id"] for e in merged]
    if len(set(ids)) != len(ids):  # a new event's id collides with a kept one
        return normalise(document)[0]
    checked["events"] = merged
    return checked


def _relocate(problem, fresh: list[int]):
    from dataclasses import replace

    field = problem.field or ""
    m = _EVENT_FIELD.match(field)
    if not m or int(m.group(1)) >= len(fresh):
        return problem
    return replace(problem, field=f"events[{fresh[int(m.group(1))]}]" + field[m.end():])

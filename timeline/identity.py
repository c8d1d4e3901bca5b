"""The id, slug and colour rules every story format goes through, in one place.

Loaders (YAML/JSON, TimelineJS, CSV sheets, extracted drafts) build a Story their own
way and then call :func:`conform`, so what reaches a URL, an HTML id or a style is the
same whatever the file was: event ids are URL-safe and unique, a story slug is a single
path segment, and colours are ``#rrggbb`` or absent.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterable

from .model import Era, Event, Story, slugify

__all__ = ["ID_PATTERN", "SLUG_PATTERN", "conform", "story_slug", "unique_ids", "valid_colour"]

ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,99}")
SLUG_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]{0,79}")
_COLOUR = re.compile(r"#([0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})")


def valid_colour(value: object) -> str | None:
    """``"#ABC"`` -> ``"#aabbcc"``; anything that is not a hex colour -> None."""
    if not isinstance(value, str):
        return None
    m = _COLOUR.fullmatch(value.strip())
    if not m:
        return None
    digits = m.group(1).lower()
    return "#" + ("".join(ch * 2 for ch in digits) if len(digits) == 3 else digits)


def story_slug(value: object) -> str | None:
    """A slug that is one URL path segment ("a/b" once listed on / and then 404ed)."""
    if not isinstance(value, str) or not value.strip():
        return None
    if SLUG_PATTERN.fullmatch(value):
        return value
    return slugify(value, fallback="story", max_length=80)


def _event_id(value: str, title: str) -> str:
    if value and ID_PATTERN.fullmatch(value):
        return value
    return slugify(value or title, fallback="event")


def unique_ids(events: Iterable[Event]) -> list[Event]:
    """Give every event a valid, unique id, derived from its title where it had none.

    Linear: each base remembers the next suffix to try, so 18,000 events with one
    headline take milliseconds, not the 41 s a restart-from-2 loop took.
    """
    seen: set[str] = set()
    next_suffix: dict[str, int] = {}
    result = []
    for event in events:
        base = _event_id(event.id, event.title)
        candidate = base
        if candidate in seen:
            n = next_suffix.get(base, 2)
            candidate = f"{base}-{n}"
            while candidate in seen:
                n += 1
                candidate = f"{base}-{n}"
            next_suffix[base] = n + 1
        seen.add(candidate)
        result.append(event if candidate == event.id else replace(event, id=candidate))
    return result


def _era(era: Era) -> Era:
    colour = valid_colour(era.colour)
    return era if colour == era.colour else replace(era, colour=colour)


def _background(event: Event) -> Event:
    bg = event.background
    if not bg or "color" not in bg:
        return event
    colour = valid_colour(bg.get("color"))
    rest = {k: v for k, v in bg.items() if k != "color"}
    new = {**rest, "color": colour} if colour else rest
    return event if new == bg else replace(event, background=new or None)


def conform(story: Story) -> Story:
    """The story with the shared rules applied: call it last in every loader."""
    events = unique_ids(_background(e) for e in story.events)
    eras = tuple(_era(e) for e in story.eras)
    slug = story_slug(story.slug)
    return replace(story, events=tuple(events), eras=eras, slug=slug)

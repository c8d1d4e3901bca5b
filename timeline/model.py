"""The story model every format reads into and every view reads from.

Values are plain dataclasses: formats build them, the gazetteer fills in
``PlaceRef.resolved``, and the web app and exporters only read them.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from typing import Any, Iterable

from .dates import HistoricalDate

__all__ = [
    "Candidate", "Era", "Event", "Media", "PlaceRef", "ResolvedPlace", "Source", "Story",
    "slugify", "ordered", "event_sort_key",
]


def slugify(text: str, *, fallback: str = "item", max_length: int = 60) -> str:
    """A stable, URL-safe id from a title: "Battle of Khalkhin Gol" -> "battle-of-khalkhin-gol"."""
    folded = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")[:max_length].strip("-")
    return slug or fallback


@dataclass(frozen=True)
class Candidate:
    """One place a name may refer to, as the gazetteer scored it."""

    name: str
    lat: float
    lon: float
    country: str | None = None
    kind: str | None = None
    geonameid: int | None = None
    score: float = 0.0


@dataclass(frozen=True)
class ResolvedPlace:
    """What the resolver made of a name: a status, the best place and the alternatives.

    ``status`` is "resolved", "ambiguous", "unresolved" or "pinned" (coordinates given
    in the story, which always win).
    """

    status: str
    name: str | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    kind: str | None = None
    geonameid: int | None = None
    score: float | None = None
    candidates: tuple[Candidate, ...] = ()
    geometry: dict | None = None

    @property
    def located(self) -> bool:
        return self.lat is not None and self.lon is not None


@dataclass(frozen=True)
class PlaceRef:
    """A place as the story names it, optionally pinned to coordinates."""

    name: str
    lat: float | None = None
    lon: float | None = None
    resolved: ResolvedPlace | None = None
    # Set when the place was inferred from an adjective ("Sudanese" -> Sudan): weaker
    # evidence than a name, shown as such to the editor.
    adjective: str | None = None
    # The map zoom of a slide showing this place (StoryMapJS-like stories), and, for a
    # place found by geoparsing rather than given by the file, that and how sure it is.
    zoom: int | None = None
    inferred: bool = False
    confidence: float | None = None

    @property
    def pinned(self) -> bool:
        return self.lat is not None and self.lon is not None


@dataclass(frozen=True)
class Media:
    url: str
    caption: str | None = None
    credit: str | None = None
    alt: str | None = None
    thumbnail: str | None = None
    title: str | None = None
    link: str | None = None


@dataclass(frozen=True)
class Source:
    url: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class Era:
    title: str
    start: HistoricalDate
    end: HistoricalDate
    colour: str | None = None
    text: str | None = None


@dataclass(frozen=True)
class Event:
    """One thing that happened, somewhere, at some time (or at an unknown time).

    ``text`` is Markdown written by the story's author: untrusted, rendered and
    sanitised only at display time.
    """

    id: str
    title: str
    start: HistoricalDate | None = None
    end: HistoricalDate | None = None
    text: str = ""
    display_date: str | None = None
    places: tuple[PlaceRef, ...] = ()
    group: str | None = None
    tags: tuple[str, ...] = ()
    media: Media | None = None
    sources: tuple[Source, ...] = ()
    background: dict[str, str] | None = None
    # Drafts extracted from an article say how sure they are and where they came from
    # (character offsets into the article), so an editor can check them.
    confidence: float | None = None
    provenance: tuple[int, int] | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def dated(self) -> bool:
        return self.start is not None

    def date_label(self) -> str:
        """What a reader sees: the author's display date, else "start – end"."""
        if self.display_date:
            return self.display_date
        if self.start is None:
            return "undated"
        if self.end is None or self.end == self.start:
            return self.start.label()
        return f"{self.start.label()} – {self.end.label()}"


@dataclass(frozen=True)
class Story:
    title: str
    events: tuple[Event, ...] = ()
    summary: str | None = None
    byline: str | None = None
    language: str = "en"
    published: HistoricalDate | None = None
    eras: tuple[Era, ...] = ()
    media: Media | None = None
    settings: dict[str, Any] = field(default_factory=dict, compare=False)
    slug: str | None = None

    @property
    def dated_events(self) -> list[Event]:
        """Dated events in the story's total order."""
        return ordered(e for e in self.events if e.dated)

    @property
    def undated_events(self) -> list[Event]:
        """Undated events, kept apart in the order the author gave them."""
        return [e for e in self.events if not e.dated]

    def with_events(self, events: Iterable[Event]) -> "Story":
        return replace(self, events=tuple(events))

    def event(self, event_id: str) -> Event | None:
        return next((e for e in self.events if e.id == event_id), None)


def event_sort_key(event: Event) -> tuple:
    """Total, deterministic order: start, then end (points before ranges), title, id.

    A year-only date sorts at the start of its year, before day-precise dates of the
    same year (see :meth:`HistoricalDate.sort_key`).
    """
    start = event.start.sort_key() if event.start else (float("inf"),)
    end = event.end.sort_key() if event.end else start
    return (start, end, event.title, event.id)


def ordered(events: Iterable[Event]) -> list[Event]:
    return sorted(events, key=event_sort_key)

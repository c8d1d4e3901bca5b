"""One article through the same extraction as ``chronoatlas extract``, as table rows.

Pure functions of values: an :class:`ArticleRecord` in, rows of the ``articles``,
``events`` and ``mentions`` tables out. A failing article becomes an ``articles`` row
with its error, never an exception, so one bad article cannot stop a build.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from ..dates import DateError, parse_date
from .sources import ArticleRecord

# How much of an article's sentence an event row quotes (the full text stays in the
# article's own archive; the index is for finding).
QUOTE_CHARS = 600


@dataclass
class ArticleRows:
    articles: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    mentions: list[dict[str, Any]] = field(default_factory=list)


def _article_row(record: ArticleRecord, *, words: int = 0, events: int = 0,
                 error: str | None = None, notes: str | None = None) -> dict[str, Any]:
    return {"article_id": record.id, "title": record.title, "url": record.url,
            "published": record.published, "where": record.where, "words": words,
            "events": events, "error": error, "notes": notes}


def article_rows(record: ArticleRecord, *, admin1_of: Callable[[int], str | None] | None = None,
                 extract: Callable | None = None) -> ArticleRows:
    """Extract one article into rows; ``admin1_of`` maps a GeoNames id to its admin-1 code."""
    out = ArticleRows()
    if record.error:
        out.articles.append(_article_row(record, error=record.error))
        return out
    published = None
    if record.published:
        try:
            published = parse_date(record.published)
        except DateError as exc:
            out.articles.append(_article_row(record, error=f"published: {exc}"))
            return out
    if extract is None:
        from ..extract import extract
    try:
        result = extract(record.text, published=published, title=record.title)
    except (ValueError, RecursionError) as exc:  # ArticleError is a ValueError
        out.articles.append(_article_row(record, error=f"{type(exc).__name__}: {exc}"))
        return out
    story = result.story
    for event in story.dated_events:
        out.events.append(_event_row(record.id, event, admin1_of))
    for m in result.mentions:
        place = m.place
        out.mentions.append({
            "article_id": record.id, "start": m.start, "end": m.end, "text": m.text,
            "kind": "demonym" if m.adjective else "name",
            "status": place.status if place else "unresolved",
            "place_name": place.name if place else None,
            "geonameid": place.geonameid if place else None,
            "lat": place.lat if place else None, "lon": place.lon if place else None,
            "country": place.country if place else None,
        })
    out.articles.append(_article_row(record, words=len(record.text.split()),
                                     events=len(out.events),
                                     notes="; ".join(result.notes) or None))
    return out


def _event_row(article_id: str, event, admin1_of) -> dict[str, Any]:
    start = event.start
    end = event.end or start
    place = next((p for p in event.places if p.resolved is not None and p.resolved.located), None)
    resolved = place.resolved if place else None
    geonameid = resolved.geonameid if resolved else None
    evidence = event.provenance or (None, None)
    return {
        "article_id": article_id, "event_id": event.id, "headline": event.title,
        "quote": (event.text or "")[:QUOTE_CHARS],
        "start": start.isoformat(), "end": end.isoformat() if event.end else None,
        "start_pos": start.position, "end_pos": end.end_position(),
        "precision": start.precision.value if start.precision else None,
        "century": int(start.year // 100),
        "place_name": (resolved.name or place.name) if place else None,
        "place_status": resolved.status if resolved else None,
        "geonameid": geonameid,
        "lat": resolved.lat if resolved else None, "lon": resolved.lon if resolved else None,
        "country": resolved.country if resolved else None,
        "admin1": admin1_of(geonameid) if (admin1_of and geonameid) else None,
        "confidence": event.confidence,
        "evidence_start": evidence[0], "evidence_end": evidence[1],
    }

"""A resolved Story as JSON: the public API shape and the compact page data the glue reads.

Only values leave here; every piece of story text is data for ``textContent`` (or
sanitised HTML from :mod:`web.content.richtext`), never code.
"""
from __future__ import annotations

import json
from typing import Any

from timeline.htmltext import looks_like_html
from timeline.model import Era, Event, PlaceRef, Story

from ..content.media import MediaPolicy, background, describe
from ..content.richtext import embedded_media, render_inline, render_text

__all__ = ["story_json", "event_json", "event_detail", "page_data", "PALETTE", "place_status",
           "place_zoom", "low_confidence", "slide_order"]

# Okabe & Ito's colour-blind-safe palette (black moved last); the CSS classes .ca-g0...
# use the same order.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]

# The page carries the events' rendered text (sources, candidates) only while that stays
# small: at most this many events and this many characters of it. Above either, the panel
# fetches an event's text when it is selected, and the page stays quick to load.
INLINE_TEXT_LIMIT = 2000
INLINE_TEXT_BUDGET = 120_000

_STATUS_CODE = {"resolved": 0, "pinned": 1, "ambiguous": 2, "unresolved": 3}


def _date(d) -> str | None:
    return d.isoformat() if d is not None else None


def place_status(place: PlaceRef) -> str:
    if place.pinned:
        return "pinned"
    if place.resolved is None:
        return "unresolved"
    return place.resolved.status


def place_coords(place: PlaceRef) -> tuple[float | None, float | None]:
    if place.pinned:
        return place.lat, place.lon
    r = place.resolved
    if r is not None and r.located:
        return r.lat, r.lon
    return None, None


LOW_CONFIDENCE = 0.5  # below this (or inferred by geoparsing) a place is flagged to readers


def place_zoom(place: PlaceRef) -> int | None:
    """The map zoom an author gave for a slide's place (``places[i].zoom``), if any."""
    zoom = getattr(place, "zoom", None)
    return int(zoom) if isinstance(zoom, (int, float)) and 0 <= zoom <= 20 else None


def low_confidence(place: PlaceRef) -> bool:
    """A place the file did not give (found by geoparsing) or one scored below
    :data:`LOW_CONFIDENCE`: the viewer says so rather than presenting it as fact."""
    confidence = getattr(place, "confidence", None)
    return bool(getattr(place, "inferred", False)) or (
        isinstance(confidence, (int, float)) and confidence < LOW_CONFIDENCE)


def slide_order(story: Story) -> bool:
    """``settings.order: "slides"``: the events play in file order, one slide at a time."""
    return isinstance(story.settings, dict) and story.settings.get("order") == "slides"


def place_json(place: PlaceRef) -> dict[str, Any]:
    lat, lon = place_coords(place)
    r = place.resolved
    out: dict[str, Any] = {"name": place.name, "status": place_status(place), "lat": lat, "lon": lon}
    if low_confidence(place):
        out["inferred"] = bool(getattr(place, "inferred", False))
        out["low_confidence"] = True
        if getattr(place, "confidence", None) is not None:
            out["confidence"] = place.confidence
    if r is not None:
        out["resolved_name"] = r.name
        out["country"] = r.country
        out["kind"] = r.kind
        out["geonameid"] = r.geonameid
        out["candidates"] = [
            {"name": c.name, "lat": c.lat, "lon": c.lon, "country": c.country, "kind": c.kind,
             "geonameid": c.geonameid, "score": c.score}
            for c in r.candidates
        ]
    else:
        out["candidates"] = []
    return out


def event_json(event: Event) -> dict[str, Any]:
    return {
        "id": event.id,
        "title": event.title,
        "start": _date(event.start),
        "end": _date(event.end),
        "label": event.date_label(),
        "precision": event.start.precision.value if event.start else None,
        "approximate": bool(event.start and event.start.approximate),
        "group": event.group,
        "tags": list(event.tags),
        "places": [place_json(p) for p in event.places],
        "text": event.text,
        "sources": [{"url": s.url, "title": s.title} for s in event.sources],
        "media": (
            {"url": event.media.url, "caption": event.media.caption, "credit": event.media.credit,
             "alt": event.media.alt, "link": event.media.link}
            if event.media else None
        ),
    }


def _era_json(era: Era) -> dict[str, Any]:
    return {"title": era.title, "start": _date(era.start), "end": _date(era.end),
            "colour": era.colour, "text": era.text}


def story_json(story: Story, slug: str) -> dict[str, Any]:
    """The public JSON of ``/api/stories/<slug>``: events in order, undated apart, eras."""
    return {
        "ok": True,
        "slug": slug,
        "title": story.title,
        "summary": story.summary,
        "byline": story.byline,
        "language": story.language,
        "events": [event_json(e) for e in story.dated_events],
        "undated": [event_json(e) for e in story.undated_events],
        "eras": [_era_json(e) for e in story.eras],
    }


def _safe_url(url: str | None) -> str | None:
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None


def event_media(event: Event, policy: MediaPolicy) -> list[dict[str, Any]]:
    """The event's media, then pictures and embeds found in its HTML text, each described
    by the media rules (web.content.media): nothing is loaded that the policy does not allow."""
    out = []
    m = event.media
    if m is not None:
        found = describe(m.url, policy, alt=m.alt or m.title, caption=m.caption,
                         credit=m.credit, link=m.link)
        if found:
            out.append(found)
    for item in embedded_media(event.text):
        found = describe(item["url"], policy, alt=item["alt"])
        if found:
            out.append(found)
    return out


def event_detail(event: Event, policy: MediaPolicy | None = None) -> dict[str, Any]:
    """What the panel shows beyond the compact row: rendered text, sources, candidates,
    media and background."""
    policy = policy or MediaPolicy()
    headline = event.extra.get("headline") if isinstance(event.extra, dict) else None
    return {
        "id": event.id,
        "html": render_text(event.text),
        "headline": render_inline(headline) if isinstance(headline, str) else None,
        "media": event_media(event, policy),
        "background": background(event.background, policy),
        "tags": list(event.tags),
        "places": [place_json(p) for p in event.places],
        "sources": [{"url": _safe_url(s.url), "title": s.title or s.url} for s in event.sources
                    if s.url or s.title],
    }


def _row(event: Event, index: int, groups: dict[str | None, int],
         inline: dict[str, dict] | None, policy: MediaPolicy | None = None) -> dict[str, Any]:
    """One compact row, also the Vega datum: short keys because there may be 100,000."""
    start, end = event.start, event.end
    places = []
    flagged = 0
    for p in event.places:
        lat, lon = place_coords(p)
        status = place_status(p)
        if status in ("ambiguous", "unresolved") or lat is None:
            flagged = 1
        row_place = [None if lat is None else round(lat, 5), None if lon is None else round(lon, 5),
                     _STATUS_CODE.get(status, 3), p.name]
        zoom, low = place_zoom(p), low_confidence(p)
        if zoom is not None or low:
            row_place += [zoom, 1 if low else 0]  # [4] the slide's zoom, [5] inferred/low confidence
        places.append(row_place)
    row: dict[str, Any] = {
        "id": event.id,
        "t": event.title,
        "d": event.date_label(),
        "g": groups[event.group],
        "p": places,
    }
    if start is not None:
        row["s"] = round(start.position, 6)
        stop = end if end is not None and end != start else None
        if stop is not None:
            row["e"] = round(stop.end_position(), 6)
        # the period a date names ("1939" is all of 1939): the width of its fuzzy mark
        row["pe"] = round((stop or start).end_position(), 6)
        if start.approximate or (stop is not None and stop.approximate):
            row["a"] = 1
    if flagged:
        row["f"] = 1
    if inline is not None:
        row["x"] = inline.get(event.id) or event_detail(event, policy)
    return row


def _inline_details(events: list[Event], policy: MediaPolicy | None = None) -> dict[str, dict] | None:
    """The events' details if they fit the page's budget, else None."""
    if len(events) > INLINE_TEXT_LIMIT:
        return None
    details, size = {}, 0
    for event in events:
        detail = details[event.id] = event_detail(event, policy)
        size += len(json.dumps(detail, ensure_ascii=False))
        if size > INLINE_TEXT_BUDGET:
            return None
    return details


def page_data(story: Story, slug: str, *, inline_text: bool | None = None,
              media: MediaPolicy | None = None) -> dict[str, Any]:
    """Everything the glue script needs, as one JSON value for a ``<script type=application/json>``."""
    dated = story.dated_events
    undated = story.undated_events
    if inline_text is None:
        inline = _inline_details(dated + undated, media)
    else:
        inline = {} if inline_text else None
    groups: dict[str | None, int] = {}
    for e in dated + undated:
        groups.setdefault(e.group, len(groups))
    rows = [_row(e, i, groups, inline, media) for i, e in enumerate(dated)]
    urows = [_row(e, len(rows) + i, groups, inline, media) for i, e in enumerate(undated)]
    eras = [
        {"t": era.title, "s": round(era.start.position, 6), "e": round(era.end.end_position(), 6),
         "c": era.colour, "d": f"{era.start.label()} – {era.end.label()}"}
        for era in story.eras
    ]
    out = {
        "slug": slug,
        "title": story.title,
        "groups": [g if g is not None else "" for g in groups],
        "palette": PALETTE,
        "events": rows,
        "undated": urows,
        "eras": eras,
        "inlineText": inline is not None,
        **_intro(story, media),
    }
    if slide_order(story):
        # the file's order, dated or not: the viewer steps, lists and plays in it
        out["order"] = "slides"
        out["slides"] = [e.id for e in story.events]
    return out


def _intro(story: Story, policy: MediaPolicy | None) -> dict[str, Any]:
    """What the panel shows before an event is chosen, when the story has more than a
    plain summary: the title slide's HTML text, media and background (TimelineJS)."""
    bg = story.settings.get("background") if isinstance(story.settings, dict) else None
    if not (story.media or isinstance(bg, dict) or looks_like_html(story.summary)):
        return {}
    html = render_text(story.summary) if story.summary else ""
    policy = policy or MediaPolicy()
    m = story.media
    media = describe(m.url, policy, alt=m.alt or m.title, caption=m.caption, credit=m.credit,
                     link=m.link) if m else None
    return {"intro": {"html": html, "media": [media] if media else [],
                      "background": background(bg, policy) if isinstance(bg, dict) else None}}

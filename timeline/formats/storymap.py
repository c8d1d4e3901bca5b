"""StoryMapJS JSON (https://storymap.knightlab.com), read and written.

A StoryMap is ``{"storymap": {"slides": [...], ...map options}}``; the first slide of
type ``overview`` is the title slide, every other slide a point of the story with a
``location`` (lat, lon, zoom), a headline and HTML text, media and a background. Slides
have no dates: a slide's ``date`` string is used when it names one, else the first
absolute date its headline or text states (the timex tagger), else it stays undated. The
story is played in slide order (``settings.order: "slides"``).

Gigapixel StoryMaps (``map_type: "zoomify"``) and ``map_as_image`` ones place slides on
a picture, not on the Earth: their "lat/lon" are positions on that picture. They import
as a story without a map (``settings.map: false`` with a message saying why), the image
positions kept on each event for the way back, never shown as places.
"""
from __future__ import annotations

import html
import json
from typing import Any

from ..dates import DateError, HistoricalDate, parse_date
from ..model import Event, PlaceRef, Story
from . import _tltypes as T
from ._collect import Collector, LoadResult, conform, default_title, media_from, unique_ids

_SLIDE_KEYS = {"type", "date", "location", "text", "media", "background", "chronoatlas"}
_LOCATION_KEYS = {"lat", "lon", "zoom", "name"}

IMAGE_MAP_MESSAGE = (
    "This StoryMap is drawn on {kind}, not on a map of the world: its slides "
    "point at spots on that picture, which have no place on Earth. It is shown without a "
    "map, slide by slide; the positions are kept for a StoryMapJS export.")


def looks_like_storymap(data: Any) -> bool:
    return (isinstance(data, dict) and isinstance(data.get("storymap"), dict)
            and isinstance(data["storymap"].get("slides"), list))


def image_map_kind(options: dict) -> str | None:
    """What the StoryMap is drawn on when it is a picture, for the message; else None."""
    if options.get("map_type") == "zoomify":
        return "a gigapixel image (map_type \"zoomify\")"
    if options.get("map_as_image") is True:
        return "an image (map_as_image)"
    return None


def date_from_slide(date_text: str, headline: str, text: str) -> tuple[HistoricalDate | None, str]:
    """(date, where it came from: "date", "headline", "text" or "") for one slide."""
    from ..htmltext import plain_text
    from ..timex import tag

    if date_text.strip():
        try:
            return parse_date(date_text.strip()), "date"
        except DateError:
            pass
        for timex in tag(plain_text(date_text), periods=False):
            if timex.date is not None and timex.anchor == "absolute" and timex.type == "DATE":
                return timex.date, "date"
    for source, value in (("headline", headline), ("text", text)):
        plain = plain_text(value)
        if not plain:
            continue
        # Named periods ("the Renaissance") are not dates the slide states.
        for timex in tag(plain, mode="narrative", periods=False):
            if timex.date is not None and timex.anchor == "absolute" and timex.type == "DATE":
                return timex.date, source
    return None, ""


def story_from_storymap(data: dict, c: Collector, *, skip_invalid: bool = False) -> LoadResult:
    options = dict(data["storymap"])
    raw_slides = options.pop("slides")
    image_kind = image_map_kind(options)
    top = {k: v for k, v in data.items() if k != "storymap"}  # font_css, width, height...

    title = summary = None
    media = background = None
    overview_extra: dict[str, Any] | None = None
    events: list[Event] = []
    for i, slide in enumerate(raw_slides):
        path = f"storymap.slides[{i}]"
        if not isinstance(slide, dict):
            c.add("a slide must be an object", field=path, found=type(slide).__name__,
                  expected='{"text": {...}, "location": {...}}')
            continue
        if i == 0 and slide.get("type") == "overview":
            title, summary = T.text_obj(c, slide.get("text"), f"{path}.text")
            media = media_from(T.media(c, slide.get("media"), f"{path}.media"))
            background = T.background(c, slide.get("background"), f"{path}.background")
            overview_extra = {k: v for k, v in slide.items() if k not in ("text", "media", "background")}
            continue
        before = len(c.problems)
        event = _event(c, slide, path, on_image=image_kind is not None)
        if len(c.problems) == before:
            events.append(event)

    settings: dict[str, Any] = {"order": "slides"}
    if background:
        settings["background"] = background
    from ..htmltext import title_from
    kept: dict[str, Any] = {"options": options}
    if top:
        kept["top"] = top
    if overview_extra is None:
        kept["no_overview"] = True  # StoryMapJS then opens on the first point
    else:
        kept["overview"] = overview_extra
    settings["storymap"] = kept
    if title and title_from(title, limit=500) != title:
        settings["title_html"] = title  # the author's HTML, for the way back
    if image_kind:
        settings["map"] = False
        settings["map_message"] = IMAGE_MAP_MESSAGE.format(kind=image_kind)
    story_problems = [p for p in c.problems if not (p.field or "").startswith("storymap.slides[")
                      or p.field.startswith("storymap.slides[0]")]
    if c.problems and (not skip_invalid or story_problems):
        c.raise_if_any()
    story = Story(title=title_from(title, limit=500) or default_title(c), summary=summary or None,
                  media=media, events=tuple(unique_ids(events)), settings=settings)
    if image_kind:
        c.note(settings["map_message"])
    return LoadResult(conform(story), list(c.problems), c.notes)


def _event(c: Collector, slide: dict, path: str, *, on_image: bool) -> Event:
    from ..htmltext import title_from

    headline, text = T.text_obj(c, slide.get("text"), f"{path}.text")
    media = T.media(c, slide.get("media"), f"{path}.media")
    date_text = T.text(c, slide.get("date"), f"{path}.date") or ""
    location = T.obj(c, slide.get("location"), f"{path}.location") or {}
    # On a picture, positions are pixels turned into map units: any finite number.
    span = (-1e9, 1e9) if on_image else None
    before = len(c.problems)
    lat = T.number(c, location.get("lat"), f"{path}.location.lat", *(span or (-90, 90)))
    lon = T.number(c, location.get("lon"), f"{path}.location.lon", *(span or (-180, 180)))
    zoom = T.number(c, location.get("zoom"), f"{path}.location.zoom", 0, 20)
    name = T.text(c, location.get("name"), f"{path}.location.name")
    title = title_from(headline, text, media.get("caption") if media else None) or "Untitled slide"
    start, date_source = date_from_slide(date_text, headline, text)
    extra: dict[str, Any] = {"storymap": {k: v for k, v in slide.items() if k not in _SLIDE_KEYS}}
    extra["storymap"]["date"] = date_text
    extra["storymap"]["location"] = {k: v for k, v in location.items() if k not in _LOCATION_KEYS}
    if headline != title:
        extra["headline"] = headline
    if date_source and date_source != "date":
        extra["date_from"] = date_source  # found in the slide's words, not given as a date
    places: tuple[PlaceRef, ...] = ()
    if lat is not None and lon is not None:
        z = None if zoom is None else round(zoom)
        if on_image:
            extra["storymap"]["location"].update({"lat": lat, "lon": lon, "zoom": z})
        else:
            places = (PlaceRef(name or title, lat, lon, zoom=z),)
            if name is None:
                extra["storymap"]["location_unnamed"] = True
    elif (lat is None) != (lon is None) and len(c.problems) == before:
        c.add("lat and lon come together", field=f"{path}.location", expected="both or neither")
    return Event(
        id="", title=title, start=start, text=text,
        display_date=date_text.strip() or None,
        places=places, media=media_from(media),
        background=T.background(c, slide.get("background"), f"{path}.background"),
        extra=extra,
    )


# -- writing -------------------------------------------------------------------------

_NO_MEDIA = {"url": "", "caption": "", "credit": ""}  # what StoryMapJS's editor writes


def _media_out(m) -> dict:
    out = {"url": m.url, "caption": m.caption or "", "credit": m.credit or ""}
    out.update({k: v for k, v in {"alt": m.alt, "thumbnail": m.thumbnail, "title": m.title,
                                  "link": m.link, "link_target": m.link_target}.items() if v})
    return out


def _location(e: Event, kept: dict) -> dict:
    location = dict(kept.get("location") or {})
    place = next((p for p in e.places if p.pinned), None)
    if place is None:
        place = next((p for p in e.places if p.resolved and p.resolved.located), None)
        if place is not None:
            location.update({"lat": place.resolved.lat, "lon": place.resolved.lon})
    else:
        location.update({"lat": place.lat, "lon": place.lon})
    if place is not None:
        if place.zoom is not None:
            location["zoom"] = place.zoom
        if not kept.get("location_unnamed"):
            location["name"] = place.name
    return location


def story_to_storymap(story: Story) -> dict:
    """A Story as StoryMapJS JSON: the overview slide, then one slide per event in the
    order the story is told; what StoryMapJS has no field for stays where it came from."""
    kept = story.settings.get("storymap") if isinstance(story.settings.get("storymap"), dict) else {}
    slides = []
    if not kept.get("no_overview"):
        overview: dict[str, Any] = dict(kept.get("overview") or {"type": "overview", "date": ""})
        overview["type"] = "overview"
        overview["text"] = {"headline": story.settings.get("title_html") or html.escape(story.title, quote=False),
                            "text": story.summary or ""}
        overview["media"] = _media_out(story.media) if story.media else _NO_MEDIA
        if story.settings.get("background"):
            overview["background"] = dict(story.settings["background"])
        slides.append(overview)
    for e in story.played_events:
        ext = e.extra.get("storymap") or {}
        slide: dict[str, Any] = {k: v for k, v in ext.items()
                                 if k not in ("date", "location", "location_unnamed")}
        date = ext.get("date") if "date" in ext else (e.display_date or (e.date_label() if e.start else ""))
        slide["date"] = date
        slide["text"] = {"headline": e.extra.get("headline") or html.escape(e.title, quote=False),
                         "text": e.text or ""}
        slide["media"] = _media_out(e.media) if e.media else dict(_NO_MEDIA)
        location = _location(e, ext)
        if location:
            slide["location"] = location
        if e.background:
            slide["background"] = dict(e.background)
        slides.append(slide)
    options = dict(kept.get("options") or {})
    options["slides"] = slides
    return {**(kept.get("top") or {}), "storymap": options}


def dump_storymap(story: Story) -> str:
    """StoryMapJS needs coordinates on every slide: place names are resolved first (as
    the GeoJSON and KML exports do); what the gazetteer cannot place has no location."""
    if story.settings.get("map") is not False:
        from ..exports.places import ensure_resolved
        story, _problem = ensure_resolved(story)
    return json.dumps(story_to_storymap(story), ensure_ascii=False, indent=2) + "\n"

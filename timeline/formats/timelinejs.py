"""TimelineJS JSON (https://timeline.knightlab.com/docs/json-format.html), read and written.

TimelineJS counts BCE years as negative historical years (-490 is 490 BCE) and has no
year 0; chronoatlas keeps astronomical years, so every year passes through
:func:`from_timelinejs_year` / :func:`to_timelinejs_year`. What TimelineJS cannot say
(places, tags, sources, precision such as "the 1930s" or "circa") travels in a
``chronoatlas`` member of each slide, which TimelineJS ignores.
"""
from __future__ import annotations

import html
import json
from typing import Any

from ..dates import (DateError, HistoricalDate, Precision, from_timelinejs_year,
                     parse_date, to_timelinejs_year)
from ..model import Era, Event, Media, Story
from . import _tltypes as T
from ._collect import (Collector, LoadResult, check_range, conform, default_title, media_from,
                       places_from, sources_from, unique_ids)

_SLIDE_KEYS = {"start_date", "end_date", "text", "media", "group", "display_date", "background",
               "unique_id", "chronoatlas"}
_TOP_KEYS = {"title", "events", "eras", "scale", "chronoatlas"}
_DATE_FIELDS = ("year", "month", "day", "hour", "minute", "second", "millisecond")


def looks_like_timelinejs(data: Any) -> bool:
    if not isinstance(data, dict) or not isinstance(data.get("events"), list):
        return False
    if isinstance(data.get("title"), dict) or "scale" in data:
        return True
    return any(isinstance(e, dict) and ("start_date" in e or isinstance(e.get("text"), dict))
               for e in data["events"])


def _int(c: Collector, value: Any, field: str, low: int | None, high: int | None,
         where: dict) -> int | None:
    if value is None or value == "":
        return None
    try:
        number = int(str(value).strip())
    except ValueError:
        c.add("not a whole number", field=field, found=str(value),
              expected="a whole number" + (f" {low}-{high}" if low is not None else " (negative for BCE)"),
              **where)
        return None
    if low is not None and not low <= number <= high:
        c.add("out of range", field=field, found=str(value), expected=f"{low}-{high}", **where)
        return None
    return number


def date_from_tl(c: Collector, obj: Any, field: str, *, row: int | None = None,
                 line: int | None = None) -> HistoricalDate | None:
    """A TimelineJS date object (year, month, day, hour, minute...) -> HistoricalDate."""
    if obj is None:
        return None
    where = {"row": row, "line": line} if row is not None else {}
    if not isinstance(obj, dict):
        c.add("a TimelineJS date must be an object", field=field, found=repr(obj),
              expected="{'year': ..., 'month': ..., 'day': ...}", **where)
        return None
    if obj.get("year") in (None, ""):
        c.add("a TimelineJS date needs a year", field=f"{field}.year",
              expected="a whole number (negative for BCE)", **where)
        return None
    year = _int(c, obj.get("year"), f"{field}.year", None, None, where)
    month = _int(c, obj.get("month"), f"{field}.month", 1, 12, where)
    day = _int(c, obj.get("day"), f"{field}.day", 1, 31, where)
    hour = _int(c, obj.get("hour"), f"{field}.hour", 0, 23, where)
    minute = _int(c, obj.get("minute"), f"{field}.minute", 0, 59, where)
    second = _int(c, obj.get("second"), f"{field}.second", 0, 59, where)
    millisecond = _int(c, obj.get("millisecond"), f"{field}.millisecond", 0, 999, where)
    if year is None:
        return None
    if year == 0:
        c.add("TimelineJS has no year 0", field=f"{field}.year", found="0",
              expected="-1 for 1 BCE or 1 for 1 CE", **where)
        return None
    if day is not None and month is None:
        c.add("a day needs a month", field=f"{field}.month", expected="a month 1-12", **where)
        return None
    if minute is not None and hour is None:
        hour = 0
    if second or millisecond:
        # a timeline's dates go to the minute; say so rather than drop the seconds unseen
        c.note("seconds and milliseconds are not kept: times are shown to the minute")
    try:
        return HistoricalDate.of(from_timelinejs_year(year), month, day, hour, minute)
    except DateError as exc:
        part = "day" if str(exc).startswith("day") else "year"
        c.add(str(exc), field=f"{field}.{part}", **where)
        return None


def date_to_tl(d: HistoricalDate, display: str | None = None) -> dict:
    out: dict[str, Any] = {"year": to_timelinejs_year(d.year)}
    if d.month is not None:
        out["month"] = d.month
    if d.day is not None:
        out["day"] = d.day
    if d.hour is not None:
        out["hour"] = d.hour
    if d.minute is not None:
        out["minute"] = d.minute
    if display:
        out["display_date"] = display
    return out


def _blank_date(obj: Any) -> bool:
    return isinstance(obj, dict) and all(obj.get(k) in (None, "") for k in _DATE_FIELDS)


def _plain_title(headline: str, text: str, media: Any) -> str:
    """The event's name for lists and the map: the headline without markup, else the
    first words of the text or the media caption (TimelineJS allows an empty headline)."""
    from ..htmltext import title_from

    caption = media.get("caption") if isinstance(media, dict) else None
    return title_from(headline, text, caption if isinstance(caption, str) else None) or "Untitled event"


def _text(obj: Any) -> tuple[str, str]:
    if isinstance(obj, dict):
        return str(obj.get("headline") or ""), str(obj.get("text") or "")
    return "", ""


def story_from_timelinejs(data: dict, c: Collector, *, skip_invalid: bool = False) -> LoadResult:
    extra_story = T.obj(c, data.get("chronoatlas"), "chronoatlas") or {}
    title_slide = T.obj(c, data.get("title"), "title") or {}
    headline, summary = T.text_obj(c, title_slide.get("text"), "title.text")
    scale = data.get("scale", "human")
    if scale == "javascript":
        scale = "human"  # early TimelineJS3's name for the human scale (its welcome.json)
    if scale not in ("human", "cosmological"):
        c.add("unknown scale", field="scale", found=str(scale), expected="'human' or 'cosmological'")

    events: list[Event] = []
    bad = 0
    for i, slide in enumerate(data.get("events") or []):
        path = f"events[{i}]"
        before = len(c.problems)
        if not isinstance(slide, dict):
            c.add("an event must be an object", field=path, found=type(slide).__name__)
            continue
        event = _event(c, slide, path)
        if len(c.problems) > before or event is None:
            bad += 1
        else:
            events.append(event)

    eras = []
    for i, slide in enumerate(T.items(c, data.get("eras"), "eras")):
        path = f"eras[{i}]"
        if T.obj(c, slide, path) is None:
            continue
        start = date_from_tl(c, slide.get("start_date"), f"{path}.start_date")
        end = date_from_tl(c, slide.get("end_date"), f"{path}.end_date")
        if start is None or end is None:
            if slide.get("end_date") is None:
                c.add("an era needs an end_date", field=path)
            continue
        era_title, era_text = T.text_obj(c, slide.get("text"), f"{path}.text")
        colour = T.text(c, (T.obj(c, slide.get("chronoatlas"), f"{path}.chronoatlas") or {}).get("colour"),
                        f"{path}.chronoatlas.colour")
        eras.append(Era(era_title, start, end, colour=colour, text=era_text or None))

    if isinstance(extra_story.get("undated"), list):
        from .native import _event as native_event

        for i, item in enumerate(extra_story["undated"]):
            path = f"events[chronoatlas.undated[{i}]]"
            before = len(c.problems)
            if isinstance(item, dict) and item.get("title"):
                event = native_event(c, item, path)
                if len(c.problems) == before:
                    events.append(event)
            else:
                c.add("an undated event needs a title", field=path)

    settings = dict(T.obj(c, extra_story.get("settings"), "chronoatlas.settings") or {})
    title_background = T.background(c, title_slide.get("background"), "title.background")
    if title_background:
        settings["background"] = title_background
    if scale == "cosmological":
        settings["scale"] = "cosmological"
    unknown = {k: v for k, v in data.items() if k not in _TOP_KEYS}
    if unknown:
        settings["timelinejs"] = unknown  # kept for the way back (TimelineJS options...)
    story_problems = [p for p in c.problems if not (p.field or "").startswith("events[")]
    if c.problems and (not skip_invalid or story_problems):
        c.raise_if_any()
    published = None
    if extra_story.get("published"):
        try:
            published = parse_date(str(extra_story["published"]))
        except DateError:
            published = None
    from ..htmltext import title_from
    plain = title_from(headline, limit=500)
    if headline and plain != headline:
        settings["title_html"] = headline  # the author's HTML, for the way back
    story = Story(
        title=plain or extra_story.get("title") or default_title(c),
        summary=summary or None,
        byline=T.text(c, extra_story.get("byline"), "chronoatlas.byline"),
        language=T.text(c, extra_story.get("language"), "chronoatlas.language") or "en",
        published=published,
        slug=T.text(c, extra_story.get("slug"), "chronoatlas.slug"),
        media=_media(c, title_slide.get("media"), "title.media"),
        eras=tuple(eras),
        events=tuple(unique_ids(events)),
        settings=settings,
    )
    # chronoatlas writes every place it knows into its TimelineJS files (places_given).
    return LoadResult(conform(story), list(c.problems), c.notes,
                      placeless=not extra_story.get("places_given"))


def _media(c: Collector, obj: Any, field: str) -> Media | None:
    return media_from(T.media(c, obj, field))


def _event(c: Collector, slide: dict, path: str) -> Event | None:
    ext = T.obj(c, slide.get("chronoatlas"), f"{path}.chronoatlas") or {}
    headline, text = T.text_obj(c, slide.get("text"), f"{path}.text")
    start = end = None
    # The extension carries precision TimelineJS cannot express (decade, circa...).
    if ext.get("start"):
        start = c.date(ext["start"], f"{path}.chronoatlas.start")
    elif _blank_date(slide.get("start_date")):
        start = None  # a sheet row with an empty Year, exported: kept as undated
    else:
        start = date_from_tl(c, slide.get("start_date"), f"{path}.start_date")
    if ext.get("end"):
        end = c.date(ext["end"], f"{path}.chronoatlas.end")
    elif _blank_date(slide.get("end_date")):
        end = None  # TimelineJS drops an end date with no year, as a sheet export writes it
    else:
        end = date_from_tl(c, slide.get("end_date"), f"{path}.end_date")
    if start is None and slide.get("start_date") is None and not ext.get("start"):
        c.add("a TimelineJS event needs a start_date", field=f"{path}.start_date",
              expected="{'year': ...}")
        return None
    end = check_range(c, start, end, f"{path}.end_date") if end is not None else None
    title = T.text(c, ext.get("title"), f"{path}.chronoatlas.title") or _plain_title(
        headline, text, slide.get("media"))
    start_obj = slide.get("start_date")
    display = T.text(c, slide.get("display_date"), f"{path}.display_date") or (
        T.text(c, start_obj.get("display_date"), f"{path}.start_date.display_date")
        if isinstance(start_obj, dict) else None)
    if ext.get("display_auto"):
        display = None  # written by us for TimelineJS's sake, not by the author
    background = T.background(c, slide.get("background"), f"{path}.background")
    extra: dict[str, Any] = {"headline": headline} if headline != title else {}
    unknown = {k: v for k, v in slide.items() if k not in _SLIDE_KEYS}
    if unknown:
        extra["timelinejs"] = unknown  # kept for the way back, TimelineJS may use them
    return Event(
        id=T.text(c, slide.get("unique_id"), f"{path}.unique_id") or T.text(
            c, ext.get("id"), f"{path}.chronoatlas.id") or "",
        title=str(title).strip(),
        start=start,
        end=end,
        text=text,
        display_date=display,
        places=places_from(T.places(c, ext.get("places"), f"{path}.chronoatlas.places")),
        group=T.text(c, slide.get("group"), f"{path}.group") or None,
        tags=tuple(T.strings(c, ext.get("tags"), f"{path}.chronoatlas.tags")),
        media=_media(c, slide.get("media"), f"{path}.media"),
        sources=sources_from(T.sources(c, ext.get("sources"), f"{path}.chronoatlas.sources")),
        background=background,
        confidence=T.confidence(c, ext.get("confidence"), f"{path}.chronoatlas.confidence"),
        provenance=T.provenance(c, ext.get("provenance"), f"{path}.chronoatlas.provenance"),
        extra=extra,
    )


def story_to_timelinejs(story: Story) -> dict:
    """A Story as TimelineJS JSON; undated events cannot be TimelineJS slides and go in
    the ``chronoatlas.undated`` member so that nothing is lost on the way back."""
    from .native import event_to_data

    title: dict[str, Any] = {"text": {"headline": story.settings.get("title_html") or story.title,
                                      "text": story.summary or ""}}
    if story.media:
        title["media"] = _media_out(story.media)
    out: dict[str, Any] = {"title": title, "events": []}
    for key, value in (story.settings.get("timelinejs") or {}).items():
        if key not in _TOP_KEYS:
            out[key] = value
    if story.settings.get("scale") == "cosmological" or any(
            e.start and abs(e.start.year) > 275_000 for e in story.events):
        out["scale"] = "cosmological"
    for e in story.dated_events:
        slide: dict[str, Any] = {
            "unique_id": e.id,
            "start_date": date_to_tl(e.start),
            "text": {"headline": _headline(e), "text": e.text or ""},
        }
        for key, value in (e.extra.get("timelinejs") or {}).items():
            slide.setdefault(key, value)
        if e.end:
            slide["end_date"] = date_to_tl(e.end)
        display = e.display_date or _display_needed(e)
        if display:
            slide["display_date"] = display
        if e.group:
            slide["group"] = e.group
        if e.media:
            slide["media"] = _media_out(e.media)
        if e.background:
            slide["background"] = dict(e.background)
        ext: dict[str, Any] = {}
        if e.places:
            ext["places"] = event_to_data(e)["places"]
        if e.tags:
            ext["tags"] = list(e.tags)
        if e.sources:
            ext["sources"] = event_to_data(e)["sources"]
        if _needs_precision(e.start) or (e.end and _needs_precision(e.end)):
            ext["start"] = e.start.isoformat()
            if e.end:
                ext["end"] = e.end.isoformat()
        if not e.display_date and display:
            ext["display_auto"] = True
        if e.confidence is not None:
            ext["confidence"] = e.confidence
        if e.provenance is not None:
            ext["provenance"] = list(e.provenance)
        if ext:
            slide["chronoatlas"] = ext
        out["events"].append(slide)
    if story.eras:
        out["eras"] = [{"start_date": date_to_tl(era.start), "end_date": date_to_tl(era.end),
                        "text": {"headline": era.title, "text": era.text or ""},
                        **({"chronoatlas": {"colour": era.colour}} if era.colour else {})}
                       for era in story.eras]
    meta = {k: v for k, v in {
        "places_given": True,
        "byline": story.byline, "slug": story.slug,
        "language": story.language if story.language != "en" else None,
        "published": story.published.isoformat() if story.published else None,
        "settings": {k: v for k, v in story.settings.items()
                     if k not in ("scale", "timelinejs", "title_html")} or None,
        "undated": [event_to_data(e) for e in story.undated_events] or None,
    }.items() if v}
    out["chronoatlas"] = meta
    return out


def _headline(e: Event) -> str:
    """TimelineJS reads a headline as HTML: the author's own, else the title escaped."""
    return e.extra.get("headline") or html.escape(e.title, quote=False)


def _needs_precision(d: HistoricalDate) -> bool:
    return d.approximate or d.precision in (
        Precision.DECADE, Precision.CENTURY, Precision.MILLENNIUM, Precision.SEASON,
        Precision.MILLION_YEARS, Precision.BILLION_YEARS)


def _display_needed(e: Event) -> str | None:
    """TimelineJS would show "1930" for the 1930s: give it the honest label instead."""
    if _needs_precision(e.start) or (e.end and _needs_precision(e.end)):
        return e.date_label()
    return None


def _media_out(m: Media) -> dict:
    return {k: v for k, v in {"url": m.url, "caption": m.caption, "credit": m.credit,
                              "alt": m.alt, "thumbnail": m.thumbnail, "title": m.title,
                              "link": m.link, "link_target": m.link_target}.items()
            if v is not None}


def dump_timelinejs(story: Story) -> str:
    return json.dumps(story_to_timelinejs(story), ensure_ascii=False, indent=2) + "\n"

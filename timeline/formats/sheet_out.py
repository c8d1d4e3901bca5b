"""Writing a story as a TimelineJS sheet (CSV), with our Place columns and any the
sheet came with; read back by :mod:`.sheet`."""
from __future__ import annotations

import csv
import html
import io

from ..dates import HistoricalDate, Precision, to_timelinejs_year
from ..model import Story
from ._cells import guard_formula
from .sheet import _TEXT_CELLS, HEADERS, OPTIONAL_HEADERS, PLACE_HEADERS

def _date_cells(d: HistoricalDate | None) -> list[str]:
    if d is None:
        return ["", "", "", ""]
    time = f"{d.hour:02d}:{d.minute or 0:02d}" if d.hour is not None else ""
    return [str(to_timelinejs_year(d.year)), str(d.month or ""), str(d.day or ""), time]


def _optional(story: Story) -> list[str]:
    """The optional columns some part of the story needs (see OPTIONAL_HEADERS)."""
    media = [m for m in [story.media] + [e.media for e in story.events] if m]
    backgrounds = [b for b in [story.settings.get("background")] + [e.background for e in story.events]
                   if isinstance(b, dict)]
    used = {
        "Media Title": any(m.title for m in media),
        "Media Link": any(m.link for m in media),
        "Media Link Target": any(m.link_target for m in media),
        "Background Opacity": any(b.get("opacity") is not None for b in backgrounds),
        "Unique ID": bool(story.events),
    }
    return [h for h in OPTIONAL_HEADERS if used[h]]


def _optional_cells(columns: list[str], m, bg: dict, event_id: str | None) -> dict:
    cells = {"Media_Title": m and m.title, "Media_Link": m and m.link,
             "Media_Link_Target": m and m.link_target,
             "Background_Opacity": bg.get("opacity"), "Unique_ID": event_id}
    return {k: v for k, v in cells.items() if k.replace("_", " ") in columns and v is not None}


def dump_sheet(story: Story) -> str:
    """The story as a TimelineJS sheet. Text cells that a spreadsheet would run as a
    formula get a leading ' (see :func:`guard_formula`); columns the sheet came with
    that chronoatlas does not use are written back after ours."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    kept = [h for h in story.settings.get("sheet_columns") or () if isinstance(h, str)]
    for e in story.events:
        for h in (e.extra.get("columns") or {}):
            if h not in kept:
                kept.append(h)
    columns = HEADERS + PLACE_HEADERS + _optional(story) + kept
    writer.writerow(columns)
    blank = [""] * len(columns)

    def row(columns_extra: dict | None = None, **cells) -> list[str]:
        r = list(blank)
        for key, value in cells.items():
            name = key.replace("_", " ")
            text = str(value) if value else ""
            r[columns.index(name)] = guard_formula(text) if name in _TEXT_CELLS else text
        for name, value in (columns_extra or {}).items():
            r[columns.index(name)] = guard_formula(str(value))
        return r

    m = story.media
    bg = story.settings.get("background") or {}
    writer.writerow(row(Headline=story.settings.get("title_html") or html.escape(story.title, quote=False),
                        Text=story.summary, Type="title",
                        Media=m and m.url, Media_Credit=m and m.credit,
                        Media_Caption=m and m.caption, Media_Thumbnail=m and m.thumbnail,
                        Alt_Text=m and m.alt, Background=bg.get("color") or bg.get("url"),
                        **_optional_cells(columns, m, bg, None)))
    for era in story.eras:
        y, mo, d, t = _date_cells(era.start)
        ey, emo, ed, et = _date_cells(era.end)
        writer.writerow(row(Year=y, Month=mo, Day=d, Time=t, End_Year=ey, End_Month=emo,
                            End_Day=ed, End_Time=et, Headline=era.title, Text=era.text,
                            Type="era"))
    for e in story.played_events:
        y, mo, d, t = _date_cells(e.start)
        ey, emo, ed, et = _date_cells(e.end)
        # Inferred places are not the author's: left out, found again on the way back.
        given = [p for p in e.places if not p.inferred]
        pinned = [p for p in given if p.pinned]
        em = e.media
        bg = (e.background or {}).get("color") or (e.background or {}).get("url")
        writer.writerow(row(
            e.extra.get("columns"),
            Year=y, Month=mo, Day=d, Time=t, End_Year=ey, End_Month=emo, End_Day=ed,
            End_Time=et, Display_Date=e.display_date or (
                e.date_label() if e.start and (e.start.approximate or e.start.precision < Precision.YEAR) else None),
            Headline=e.extra.get("headline") or html.escape(e.title, quote=False), Text=e.text, Media=em and em.url, Media_Credit=em and em.credit,
            Media_Caption=em and em.caption, Media_Thumbnail=em and em.thumbnail,
            Alt_Text=em and em.alt, Group=e.group, Background=bg, Type=e.extra.get("type"),
            Place="; ".join(p.name for p in given),
            Latitude="; ".join(str(p.lat) for p in pinned) if len(pinned) == len(given) else "",
            Longitude="; ".join(str(p.lon) for p in pinned) if len(pinned) == len(given) else "",
            **_optional_cells(columns, em, e.background or {}, e.id),
        ))
    return out.getvalue()

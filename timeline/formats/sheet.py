"""CSV in the TimelineJS spreadsheet layout, plus Place, Latitude and Longitude columns.

Exports from Google Sheets and Excel come with a UTF-8 BOM, CRLF line ends and blank
trailing rows; all are accepted. Rows are numbered as the spreadsheet shows them (the
header is row 1), and the file line where the row starts is given too, since a quoted
cell can span several lines.
"""
from __future__ import annotations

import csv
import io
import re
from typing import Any

from ..dates import HistoricalDate, Precision, to_timelinejs_year
from ..model import Era, Event, Media, PlaceRef, Story
from ._collect import Collector, LoadResult, check_range, default_title, unique_ids
from .timelinejs import date_from_tl

HEADERS = [
    "Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time",
    "Display Date", "Headline", "Text", "Media", "Media Credit", "Media Caption",
    "Media Thumbnail", "Alt Text", "Type", "Group", "Background",
]
PLACE_HEADERS = ["Place", "Latitude", "Longitude"]
_TIME = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$")


def looks_like_sheet(text: str) -> bool:
    first = text.lstrip("\ufeff").splitlines()[0] if text.strip() else ""
    return "Year" in first and "Headline" in first


def story_from_sheet(text: str, c: Collector, *, skip_invalid: bool = False) -> LoadResult:
    text = text.lstrip("\ufeff")
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        c.add("the file is empty", expected="a header row: " + ", ".join(HEADERS))
        c.raise_if_any()
    header = [h.strip() for h in header]
    missing = [h for h in HEADERS if h not in header]
    if missing:
        c.add(f"missing column{'s' if len(missing) > 1 else ''} {', '.join(missing)}",
              row=1, line=1, found=", ".join(header),
              expected="the TimelineJS sheet headers (" + ", ".join(HEADERS) + ")")
        c.raise_if_any()
    unknown = [h for h in header if h and h not in HEADERS + PLACE_HEADERS]
    for h in unknown:
        c.add("unknown column", row=1, line=1, field=h,
              expected="one of " + ", ".join(HEADERS + PLACE_HEADERS))
    position = {h: i for i, h in enumerate(header)}

    title = summary = None
    media = None
    eras: list[Era] = []
    events: list[Event] = []
    line = reader.line_num + 1
    row_number = 1
    for cells in reader:
        row_number += 1
        start_line, line = line, reader.line_num + 1
        if not any(cell.strip() for cell in cells):
            continue
        row = {h: (cells[i].strip() if i < len(cells) else "") for h, i in position.items()}
        where = {"row": row_number, "line": start_line}
        kind = row["Type"].lower()
        if kind == "title":
            title, summary = row["Headline"] or None, row["Text"] or None
            media = _media(row)
            continue
        before = len(c.problems)
        start = _date(c, row, "", where)
        end = _date(c, row, "End ", where)
        if kind == "era":
            if start is None or end is None:
                if len(c.problems) == before:
                    c.add("an era row needs Year and End Year", field="End Year", **where)
                continue
            end = check_range(c, start, end, "End Year", **where)
            if end:
                eras.append(Era(row["Headline"], start, end, text=row["Text"] or None))
            continue
        if kind not in ("", "event"):
            c.add("unknown Type", field="Type", found=row["Type"],
                  expected="empty, 'title' or 'era'", **where)
        if start is None and len(c.problems) == before and not row["Year"]:
            c.add("missing Year", field="Year", expected="a whole number (negative for BCE)", **where)
        end = check_range(c, start, end, "End Year", **where) if end else None
        places = _places(c, row, where)
        if not row["Headline"] and not row["Text"]:
            c.add("a row needs a Headline or Text", field="Headline", **where)
        if len(c.problems) > before:
            continue
        events.append(Event(
            id="",
            title=row["Headline"] or row["Text"][:60],
            start=start,
            end=end,
            text=row["Text"],
            display_date=row["Display Date"] or None,
            places=places,
            group=row["Group"] or None,
            media=_media(row),
            background=_background(row["Background"]),
            extra={"row": row_number},
        ))
    fatal = [p for p in c.problems if p.row in (None, 1)]
    if c.problems and (not skip_invalid or fatal):
        c.raise_if_any()
    story = Story(title=title or default_title(c), summary=summary, media=media,
                  eras=tuple(eras), events=tuple(unique_ids(events)))
    return LoadResult(story, list(c.problems))


def _date(c: Collector, row: dict, prefix: str, where: dict) -> HistoricalDate | None:
    if not row[f"{prefix}Year"]:
        for part in ("Month", "Day", "Time"):
            if row[f"{prefix}{part}"]:
                c.add(f"{prefix}{part} given without {prefix}Year", field=f"{prefix}Year",
                      expected="a whole number (negative for BCE)", **where)
                break
        return None
    obj: dict[str, Any] = {"year": row[f"{prefix}Year"], "month": row[f"{prefix}Month"],
                           "day": row[f"{prefix}Day"]}
    time = row[f"{prefix}Time"]
    if time:
        m = _TIME.match(time)
        if not m:
            c.add("not a time", field=f"{prefix}Time", found=time, expected="HH:MM or HH:MM:SS", **where)
            return None
        obj["hour"], obj["minute"] = m.group(1), m.group(2)
    before = len(c.problems)
    date = date_from_tl(c, obj, "", **where)
    # date_from_tl names fields ".year"; the sheet calls them "Year", "End Month"...
    for i in range(before, len(c.problems)):
        p = c.problems[i]
        part = (p.field or "").lstrip(".").capitalize()
        c.problems[i] = type(p)(p.message, file=p.file, line=p.line, row=p.row,
                                field=f"{prefix}{part}" if part else f"{prefix}Year",
                                found=p.found, expected=p.expected)
    return date


def _places(c: Collector, row: dict, where: dict) -> tuple[PlaceRef, ...]:
    names = [n.strip() for n in row.get("Place", "").split(";") if n.strip()]
    lats = [v.strip() for v in row.get("Latitude", "").split(";") if v.strip()]
    lons = [v.strip() for v in row.get("Longitude", "").split(";") if v.strip()]
    if not lats and not lons:
        return tuple(PlaceRef(n) for n in names)
    if len(lats) != len(lons) or len(lats) != max(len(names), 1):
        c.add("Latitude and Longitude must give one pair per Place (separate with ';')",
              field="Latitude", found=f"{row.get('Latitude', '')} / {row.get('Longitude', '')}",
              expected=f"{len(names)} pair(s)", **where)
        return ()
    result = []
    for i, (lat_text, lon_text) in enumerate(zip(lats, lons)):
        lat = _number(c, lat_text, "Latitude", -90, 90, where)
        lon = _number(c, lon_text, "Longitude", -180, 180, where)
        name = names[i] if i < len(names) else f"{lat_text}, {lon_text}"
        result.append(PlaceRef(name, lat, lon))
    return tuple(result)


def _number(c, text, field, low, high, where) -> float | None:
    try:
        value = float(text)
    except ValueError:
        c.add("not a number", field=field, found=text, expected=f"a number {low} to {high}", **where)
        return None
    if not low <= value <= high:
        c.add("out of range", field=field, found=text, expected=f"a number {low} to {high}", **where)
        return None
    return value


def _media(row: dict) -> Media | None:
    if not row.get("Media"):
        return None
    return Media(url=row["Media"], credit=row["Media Credit"] or None,
                 caption=row["Media Caption"] or None, thumbnail=row["Media Thumbnail"] or None,
                 alt=row["Alt Text"] or None)


def _background(value: str) -> dict | None:
    if not value:
        return None
    return {"color": value} if value.startswith("#") else {"url": value}


# -- writing -------------------------------------------------------------------------

def _date_cells(d: HistoricalDate | None) -> list[str]:
    if d is None:
        return ["", "", "", ""]
    time = f"{d.hour:02d}:{d.minute or 0:02d}" if d.hour is not None else ""
    return [str(to_timelinejs_year(d.year)), str(d.month or ""), str(d.day or ""), time]


def dump_sheet(story: Story) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADERS + PLACE_HEADERS)
    blank = [""] * len(HEADERS + PLACE_HEADERS)

    def row(**cells) -> list[str]:
        r = list(blank)
        for key, value in cells.items():
            r[(HEADERS + PLACE_HEADERS).index(key.replace("_", " "))] = value or ""
        return r

    m = story.media
    writer.writerow(row(Headline=story.title, Text=story.summary, Type="title",
                        Media=m and m.url, Media_Credit=m and m.credit,
                        Media_Caption=m and m.caption))
    for era in story.eras:
        y, mo, d, t = _date_cells(era.start)
        ey, emo, ed, et = _date_cells(era.end)
        writer.writerow(row(Year=y, Month=mo, Day=d, Time=t, End_Year=ey, End_Month=emo,
                            End_Day=ed, End_Time=et, Headline=era.title, Text=era.text,
                            Type="era"))
    for e in story.dated_events + story.undated_events:
        y, mo, d, t = _date_cells(e.start)
        ey, emo, ed, et = _date_cells(e.end)
        pinned = [p for p in e.places if p.pinned]
        em = e.media
        bg = (e.background or {}).get("color") or (e.background or {}).get("url")
        writer.writerow(row(
            Year=y, Month=mo, Day=d, Time=t, End_Year=ey, End_Month=emo, End_Day=ed,
            End_Time=et, Display_Date=e.display_date or (
                e.date_label() if e.start and (e.start.approximate or e.start.precision < Precision.YEAR) else None),
            Headline=e.title, Text=e.text, Media=em and em.url, Media_Credit=em and em.credit,
            Media_Caption=em and em.caption, Media_Thumbnail=em and em.thumbnail,
            Alt_Text=em and em.alt, Group=e.group, Background=bg,
            Place="; ".join(p.name for p in e.places),
            Latitude="; ".join(str(p.lat) for p in pinned) if len(pinned) == len(e.places) else "",
            Longitude="; ".join(str(p.lon) for p in pinned) if len(pinned) == len(e.places) else "",
        ))
    return out.getvalue()

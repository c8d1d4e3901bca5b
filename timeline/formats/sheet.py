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

from ..dates import HistoricalDate
from ..model import Era, Event, Media, PlaceRef, Story
from ._cells import clean_integer, month_number, parse_time, unguard_formula
from ._collect import Collector, LoadResult, check_range, conform, default_title, unique_ids
from .timelinejs import date_from_tl

HEADERS = [
    "Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time",
    "Display Date", "Headline", "Text", "Media", "Media Credit", "Media Caption",
    "Media Thumbnail", "Alt Text", "Type", "Group", "Background",
]
PLACE_HEADERS = ["Place", "Latitude", "Longitude"]
# Not in TimelineJS's template: written only when a story needs them, so that a sheet
# round trip keeps what TimelineJS JSON can say (media links, opacity, slide ids).
OPTIONAL_HEADERS = ["Media Title", "Media Link", "Media Link Target", "Background Opacity",
                    "Unique ID"]


# Headers are matched as TimelineJS's Google reader does, ignoring case and spaces;
# "Tag" is the v1 sheets' name for Group.
_ALIASES = {"tag": "Group", "start date": "Start Date", "end date": "End Date"}
_CANONICAL = {h.lower(): h for h in HEADERS + PLACE_HEADERS + OPTIONAL_HEADERS}


def _canonical(header: str) -> str:
    key = " ".join(header.replace("\ufeff", "").split()).lower()
    return _CANONICAL.get(key) or _ALIASES.get(key) or " ".join(header.split())


def looks_like_sheet(text: str) -> bool:
    first = text.lstrip("\ufeff").splitlines()[0] if text.strip() else ""
    words = {_canonical(h) for h in first.split(",")}
    return bool(words & {"Year", "Start Date"}) and bool(words & {"Headline", "Text"})


_TEXT_CELLS = {"Display Date", "Headline", "Text", "Media", "Media Credit", "Media Caption",
               "Media Thumbnail", "Alt Text", "Group", "Background", "Place", "Media Title",
               "Media Link", "Media Link Target"}


def _rows(text: str, c: Collector):
    """(cells, first line, last line) per record; a csv error is one located problem."""
    reader = csv.reader(io.StringIO(text, newline=""))
    line = 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            reason = str(exc)
            if "field larger than field limit" in reason:
                c.add("a cell is too large", line=line, row=None,
                      expected=f"cells of at most {csv.field_size_limit():,} characters")
            else:
                c.add(f"not readable as CSV ({reason})", line=line)
            c.raise_if_any()
            return
        yield cells, line, reader.line_num
        line = reader.line_num + 1


def _swallowed(cells: list[str], width: int) -> int | None:
    """The offset of a line inside a quoted cell that reads like a row of its own.

    A stray quote makes the csv module join every line up to the next quote into one
    cell: 10 rows come back as 5. Multi-line HTML cells are common, but a cell line that
    parses as nearly a whole row (most of the columns, a year-like first cell) is not
    text somebody typed."""
    for cell in cells:
        for offset, piece in enumerate(cell.splitlines()[1:], start=1):
            parsed = next(csv.reader([piece]), [])
            if len(parsed) >= max(width - 3, 4) and re.fullmatch(r"-?[\d,\s]*", parsed[0] or ""):
                return offset
    return None


def _open_quote(lines: list[str], first: int, last: int) -> bool:
    """True when the lines of a record hold an odd number of quotes: the file ended
    inside a quoted cell."""
    return sum(line.count('"') for line in lines[first - 1:last]) % 2 == 1


def story_from_sheet(text: str, c: Collector, *, skip_invalid: bool = False) -> LoadResult:
    text = text.lstrip("\ufeff")
    rows = _rows(text, c)
    lines = text.split("\n")
    try:
        header, _, header_end = next(rows)
    except StopIteration:
        c.add("the file is empty", expected="a header row: " + ", ".join(HEADERS))
        c.raise_if_any()
    header = [_canonical(h) for h in header]
    has_date = bool({"Year", "Start Date"} & set(header))
    has_text = bool({"Headline", "Text"} & set(header))
    if not (has_date and has_text):
        missing = [h for h, ok in (("Year", has_date), ("Headline", has_text)) if not ok]
        c.add(f"missing column{'s' if len(missing) > 1 else ''} {', '.join(missing)}",
              row=1, line=1, found=", ".join(header),
              expected="the TimelineJS sheet headers (" + ", ".join(HEADERS) + ")")
        c.raise_if_any()
    position: dict[str, int] = {}
    for i, h in enumerate(header):
        if h:
            position.setdefault(h, i)
    known = set(HEADERS + PLACE_HEADERS + OPTIONAL_HEADERS) | {"Start Date", "End Date"}
    kept = [h for h in position if h not in known]

    title = summary = None
    media = background = None
    eras: list[Event | Era] = []
    events: list[Event] = []
    row_number = 1
    for cells, start_line, end_line in rows:
        row_number += 1
        where = {"row": row_number, "line": start_line}
        if not any(cell.strip() for cell in cells):
            continue
        if end_line > start_line and (_swallowed(cells, len(header)) is not None or
                                      _open_quote(lines, start_line, end_line)):
            c.add("a quoted cell runs on into the next rows (unbalanced quote?)",
                  found=f"the row goes on to line {end_line}",
                  expected='a closing " for every opening " (write "" for a quote inside a cell)',
                  **where)
            continue
        row = {h: "" for h in HEADERS + PLACE_HEADERS + OPTIONAL_HEADERS}
        for h, i in position.items():
            value = cells[i].strip() if i < len(cells) else ""
            row[h] = unguard_formula(value) if h in _TEXT_CELLS or h in kept else value
        extra_cells = {h: row[h] for h in kept if row.get(h)}
        for i in range(len(header), len(cells)):
            if cells[i].strip():
                extra_cells[f"column {i + 1}"] = cells[i].strip()
        kind = row["Type"].strip().lower()
        if kind == "title" and title is None and summary is None and media is None:
            title, summary = row["Headline"] or None, row["Text"] or None
            media, background = _media(row), _background(row["Background"], row)
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
        end = check_range(c, start, end, "End Year", **where) if end and start else (
            None if start is None else end)
        places = _places(c, row, where)
        if len(c.problems) > before:
            continue
        extra: dict[str, Any] = {"row": row_number}
        title_text = _title(row)
        if row["Headline"] != title_text:
            extra["headline"] = row["Headline"]  # the author's HTML, for the way back
        if extra_cells:
            extra["columns"] = extra_cells
        if kind not in ("", "event"):
            extra["type"] = row["Type"]
        events.append(Event(
            id=row["Unique ID"],
            title=title_text,
            start=start,
            end=end,
            text=row["Text"],
            display_date=row["Display Date"] or None,
            places=places,
            group=row["Group"] or None,
            media=_media(row),
            background=_background(row["Background"], row),
            extra=extra,
        ))
    fatal = [p for p in c.problems if p.row in (None, 1)]
    if c.problems and (not skip_invalid or fatal):
        c.raise_if_any()
    settings = {"background": background} if background else {}
    if kept:
        settings["sheet_columns"] = kept
    from ..htmltext import title_from
    plain = title_from(title, limit=500)
    if title and plain != title:
        settings["title_html"] = title  # the author's HTML, for the way back
    story = Story(title=plain or default_title(c), summary=summary, media=media,
                  eras=tuple(eras), events=tuple(unique_ids(events)), settings=settings)
    return LoadResult(conform(story), list(c.problems), c.notes, placeless=True)


def _title(row: dict) -> str:
    """TimelineJS shows a slide with an empty headline; chronoatlas needs a name for the
    list, so it takes the text's first words (without markup), then the media caption."""
    from ..htmltext import title_from

    return title_from(row["Headline"], row["Text"], row["Media Caption"]) or "Untitled event"


def _v1_date(c: Collector, text: str, field: str, where: dict) -> HistoricalDate | None:
    """A v1 sheet's "Start Date" cell, read as TimelineJS's parseDate reads it."""
    m = re.fullmatch(r"([+-]?\d+)(?:-(\d{1,2}))?(?:-(\d{1,2}))?(?:[T ].*)?", text)
    if m:
        obj = {"year": m.group(1).lstrip("+"), "month": m.group(2) or "", "day": m.group(3) or ""}
    elif (m := re.fullmatch(r"(\d{1,2})/(\d{1,2})/(-?\d+)", text)):
        obj = {"year": m.group(3), "month": m.group(1), "day": m.group(2)}
    elif (m := re.fullmatch(r"(\d{1,2})/(-?\d+)", text)):
        obj = {"year": m.group(2), "month": m.group(1)}
    else:
        return c.date(text, field, **where)
    return date_from_tl(c, obj, field, **where)


def _date(c: Collector, row: dict, prefix: str, where: dict) -> HistoricalDate | None:
    v1 = row.get(f"{prefix or 'Start '}Date".replace("Start End", "End"), "")
    if not row[f"{prefix}Year"] and v1:
        return _v1_date(c, v1, f"{prefix or 'Start '}Date", where)
    if not clean_integer(row[f"{prefix}Year"]):
        for part in ("Month", "Day", "Time"):
            if row[f"{prefix}{part}"]:
                c.add(f"{prefix}{part} given without {prefix}Year", field=f"{prefix}Year",
                      expected="a whole number (negative for BCE)", **where)
                break
        return None
    obj: dict[str, Any] = {"year": clean_integer(row[f"{prefix}Year"]),
                           "month": month_number(row[f"{prefix}Month"]),
                           "day": clean_integer(row[f"{prefix}Day"])}
    time = row[f"{prefix}Time"]
    if time:
        parsed = parse_time(time)
        if parsed is None:
            c.add("not a time", field=f"{prefix}Time", found=time,
                  expected="HH:MM, HH:MM:SS or 2:30 PM", **where)
            return None
        obj["hour"], obj["minute"], obj["second"] = parsed
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
                 alt=row["Alt Text"] or None, title=row.get("Media Title") or None,
                 link=row.get("Media Link") or None,
                 link_target=row.get("Media Link Target") or None)


def _background(value: str, row: dict | None = None) -> dict | None:
    """TimelineJS's rule: http(s), protocol- or site-relative is an image, anything else a colour."""
    if not value:
        return None
    out = {"url": value} if re.match(r"^(https?:)?//?", value) else {"color": value}
    opacity = (row or {}).get("Background Opacity", "")
    try:
        number = float(opacity)
    except ValueError:
        return out
    if 0 <= number <= 100:
        out["opacity"] = int(number) if number.is_integer() else number
    return out

"""Shared reading machinery: collect every problem, build model values from plain data."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from ..dates import DateError, HistoricalDate, parse_date
from ..errors import Problem, StoryFormatError
from ..identity import conform, unique_ids  # noqa: F401 - the loaders' shared rules
from ..model import Era, Event, Media, PlaceRef, Source, Story

# Every input is bounded: a story file larger than this is refused before parsing.
MAX_FILE_BYTES = 50 * 1024 * 1024


@dataclass
class LoadResult:
    """A story, what was skipped on the way (empty unless ``skip_invalid``), and notes
    about how the file was read that are not problems (a StoryMap without a map...)."""

    story: Story
    skipped: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # True when the file had nowhere to say where its events happened (TimelineJS
    # sheets and JSON not written by chronoatlas): places may then come from the text.
    placeless: bool = False


class Collector:
    """Gathers problems for one file; ``locate`` maps a field path to a line."""

    def __init__(self, file: str | None, locate: Callable[[str], int | None] | None = None):
        self.file = file
        self.problems: list[Problem] = []
        self._notes: dict[str, int] = {}
        self._locate = locate or (lambda path: None)

    def note(self, message: str) -> None:
        """Something read differently from how it was written that is not a problem
        (seconds kept to the minute...): told once per file, with how many times."""
        self._notes[message] = self._notes.get(message, 0) + 1

    @property
    def notes(self) -> list[str]:
        return [message if n == 1 else f"{message} ({n:,} times)" for message, n in self._notes.items()]

    def add(self, message: str, *, field: str | None = None, found: Any = None,
            expected: str | None = None, line: int | None = None, row: int | None = None) -> None:
        if line is None and row is None:
            line = self._locate(field or "")
        self.problems.append(Problem(
            message, file=self.file, line=line, row=row, field=field,
            found=None if found is None else (found if isinstance(found, str) else repr(found)),
            expected=expected,
        ))

    def date(self, value: Any, field: str, **where) -> HistoricalDate | None:
        """Parse a date field; record a located problem and return None when it is bad."""
        if value is None or value == "":
            return None
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            self.add("not a date", field=field, found=value,
                     expected="text such as '1939-05-11', 'May 1939' or '490 BCE'", **where)
            return None
        try:
            return parse_date(str(value))
        except DateError as exc:
            reason = str(exc).split(" (in ")[0]
            if reason.startswith("expected"):
                reason = "not a date"
            self.add(reason, field=field, found=str(value),
                     expected="a date such as '1939-05-11', 'May 1939', '490 BCE', 'c. 1200'",
                     **where)
            return None

    def raise_if_any(self) -> None:
        if self.problems:
            self.problems.sort(key=lambda p: (p.row or 0, p.line or 0))
            raise StoryFormatError(self.problems, self.file)


def default_title(c: Collector) -> str:
    """A story with no title slide is named after its file ("icc-timeline.csv" ->
    "Icc timeline"), which says more on a list of stories than "Untitled timeline"."""
    from pathlib import PurePath

    stem = PurePath(c.file).stem if c.file and not c.file.startswith("<") and c.file != "-" else ""
    words = " ".join(stem.replace("_", " ").replace("-", " ").split())
    return (words[:1].upper() + words[1:]) if words else "Untitled timeline"


def check_range(c: Collector, start: HistoricalDate | None, end: HistoricalDate | None,
                field: str, **where) -> HistoricalDate | None:
    """An end before its start is a problem; returns the end to keep (None when bad)."""
    if end is None:
        return None
    if start is None:
        c.add("an end date needs a start date", field=field, found=end.isoformat(), **where)
        return None
    if end.end_position() < start.position:
        c.add("ends before it starts", field=field, found=end.isoformat(),
              expected=f"a date on or after {start.isoformat()}", **where)
        return None
    return end


def media_from(data: dict | None) -> Media | None:
    if not data or not data.get("url"):
        return None
    return Media(url=data["url"], caption=data.get("caption"), credit=data.get("credit"),
                 alt=data.get("alt"), thumbnail=data.get("thumbnail"),
                 title=data.get("title"), link=data.get("link"),
                 link_target=data.get("link_target"))


def sources_from(items: list | None) -> tuple[Source, ...]:
    result = []
    for item in items or ():
        if isinstance(item, str):
            result.append(Source(url=item) if "://" in item else Source(title=item))
        elif isinstance(item, dict):
            result.append(Source(url=item.get("url"), title=item.get("title")))
    return tuple(result)


def places_from(items: list | None) -> tuple[PlaceRef, ...]:
    result = []
    for item in items or ():
        if isinstance(item, str):
            result.append(PlaceRef(name=item.strip()))
        elif isinstance(item, dict):
            result.append(PlaceRef(name=str(item["name"]).strip(),
                                   lat=item.get("lat"), lon=item.get("lon"),
                                   adjective=item.get("adjective"), zoom=item.get("zoom"),
                                   inferred=bool(item.get("inferred")),
                                   confidence=item.get("confidence")))
    return tuple(result)


def era_list(c: Collector, items: list, prefix: str = "eras") -> list[Era]:
    eras = []
    for i, item in enumerate(items or ()):
        path = f"{prefix}[{i}]"
        start = c.date(item.get("start"), f"{path}.start")
        end = c.date(item.get("end"), f"{path}.end")
        if start is None and item.get("start") in (None, ""):
            c.add("an era needs a start date", field=f"{path}.start")
        if end is None and item.get("end") in (None, ""):
            c.add("an era needs an end date", field=f"{path}.end")
        end = check_range(c, start, end, f"{path}.end") if start and end else None
        if start and end:
            eras.append(Era(title=item.get("title") or "", start=start, end=end,
                            colour=item.get("colour"), text=item.get("text")))
    return eras

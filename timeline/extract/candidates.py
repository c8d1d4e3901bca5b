"""Draft events before they are events: one per dated sentence, then merged, because a
news article names the same happening several times (the lede, a quote, the background).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..dates import HistoricalDate
from .venues import PlaceMention

__all__ = ["Candidate", "content_words", "merge"]


@dataclass
class Candidate:
    title: str
    start: HistoricalDate | None
    end: HistoricalDate | None
    text: str
    places: list[PlaceMention]
    provenance: tuple[int, int]
    confidence: float
    words: frozenset[str]

    @property
    def interval(self) -> tuple[float, float]:
        """[start, end) in decimal years; recomputed only when the dates change."""
        key = (self.start, self.end)
        if getattr(self, "_interval_key", None) != key:
            self._interval_key = key
            self._interval = (self.start.position, (self.end or self.start).end_position())
        return self._interval


_STOP = frozenset("""a an the of in on at to for by with from and or but as is are was were be been
will would has have had that this which who it its his her their he she they them than then
""".split())


def content_words(text: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"[a-z]{3,}", text.lower()) if w not in _STOP)


def merge(candidates: list[Candidate]) -> list[Candidate]:
    """Mentions of the same happening become one event: overlapping dates and a shared
    place or most of the same words. The finer date and every place are kept."""
    merged: list[Candidate] = []
    by_year: dict[int, list[Candidate]] = {}
    wide: list[Candidate] = []  # spans of many years, compared with everything
    for cand in candidates:
        years = _years(cand) if cand.start is not None else range(0)
        # Only candidates sharing a year can overlap; wide spans meet everything.
        pool = merged if years is None else wide + [c for y in years for c in by_year.get(y, ())]
        seen: set[int] = set()
        for other in pool:
            if id(other) in seen:
                continue
            seen.add(id(other))
            if cand.start is None or other.start is None:
                continue
            if not _overlap(cand, other):
                continue
            shared_place = {m.place.name for m in cand.places if m.located} & {
                m.place.name for m in other.places if m.located}
            words = len(cand.words & other.words) / max(1, min(len(cand.words), len(other.words)))
            if not (shared_place and words >= 0.3) and words < 0.6:
                continue
            finer = cand if _sharper(cand, other) else other
            other.start, other.end = finer.start, finer.end
            if finer is cand:
                other.title = cand.title
            # One happening, one place: the first mention's place stands unless it had none.
            if not any(m.located for m in other.places):
                other.places = list(cand.places)
            if cand.text not in other.text:
                other.text = f"{other.text}\n\n{cand.text}"
            other.confidence = round(min(0.98, max(other.confidence, cand.confidence) + 0.05), 2)
            other.words |= cand.words
            break
        else:
            merged.append(cand)
            years = _years(cand)
            if years is None:
                wide.append(cand)
            else:
                for y in years:
                    by_year.setdefault(y, []).append(cand)
    return merged


def _years(c: Candidate) -> range | None:
    """The calendar years a candidate's date touches; None when that is too many to index."""
    first = c.start.year
    last = max(first, int((c.end or c.start).end_position() - 1e-9))
    return range(first, last + 1) if last - first <= 50 else None


def _sharper(a: Candidate, b: Candidate) -> bool:
    """Whether a's date says more than b's: finer precision, else a narrower span
    ("September 3" beats "next week", which is the 2nd to the 8th)."""
    if a.start.precision != b.start.precision:
        return a.start.precision > b.start.precision
    width = lambda c: c.interval[1] - c.interval[0]  # noqa: E731
    return width(a) < width(b)


def _overlap(a: Candidate, b: Candidate) -> bool:
    (a0, a1), (b0, b1) = a.interval, b.interval
    return a0 < b1 and b0 < a1

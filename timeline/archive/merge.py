"""The same happening reported by ten articles is one event with ten sources.

Two event rows are one happening when they are placed alike (the same GeoNames place,
or the same name, or both unplaced), their date intervals overlap with one inside the
other, and their headlines or quoted sentences share most content words. Rows are
bucketed by place and year first, so merging stays linear in the number of rows.
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Any, Iterable

_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)
_STOP = frozenset("""the and for that with from this was were has have had but not are its
its their they them his her said says will would been also than into over after before
about which when where who what while there then more most other some such only""".split())

# Share of content words two reports must have in common to be one happening.
SIMILARITY = 0.5


def _words(text: str | None) -> frozenset[str]:
    return frozenset(w for w in (m.group(0).lower() for m in _WORD.finditer(text or ""))
                     if w not in _STOP)


def _similar(a: frozenset[str], b: frozenset[str]) -> bool:
    if not a or not b:
        return False
    return len(a & b) / min(len(a), len(b)) >= SIMILARITY


def _place_key(row: dict[str, Any]) -> str:
    if row.get("geonameid") is not None:
        return f"g{row['geonameid']}"
    if row.get("place_name"):
        return "n" + row["place_name"].casefold()
    return "-"


def _nested(a: dict, b: dict) -> bool:
    """One interval lies inside the other (a month and a day in it, not two years)."""
    a0, a1, b0, b1 = a["start_pos"], a["end_pos"], b["start_pos"], b["end_pos"]
    return (a0 <= b0 and b1 <= a1) or (b0 <= a0 and a1 <= b1)


def merge_rows(rows: Iterable[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Group rows of the same happening; each group lists its reports, sharpest first."""
    buckets: dict[tuple, list[list[dict]]] = defaultdict(list)
    groups: list[list[dict]] = []
    for row in rows:
        words = _words(row.get("headline")) | _words(row.get("quote"))
        heads = _words(row.get("headline"))
        key = (_place_key(row), int(row["start_pos"] // 1))
        home = None
        for group in buckets[key]:
            first = group[0]
            if _nested(first, row) and (_similar(heads, first["_heads"])
                                        or _similar(words, first["_words"])):
                home = group
                break
        row = dict(row, _words=words, _heads=heads)
        if home is None:
            home = [row]
            buckets[key].append(home)
            groups.append(home)
        else:
            home.append(row)
    for group in groups:
        # The sharpest date first (shortest interval), then the most confident report.
        group.sort(key=lambda r: (r["end_pos"] - r["start_pos"], -(r.get("confidence") or 0)))
        for r in group:
            r.pop("_words", None)
            r.pop("_heads", None)
    return groups

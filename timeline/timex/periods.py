"""Named periods ("World War II" -> 1939-1945) from a small curated data file."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..dates import HistoricalDate

__all__ = ["Period", "period_names", "lookup_period"]


@dataclass(frozen=True, slots=True)
class Period:
    name: str
    start: HistoricalDate
    end: HistoricalDate


def _year(text: str) -> HistoricalDate:
    text = text.strip()
    if text.upper().endswith("BC"):
        return HistoricalDate.bce(int(text[:-2]))
    return HistoricalDate.of(int(text))


@lru_cache(maxsize=1)
def _table() -> dict[str, Period]:
    table: dict[str, Period] = {}
    raw = resources.files(__package__).joinpath("data/periods.tsv").read_text("utf-8")
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        name, start, end = cells[0], _year(cells[1]), _year(cells[2])
        period = Period(name, start, end)
        for alias in [name, *(cells[3].split("|") if len(cells) > 3 else [])]:
            table[alias.casefold()] = period
    return table


def period_names() -> list[str]:
    """Every name and alias as written in the data file (matched case-sensitively)."""
    raw = resources.files(__package__).joinpath("data/periods.tsv").read_text("utf-8")
    names = []
    for line in raw.splitlines():
        if line.strip() and not line.startswith("#"):
            cells = line.split("\t")
            names.append(cells[0])
            if len(cells) > 3:
                names.extend(cells[3].split("|"))
    return names


def lookup_period(text: str) -> Period | None:
    """The period a matched name denotes ('the Second World War' included)."""
    key = " ".join(text.split()).casefold()
    if key.startswith("the "):
        key = key[4:]
    return _table().get(key.replace("’", "'"))

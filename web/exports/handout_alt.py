"""What the handout's two charts show, said in words: the /Alt text of their Figure
elements, so a screen reader says more than "image". Built from the same data the charts
are drawn from (the place table, the dated events), never from the pictures."""
from __future__ import annotations

from timeline.dates import HistoricalDate
from timeline.exports.places import PlaceTable

from .handout_text import clean

NAMED = 12  # names listed before "and N more": enough to say where, short enough to hear


def _listed(names: list[str]) -> str:
    shown = ", ".join(names[:NAMED])
    return shown + (f" and {len(names) - NAMED} more" if len(names) > NAMED else "")


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def map_alt(table: PlaceTable) -> str:
    """'Map of 3 places: Marathon, Thermopylae, Rome.' One place per distinct location,
    as the map draws one dot per location, the most mentioned first (as it labels them)."""
    spots: dict[tuple[float, float], list] = {}
    for lp in table.located:
        key = (round(lp.lon, 3), round(lp.lat, 3))  # the map's own grouping
        spot = spots.setdefault(key, [0, len(spots), " ".join(clean(lp.place.name).split())])
        spot[0] += 1
    names = [name for _, _, name in sorted(spots.values(), key=lambda s: (-s[0], s[1]))]
    lost = len({(u.event.id, u.place.name) for u in table.unlocated if u.place is not None})
    not_shown = f" {_plural(lost, 'place')} could not be located and are not shown." if lost else ""
    if not names:
        return "World map with no places marked." + not_shown
    return f"Map of {_plural(len(names), 'place')}: {_listed(names)}." + not_shown


def _year(date: HistoricalDate) -> str:
    return HistoricalDate.of(date.year).label()


def timeline_alt(table: PlaceTable) -> str:
    """'Timeline from 490 BCE to 1939 with 4 events; thread: War; era: Classical
    Greece.' The span is the dated events' years, as the chart's axis is."""
    story = table.story
    events = story.dated_events
    if not events:
        return "Timeline with no dated events."
    first = min(e.start for e in events)
    last = max(max(e.start, e.end) if e.end else e.start for e in events)
    span = (f"in {_year(first)}" if first.year == last.year
            else f"from {_year(first)} to {_year(last)}")
    text = f"Timeline {span} with {_plural(len(events), 'event')}"
    lanes: list[str] = []
    for e in events:
        if e.group and " ".join(clean(e.group).split()) not in lanes:
            lanes.append(" ".join(clean(e.group).split()))
    if lanes:
        text += f"; {'thread' if len(lanes) == 1 else 'threads'}: {_listed(lanes)}"
    eras = [" ".join(clean(era.title).split()) for era in story.eras]
    if eras:
        text += f"; {'era' if len(eras) == 1 else 'eras'}: {_listed(eras)}"
    return text + "."

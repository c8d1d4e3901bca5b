"""Questions to an archive index (DuckDB over its Parquet tables), answered as a story.

``query(index, place="Mongolia", start="1939", end="2024", text="ICC")`` finds the
matching events of every article, merges reports of the same happening and returns a
:class:`Story` whose events quote and link their source articles, in the story order.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..dates import DateError, HistoricalDate, parse_date
from ..formats._collect import unique_ids
from ..model import Event, PlaceRef, Source, Story, slugify
from . import layout
from .merge import merge_rows

# A place query matches events this close to the place (a town's namesake points and a
# battlefield's several coordinates lie within it).
PLACE_RADIUS_KM = 25.0
AREA_KINDS = {"country", "historical-state"}
DEFAULT_LIMIT = 5000


class QueryError(ValueError):
    """A query that cannot be asked: a place that does not resolve, a bad date.

    ``field`` names the option at fault ("from", "to", "place") and ``reason`` says what
    was wrong, so the CLI can say "--from: ..." and a form can mark its own input.
    """

    def __init__(self, field: str, reason: str):
        super().__init__(f"--{field}: {reason}")
        self.field = field
        self.reason = reason


@dataclass
class QueryResult:
    story: Story
    rows: int
    articles: int
    truncated: bool = False
    place: Any = None
    notes: list[str] = field(default_factory=list)


def _date(text: str | None, what: str) -> HistoricalDate | None:
    if not text:
        return None
    try:
        return parse_date(str(text))
    except DateError as exc:
        raise QueryError(what, str(exc)) from None


def _place_filter(place: str, gazetteer) -> tuple[str, list, Any]:
    if gazetteer is None:
        from gazetteer import default_gazetteer

        gazetteer = default_gazetteer()
    resolution = gazetteer.resolve(place)
    best = resolution.best or (resolution.candidates[0] if resolution.candidates else None)
    if best is None:
        raise QueryError("place", f"{place!r} is not in the gazetteer")
    if best.kind in AREA_KINDS and best.country:
        return "e.country = ?", [best.country], best
    if best.kind == "admin1" and best.country and best.admin1:
        return "(e.country = ? AND e.admin1 = ?)", [best.country, best.admin1], best
    # Points: the same GeoNames place, or anything within PLACE_RADIUS_KM of it.
    dlat = PLACE_RADIUS_KM / 111.2
    dlon = dlat / max(math.cos(math.radians(best.lat)), 0.01)
    clause = ("(e.geonameid = ? OR lower(e.place_name) = lower(?) OR "
              "(e.lat BETWEEN ? AND ? AND e.lon BETWEEN ? AND ?))")
    return clause, [best.geonameid or -1, best.name, best.lat - dlat, best.lat + dlat,
                    best.lon - dlon, best.lon + dlon], best


def query_rows(index: str | Path, *, place: str | None = None, start: str | None = None,
               end: str | None = None, text: str | None = None, limit: int = DEFAULT_LIMIT,
               gazetteer=None) -> tuple[list[dict], Any, bool]:
    """Matching event rows joined with their articles, at most ``limit`` (and whether
    more matched)."""
    import duckdb

    index = Path(index)
    layout.read_manifest(index)
    where, args, best = ["TRUE"], [], None
    if place:
        clause, values, best = _place_filter(place, gazetteer)
        where.append(clause)
        args += values
    lo, hi = _date(start, "from"), _date(end, "to")
    if lo is not None:
        where.append("e.end_pos > ?")
        args.append(lo.position)
        # Partition pruning: centuries wholly before the window cannot match.
        where.append("e.century >= ?")
        args.append(int(lo.year // 100) - 1)
    if hi is not None:
        where.append("e.start_pos < ?")
        args.append(hi.end_position())
        where.append("e.century <= ?")
        args.append(int(hi.year // 100))
    if text:
        where.append("(strpos(lower(e.headline), lower(?)) > 0 OR "
                     "strpos(lower(e.quote), lower(?)) > 0 OR "
                     "strpos(lower(coalesce(a.title, '')), lower(?)) > 0)")
        args += [text, text, text]
    tables = index / "tables"
    sql = (f"SELECT e.*, a.title AS article_title, a.url AS article_url, "
           f"a.published AS article_published "
           f"FROM read_parquet('{_glob(tables / 'events')}', hive_partitioning = true) e "
           f"LEFT JOIN read_parquet('{_glob(tables / 'articles')}') a USING (article_id) "
           f"WHERE {' AND '.join(where)} ORDER BY e.start_pos, e.article_id, e.event_id "
           f"LIMIT {int(limit) + 1}")
    con = duckdb.connect()
    try:
        cursor = con.execute(sql, args)
        names = [d[0] for d in cursor.description]
        rows = [dict(zip(names, r)) for r in cursor.fetchall()]
    finally:
        con.close()
    truncated = len(rows) > limit
    return rows[:limit], best, truncated


def _glob(folder: Path) -> str:
    return (str(folder).replace("'", "''")) + "/**/*.parquet"


def query(index: str | Path, *, place: str | None = None, start: str | None = None,
          end: str | None = None, text: str | None = None, limit: int = DEFAULT_LIMIT,
          gazetteer=None, title: str | None = None) -> QueryResult:
    """The story of the matching events across the archive's articles."""
    rows, best, truncated = query_rows(index, place=place, start=start, end=end, text=text,
                                       limit=limit, gazetteer=gazetteer)
    events = [_event(group) for group in merge_rows(rows)]
    events = unique_ids(events)
    asked = ", ".join(p for p in (place, _period(start, end), f"“{text}”" if text else None) if p)
    articles = {r["article_id"] for r in rows}
    summary = (f"{len(events)} events from {len(articles)} articles of the archive"
               + (f" matching {asked}" if asked else "") + ".")
    notes = []
    if truncated:
        notes.append(f"more than {limit:,} events matched; the first {limit:,} in date order "
                     f"are shown (narrow the query, or raise --limit)")
    story = Story(title=title or (f"Archive: {asked}" if asked else "Archive"),
                  summary=summary, events=tuple(events),
                  slug=slugify(f"archive {asked}" if asked else "archive"))
    return QueryResult(story=story, rows=len(rows), articles=len(articles),
                       truncated=truncated, place=best, notes=notes)


def _period(start: str | None, end: str | None) -> str | None:
    if start and end:
        return f"{start}–{end}"
    return f"from {start}" if start else (f"to {end}" if end else None)


def _event(group: list[dict]) -> Event:
    """One merged happening: the sharpest report's date and headline, every report quoted
    and linked."""
    lead = group[0]
    start = parse_date(lead["start"])
    end = parse_date(lead["end"]) if lead.get("end") else None
    quotes, sources, seen = [], [], set()
    for r in group:
        if r["article_id"] in seen:
            continue
        seen.add(r["article_id"])
        label = r.get("article_title") or r["article_id"]
        published = f", {r['article_published']}" if r.get("article_published") else ""
        quote = " ".join((r.get("quote") or r["headline"]).split())
        link = f"[{_md(label)}]({r['article_url']})" if r.get("article_url") else _md(label)
        quotes.append(f"> {_md(quote)}\n\n— {link}{published}")
        sources.append(Source(url=r.get("article_url"), title=label))
    places: tuple[PlaceRef, ...] = ()
    placed = next((r for r in group if r.get("lat") is not None and r.get("lon") is not None), None)
    if placed is not None:
        places = (PlaceRef(name=placed["place_name"] or "place", lat=placed["lat"],
                           lon=placed["lon"]),)
    confidence = max((r.get("confidence") or 0.0) for r in group) or None
    return Event(id=slugify(lead["headline"], fallback="event"), title=lead["headline"],
                 start=start, end=end, text="\n\n".join(quotes), places=places,
                 sources=tuple(sources), confidence=confidence,
                 extra={"articles": sorted(seen)})


def _md(text: str) -> str:
    """Article text quoted in Markdown: its own markup characters shown, not obeyed."""
    return "".join("\\" + c if c in "\\`*_{}[]<>()#+!|" else c for c in text)

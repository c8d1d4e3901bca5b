"""Names to places: candidate lookup, scoring with context, and the resolve API.

Scores live on a log10-population-equivalent scale ("importance"): a city of a million
people is 6.0, a country 8.0+. Evidence (qualifiers, country hints, nearby places in the
same story, the date; see :mod:`gazetteer.evidence`) adds to it, and a softmax over the
candidates turns the totals into scores that sum to 1. A name is "resolved" only when its
best candidate's confidence clears the threshold; otherwise it stays "ambiguous" with its
candidates, never guessed.
"""
from __future__ import annotations

import math
import re
import sqlite3
import threading
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from .evidence import Anchor, Constraint, anchor_of, constraint_bonus, context_bonus
from .memindex import MemIndex
from .memindex import Row as _Row
from .model import AreaNames, Candidate, Resolution
from .naturalearth import haversine_km
from .qualifiers import interpret, outside_area
from .normalize import MAX_NAME_CHARS, clean_display, normalize, skeleton, split_qualifier

THRESHOLD = 0.65
MAX_CANDIDATES = 20
LOOKUP_LIMIT = 40
TEMPERATURE = 2.5  # softmax sharpness per unit of importance
SKELETON_PENALTY = 1.0
SKELETON_CONFIDENCE = 0.85
SKELETON_MIN_PRIOR = 5.0
POOL_KM = 50.0
_POOL_DEGREES = POOL_KM / 111.0 + 0.01  # latitude gap beyond which no pooling
ANCIENT_BEFORE = 1000  # a story set before this year prefers places of its period...
ANCIENT_BONUS = 2.5    # ...over modern namesakes (Thebes in 1300 BCE is in Egypt)
UNDATED_ANCIENT_PENALTY = 1.0
HOME_COUNTRY_BONUS = 1.0  # a local story's towns: in its country...
HOME_REGION_BONUS = 1.5   # ...and most of all in its state or province
_AREA_KINDS = frozenset({"country", "continent", "ocean", "historical-state", "sea", "region"})
OWN_NAME_BONUS = 1.0  # "New York": the state called so, over "New York City" 

_PLACE_COLUMNS = ("id, ref, name, lat, lon, country, admin1, kind, population, importance, "
                  "geonameid, source, valid_from, valid_to")

_PLACE_COLUMNS_P = ", ".join("p." + c.strip() for c in _PLACE_COLUMNS.split(","))

# capitalised words that start sentences far more often than they name places
_STOPWORDS = frozenset("""
a an and as at by for from he her his i if in into it its may march no not of on or our she so
such the their then there these they this those to under was we were what when where which
while who will with after before during since until about also but all both each many most
mr mrs ms dr sir general president king queen prince emperor army navy day monday tuesday
wednesday thursday friday saturday sunday january february april june july august september
october november december god war battle operation soviet union communist party
""".split())
_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)


class Gazetteer:
    """Read-only access to one on-disk index. Thread-safe; cheap to share."""

    def __init__(self, path: str | Path, *, threshold: float = THRESHOLD) -> None:
        self.path = Path(path)
        self.threshold = threshold
        self._conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
        self._conn.execute("PRAGMA query_only=1")
        self._lock = threading.RLock()
        self._demonyms = dict(self._conn.execute("SELECT word, country FROM demonyms"))
        self._mem: MemIndex | None = None
        self._area_names: AreaNames | None = None
        self._skeleton_lookup = lru_cache(maxsize=4096)(self._skeleton_uncached)
        self._plain = lru_cache(maxsize=8192)(self._resolve_plain)
        # the context of a story recurs (resolve_all again with a home region): its
        # anchors are found once
        self._context_anchors = lru_cache(maxsize=64)(self._text_anchors_uncached)

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    # -- lookups ---------------------------------------------------------------------
    def _query(self, sql: str, args: Sequence[Any] = ()) -> list[tuple]:
        with self._lock:
            return self._conn.execute(sql, args).fetchall()

    def _memindex(self) -> MemIndex:
        mem = self._mem
        if mem is None:
            with self._lock:
                if self._mem is None:
                    self._mem = MemIndex(self._conn)
                mem = self._mem
        return mem

    def _lookup(self, key: str) -> tuple[tuple[_Row, float], ...]:
        # (not cached: thousands of long-lived rows cost the garbage collector more than
        # building them again; measured on bench_gazetteer's distinct names)
        return self._memindex().lookup(key, LOOKUP_LIMIT)

    def _skeleton_uncached(self, skel: str) -> tuple[tuple[_Row, float], ...]:
        rows = self._query(
            f"SELECT {_PLACE_COLUMNS_P} "
            "FROM skeletons s JOIN places p ON p.id = s.place WHERE s.skel = ? "
            "ORDER BY p.importance DESC LIMIT ?", (skel, LOOKUP_LIMIT))
        return tuple((_Row(*r), r[9] - SKELETON_PENALTY) for r in rows if r[9] >= SKELETON_MIN_PRIOR)

    def lookup(self, name: str) -> list[Candidate]:
        """Exact (normalised) name lookup, most important first; no context, no scoring."""
        key = normalize(name) if isinstance(name, str) else ""
        if not key:
            return []
        mem = self._memindex()
        return [mem.candidate(pid) for pid, _ in mem.ids(key, LOOKUP_LIMIT)]

    def exists(self, name: str) -> bool:
        key = normalize(name) if isinstance(name, str) else ""
        return bool(key) and bool(self._lookup(key))

    # -- public API ---------------------------------------------------------------------
    def resolve(self, name: str, *, context: str | Iterable[Any] | None = None,
                country: str | None = None, year: int | None = None) -> Resolution:
        """Resolve one place name. ``context`` is text around it or other places (names,
        Candidates or Resolutions) from the same story; ``country`` an ISO alpha-2 hint."""
        country = _clean_country(country)
        year = year if isinstance(year, int) and not isinstance(year, bool) else None
        if not isinstance(name, str) or len(name) > MAX_NAME_CHARS:
            # never a cache key: a 10,000-character "name" must not pin memory
            return Resolution(query=clean_display(name) if isinstance(name, str) else "",
                              status="unresolved", best=None, candidates=[])
        if context is None:
            return self._plain(name, country, year)
        anchors = self._anchors(context)
        return self._resolve(name, country=country, year=year, anchors=anchors)

    def resolve_all(self, names: Sequence[str], *, context_text: str | None = None,
                    country: str | None = None, years: Sequence[int | None] | None = None,
                    home: tuple[str, str | None] | None = None) -> list[Resolution]:
        """Resolve a story's names together: each confidently resolved name becomes context
        for the others (spatial coherence, shared country). ``home`` is a (country,
        first-level division) the text is set in, such as a local paper's state: its
        towns and counties are preferred over namesakes elsewhere (a soft prior)."""
        names = list(names)
        years = list(years) if years is not None else [None] * len(names)
        if len(years) != len(names):
            raise ValueError(f"years has {len(years)} items, expected {len(names)} (one per name)")
        country = _clean_country(country)
        text_anchors = self._anchors(context_text) if context_text else ()
        first = [self._resolve(n, country=country, year=_year(y), anchors=text_anchors,
                               corroborate=True, home=home) for n, y in zip(names, years)]
        story_anchors: dict[str, Anchor] = {}
        for n, r in zip(names, first):
            if r.status == "resolved" and r.best is not None and r.best.confidence >= 0.75:
                story_anchors.setdefault(normalize(n), anchor_of(r.best, r.best.confidence))
        if not story_anchors:
            return first
        out = []
        for n, y in zip(names, years):
            key = normalize(n) if isinstance(n, str) else ""
            others = tuple(a for k, a in story_anchors.items() if k != key)[:60]
            out.append(self._resolve(n, country=country, year=_year(y), anchors=text_anchors + others,
                                     corroborate=True, home=home))
        return out

    def geometry(self, candidate: Candidate) -> dict[str, Any] | None:
        """GeoJSON geometry (area or line) of a candidate, or None when only a point is known."""
        ref = getattr(candidate, "id", "") or ""
        rows = self._query("SELECT g.geojson FROM geometry g JOIN places p ON p.id = g.place "
                           "WHERE p.ref = ?", (ref,))
        if not rows:
            return None
        import json
        return json.loads(rows[0][0])

    def get(self, ref: str) -> Candidate | None:
        """The place with stable id ``ref`` (e.g. ``geonames:524901``), or None."""
        rows = self._query(f"SELECT {_PLACE_COLUMNS} FROM places WHERE ref = ?", (ref,))
        return self._candidate(_Row(*rows[0]), rows[0][9], 1.0, 1.0) if rows else None

    def area_names(self) -> AreaNames:
        """Country names by ISO code and first-level division names by (country, admin1
        code), to label a candidate with its country and region (its ``country`` and
        ``admin1`` are codes). Read once per index: it is read-only. Where several
        divisions share a code, the most populous names it."""
        names = self._area_names
        if names is None:
            countries: dict[str, str] = {}
            regions: dict[tuple[str, str], str] = {}
            for name, code in self._query("SELECT name, country FROM places WHERE kind = 'country'"):
                countries.setdefault(code, name)
            for name, code, admin1 in self._query(
                    "SELECT name, country, admin1 FROM places WHERE kind = 'admin1' "
                    "AND admin1 IS NOT NULL ORDER BY population DESC"):
                regions.setdefault((code, admin1), name)
            names = self._area_names = AreaNames(MappingProxyType(countries),
                                                 MappingProxyType(regions))
        return names

    def stats(self) -> dict[str, Any]:
        meta = dict(self._query("SELECT key, value FROM meta"))
        kinds = dict(self._query("SELECT kind, COUNT(*) FROM places GROUP BY kind ORDER BY 2 DESC"))
        sources = dict(self._query(
            "SELECT CASE WHEN ref LIKE 'geonames:%' THEN 'geonames' WHEN ref LIKE 'curated:%' "
            "THEN 'curated' ELSE 'user' END, COUNT(*) FROM places GROUP BY 1"))
        return {"meta": meta, "kinds": kinds, "sources": sources,
                "size_bytes": self.path.stat().st_size, "path": str(self.path)}

    # -- resolution ---------------------------------------------------------------------
    def _resolve_plain(self, name: str, country: str | None, year: int | None) -> Resolution:
        return self._resolve(name, country=country, year=year, anchors=())

    def _resolve(self, name: Any, *, country: str | None, year: int | None,
                 anchors: tuple[Anchor, ...], corroborate: bool = False,
                 home: tuple[str, str | None] | None = None) -> Resolution:
        query = clean_display(name) if isinstance(name, str) else ""
        if not isinstance(name, str) or not name.strip() or len(name) > MAX_NAME_CHARS:
            return Resolution(query=query, status="unresolved", best=None, candidates=[])
        key = normalize(name)
        constraints: list[list[Constraint]] = []
        qualifiers: list[str] = []
        hits = self._lookup(key) if key else ()
        if not hits:
            base, qualifiers = split_qualifier(name)
            if qualifiers:
                key = normalize(base)
                hits = self._lookup(key) if key else ()
                constraints = [interpret(self, q) for q in qualifiers]
        fuzzy = False
        if not hits and key:
            skel = skeleton(key)
            hits = self._skeleton_lookup(skel) if skel else ()
            fuzzy = bool(hits)
        if not hits:
            return Resolution(query=query, status="unresolved", best=None, candidates=[])
        if anchors:
            # a name is no evidence for itself (the context text contains it too)
            anchors = tuple(a for a in anchors if a.key != key)
        # "New York" is the state when the city is called "New York City" (GeoNames' way)
        city = key + " city"
        own_state = not fuzzy and len(hits) > 1 and any(
            r.kind != "admin1" and r.name.lower() == city for r, _ in hits[:MAX_CANDIDATES])
        scored = []
        for row, prior in hits:
            total = prior
            if country and row.country:
                total += 3.0 if row.country == country else -1.0
            for alternatives in constraints:
                total += max((constraint_bonus(row, c) for c in alternatives), default=0.0)
            if year is not None and (row.valid_from is not None or row.valid_to is not None):
                lo = row.valid_from if row.valid_from is not None else -10**6
                hi = row.valid_to if row.valid_to is not None else 10**6
                if not lo <= year <= hi:
                    total -= 2.0
                elif year < ANCIENT_BEFORE and hi <= ANCIENT_BEFORE:
                    total += ANCIENT_BONUS  # an ancient story prefers the ancient site
                else:
                    total += 0.3
            elif year is None and row.valid_to is not None and row.valid_to <= ANCIENT_BEFORE:
                total -= UNDATED_ANCIENT_PENALTY  # undated text is more likely modern
            if anchors:
                total += context_bonus(row, anchors, corroborate)
            if home is not None and row.country == home[0] and row.kind not in _AREA_KINDS:
                total += HOME_COUNTRY_BONUS
                if home[1] is not None and row.admin1 == home[1]:
                    total += HOME_REGION_BONUS
            if own_state and row.kind == "admin1" and normalize(row.name) == key:
                total += OWN_NAME_BONUS  # "New York" is the state; the city is "New York City"
            scored.append((total, row, prior))
        if constraints and not fuzzy:
            outside = outside_area(self, query, scored, qualifiers, constraints, year, MAX_CANDIDATES)
            if outside is not None:
                return outside
        top = max(t for t, _, _ in scored)
        weights = [math.exp(TEMPERATURE * (t - top)) for t, _, _ in scored]
        norm = sum(weights)
        factor = SKELETON_CONFIDENCE if fuzzy else 1.0
        ranked = sorted(zip(weights, scored), key=lambda ws: (-ws[0], ws[1][1].name, ws[1][1].ref))
        cands = [self._candidate(row, prior, w / norm, factor * w / norm)
                 for w, (t, row, prior) in ranked[:MAX_CANDIDATES]]
        best = cands[0]
        if len(ranked) > 1:
            # candidates that are the same place on a map (a city and the province named
            # after it, a duplicate record) do not compete: the best one takes their weight
            pooled = sum(w for w, (t, row, prior) in ranked[1:]
                         if abs(row.lat - best.lat) < _POOL_DEGREES
                         and haversine_km(row.lat, row.lon, best.lat, best.lon) < POOL_KM)
            if pooled:
                best = replace(best, confidence=factor * (ranked[0][0] + pooled) / norm)
                cands[0] = best
        if best.confidence >= self.threshold:
            return Resolution(query=query, status="resolved", best=best, candidates=cands)
        return Resolution(query=query, status="ambiguous", best=None, candidates=cands)

    def _anchors(self, context: Any) -> tuple[Anchor, ...]:
        if context is None:
            return ()
        if isinstance(context, str):
            return self._text_anchors(context)
        anchors: list[Anchor] = []
        for item in list(context)[:200]:
            if isinstance(item, Resolution):
                if item.best is not None:
                    anchors.append(anchor_of(item.best, item.best.confidence))
            elif isinstance(item, Candidate):
                anchors.append(anchor_of(item, 1.0))
            elif isinstance(item, str):
                anchors.extend(self._text_anchors(item))
        return tuple(anchors)

    def _text_anchors(self, text: str) -> tuple[Anchor, ...]:
        """Places and demonyms spotted in free text, as context for a resolution (only
        its first 20,000 characters: the cache key, too)."""
        return self._context_anchors(text[:20000])

    def _text_anchors_uncached(self, text: str) -> tuple[Anchor, ...]:
        anchors: list[Anchor] = []
        for surface in self.spot(text[:20000]):
            r = self._plain(surface, None, None)
            if r.status == "resolved" and r.best is not None:
                anchors.append(replace(anchor_of(r.best, r.best.confidence), key=normalize(surface)))
        for word in _WORD.findall(text[:20000]):
            cc = self._demonyms.get(word.lower())
            if cc:
                anchors.append(Anchor(0.0, 0.0, cc, None, 0.7, country_only=True))
        return tuple(anchors[:100])

    def spot(self, text: str, *, min_importance: float = 4.7) -> list[str]:
        """Capitalised word runs in ``text`` that name well-known places, longest first.

        A deliberately simple spotter for context; full toponym recognition is issue 5.
        """
        if not isinstance(text, str):
            return []
        words = [(m.group(0), m.start(), m.end()) for m in _WORD.finditer(text)]
        ids = self._memindex().ids  # only the best prior counts: no rows are built
        found: list[str] = []
        i = 0
        while i < len(words):
            w = words[i][0]
            if not w[0].isupper() or w.lower() in _STOPWORDS:
                i += 1
                continue
            matched = 0
            for n in range(min(4, len(words) - i), 0, -1):
                span = words[i:i + n]
                if any(not s[0][0].isupper() for s in span):
                    continue
                # words must be adjacent (only spaces or hyphens between them)
                if any(text[a[2]:b[1]].strip(" -") for a, b in zip(span, span[1:])):
                    continue
                surface = text[span[0][1]:span[-1][2]]
                top = ids(normalize(surface), 1)
                if top and round(top[0][1], 3) >= (min_importance if n == 1 else min_importance - 1):
                    found.append(surface)
                    matched = n
                    break
            i += matched or 1
        return found

    @staticmethod
    def _candidate(row: _Row, prior: float, score: float, confidence: float) -> Candidate:
        # The hot path: fill the frozen dataclass directly (same fields, ~4x faster than
        # its generated __init__, which sets each field through object.__setattr__).
        c = object.__new__(Candidate)
        c.__dict__.update(
            name=row.name, lat=row.lat, lon=row.lon, country=row.country, kind=row.kind,
            geonameid=row.geonameid, score=score, confidence=confidence,
            population=row.population, source=row.source, id=row.ref, admin1=row.admin1,
            valid_from=row.valid_from, valid_to=row.valid_to)
        return c


def _clean_country(country: Any) -> str | None:
    if isinstance(country, str) and len(country.strip()) == 2 and country.strip().isalpha():
        return country.strip().upper()
    return None


def _year(y: Any) -> int | None:
    return y if isinstance(y, int) and not isinstance(y, bool) else None


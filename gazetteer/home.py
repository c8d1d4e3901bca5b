"""A story's home region: the country and state its places are set in.

Local news rarely names its state: a Nebraska paper writes "Columbus", "Norfolk" and
"Platte County", each a namesake elsewhere. Two kinds of evidence find the home:

* the dateline and the confidently placed names (``confident_home``), first ones most;
* the state that the most distinct names could lie in (``shared_region``): one sense per
  story. Names with candidates in one state beyond chance (four of five names, say)
  put the story there, even when every one of them alone is ambiguous.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from .model import Resolution
from .naturalearth import haversine_km
from .normalize import normalize

Home = tuple[str, "str | None"]

_SKIP_KINDS = frozenset({"continent", "ocean", "sea", "region"})
_NATIONS = frozenset({"country", "historical-state"})
SHARED_MIN_NAMES = 3     # distinct names that must fit the winning state
SHARED_MIN_SHARE = 0.5   # ...and this share of the story's distinct local names
NAMED_STATE = 2          # a state named outright counts as two of its towns
SHARED_MARGIN = 0.1      # as many names: weighted votes ahead of the next state


def confident_home(items: Sequence[tuple[Resolution, bool, int, int]]) -> Home | None:
    """From ``(resolution, trusted, position, offset)`` per mention, in text order: None
    unless one country holds most of the votes; the state only when it holds most of
    that country's. The dateline and the first places count three times."""
    countries: dict[str, float] = {}
    regions: dict[tuple[str, str], float] = {}
    total = 0.0
    for r, trusted, n, offset in items:
        b = r.best
        if b is None or not b.country or r.confidence < 0.7 or not trusted:
            continue
        if b.kind in _SKIP_KINDS:
            continue
        w = 3.0 if n == 0 or offset < 200 else 1.0
        if b.kind in _NATIONS:
            w *= 0.5
        total += w
        countries[b.country] = countries.get(b.country, 0.0) + w
        if b.admin1 and b.kind != "country":
            key = (b.country, b.admin1)
            regions[key] = regions.get(key, 0.0) + w
    if not countries or total < 2.0:
        return None
    cc, votes = max(countries.items(), key=lambda kv: kv[1])
    if votes < 0.5 * total:
        return None
    mine = [(v, a) for (c, a), v in regions.items() if c == cc]
    admin1 = None
    if mine:
        v, a = max(mine)
        if v >= 2.0 and v >= 0.5 * votes:
            admin1 = a
    return cc, admin1


def shared_region(names: dict[str, Resolution]) -> Home | None:
    """The (country, state) that most of the story's distinct names could lie in, when
    it clearly beats every other state; None otherwise. ``names``: one resolution per
    distinct name. A name votes once for each state holding one of its candidates; a
    state named outright (resolved) votes for itself. Countries and wide regions do not
    vote, and do not count towards the share (a local story names the world too)."""
    votes: dict[tuple[str, str], float] = {}
    counts: dict[tuple[str, str], int] = {}
    local = 0
    for r in names.values():
        best = r.best or (r.candidates[0] if r.candidates else None)
        if best is None or best.kind in _NATIONS or best.kind in _SKIP_KINDS and r.best is not None:
            continue
        if best.kind == "admin1" and r.best is not None:
            if best.country and best.admin1:
                key = (best.country, best.admin1)
                votes[key] = votes.get(key, 0.0) + NAMED_STATE
                counts[key] = counts.get(key, 0) + NAMED_STATE
                local += 1
            continue
        # each state's best namesake; ties between states go to the likelier namesakes
        seen: dict[tuple[str, str], float] = {}
        pinned = r.best is not None and "," in r.query  # "Athens, Greece": only its own
        for c in ([r.best] if pinned else r.candidates):
            if c.country and c.admin1 and c.kind not in _NATIONS:
                key = (c.country, c.admin1)
                seen[key] = max(seen.get(key, 0.0), c.score)
        if not seen:
            continue
        local += 1
        top = max(seen.values()) or 1.0
        for key, score in seen.items():
            votes[key] = votes.get(key, 0.0) + score / top
            counts[key] = counts.get(key, 0) + 1
    if not votes:
        return None
    # most names first; between states fitting as many names, the likelier namesakes
    ranked = sorted(counts, key=lambda k: (-counts[k], -votes[k]))
    key = ranked[0]
    other = ranked[1] if len(ranked) > 1 else None
    if counts[key] < SHARED_MIN_SHARE * local:
        return None
    if counts[key] < SHARED_MIN_NAMES and not (
            counts[key] == 2 and (other is None or counts[other] < 2)):
        return None  # two names fit only when no other state holds both
    if other is not None and counts[other] == counts[key] and votes[key] - votes[other] < SHARED_MARGIN:
        return None
    return key


def home_may_change(r: Resolution, home: Home) -> bool:
    """Whether the home prior could move this name: some candidate lies in the home
    country (or state) and the current best is not there."""
    best = r.best or (r.candidates[0] if r.candidates else None)
    if best is None or len(r.candidates) < 2 and r.best is not None:
        return False
    if best.country == home[0] and (home[1] is None or best.admin1 == home[1]):
        return r.best is None
    return any(c.country == home[0] for c in r.candidates[1:])


SEAT_KM = 40.0  # a town this near a county's centre named in the same story is in it
SEAT_MIN_POP = 1000
_CELL_LAT, _CELL_LON = 0.5, 1.0  # degrees: cells wider than SEAT_KM up to 60 degrees N


def county_seats(names: dict[str, Resolution], lookup) -> dict[str, Resolution]:
    """Towns placed by a county the story names: "Paris" beside "Henry County" is Paris,
    Tennessee (Henry County's seat), not the French capital; "Athens" beside "Henderson
    County" is Athens, Texas. For each town, the namesake nearest to some namesake of a
    named county wins when it lies within ``SEAT_KM`` of it; the county takes that
    namesake too. Only towns called so (not by an alias: Sewanee is also "University")
    and no hamlets (under ``SEAT_MIN_POP``). ``lookup(name)`` lists every namesake.
    Returns the changed resolutions."""
    counties = {}
    for k, r in names.items():
        if r.candidates and r.candidates[0].kind == "admin2":
            counties[k] = [c for c in lookup(r.query) if c.kind == "admin2"]
    if not counties:
        return {}
    grid: dict[tuple[int, int], list] = {}  # counties by cells; a town looks at its own and the 8 around
    for ck, cands in counties.items():
        for c in cands:
            grid.setdefault((int(c.lat // _CELL_LAT), int(c.lon // _CELL_LON)), []).append((ck, c))
    out: dict[str, Resolution] = {}
    for k, r in names.items():
        if k in counties or not r.candidates or "," in r.query:
            continue
        top = r.best or r.candidates[0]
        if top.kind in _NATIONS or top.kind in _SKIP_KINDS or top.kind == "admin1":
            continue
        towns = [c for c in lookup(r.query) if c.kind not in _NATIONS and c.kind not in _SKIP_KINDS
                 and c.kind not in ("admin1", "admin2") and c.population >= SEAT_MIN_POP
                 and normalize(c.name) == k]
        best = None
        for t in towns:
            cell = (int(t.lat // _CELL_LAT), int(t.lon // _CELL_LON))
            for dy in (-1, 0, 1):
                for dx in (-1, 0, 1):
                    for ck, c in grid.get((cell[0] + dy, cell[1] + dx), ()):
                        d = haversine_km(t.lat, t.lon, c.lat, c.lon)
                        if d < SEAT_KM and (best is None or d < best[0]):
                            best = (d, t, ck, c)
        if best is None:
            continue
        _, town, ck, county = best
        if haversine_km(town.lat, town.lon, top.lat, top.lon) >= 1.0:
            out[k] = _promote(r, replace(town, confidence=0.7, score=max(town.score, 0.5)))
        ctop = names[ck].best or names[ck].candidates[0]
        if ck not in out and ctop.id != county.id:
            out[ck] = _promote(names[ck], replace(county, confidence=0.7, score=max(county.score, 0.5)))
    return out


def _promote(r: Resolution, c) -> Resolution:
    rest = [x for x in r.candidates if x.id != c.id]
    return Resolution(query=r.query, status="resolved", best=c, candidates=[c] + rest)

"""Candidate matching: the longest capitalised n-grams (or demonyms) the gazetteer knows,
before any filter; and the boiled-down gazetteer facts the filters use."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .datelines import AP_AFTER_COMMA, AP_STATES
from .normalize import normalize
from .spotwords import CONNECTORS, FUNCTION
from .tokens import Token

if TYPE_CHECKING:
    from .spotting import Spotter

MAX_NGRAM = 6
AREA_KINDS = frozenset({"country", "continent", "admin1", "admin2", "historical-state", "region", "ocean",
                        "sea"})
MAJOR_KINDS = AREA_KINDS | frozenset({
    "river", "lake", "desert", "mountain-range", "island", "peninsula", "gulf", "strait",
    "canal", "battlefield", "historical-site", "landmark", "capital", "mountain", "admin2"})


@dataclass(frozen=True)
class NameInfo:
    """What the gazetteer knows about one key, boiled down for the filters."""

    area: bool      # some candidate is a country, region, sea...
    major: bool     # some candidate is a famous kind (river, capital, landmark...)
    pop: int        # largest city population among candidates
    nation: bool = False  # some candidate is a country or continent (never a surname)


@dataclass
class Span:
    """A matched name (or demonym) and, once filtered, the mention it makes."""

    i: int                  # first token of the matched name
    j: int                  # last token of the matched name (inclusive)
    info: NameInfo | None
    adjective: str | None = None   # demonym key when this is an adjective mention
    lo: int = 0                    # first token of the mention (after extensions)
    hi: int = 0                    # last token of the mention
    query: str = ""
    weak: bool = False
    cue: bool = False
    state: str | None = None       # an AP state abbreviation: the state it names
    listed: bool = False           # in a list before "counties" (see spotrules)


def match(sp: Spotter, text: str, tokens: list[Token]) -> list[Span]:
    """Left to right, the longest name or demonym starting at each capitalised token."""
    spans: list[Span] = []
    n = len(tokens)
    i = 0
    while i < n:
        t = tokens[i]
        if not t.cap or (t.initial and t.lower in FUNCTION and not t.upper):
            i += 1
            continue
        state = AP_STATES.get(t.word)
        if state is not None:
            gap = text[tokens[i - 1].end:t.start] if i else ""
            if t.word not in AP_AFTER_COMMA or gap.strip() in (",", "-"):
                spans.append(Span(i, i, sp.info(normalize(state)), state=state))
                i += 1
                continue
        # the longest run of joined tokens that could form a name from here
        limit = i
        while (limit + 1 < n and limit + 1 - i < MAX_NGRAM and tokens[limit + 1].joined
               and not tokens[limit + 1].initial
               and (tokens[limit + 1].cap or tokens[limit + 1].lower in CONNECTORS)):
            limit += 1
        place = None
        for j in range(limit, i - 1, -1):
            if not tokens[j].cap:
                continue
            if j > i and tokens[j].upper != tokens[i].upper and tokens[i].upper and len(tokens[i].word) <= 3:
                continue
            key = normalize(text[t.start:tokens[j].end])
            info = sp.info(key) if key else None
            if info is not None:
                place = Span(i, j, info)
                break
        adj = None
        lw = t.lower
        heads = sp.demonym_heads
        if lw not in heads and not (lw[-1:] == "s" and lw[:-1] in heads):
            limit_adj = i - 1  # no demonym starts with this word: skip the search
        else:
            limit_adj = min(limit, i + sp.max_demonym - 1)
        for j in range(limit_adj, i - 1, -1):
            words = [tk.lower for tk in tokens[i:j + 1]]
            if not all(tk.cap for tk in tokens[i:j + 1]):
                continue
            key = " ".join(words)
            plural = False
            if key not in sp.demonyms and key.endswith("s") and key[:-1] in sp.demonyms:
                key, plural = key[:-1], True  # Russians, South Africans (not Laos)
            if key in sp.demonyms:
                adj = Span(i, j, None, adjective=key, weak=plural)
                break
        if adj is not None and (place is None or adj.j > place.j
                                or (adj.j == place.j and not adj.weak)):
            adj.lo, adj.hi = adj.i, adj.j
            spans.append(adj)
            i = adj.j + 1
        elif place is not None:
            spans.append(place)
            i = place.j + 1
        else:
            i += 1
    return spans

"""Toponyms in text: place mentions with character offsets, resolved with the whole
document as context.

Spotting is gazetteer-driven: capitalised word runs are cut into the longest n-grams whose
normalised key the gazetteer knows, and a handful of general rules keep precision high:

* capitalisation and sentence position (a common English word that is also a town only
  counts with a locative cue: "in Reading", never "Reading the report");
* person names (a title before a place, a given name used as one, a place hugged by
  unknown capitalised words: "Paris Hilton", "President Obama", "Vladimir Putin");
* organisations (a city inside a longer proper name: "Rome Statute", "Bank of England");
  a country or region as the first word of a name still counts ("U.S. Army");
* feature words extend a mention ("Khalkhin Gol River", "Lake Victoria", "Central Luzon");
* demonyms ("Russian", "South African") are returned as weaker, ``adjective`` mentions.

Small towns that may just be surnames need a cue (a locative preposition, "Town, State")
or a resolution inside a country the document already mentions.
"""
from __future__ import annotations

import threading
from dataclasses import replace
from weakref import WeakKeyDictionary

from .datelines import AP_STATES, qualify
from .home import confident_home, county_seats, home_may_change, shared_region
from .matching import AREA_KINDS, MAJOR_KINDS, NameInfo, Span, match
from .mention import Mention
from .model import Resolution
from .namefilters import accept, surnames
from .normalize import normalize
from .spotrules import mark_listed, shared_feature
from .spotwords import common_words, demonym_table, given_names
from .tokens import Token, lowercase_words, title_case_lines, tokenize

__all__ = ["AP_STATES", "Mention", "Spotter", "common_words", "demonym_table", "given_names",
           "spot", "spotter_for", "tokenize"]

MAX_TEXT_CHARS = 10_000_000  # longer text is cut (with the mentions of the first part)


class Spotter:
    """Spots mentions with one gazetteer; keeps a cache of what each name key is."""

    def __init__(self, gazetteer) -> None:
        self.gaz = gazetteer
        self._info: dict[str, NameInfo | None] = {}
        self._adjectives: dict[str, Resolution] = {}
        self._lock = threading.Lock()
        self.demonyms = demonym_table()
        self.max_demonym = max(len(k.split()) for k in self.demonyms)
        # first words of the demonyms ("south" of "south african"): most capitalised
        # words start none, and matching need not try them
        self.demonym_heads = frozenset(k.split(" ", 1)[0] for k in self.demonyms)
        self.common = common_words()
        self.given = given_names()

    # -- gazetteer summaries ---------------------------------------------------------
    def info(self, key: str) -> NameInfo | None:
        try:
            return self._info[key]
        except KeyError:
            pass
        cands = self.gaz.lookup(key) if key else []
        value = None
        if cands:
            kinds = {c.kind for c in cands}
            pop = max((c.population for c in cands if c.kind in ("city", "capital")), default=0)
            value = NameInfo(area=bool(kinds & AREA_KINDS), major=bool(kinds & MAJOR_KINDS), pop=pop,
                          nation=bool(kinds & {"country", "continent", "historical-state"}))
        if len(self._info) > 500_000:
            self._info.clear()
        self._info[key] = value
        return value

    def is_state(self, name: str) -> bool:
        """Whether the name's likeliest place is a first-level division (a state)."""
        cands = self.gaz.lookup(name)
        return bool(cands) and cands[0].kind == "admin1"

    def adjective(self, word: str) -> Resolution:
        res = self._adjectives.get(word)
        if res is None:
            place, _cc = self.demonyms[word]
            res = self.gaz.resolve(place)
            self._adjectives[word] = res
        return res

    # -- spotting ----------------------------------------------------------------------
    def spot(self, text: str, *, published_year: int | None = None,
             resolve: bool = True) -> list[Mention]:
        """See :func:`spot`. ``resolve=False`` skips resolution (for benchmarks): places
        come back ``unresolved`` and the checks that need a resolution are not made."""
        if not isinstance(text, str) or not text.strip():
            return []
        text = text[:MAX_TEXT_CHARS]
        tokens = tokenize(text)
        lowered = lowercase_words(tokens, self.common)
        headline_lines = title_case_lines(tokens)
        spans = match(self, text, tokens)
        names = surnames(self, text, tokens)
        mark_listed(text, tokens, spans)
        kept: list[Span] = []
        for s in spans:
            if s.adjective is None and not accept(self, text, tokens, s, lowered,
                                                   headline_lines, names):
                continue
            if kept and s.lo <= kept[-1].hi:
                # an extension reaches into the neighbour ("Paris Lake Paris"): drop it
                if kept[-1].j < s.lo:
                    kept[-1].hi = kept[-1].j
                    kept[-1].query = text[tokens[kept[-1].i].start:tokens[kept[-1].j].end]
                elif s.i > kept[-1].hi:
                    s.lo = s.i
                    s.query = text[tokens[s.i].start:tokens[s.j].end]
                else:
                    continue
            kept.append(s)
        qualify(text, tokens, kept)
        shared_feature(text, tokens, kept)
        if not resolve:
            return [Mention(tokens[s.lo].start, tokens[s.hi].end,
                            text[tokens[s.lo].start:tokens[s.hi].end],
                            "adjective" if s.adjective else "place",
                            Resolution(query=s.query or s.adjective, status="unresolved",
                                       best=None)) for s in kept]
        return self._resolve(text, tokens, kept, published_year)

    def _resolve(self, text: str, tokens: list[Token], spans: list[Span],
                 published_year: int | None) -> list[Mention]:
        places = [s for s in spans if s.adjective is None]
        queries = list(dict.fromkeys(s.query for s in places))
        resolved: dict[str, Resolution] = {}
        if queries:
            # The document's context is its places and demonyms: handing the resolver the
            # filtered mentions (not the raw text, which it would spot again, cruder and
            # slower) gives it the same evidence without the surnames and common words.
            context = ". ".join(dict.fromkeys(
                [text[tokens[s.lo].start:tokens[s.hi].end] for s in spans if not s.weak]))
            results = self.gaz.resolve_all(queries, context_text=context or None,
                                           years=[published_year] * len(queries))
            resolved = dict(zip(queries, results))
            # one vote per distinct name ("ARLINGTON -- ... Arlington" is one name)
            trusted = {normalize(s.query): resolved[s.query] for s in places
                       if not s.weak or s.cue}
            home = shared_region(trusted) or confident_home(
                [(resolved[s.query], not s.weak or s.cue, n, tokens[s.lo].start)
                 for n, s in enumerate(places)])
            if home is not None:
                again = [q for q in queries if home_may_change(resolved[q], home)]
                if again:
                    results = self.gaz.resolve_all(again, context_text=context or None,
                                                   years=[published_year] * len(again), home=home)
                    resolved.update(zip(again, results))
            trusted = {normalize(s.query): resolved[s.query] for s in places
                       if not s.weak or s.cue}
            changed = county_seats(trusted, self.gaz.lookup)
            if changed:
                for q in queries:
                    k = normalize(q)
                    if k in changed:
                        resolved[q] = changed[k]
        countries: set[str] = set()
        for s in spans:
            r = self.adjective(s.adjective) if s.adjective else resolved[s.query]
            if not s.weak and r.best is not None and r.best.country:
                countries.add(r.best.country)
        out: list[Mention] = []
        for s in spans:
            start, end = tokens[s.lo].start, tokens[s.hi].end
            surface = text[start:end]
            if s.adjective is not None:
                r = replace(self.adjective(s.adjective), query=surface)
                out.append(Mention(start, end, surface, "adjective", r))
                continue
            r = resolved[s.query]
            if s.weak and not s.cue and (r.best is None or r.best.country not in countries):
                continue  # a surname or a word that happens to be a village somewhere
            out.append(Mention(start, end, surface, "place", r))
        return out


_spotters: WeakKeyDictionary = WeakKeyDictionary()
_spotters_lock = threading.Lock()


def spotter_for(gazetteer=None) -> Spotter:
    if gazetteer is None:
        from . import default_gazetteer
        gazetteer = default_gazetteer()
    with _spotters_lock:
        sp = _spotters.get(gazetteer)
        if sp is None:
            sp = _spotters[gazetteer] = Spotter(gazetteer)
        return sp


def spot(text: str, *, gazetteer=None, published_year: int | None = None) -> list[Mention]:
    """Place and demonym mentions in ``text``, sorted by start and non-overlapping.

    Each place is resolved with the whole text as context (``published_year`` checks
    historical names); mentions the resolver is unsure of keep status ``ambiguous``.
    """
    return spotter_for(gazetteer).spot(text, published_year=published_year)

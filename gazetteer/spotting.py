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

import csv
import io
import re
import threading
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Any, Literal
from weakref import WeakKeyDictionary

from .home import confident_home, county_seats, home_may_change, shared_region
from .model import Candidate, Resolution
from .spotrules import mark_listed, shared_feature
from .normalize import normalize

__all__ = ["Mention", "spot", "Spotter"]

MAX_NGRAM = 6
MAX_TEXT_CHARS = 10_000_000  # longer text is cut (with the mentions of the first part)
STRONG_CITY_POP = 100_000
WEAK_MULTIWORD_POP = 2_000

# AP-style state abbreviations ("Alexandria, La.", "COLUMBIA, S.C. --"): the state each
# names. Those that are also words or names ("Miss.", "Ill.", "Wash.") count only after a
# comma or a hyphen ("Tupelo, Miss."; "D-Ill."), as AP writes them after a town or party.
AP_STATES = {
    "Ala.": "Alabama", "Ariz.": "Arizona", "Ark.": "Arkansas", "Calif.": "California",
    "Colo.": "Colorado", "Conn.": "Connecticut", "Del.": "Delaware", "Fla.": "Florida",
    "Ga.": "Georgia", "Ill.": "Illinois", "Ind.": "Indiana", "Kan.": "Kansas", "Kans.": "Kansas",
    "Ky.": "Kentucky", "La.": "Louisiana", "Md.": "Maryland", "Mass.": "Massachusetts",
    "Mich.": "Michigan", "Minn.": "Minnesota", "Miss.": "Mississippi", "Mo.": "Missouri",
    "Mont.": "Montana", "Neb.": "Nebraska", "Nebr.": "Nebraska", "Nev.": "Nevada",
    "N.H.": "New Hampshire", "N.J.": "New Jersey", "N.M.": "New Mexico", "N.Y.": "New York",
    "N.C.": "North Carolina", "N.D.": "North Dakota", "Okla.": "Oklahoma", "Ore.": "Oregon",
    "Oreg.": "Oregon", "Pa.": "Pennsylvania", "Penn.": "Pennsylvania", "R.I.": "Rhode Island",
    "S.C.": "South Carolina", "S.D.": "South Dakota", "Tenn.": "Tennessee", "Tex.": "Texas",
    "Vt.": "Vermont", "Va.": "Virginia", "Wash.": "Washington", "W.Va.": "West Virginia",
    "W. Va.": "West Virginia", "Wis.": "Wisconsin", "Wisc.": "Wisconsin", "Wyo.": "Wyoming",
    "D.C.": "District of Columbia",
}
AP_AFTER_COMMA = frozenset({"Del.", "Ill.", "Ind.", "La.", "Mass.", "Miss.", "Mo.", "Ore.",
                            "Pa.", "Penn.", "Va.", "Wash.", "Ark.", "Cal.", "Tex."})
_AP_BARE = frozenset(k[:-1] for k in AP_STATES if k.count(".") == 1)

# (Dotted abbreviations first: "U.S.", "U.K.".)  Words may carry inner apostrophes (Xi'an).
_TOKEN = re.compile(r"W\. ?Va\.|(?:[A-Z]\.){2,}|[^\W\d_]+(?:['’][^\W\d_]+)*", re.UNICODE)
_ELISION = re.compile(r"^[a-z]['’][^\W\d_]")
_DATELINE_TAIL = re.compile(
    r"(?:,\s*(?:[A-Z][A-Za-z]*\.(?:\s?[A-Z][a-z]*\.)?|[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)?))?"
    r"\s*(?:\([^()\n]{1,40}\)\s*)?(?:--|[-–—:]\s)")
_SENTENCE_BREAK = re.compile(r"[.!?:;\n\u2022|]|\s[-–—]\s")

AREA_KINDS = frozenset({"country", "continent", "admin1", "admin2", "historical-state", "region", "ocean",
                        "sea"})
MAJOR_KINDS = AREA_KINDS | frozenset({
    "river", "lake", "desert", "mountain-range", "island", "peninsula", "gulf", "strait",
    "canal", "battlefield", "historical-site", "landmark", "capital", "mountain", "admin2"})

_WORDS = lambda s: frozenset(s.split())  # noqa: E731

# lower-case words that may join a place name's capitalised words
CONNECTORS = _WORDS("of the de del della da do dos das di du des la le las los el and upon on "
                    "am an der den y sur en")
# sentence-initial words that are never part of a name
FUNCTION = _WORDS("""
a an the in at on of for from to by with without into onto upon over under after before
since until during while when where whereas if unless because although though as and or but
nor so yet this that these those there here then thus however meanwhile moreover also both
either neither each every all some many most few several such no not only even still
he she it we they i you his her its our their my your who whom whose which what why how
is are was were be been being has have had do does did will would can could may might must
shall should near outside inside across around about above below between among against
according despite toward towards via through throughout within beyond along amid
once last next earlier later today yesterday tomorrow tonight now currently recently
officials authorities residents police health local regional national international
""")
LOCATIVES = _WORDS("in at near from to outside inside around across into toward towards via "
                   "through throughout within visit visited visiting reached entered left leaving "
                   "towns cities province state county village town city region district")
TITLES = _WORDS("""
president presidents mr mrs ms miss dr sir lord lady king queen prince princess pope emperor
empress sultan sheikh senator sen congressman congresswoman rep representative governor gov
mayor minister secretary chancellor premier general gen colonel col captain capt lieutenant lt
sergeant sgt major officer detective judge justice chairman chairwoman chief rev reverend
father brother sister saint st professor prof coach commander admiral ambassador spokesman
spokeswoman spokesperson director ceo dean bishop archbishop cardinal rabbi imam ayatollah
uncle aunt
""")
# words that may follow a place and keep it a place mention: "U.S. Army", "Texas Governor"
ROLE = _WORDS("""
president presidents vice prime minister ministers ministry secretary senator senators
congressman congresswoman representative governor gov mayor premier ambassador embassy
consulate consul government govt army navy marines military police forces force coast guard
defence defense foreign health department dept parliament congress senate chancellor king
queen prince princess emperor officials official authorities authority federal national
provincial regional state states centers centres center centre food agriculture interior
public supreme attorney treasury customs border agency council
cabinet administration office bureau service services commission commissioner people
citizens residents fire emergency disease diseases medical hospital hospitals airport
airports highway route open cup championship league team squad
""")
FEATURE_SUFFIX = {
    "river": "river", "desert": "desert", "mountains": "mountains", "mountain": "mountain",
    "mount": "mountain", "lake": "lake", "sea": "sea", "ocean": "sea", "island": "island",
    "islands": "island", "valley": "region", "province": "province", "region": "region",
    "state": "state", "county": None, "district": None, "prefecture": None, "peninsula": None,
    "gulf": None, "bay": None, "strait": None, "canal": None, "plateau": None, "basin": None,
    "delta": None, "municipality": None, "city": "city", "territory": None, "oblast": None,
    "governorate": None, "republic": "country", "coast": None, "hills": None, "range": None,
    "falls": None, "river's": "river", "lakes": "lake",
}
# a town's own bodies: "X City Council" names the town X, not a place "X City"
CIVIC_SUFFIX = _WORDS("city district town township village municipality")
FEATURE_PREFIX = {"lake": "lake", "mount": "mountain", "mt": "mountain", "cape": None,
                  "port": None, "fort": None, "isle": "island", "gulf": None, "bay": None,
                  "sea": "sea"}
DIRECTIONS = _WORDS("north south east west northern southern eastern western central "
                    "northeast northwest southeast southwest northeastern northwestern "
                    "southeastern southwestern upper lower greater inner outer mid middle "
                    "sub coastal rural metropolitan metro")
# "X of <place>" where X makes it an organisation or a person, not the place
ORG_OF = _WORDS("bank banks duke duchess earl baron baroness marquess count countess bishop "
                "archbishop diocese archdiocese church cathedral museum university college "
                "institute school academy society association club friends order knights "
                "house band orchestra symphony bishops times voice")
# given names that are also places: "Jordan Peterson", "Paris Hilton", "Chad Smith"
GIVEN_NAMES = _WORDS("""
jordan paris georgia chad victoria florence austin orlando lincoln washington houston dallas
tyler charlotte regina adelaide alexandria sydney denver troy salem eugene laurel marion
clinton jackson madison hamilton warren sharon shelby chester beverly kingston milan vienna
nancy santiago sofia kent chelsea brooklyn phoenix savannah dakota aurora camden carson
cleveland easton everett jefferson logan mackenzie marshall mason preston quincy raleigh
sheridan sterling winston york lorraine valencia elizabeth barbara helena augusta augustine
raymond douglas howard ashley stanley florida india israel china asia america kenya
""")
DISEASE = _WORDS("virus viruses fever flu influenza disease syndrome strain ebolavirus")
SPEECH = _WORDS("said says told added explained stated asked announced wrote")
# "Dr. Ivins", "St. Marc": the dot does not end the sentence
ABBREVIATIONS = _WORDS("mr mrs ms dr st ste mt ft prof gen gov sen rep lt col capt sgt jr sr "
                       "rev hon pres insp supt cmdr adm maj messrs")
# a place before these is part of an institution's or a newspaper's name
ORG_SUFFIX = _WORDS("""
university universities college colleges institute institutes school schools academy
times post herald tribune journal gazette chronicle telegraph observer guardian globe mail
express standard independent examiner courier inquirer sentinel zoo museum stadium
""")
STOP = _WORDS("""
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday god christ jesus christmas easter
internet web i
""")


@dataclass(frozen=True)
class Mention:
    """One place (or demonym) mention: ``text == document[start:end]``."""

    start: int
    end: int
    text: str
    kind: Literal["place", "adjective"]
    resolution: Resolution

    @property
    def best(self) -> Candidate | None:
        """The best candidate, also when the resolver is unsure (then ``confidence`` is
        low and ``status`` is ``ambiguous``): a mention is flagged, never left without a
        place. ``resolution.best`` stays None unless the name is resolved."""
        r = self.resolution
        return r.best or (r.candidates[0] if r.candidates else None)

    @property
    def confidence(self) -> float:
        return self.resolution.confidence

    @property
    def alternatives(self) -> list[Candidate]:
        """The other candidates, most likely first."""
        best = self.best
        return [c for c in self.resolution.candidates if c is not best and c.id != (best.id if best else None)]

    @property
    def status(self) -> str:
        return self.resolution.status

    def to_dict(self) -> dict[str, Any]:
        """``{"start","end","text","name","lat","lon","country","kind","geonameid","score",
        "status","confidence","alternatives"}`` from the best candidate (nulls only when
        the gazetteer has no candidate at all). ``kind`` is ``demonym`` for demonyms
        ("Russian"), whose place is their country (``place_kind``)."""
        b = self.best
        return {
            "start": self.start, "end": self.end, "text": self.text,
            "name": b.name if b else None,
            "lat": round(b.lat, 5) if b else None,
            "lon": round(b.lon, 5) if b else None,
            "country": b.country if b else None,
            "kind": ("demonym" if self.kind == "adjective" else b.kind if b else None),
            "place_kind": b.kind if b else None,
            "geonameid": b.geonameid if b else None,
            "score": round(b.score, 4) if b else None,
            "status": self.resolution.status,
            "confidence": round(self.confidence, 3),
            "alternatives": [c.to_dict() for c in self.alternatives[:4]],
        }


@dataclass(frozen=True)
class _Info:
    """What the gazetteer knows about one key, boiled down for the filters."""

    area: bool      # some candidate is a country, region, sea...
    major: bool     # some candidate is a famous kind (river, capital, landmark...)
    pop: int        # largest city population among candidates
    nation: bool = False  # some candidate is a country or continent (never a surname)


@dataclass(slots=True)
class _Token:
    start: int
    end: int
    word: str
    lower: str
    cap: bool
    initial: bool       # first word of a sentence
    joined: bool        # separated from the previous token by one space or hyphen only
                        # (or by a possessive: "People's Republic", "Queen Anne's County")
    tight: bool         # separated by one space or hyphen only (neighbour rules)
    upper: bool         # an all-capital abbreviation (US, UK, DRC, U.S.)
    line: int = 0       # offset where the token's line starts


@dataclass
class _Span:
    i: int                  # first token of the matched name
    j: int                  # last token of the matched name (inclusive)
    info: _Info | None
    adjective: str | None = None   # demonym key when this is an adjective mention
    lo: int = 0                    # first token of the mention (after extensions)
    hi: int = 0                    # last token of the mention
    query: str = ""
    weak: bool = False
    cue: bool = False
    state: str | None = None       # an AP state abbreviation: the state it names
    listed: bool = False           # in a list before "counties" (see spotrules)


def _data_text(name: str) -> str:
    return resources.files("gazetteer").joinpath(f"data/{name}").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def demonym_table() -> dict[str, tuple[str, str | None]]:
    """demonym (lower case, words joined by one space) -> (place name, ISO code or None)."""
    rows = [line for line in _data_text("demonyms.csv").splitlines() if not line.startswith("#")]
    out = {}
    for row in csv.DictReader(io.StringIO("\n".join(rows))):
        out[row["word"].strip().lower()] = (row["place"].strip(), row["country"].strip() or None)
    return out


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    return frozenset(w for line in _data_text("given_names.txt").splitlines()
                     if not line.startswith("#") for w in line.split())


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    return frozenset(line.strip() for line in _data_text("common_words.txt").splitlines()
                     if line.strip() and not line.startswith("#"))


def tokenize(text: str) -> list[_Token]:
    """Word tokens with what the filters need to know about their neighbourhood."""
    tokens: list[_Token] = []
    append = tokens.append
    prev_end = 0
    prev: _Token | None = None
    for m in _TOKEN.finditer(text):
        start, end = m.span()
        word = m.group()
        if start and text[start - 1] in "#@/_.":
            if text[start - 1] != "." or (start > 1 and text[start - 2].isalnum()):
                prev_end = end
                continue  # hashtags, handles, URLs, file names
        if word[-2:] in ("'s", "’s") and len(word) > 3:
            word = word[:-2]
            end -= 2
        elif word in _AP_BARE and text[end:end + 1] == ".":
            word += "."
            end += 1
        first = word[0]
        cap = first.isupper() or (first.islower() and _ELISION.match(word) is not None)
        upper = cap and word.isupper() and (len(word) <= 5 or "." in word)
        if prev is None:
            line = text.rfind("\n", 0, start) + 1
            append(_Token(start, end, word, word.lower(), cap, True, False, False, upper, line))
        else:
            gap = text[prev_end:start]
            if gap == " ":
                append(_Token(start, end, word, word.lower(), cap, False, True, True, upper, line))
            else:
                if "\n" in gap:
                    line = prev_end + gap.rindex("\n") + 1
                abbreviated = (gap == ". " or gap == ".") and prev.lower in ABBREVIATIONS
                initial = (not abbreviated and _SENTENCE_BREAK.search(gap) is not None
                           and not (prev.upper and prev.word[-1] == "." and not gap.strip()))
                # ("U.S. The ..." cannot be told from "the U.S. Army": the sentence goes on)
                tight = abbreviated or gap in ("-", "\u00a0")
                joined = tight or gap in ("'s ", "’s ", "s' ", "s’ ")
                append(_Token(start, end, word, word.lower(), cap, initial, joined, tight, upper,
                              line))
        prev = tokens[-1]
        prev_end = end
    return tokens


class Spotter:
    """Spots mentions with one gazetteer; keeps a cache of what each name key is."""

    def __init__(self, gazetteer) -> None:
        self.gaz = gazetteer
        self._info: dict[str, _Info | None] = {}
        self._adjectives: dict[str, Resolution] = {}
        self._lock = threading.Lock()
        self.demonyms = demonym_table()
        self.max_demonym = max(len(k.split()) for k in self.demonyms)
        self.common = common_words()
        self.given = given_names()

    # -- gazetteer summaries ---------------------------------------------------------
    def info(self, key: str) -> _Info | None:
        try:
            return self._info[key]
        except KeyError:
            pass
        cands = self.gaz.lookup(key) if key else []
        value = None
        if cands:
            kinds = {c.kind for c in cands}
            pop = max((c.population for c in cands if c.kind in ("city", "capital")), default=0)
            value = _Info(area=bool(kinds & AREA_KINDS), major=bool(kinds & MAJOR_KINDS), pop=pop,
                          nation=bool(kinds & {"country", "continent", "historical-state"}))
        if len(self._info) > 500_000:
            self._info.clear()
        self._info[key] = value
        return value

    def _is_state(self, name: str) -> bool:
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
        lowered = self._lowercase_words(tokens)
        headline_lines = self._title_case_lines(tokens)
        spans = self._match(text, tokens)
        surnames = self._surnames(text, tokens)
        mark_listed(text, tokens, spans)
        kept: list[_Span] = []
        for s in spans:
            if s.adjective is None and not self._accept(text, tokens, s, lowered,
                                                        headline_lines, surnames):
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
        self._qualify(text, tokens, kept)
        shared_feature(text, tokens, kept)
        if not resolve:
            return [Mention(tokens[s.lo].start, tokens[s.hi].end,
                            text[tokens[s.lo].start:tokens[s.hi].end],
                            "adjective" if s.adjective else "place",
                            Resolution(query=s.query or s.adjective, status="unresolved",
                                       best=None)) for s in kept]
        return self._resolve(text, tokens, kept, published_year)

    def _surnames(self, text: str, tokens: list[_Token]) -> set[str]:
        """Last words of short capitalised runs that are not places ("Bruce Ivins",
        "Dr. Dunn"): later on their own they are people, not towns."""
        out: set[str] = set()
        run: list[_Token] = []
        for t in tokens + [None]:
            if t is not None and t.cap and not t.upper and (
                    (run and t.tight and not t.initial) or not run):
                if run or not (t.initial and t.lower in FUNCTION):
                    run.append(t)
                    continue
            if 2 <= len(run) <= 3:
                last, head = run[-1], run[0]
                if (last.lower not in ROLE and last.lower not in FEATURE_SUFFIX
                        and head.lower not in DIRECTIONS and head.lower not in FEATURE_PREFIX
                        and head.lower not in self.demonyms
                        and self.info(normalize(text[head.start:last.end])) is None
                        and (head.lower in TITLES or self.info(head.lower) is None
                             or head.lower in GIVEN_NAMES or head.lower in self.given)):
                    out.add(last.lower)
                    if head.lower in self.given:
                        out.add("\x00" + last.lower)  # surely a person: "Andrew Trapani"
            for a, b in zip(run, run[1:]):
                # inside longer runs too: "State Rep. Jay Roberts", "Clerk Dean Johnson",
                # "the Charles Webb Center": a given name before a word makes it a surname
                if (a.lower in self.given and a.lower not in GIVEN_NAMES and b.lower not in ROLE
                        and b.lower not in FEATURE_SUFFIX and b.lower not in self.given
                        and self.info(normalize(text[a.start:b.end])) is None):
                    out.add(b.lower)
                    out.add("\x00" + b.lower)
            run = [t] if t is not None and t.cap and not t.upper and not (
                t.initial and t.lower in FUNCTION) else []
        return out

    def _lowercase_words(self, tokens: list[_Token]) -> set[str]:
        return {t.word for t in tokens if not t.cap and t.word in self.common}

    @staticmethod
    def _title_case_lines(tokens: list[_Token]) -> set[int]:
        """Line numbers (by start offset of the line) written in Title Case, where
        neighbouring capitals say nothing about names."""
        out: set[int] = set()
        counts: dict[int, list[int]] = {}
        for t in tokens:
            if len(t.word) > 3:
                c = counts.setdefault(t.line, [0, 0])
                c[0] += 1
                c[1] += t.cap
        for line, (n, caps) in counts.items():
            if n >= 5 and caps == n:
                out.add(line)
        return out

    def _match(self, text: str, tokens: list[_Token]) -> list[_Span]:
        spans: list[_Span] = []
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
                    spans.append(_Span(i, i, self.info(normalize(state)), state=state))
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
                info = self.info(key) if key else None
                if info is not None:
                    place = _Span(i, j, info)
                    break
            adj = None
            for j in range(min(limit, i + self.max_demonym - 1), i - 1, -1):
                words = [tk.lower for tk in tokens[i:j + 1]]
                if not all(tk.cap for tk in tokens[i:j + 1]):
                    continue
                key = " ".join(words)
                plural = False
                if key not in self.demonyms and key.endswith("s") and key[:-1] in self.demonyms:
                    key, plural = key[:-1], True  # Russians, South Africans (not Laos)
                if key in self.demonyms:
                    adj = _Span(i, j, None, adjective=key, weak=plural)
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

    def _accept(self, text: str, tokens: list[_Token], s: _Span, lowered: set[str],
                headline_lines: set[int], surnames: set[str]) -> bool:
        """The precision filters; also sets the mention's extent, query, cue and weakness."""
        if (s.j > s.i and s.state is None and tokens[s.j].lower == "state" and s.j + 1 < len(tokens)
                and tokens[s.j + 1].cap and tokens[s.j + 1].tight):
            if tokens[s.j + 1].lower in ORG_SUFFIX:
                return False  # Michigan State University: an institution, not the state
            base = self.info(normalize(text[tokens[s.i].start:tokens[s.j - 1].end]))
            if base is not None:  # "Georgia State Ethics Commission": the state's own body
                s.j, s.info = s.j - 1, base
        first, last = tokens[s.i], tokens[s.j]
        info = s.info
        single = s.i == s.j
        s.lo, s.hi = s.i, s.j
        name = text[first.start:last.end]
        s.query = name
        if s.state is not None:
            s.query = f"{s.state}, US (state)"
            s.cue = True
            return True
        if self._dateline(text, tokens, s):
            s.cue = True
            return True
        if single and (first.lower in STOP or first.lower in DIRECTIONS or len(first.word) < 2):
            return False
        if single and first.upper and not info.area:
            return False  # "DA", "BAI": acronyms are not towns
        headline = first.line in headline_lines
        prev = tokens[s.i - 1] if s.i > 0 else None
        nxt = tokens[s.j + 1] if s.j + 1 < len(tokens) else None
        prev_cap = prev is not None and first.tight and prev.cap and not first.initial
        next_cap = nxt is not None and nxt.tight and nxt.cap and not nxt.initial
        after = text[last.end:last.end + 12]
        if after[:1] == "$" or (nxt is not None and nxt.tight and nxt.lower in DISEASE):
            return False  # US$460 million; West Nile virus, Spanish flu
        if nxt is not None and nxt.lower in SPEECH and not info.area and not nxt.cap and single:
            return False  # "Franklin said"
        if single and ("\x00" + first.lower in surnames and not info.nation
                       or first.lower in surnames and not info.area):
            return False  # Bruce Ivins ... Ivins
        if prev_cap and prev.initial and prev.lower in FUNCTION:
            prev_cap = False
        s.cue = bool(prev is not None and not prev.cap and prev.lower in LOCATIVES
                     and not first.initial)
        s.cue = s.cue or s.listed
        feature = None
        # -- before the name --------------------------------------------------------------
        if (prev_cap and prev.word in ("D", "R", "I") and text[prev.end:first.start] == "-"
                and s.i >= 2 and text[tokens[s.i - 2].end:prev.start].strip() in (",", "(")):
            prev_cap = False  # "Rep. Wendell Gilliard, D-Charleston": party and home town
            s.cue = True
        if prev_cap:
            if prev.lower in DIRECTIONS or prev.lower in FEATURE_PREFIX:
                feature = FEATURE_PREFIX.get(prev.lower)
                if prev.lower in FEATURE_PREFIX or not (
                        prev.lower in ("metro", "metropolitan") or self._is_state(name)):
                    s.lo = s.i - 1  # "Northeast Georgia", "Metro Atlanta": the state, the city
                before = tokens[s.lo - 1] if s.lo > 0 else None
                s.cue = s.cue or bool(before and not before.cap and before.lower in LOCATIVES)
            elif prev.lower in self.given and not info.nation and not prev.initial:
                return False  # Andrew Trapani (Trapani is a province too)
            elif prev.lower in TITLES:
                return False  # President Obama, Queen Victoria
            elif prev.lower in self.demonyms or (prev.upper and prev.lower in ("u.s.", "us", "uk")):
                pass
            elif not info.area and not headline:
                return False  # Barack Obama, Hong Kong Disneyland...
        elif (prev is not None and not prev.cap and prev.lower in ("of", "the") and first.tight
              and not first.initial):
            k = s.i - 1
            while k > 0 and tokens[k].lower in ("of", "the") and tokens[k].tight:
                k -= 1
            owner = tokens[k]
            if owner.cap and owner.lower in ORG_OF and tokens[k + 1].tight:
                return False  # Bank of England, Duke of Edinburgh
        # -- after the name ---------------------------------------------------------------
        if nxt is not None and nxt.joined and nxt.cap and nxt.lower in ORG_SUFFIX:
            return False  # Michigan State University, New York Times
        if nxt is not None and not next_cap and nxt.joined and nxt.lower in FEATURE_SUFFIX and nxt.cap:
            feature = FEATURE_SUFFIX[nxt.lower] or feature  # Queen Anne's County
            s.hi = s.j + 1
        elif next_cap:
            after_next = tokens[s.j + 2] if s.j + 2 < len(tokens) else None
            if (nxt.lower in CIVIC_SUFFIX and after_next is not None and after_next.cap
                    and after_next.tight):
                pass  # "Edwardsville City Council", "Woodstock District School": the town
            elif nxt.lower in FEATURE_SUFFIX and not (
                    nxt.lower == "state" and s.j + 2 < len(tokens) and tokens[s.j + 2].cap
                    and tokens[s.j + 2].joined):
                feature = FEATURE_SUFFIX[nxt.lower] or feature
                s.hi = s.j + 1
            elif nxt.lower in ROLE:
                pass  # U.S. Army, Texas Governor
            elif single and (first.lower in GIVEN_NAMES or first.lower in self.given and not info.nation):
                return False  # Jordan Peterson, Paris Hilton
            elif nxt.lower in self.demonyms:
                pass
            elif not info.area and not headline:
                return False  # Rome Statute, Paris Hilton, Washington Post
        # -- common words and small towns -------------------------------------------------
        if single and s.lo == s.hi and not info.area and (
                first.lower in self.common or first.lower in lowered):
            if first.initial or not (s.cue or self._comma_place(text, tokens, s)):
                return False  # Reading the report; Nice weather; Mobile phones
        if not info.major and info.pop < (STRONG_CITY_POP if single else WEAK_MULTIWORD_POP):
            s.weak = True
            s.cue = s.cue or self._comma_place(text, tokens, s)
        s.query = name if feature is None or s.hi == s.j else f"{name} ({feature})"
        return True

    def _qualify(self, text: str, tokens: list[_Token], kept: list[_Span]) -> None:
        """"Alexandria, La.", "Dublin, Ohio", "Paris, France": a town followed by a comma
        and a state or country is looked up as "Town, State" (the qualifier constrains)."""
        for a, b in zip(kept, kept[1:]):
            if a.adjective is not None or b.adjective is not None or a.state is not None:
                continue
            if text[tokens[a.hi].end:tokens[b.lo].start].strip() != ",":
                continue
            if b.state is not None:
                qualifier = b.state
            elif b.info is not None and b.info.area and b.i == b.j or (
                    b.info is not None and b.info.area and b.lo == b.i and b.hi == b.j):
                qualifier = text[tokens[b.lo].start:tokens[b.hi].end]
            else:
                continue
            if a.info is not None and (a.info.pop > 0 or not a.info.area) and "," not in a.query:
                a.query = f"{a.query}, {qualifier}"
                a.cue = True

    def _dateline(self, text: str, tokens: list[_Token], s: _Span) -> bool:
        """"COLUMBIA, S.C. --", "ROSWELL -", "LONDON (Reuters) -": an all-capital name
        opening a sentence, before a dash or an agency: the story's place."""
        first, last = tokens[s.i], tokens[s.j]
        if not first.initial or not all(t.word.isupper() and len(t.word) > 1
                                        for t in tokens[s.i:s.j + 1]):
            return False
        return _DATELINE_TAIL.match(text, last.end) is not None

    def _comma_place(self, text: str, tokens: list[_Token], s: _Span) -> bool:
        """"Pandi, Bulacan": the name is followed by a comma and another known place."""
        k = s.hi + 1
        if k >= len(tokens) or not tokens[k].cap:
            return False
        gap = text[tokens[s.hi].end:tokens[k].start]
        if gap.strip() != ",":
            return False
        for j in range(min(len(tokens) - 1, k + 2), k - 1, -1):
            if all(t.cap for t in tokens[k:j + 1]):
                info = self.info(normalize(text[tokens[k].start:tokens[j].end]))
                if info is not None and (info.area or info.major):
                    return True
        return False

    def _resolve(self, text: str, tokens: list[_Token], spans: list[_Span],
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

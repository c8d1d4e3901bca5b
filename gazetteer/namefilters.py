"""The precision filters: a known name in the text counts as a place unless it is part of
a person's name ("President Obama", "Paris Hilton", "Bruce Ivins ... Ivins"), of an
organisation's ("Bank of England", "Rome Statute"), or a common word without a cue."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .datelines import is_dateline
from .matching import Span
from .normalize import normalize
from .spotwords import (
    CIVIC_SUFFIX, DIRECTIONS, DISEASE, FEATURE_PREFIX, FEATURE_SUFFIX, FUNCTION, GIVEN_NAMES,
    LOCATIVES, ORG_OF, ORG_SUFFIX, ROLE, SPEECH, STOP, TITLES,
)
from .tokens import Token

if TYPE_CHECKING:
    from .spotting import Spotter

# A name followed by "'s Day" (any apostrophe) names a holiday.
_HOLIDAY = re.compile(r"(?:'|\u2019)s\s+Day\b")

STRONG_CITY_POP = 100_000
WEAK_MULTIWORD_POP = 2_000


def accept(sp: Spotter, text: str, tokens: list[Token], s: Span, lowered: set[str],
           headline_lines: set[int], surnames: set[str]) -> bool:
    """The precision filters; also sets the mention's extent, query, cue and weakness."""
    if (s.j > s.i and s.state is None and tokens[s.j].lower == "state" and s.j + 1 < len(tokens)
            and tokens[s.j + 1].cap and tokens[s.j + 1].tight):
        if tokens[s.j + 1].lower in ORG_SUFFIX:
            return False  # Michigan State University: an institution, not the state
        base = sp.info(normalize(text[tokens[s.i].start:tokens[s.j - 1].end]))
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
    if is_dateline(text, tokens, s):
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
    if _HOLIDAY.match(after):
        return False  # St. Patrick's Day, St. David's Day: a feast, not the town it names
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
                    prev.lower in ("metro", "metropolitan") or sp.is_state(name)):
                s.lo = s.i - 1  # "Northeast Georgia", "Metro Atlanta": the state, the city
            before = tokens[s.lo - 1] if s.lo > 0 else None
            s.cue = s.cue or bool(before and not before.cap and before.lower in LOCATIVES)
        elif prev.lower in sp.given and not info.nation and not prev.initial:
            return False  # Andrew Trapani (Trapani is a province too)
        elif prev.lower in TITLES:
            return False  # President Obama, Queen Victoria
        elif prev.lower in sp.demonyms or (prev.upper and prev.lower in ("u.s.", "us", "uk")):
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
        elif single and (first.lower in GIVEN_NAMES or first.lower in sp.given and not info.nation):
            return False  # Jordan Peterson, Paris Hilton
        elif nxt.lower in sp.demonyms:
            pass
        elif not info.area and not headline:
            return False  # Rome Statute, Paris Hilton, Washington Post
    # -- common words and small towns -------------------------------------------------
    if single and s.lo == s.hi and not info.area and (
            first.lower in sp.common or first.lower in lowered):
        if first.initial or not (s.cue or comma_place(sp, text, tokens, s)):
            return False  # Reading the report; Nice weather; Mobile phones
    if not info.major and info.pop < (STRONG_CITY_POP if single else WEAK_MULTIWORD_POP):
        s.weak = True
        s.cue = s.cue or comma_place(sp, text, tokens, s)
    s.query = name if feature is None or s.hi == s.j else f"{name} ({feature})"
    return True


def surnames(sp: Spotter, text: str, tokens: list[Token]) -> set[str]:
    """Last words of short capitalised runs that are not places ("Bruce Ivins",
    "Dr. Dunn"): later on their own they are people, not towns."""
    out: set[str] = set()
    run: list[Token] = []
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
                    and head.lower not in sp.demonyms
                    and sp.info(normalize(text[head.start:last.end])) is None
                    and (head.lower in TITLES or sp.info(head.lower) is None
                         or head.lower in GIVEN_NAMES or head.lower in sp.given)):
                out.add(last.lower)
                if head.lower in sp.given:
                    out.add("\x00" + last.lower)  # surely a person: "Andrew Trapani"
        for a, b in zip(run, run[1:]):
            # inside longer runs too: "State Rep. Jay Roberts", "Clerk Dean Johnson",
            # "the Charles Webb Center": a given name before a word makes it a surname
            if (a.lower in sp.given and a.lower not in GIVEN_NAMES and b.lower not in ROLE
                    and b.lower not in FEATURE_SUFFIX and b.lower not in sp.given
                    and sp.info(normalize(text[a.start:b.end])) is None):
                out.add(b.lower)
                out.add("\x00" + b.lower)
        run = [t] if t is not None and t.cap and not t.upper and not (
            t.initial and t.lower in FUNCTION) else []
    return out


def comma_place(sp: Spotter, text: str, tokens: list[Token], s: Span) -> bool:
    """"Pandi, Bulacan": the name is followed by a comma and another known place."""
    k = s.hi + 1
    if k >= len(tokens) or not tokens[k].cap:
        return False
    gap = text[tokens[s.hi].end:tokens[k].start]
    if gap.strip() != ",":
        return False
    for j in range(min(len(tokens) - 1, k + 2), k - 1, -1):
        if all(t.cap for t in tokens[k:j + 1]):
            info = sp.info(normalize(text[tokens[k].start:tokens[j].end]))
            if info is not None and (info.area or info.major):
                return True
    return False

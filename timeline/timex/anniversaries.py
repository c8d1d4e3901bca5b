"""Dates that anniversaries imply: "the 85th anniversary of the victory" in 2024 -> 1939.

The phrase dated is what follows the anniversary, after optional nouns ("ceremonies",
"celebrations") and a linking word ("of", "commemorating", "marking"), up to the end of
the clause; or, for "the victory's 85th anniversary", the possessor before it.
"""
from __future__ import annotations

import re

_AFTER = re.compile(
    r"(?:\s{1,3}(?:ceremon(?:y|ies)|celebrations?|commemorations?|events?|festivities|"
    r"parades?|observances?|services?|memorials?|tributes?|concerts?|exhibitions?|"
    r"events|year|day|week|edition|gala|festival|summit|marking|commemorating)){0,3}"
    r"\s{1,3}(?:of|commemorating|marking|celebrating|honou?ring|for|to\smark|to\scommemorate|"
    r"to\scelebrate|since|remembering|recalling)\s{1,3}",
    re.IGNORECASE,
)
_SINCE = re.compile(r"\s{1,3}(?:since|after)\s{1,3}", re.IGNORECASE)
# The phrase ends at a clause boundary; 200 characters at most.
_CLAUSE_END = re.compile(r"[.;:!?\n()\[\]\"“”]|,\s|\s(?:which|who|where|while|when|and\s(?:will|is|was|has|had))\s|\s[–—]\s")
_POSSESSOR = re.compile(r"((?:the\s)?[\w’'-]+(?:\s[\w’'-]+){0,5}?)['’]s\s{1,3}$", re.IGNORECASE)


def implied_phrase(text: str, start: int, end: int, *, since: bool = False) -> tuple[int, int] | None:
    """Character span of the phrase an anniversary (or "N years since") dates."""
    m = (_SINCE if since else _AFTER).match(text, end)
    if m:
        p_start = m.end()
        limit = min(len(text), p_start + 200)
        stop = _CLAUSE_END.search(text, p_start, limit)
        p_end = stop.start() if stop else limit
        while p_end > p_start and not text[p_end - 1].isalnum():
            p_end -= 1
        if p_end > p_start:
            return p_start, p_end
        return None
    if since:
        return None
    # "the victory's 85th anniversary": the possessor just before the expression.
    before = text[max(0, start - 80):start]
    pm = _POSSESSOR.search(before)
    if pm:
        p_start = start - len(before) + pm.start(1)
        p_end = start - len(before) + pm.end(1)
        return p_start, p_end
    return None

"""Word tokens of a text, each with what the filters need to know about its neighbourhood
(capitals, sentence starts, the gap before it, its line)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .datelines import AP_BARE
from .spotwords import ABBREVIATIONS

# (Dotted abbreviations first: "U.S.", "U.K.".)  Words may carry inner apostrophes (Xi'an).
_TOKEN = re.compile(r"W\. ?Va\.|(?:[A-Z]\.){2,}|[^\W\d_]+(?:['’][^\W\d_]+)*", re.UNICODE)
_ELISION = re.compile(r"^[a-z]['’][^\W\d_]")
_SENTENCE_BREAK = re.compile(r"[.!?:;\n\u2022|]|\s[-–—]\s")


@dataclass(slots=True)
class Token:
    """One word of the text (see :func:`tokenize`)."""

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


def tokenize(text: str) -> list[Token]:
    """Word tokens with what the filters need to know about their neighbourhood."""
    # (The hot loop of spotting: names are bound locally, the common case of one space
    # between words comes first, and the elision regex only runs on "l'..." shapes.)
    tokens: list[Token] = []
    append = tokens.append
    make = Token
    bare = AP_BARE
    elision = _ELISION.match
    sentence_break = _SENTENCE_BREAK.search
    prev_end = 0
    prev: Token | None = None
    line = 0
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
        elif word in bare and text[end:end + 1] == ".":
            word += "."
            end += 1
        first = word[0]
        if first.isupper():
            cap = True
            upper = word.isupper() and (len(word) <= 5 or "." in word)
        else:
            cap = upper = (first.islower() and word[1:2] in ("'", "’")
                           and elision(word) is not None)
            upper = upper and word.isupper() and (len(word) <= 5 or "." in word)
        if prev is None:
            line = text.rfind("\n", 0, start) + 1
            prev = make(start, end, word, word.lower(), cap, True, False, False, upper, line)
        else:
            gap = text[prev_end:start]
            if gap == " ":
                prev = make(start, end, word, word.lower(), cap, False, True, True, upper, line)
            else:
                if "\n" in gap:
                    line = prev_end + gap.rindex("\n") + 1
                abbreviated = (gap == ". " or gap == ".") and prev.lower in ABBREVIATIONS
                initial = (not abbreviated and sentence_break(gap) is not None
                           and not (prev.upper and prev.word[-1] == "." and not gap.strip()))
                # ("U.S. The ..." cannot be told from "the U.S. Army": the sentence goes on)
                tight = abbreviated or gap in ("-", "\u00a0")
                joined = tight or gap in ("'s ", "’s ", "s' ", "s’ ")
                prev = make(start, end, word, word.lower(), cap, initial, joined, tight, upper,
                            line)
        append(prev)
        prev_end = end
    return tokens


def lowercase_words(tokens: list[Token], common: frozenset[str]) -> set[str]:
    """The common words the text writes in lower case ("reading"): used as words here."""
    return {t.word for t in tokens if not t.cap and t.word in common}


def title_case_lines(tokens: list[Token]) -> set[int]:
    """Line numbers (by start offset of the line) written in Title Case, where
    neighbouring capitals say nothing about names."""
    out: set[int] = set()
    # tokens come in text order, so a line's tokens are consecutive: count line by line
    line, n, caps = -1, 0, 0
    for t in tokens:
        if t.line != line:
            if n >= 5 and caps == n:
                out.add(line)
            line, n, caps = t.line, 0, 0
        if len(t.word) > 3:
            n += 1
            caps += t.cap
    if n >= 5 and caps == n:
        out.add(line)
    return out

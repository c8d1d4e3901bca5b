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
    tokens: list[Token] = []
    append = tokens.append
    prev_end = 0
    prev: Token | None = None
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
        elif word in AP_BARE and text[end:end + 1] == ".":
            word += "."
            end += 1
        first = word[0]
        cap = first.isupper() or (first.islower() and _ELISION.match(word) is not None)
        upper = cap and word.isupper() and (len(word) <= 5 or "." in word)
        if prev is None:
            line = text.rfind("\n", 0, start) + 1
            append(Token(start, end, word, word.lower(), cap, True, False, False, upper, line))
        else:
            gap = text[prev_end:start]
            if gap == " ":
                append(Token(start, end, word, word.lower(), cap, False, True, True, upper, line))
            else:
                if "\n" in gap:
                    line = prev_end + gap.rindex("\n") + 1
                abbreviated = (gap == ". " or gap == ".") and prev.lower in ABBREVIATIONS
                initial = (not abbreviated and _SENTENCE_BREAK.search(gap) is not None
                           and not (prev.upper and prev.word[-1] == "." and not gap.strip()))
                # ("U.S. The ..." cannot be told from "the U.S. Army": the sentence goes on)
                tight = abbreviated or gap in ("-", "\u00a0")
                joined = tight or gap in ("'s ", "’s ", "s' ", "s’ ")
                append(Token(start, end, word, word.lower(), cap, initial, joined, tight, upper,
                             line))
        prev = tokens[-1]
        prev_end = end
    return tokens


def lowercase_words(tokens: list[Token], common: frozenset[str]) -> set[str]:
    """The common words the text writes in lower case ("reading"): used as words here."""
    return {t.word for t in tokens if not t.cap and t.word in common}


def title_case_lines(tokens: list[Token]) -> set[int]:
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

"""Paragraphs and sentences with character offsets into the original text.

A rule-based splitter: news prose is regular enough, and offsets must survive exactly
so that an editor can highlight where an event came from.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset("""
mr mrs ms dr prof gen col lt sgt capt cmdr adm gov sen rep pres st mt ft jr sr rev fr
no nos vol pp fig inc ltd co corp bros dept univ est approx vs etc al e.g i.e u.s u.k u.n
jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun
a.d b.c c ca a.m p.m
""".split())

_BOUNDARY = re.compile(r"""([.!?]+)(["'”’)\]]*)(\s+)(?=["'“‘(\[]?[A-Z0-9])""")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


def paragraphs(text: str) -> list[Span]:
    """Paragraphs: blank-line separated blocks; inside a block, each line is its own
    paragraph unless the block is hard-wrapped prose (lines that run on mid-sentence)."""
    spans: list[Span] = []
    for block in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*", text):
        lines = [m for m in re.finditer(r"[^\n]+", block.group()) if m.group().strip()]
        if _hard_wrapped([m.group() for m in lines]):
            _add(spans, text, block.start(), block.end())
        else:
            for m in lines:
                _add(spans, text, block.start() + m.start(), block.start() + m.end())
    return spans


def _hard_wrapped(lines: list[str]) -> bool:
    if len(lines) < 2:
        return False
    runs_on = sum(1 for line in lines[:-1] if not line.rstrip().endswith((".", "!", "?", ":", '"', "”")))
    return runs_on >= (len(lines) - 1) * 0.6 and max(len(line.strip()) for line in lines) < 120


def sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentences of ``text[start:end]`` with offsets into ``text``."""
    end = len(text) if end is None else end
    result = []
    cursor = start
    for m in _BOUNDARY.finditer(text, start, end):
        stop = m.end(2)
        if m.group(1) == ".":
            word = re.search(r"([\w.]+)$", text[cursor:m.start(1)])
            token = word.group(1).lower() if word else ""
            if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
                continue
        _add(result, text, cursor, stop)
        cursor = m.end()
    _add(result, text, cursor, end)
    return result


def _add(result: list[Span], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    if chunk.strip():
        lead = len(chunk) - len(chunk.lstrip())
        s, e = start + lead, start + len(chunk.rstrip())
        result.append(Span(s, e, text[s:e]))

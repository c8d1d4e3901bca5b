"""Spotting rules that look at a run of mentions together, not at one name alone."""
from __future__ import annotations

import re

# "Jackson, Barrow and Madison counties": every name of the list is a county
_LIST_GAP = re.compile(r"\s*(?:,|,?\s+(?:and|or)|&)\s*$")
_LIST_TAIL = {"counties": "County", "parishes": "Parish", "rivers": "river", "lakes": "lake"}
_TAIL = re.compile(r"\s+(counties|parishes|rivers|lakes)\b")


def shared_feature(text: str, tokens, kept) -> None:
    """Names listed before a plural feature word ("Eastland and Callahan counties",
    "the Williams and Cranberry rivers") are looked up as that feature: "Callahan County",
    "Williams (river)". The mention keeps its own text; only the query changes."""
    for k, s in enumerate(kept):
        if s.adjective is not None or s.state is not None:
            continue
        m = _TAIL.match(text, tokens[s.hi].end)
        if m is None:
            continue
        word = _LIST_TAIL[m.group(1)]
        run = [s]
        for prev in reversed(kept[:k]):
            if prev.adjective is not None or prev.state is not None:
                break
            if not _LIST_GAP.fullmatch(text[tokens[prev.hi].end:tokens[run[-1].lo].start]):
                break
            run.append(prev)
        if len(run) < 2:
            continue
        for r in run:
            name = text[tokens[r.lo].start:tokens[r.hi].end]
            if "," in r.query or name.lower().endswith((" county", " parish", " river", " lake")):
                continue
            r.query = f"{name} {word}" if word[0].isupper() else f"{name} ({word})"
            r.cue = True


def mark_listed(text: str, tokens, spans) -> None:
    """Before the filters: names in a list ending in a plural feature word ("Jackson,
    Barrow and Madison counties") are cued, as a common word ("barrow") would otherwise
    be dropped."""
    for k, s in enumerate(spans):
        if s.adjective is not None or _TAIL.match(text, tokens[s.j].end) is None:
            continue
        run = [s]
        for prev in reversed(spans[:k]):
            if prev.adjective is not None or not _LIST_GAP.fullmatch(
                    text[tokens[prev.j].end:tokens[run[-1].i].start]):
                break
            run.append(prev)
        if len(run) >= 2:
            for r in run:
                r.listed = True

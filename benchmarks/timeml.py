"""A small reader for TimeML files: the text, the DCT and the gold TIMEX3 spans.

Inline markup is removed and character offsets refer to the plain text with XML
entities decoded, which is what a tagger sees.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_DCT = re.compile(r"<DCT>.*?value=\"([^\"]+)\"", re.S)
_DCT_ATTR = re.compile(r"<TIMEX3[^>]*functionInDocument=\"CREATION_TIME\"[^>]*>", re.S)
_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>", re.S)
_ATTR = re.compile(r"(\w+)=\"([^\"]*)\"")
_ENTITY = re.compile(r"&(#\d+|#x[0-9a-fA-F]+|\w+);")


@dataclass
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str
    attrs: dict = field(default_factory=dict)


@dataclass
class TimeMLDoc:
    name: str
    text: str
    dct: str | None
    timexes: list[GoldTimex]


def _unescape_with_offsets(raw: str, out: list[str]) -> None:
    pos = 0
    for m in _ENTITY.finditer(raw):
        out.append(raw[pos:m.start()])
        out.append(html.unescape(m.group()))
        pos = m.end()
    out.append(raw[pos:])


def read_timeml(path: str | Path) -> TimeMLDoc:
    path = Path(path)
    raw = path.read_text(encoding="utf-8")
    dct = None
    for m in _DCT_ATTR.finditer(raw):
        attrs = dict(_ATTR.findall(m.group()))
        dct = attrs.get("value")
        break
    if dct is None:
        m = _DCT.search(raw)
        dct = m.group(1) if m else None
    body_m = _TEXT.search(raw)
    body = body_m.group(1) if body_m else raw
    pieces: list[str] = []
    length = 0
    open_timexes: list[tuple[int, dict]] = []
    golds: list[GoldTimex] = []
    pos = 0
    for m in _TAG.finditer(body):
        chunk: list[str] = []
        _unescape_with_offsets(body[pos:m.start()], chunk)
        s = "".join(chunk)
        pieces.append(s)
        length += len(s)
        pos = m.end()
        closing, name, attr_text, selfclosing = m.groups()
        if name != "TIMEX3" or selfclosing:
            continue
        if not closing:
            open_timexes.append((length, dict(_ATTR.findall(attr_text))))
        elif open_timexes:
            start, attrs = open_timexes.pop()
            golds.append(GoldTimex(start, length, "", attrs.get("type", ""), attrs.get("value", ""), attrs))
    chunk = []
    _unescape_with_offsets(body[pos:], chunk)
    pieces.append("".join(chunk))
    text = "".join(pieces)
    for g in golds:
        g.text = text[g.start:g.end]
    golds.sort(key=lambda g: g.start)
    return TimeMLDoc(path.stem, text, dct, golds)


def corpora_dir() -> Path:
    """../shared/corpora next to the checkout: the nearest ancestor that has one (a
    worktree sits a level deeper than the main checkout), or $CHRONOATLAS_CORPORA."""
    import os
    env = os.environ.get("CHRONOATLAS_CORPORA")
    if env:
        return Path(env)
    here = Path(__file__).resolve()
    for parent in here.parents:
        candidate = parent / "shared" / "corpora"
        if candidate.is_dir():
            return candidate
    return here.parents[2] / "shared" / "corpora"


def read_corpus(directory: str | Path) -> list[TimeMLDoc]:
    return [read_timeml(p) for p in sorted(Path(directory).glob("*.tml"))]

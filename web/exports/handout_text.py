"""The handout's text: the shipped font and its metrics, cleaning and wrapping story
text, and noting characters the font cannot print.

Text safety and coverage
------------------------
Story text is untrusted: it only ever becomes the operand of a PDF text operator,
escaped by ReportLab (``\\``, ``(``, ``)`` and non-printing bytes), and after wrapping a
line holds no line breaks. Control and format characters are dropped, lone surrogates
become U+FFFD, text is NFC-normalised. Links are printed, not made clickable: the PDF
has no annotations, actions or JavaScript. Liberation Sans covers Latin, Greek,
Cyrillic and Hebrew; a character it has no glyph for (CJK, Arabic, emoji...) prints as
an empty box but stays in the text layer (copy and search still find it), and a warning
on stderr names the event. Right-to-left text (Hebrew) is printed in logical order,
which reads backwards, and is warned about too.
"""
from __future__ import annotations

import bisect
import itertools
import re
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path

FONT_DIR = Path(__file__).resolve().parents[1] / "fonts"
REGULAR, BOLD = "ChronoatlasSans", "ChronoatlasSans-Bold"
_FILES = {REGULAR: "LiberationSans-Regular.ttf", BOLD: "LiberationSans-Bold.ttf"}


@dataclass(frozen=True)
class _Metrics:
    widths: dict[str, int]  # advance widths in 1/1000 em, by character
    default: int  # the advance of a character the font has no glyph for
    space: int


@dataclass(frozen=True)
class Fonts:
    regular: _Metrics
    bold: _Metrics
    covered: frozenset[str]  # characters both faces have glyphs for
    plain: frozenset[str]  # ... and that are not right-to-left
    faces: tuple  # the ReportLab TrueType faces (their char -> glyph maps)


_font_lock = threading.Lock()
_fonts_cache: list[Fonts] = []


def fonts() -> Fonts:
    """Register the shipped font with ReportLab once per process."""
    with _font_lock:
        if _fonts_cache:
            return _fonts_cache[0]
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        faces, metrics = [], []
        for name in (REGULAR, BOLD):
            font = TTFont(name, str(FONT_DIR / _FILES[name]))
            pdfmetrics.registerFont(font)
            face = font.face
            widths = {chr(cp): w for cp, w in face.charWidths.items()}
            metrics.append(_Metrics(widths, int(face.defaultWidth), widths[" "]))
            faces.append(face)
        covered = frozenset(chr(cp) for cp in faces[0].charToGlyph) & frozenset(
            chr(cp) for cp in faces[1].charToGlyph)
        plain = frozenset(ch for ch in covered
                          if unicodedata.bidirectional(ch) not in ("R", "AL"))
        _fonts_cache.append(Fonts(metrics[0], metrics[1], covered, plain, tuple(faces)))
        return _fonts_cache[0]


def right_to_left(text: str) -> bool:
    """Whether ``text`` holds right-to-left letters (Hebrew, Arabic...)."""
    return any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text)


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """Width in points of ``text`` set in the handout font at ``size`` points."""
    m = fonts().bold if bold else fonts().regular
    get, d = m.widths.get, m.default
    return sum(get(ch, d) for ch in text) * size / 1000


def clean(text: str) -> str:
    """Printable text: NFC, no control or format characters, no lone surrogates."""
    text = unicodedata.normalize("NFC", text or "")
    if text.isprintable():
        return text
    out = []
    for ch in text:
        cat = unicodedata.category(ch)
        if cat == "Cs":
            out.append("\ufffd")
        elif cat in ("Cc", "Cf") and not ch.isspace():
            continue
        else:
            out.append(ch)
    return "".join(out)


def plain_text(markdown: str) -> str:
    """Markdown as plain text for print: links keep their text, emphasis marks go. HTML
    text (TimelineJS) is read as HTML: its words, paragraphs on their own lines, nothing
    of script or style, entities decoded."""
    from timeline.htmltext import plain_text as html_plain

    from ..content.richtext import is_html

    if is_html(markdown):
        return "\n\n".join(html_plain(markdown).split("\n"))  # a paragraph a block
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", markdown or "")
    text = re.sub(r"\[([^\]]+)\]\(([^)\s]+)[^)]*\)", r"\1", text)
    text = re.sub(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1", r"\2", text)
    text = re.sub(r"^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+)", "", text, flags=re.M)
    text = re.sub(r"<[^>]{0,200}>", "", text)  # inline HTML is not printed
    return text


def wrap(text: str, size: float, width: float, *, bold: bool = False) -> list[str]:
    """Greedy line breaking by measured width; words longer than a line are cut."""
    m = fonts().bold if bold else fonts().regular
    get, d = m.widths.get, m.default
    limit = width * 1000 / size  # in font units, so words are measured once
    space = m.space
    lines: list[str] = []
    for para in text.split("\n"):
        line: list[str] = []
        used = 0.0
        for word in para.split():
            w = sum(get(ch, d) for ch in word)
            if line and used + space + w <= limit:
                line.append(word)
                used += space + w
                continue
            if not line and w <= limit:
                line, used = [word], w
                continue
            if line:
                lines.append(" ".join(line))
            while w > limit:  # a URL, say: cut it where it fills the line
                ends = list(itertools.accumulate(get(ch, d) for ch in word))
                cut = max(1, bisect.bisect_right(ends, limit))
                lines.append(word[:cut])
                word = word[cut:]
                w = ends[-1] - ends[cut - 1]
            line, used = [word], w
        if line:
            lines.append(" ".join(line))
    return lines



class Glyphs:
    """Notes, per part of the story, characters the font cannot print as they are."""

    def __init__(self):
        self.fonts = fonts()
        self.missing: dict[str, set[str]] = {}
        self.rtl: dict[str, set[str]] = {}

    def check(self, who: str, *texts: str) -> None:
        plain = self.fonts.plain
        for text in texts:
            odd = set(text) - plain
            if not odd:
                continue
            for ch in odd:
                if ch.isspace():
                    continue
                if ch not in self.fonts.covered:
                    self.missing.setdefault(who, set()).add(ch)
                else:
                    self.rtl.setdefault(who, set()).add(ch)

    def glyphless(self) -> frozenset[str]:
        return frozenset().union(*self.missing.values())

    def warnings(self) -> list[str]:
        out = []
        for who, chars in self.missing.items():
            shown = sorted(chars)
            listed = ", ".join(f"{ch} (U+{ord(ch):04X})" for ch in shown[:8])
            more = f" and {len(shown) - 8} more" if len(shown) > 8 else ""
            out.append(f"warning: PDF handout: {who}: the font has no glyph for {listed}{more}; "
                       f"they print as empty boxes (the text stays searchable)")
        for who in self.rtl:
            out.append(f"warning: PDF handout: {who}: right-to-left text is printed "
                       f"left to right (letter order reversed)")
        return out


"""A printable handout of a story (PDF): title, static map, static timeline, and the
chronological list of events with dates, places and sources.

How it is made
--------------
The layout (A4, top to bottom, text wrapped by the real font's advance widths) is
written straight to PDF by ReportLab, with Liberation Sans 2.1.5 shipped in
``web/fonts/`` (SIL Open Font License 1.1, licence file beside it; metric-compatible
with Helvetica/Arial, and the font vl-convert draws the charts with, so the handout
looks as it did). The font is subset and embedded once for the whole document and
every line is real text with a ToUnicode map, so it stays selectable and searchable.
The two charts are the Vega-Lite charts of :mod:`web.exports.static_export`: rendered to SVG
and turned into a one-page PDF by vl-convert (``svg_to_pdf``) as before, then placed
as vector content into the box the layout left for them: the chart page becomes a form
XObject that the text page invokes (pypdf copies it in). The charts are rendered in a
worker thread while the event text is wrapped (vl-convert releases the GIL). ReportLab
does not kern, so some letter pairs sit a fraction of a point wider than resvg set
them; nothing else in the look changed. No browser, no network.

Why this design (profiled with cProfile on a generated 300-event story, 29 pages, on a
2-core machine): the old pipeline laid every page out as SVG and ran each through
``svg_to_pdf`` (~6 s for 29 pages), then joined 29 one-page PDFs, each with its own font
subset, with pypdf (~1.5 s, 1.4 MB); the SVG layout itself was ~0.3 s, the two charts
~1.9 s of Vega rendering. ``svg_to_pdf`` costs ~0.15 ms per *glyph* (resvg shapes and
outlines every glyph), not per page, so a text page of ~1,500 glyphs costs ~0.2 s
however the pages are batched, while a PDF text operator costs microseconds. The charts
still go through vl-convert because that is where their look comes from, and they are
now nearly all of the time left (Vega rendering, and ``svg_to_pdf`` of the map's ~600
label text nodes). Merging the chart pages with pypdf's ``merge_transformed_page`` would
parse every path operator of the map (~7 s); a form XObject copies the compressed
content stream as it is. Measured medians, before/after interleaved at load 3-4: demo
1.18 s -> 0.51 s; 300 events 8.4 s -> 3.7 s (1.4 MB -> 0.64 MB).

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
import io
import itertools
import re
import threading
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import vl_convert as vlc

from timeline.exports.output import warn, write_bytes
from timeline.exports.places import PlaceTable, place_table
from timeline.model import Event, Story

from .static_export import ATTRIBUTION, map_spec, render, timeline_spec

__all__ = ["handout_layout", "handout_pdf", "export_pdf", "plain_text", "wrap", "text_width"]

PAGE_W, PAGE_H = 595.0, 842.0  # A4 in points
MARGIN = 42.0
CONTENT_W = PAGE_W - 2 * MARGIN
BOTTOM = PAGE_H - MARGIN - 14  # room for the footer
FONT_DIR = Path(__file__).resolve().parents[1] / "fonts"
REGULAR, BOLD = "ChronoatlasSans", "ChronoatlasSans-Bold"
_FILES = {REGULAR: "LiberationSans-Regular.ttf", BOLD: "LiberationSans-Bold.ttf"}


# -- the font --------------------------------------------------------------------------

@dataclass(frozen=True)
class _Metrics:
    widths: dict[str, int]  # advance widths in 1/1000 em, by character
    default: int  # the advance of a character the font has no glyph for
    space: int


@dataclass(frozen=True)
class _Fonts:
    regular: _Metrics
    bold: _Metrics
    covered: frozenset[str]  # characters both faces have glyphs for
    plain: frozenset[str]  # ... and that are not right-to-left
    faces: tuple  # the ReportLab TrueType faces (their char -> glyph maps)


_font_lock = threading.Lock()
_fonts_cache: list[_Fonts] = []


def _fonts() -> _Fonts:
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
        _fonts_cache.append(_Fonts(metrics[0], metrics[1], covered, plain, tuple(faces)))
        return _fonts_cache[0]


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """Width in points of ``text`` set in the handout font at ``size`` points."""
    m = _fonts().bold if bold else _fonts().regular
    get, d = m.widths.get, m.default
    return sum(get(ch, d) for ch in text) * size / 1000


def _clean(text: str) -> str:
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
    m = _fonts().bold if bold else _fonts().regular
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


# -- the layout ------------------------------------------------------------------------

@dataclass
class _Line:
    text: str
    size: float
    bold: bool = False
    colour: str = "#111111"
    indent: float = 0.0
    gap_before: float = 0.0

    @property
    def height(self) -> float:
        return self.size * 1.32 + self.gap_before


@dataclass(frozen=True)
class TextOp:
    """One line of text; ``y`` is its baseline, measured down from the top of the page."""
    x: float
    y: float
    text: str
    size: float
    bold: bool
    colour: str
    align: str = "left"


@dataclass(frozen=True)
class ChartOp:
    """A chart (``chart`` indexes :attr:`Layout.charts`) placed at ``x, y`` (top left),
    scaled by ``scale``."""
    chart: int
    x: float
    y: float
    scale: float


@dataclass
class Chart:
    pdf: bytes  # a one-page PDF from vl-convert
    width: float
    height: float


@dataclass
class Layout:
    """The handout, laid out: every page's text lines and chart boxes, top to bottom."""
    title: str
    byline: str | None
    pages: list[list[TextOp | ChartOp]]
    charts: list[Chart]
    warnings: list[str] = field(default_factory=list)
    glyphless: frozenset[str] = frozenset()  # characters the font has no glyph for
    language: str = "en"  # the story's language, the PDF's /Lang (screen readers' voice)


class _Layout:
    """Places blocks of lines and charts on A4 pages, top to bottom."""

    def __init__(self):
        self.pages: list[list[TextOp | ChartOp]] = []
        self.charts: list[Chart] = []
        self.y = MARGIN
        self.new_page()

    def new_page(self) -> None:
        self.pages.append([])
        self.y = MARGIN

    def space_left(self) -> float:
        return BOTTOM - self.y

    def text_line(self, line: _Line) -> None:
        if line.height > self.space_left():
            self.new_page()
            line.gap_before = 0
        self.y += line.gap_before + line.size
        self.pages[-1].append(TextOp(MARGIN + line.indent, self.y, line.text, line.size,
                                     line.bold, line.colour))
        self.y += line.size * 0.32

    def block(self, lines: list[_Line], *, keep_together: bool = True) -> None:
        need = sum(li.height for li in lines)
        if keep_together and need <= BOTTOM - MARGIN and need > self.space_left():
            self.new_page()
            if lines:
                lines[0].gap_before = 0
        for li in lines:
            self.text_line(li)

    def chart(self, chart: Chart, *, max_height: float) -> None:
        w, h = chart.width, chart.height
        k = min(CONTENT_W / w, max_height / h, 1.0)
        if h * k > self.space_left():
            if self.space_left() >= 0.75 * h * k:  # shrink a little rather than break the page
                k = self.space_left() / h
            else:
                self.new_page()
        self.charts.append(chart)
        self.pages[-1].append(ChartOp(len(self.charts) - 1,
                                      MARGIN + (CONTENT_W - w * k) / 2, self.y, k))
        self.y += h * k + 10

    def footers(self, title: str) -> None:
        title = " ".join(title.split())
        if text_width(title, 8) >= CONTENT_W - 140:
            title = wrap(title, 8, CONTENT_W - 150)[0] + "…"
        n = len(self.pages)
        y = PAGE_H - MARGIN + 8
        for i, page in enumerate(self.pages, start=1):
            page.append(TextOp(MARGIN, y, title, 8, False, "#666666"))
            page.append(TextOp(PAGE_W - MARGIN, y, f"page {i} of {n}", 8, False, "#666666",
                               align="right"))


class _Glyphs:
    """Notes, per part of the story, characters the font cannot print as they are."""

    def __init__(self):
        self.fonts = _fonts()
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


def _lines(text: str, size: float, *, bold: bool = False, colour: str = "#111111",
           indent: float = 0.0, gap_before: float = 0.0) -> list[_Line]:
    out = [_Line(t, size, bold, colour, indent) for t in wrap(text, size, CONTENT_W - indent, bold=bold)]
    if out:
        out[0].gap_before = gap_before
    return out


def _place_note(event: Event, unlocated: set[tuple[str, str]]) -> str:
    names = []
    for p in event.places:
        if (event.id, p.name) in unlocated:
            status = p.resolved.status if p.resolved is not None else "unresolved"
            names.append(f"{p.name} ({'ambiguous' if status == 'ambiguous' else 'not located'})")
        else:
            r = p.resolved
            extra = f", {r.country}" if r is not None and r.country and r.kind != "country" else ""
            names.append(p.name + extra)
    return "; ".join(names)


def _event_block(event: Event, unlocated: set[tuple[str, str]], glyphs: _Glyphs) -> list[_Line]:
    texts = [_clean(event.date_label()), _clean(event.title)]
    meta = []
    if event.places:
        meta.append("Where: " + _place_note(event, unlocated))
    if event.group:
        meta.append("Thread: " + event.group)
    texts.append(_clean("  ·  ".join(meta)))
    body = _clean(plain_text(event.text)).strip()
    paras = [" ".join(p.split()) for p in re.split(r"\n\s*\n", body) if p.strip()]
    refs = []
    for s in event.sources:
        label = s.title or ""
        ref = f"{label} — {s.url}" if (label and s.url) else (label or s.url or "")
        if ref:
            refs.append("Source: " + _clean(ref))
    glyphs.check(f"event {event.id!r} ({' '.join(texts[1].split())[:60]})", *texts, *paras, *refs)

    lines = _lines(texts[0], 9.5, bold=True, colour="#2b5c8a", gap_before=9)
    lines += _lines(texts[1], 12, bold=True)
    if meta:
        lines += _lines(texts[2], 9, colour="#555555")
    for i, para in enumerate(paras):
        lines += _lines(para, 10, gap_before=2 if i else 1)
    for ref in refs:
        lines += _lines(ref, 8.5, colour="#444444", indent=8, gap_before=1)
    return lines


def _render_charts(table: PlaceTable) -> tuple[Chart, Chart]:
    """The map and the timeline as one-page vector PDFs (vl-convert), sized as drawn."""
    from pypdf import PdfReader

    width = int(CONTENT_W)
    specs = (map_spec(table, width=width - 16, height=int(width * 0.56), title=False),
             timeline_spec(table.story, width=width - 24, title=False))
    out = []
    for spec in specs:
        pdf = vlc.svg_to_pdf(render(spec, "svg"))
        box = PdfReader(io.BytesIO(pdf)).pages[0].mediabox
        if (float(box.left), float(box.bottom)) != (0.0, 0.0):
            raise ValueError("vl-convert gave a chart page that does not start at 0, 0")
        out.append(Chart(pdf, float(box.width), float(box.height)))
    return out[0], out[1]


def handout_layout(story: Story | PlaceTable) -> Layout:
    """The handout laid out on A4 pages, with its charts rendered."""
    table = story if isinstance(story, PlaceTable) else place_table(story)
    story = table.story
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="handout-charts") as pool:
        charts = pool.submit(_render_charts, table)  # overlaps with the text work below
        glyphs = _Glyphs()
        title = _clean(story.title)
        byline = _clean(" · ".join(x for x in (
            story.byline, story.published.label() if story.published else None) if x))
        summary = " ".join(_clean(plain_text(story.summary or "")).split())
        glyphs.check("the story's title, byline or summary", title, byline, summary)
        unlocated = {(u.event.id, u.place.name) for u in table.unlocated if u.place is not None}
        dated = [_event_block(e, unlocated, glyphs) for e in story.dated_events]
        undated = [_event_block(e, unlocated, glyphs) for e in story.undated_events]
        map_chart, timeline_chart = charts.result()

    lay = _Layout()
    lay.block(_lines(title, 20, bold=True))
    if byline:
        lay.block(_lines(byline, 10, colour="#555555", gap_before=2))
    if summary:
        lay.block(_lines(summary, 10.5, gap_before=8))
    lay.y += 10
    lay.chart(map_chart, max_height=330)
    lay.chart(timeline_chart, max_height=360)
    lay.block(_lines("Events in order", 15, bold=True, gap_before=10))
    for block in dated:
        lay.block(block)
    if undated:
        lay.block(_lines("Undated events", 15, bold=True, gap_before=14))
        for block in undated:
            lay.block(block)
    lay.block(_lines(ATTRIBUTION + " Made with chronoatlas.", 8, colour="#666666", gap_before=16))
    lay.footers(title)
    return Layout(title, _clean(story.byline) if story.byline else None, lay.pages,
                  lay.charts, glyphs.warnings(), glyphs.glyphless(),
                  language=_language(getattr(story, "language", None)))


def _language(value) -> str:
    """A BCP 47 tag for /Lang ("en" when the story names none or something else)."""
    text = str(value or "").strip()
    return text if re.fullmatch(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*", text) else "en"


def _chart_name(index: int) -> str:
    return f"/ChronoatlasChart{index}"


def _draw(layout: Layout) -> bytes:
    """Every page as PDF (ReportLab): the text, and for each chart an invocation of a
    form XObject (``_chart_name``) that :func:`_add_charts` then supplies."""
    from reportlab.lib.colors import HexColor
    from reportlab.pdfgen.canvas import Canvas

    # A character without a glyph would share code 0 with every other one and come out of
    # the text layer as U+0000; mapped to glyph 0 (the empty box) under its own code,
    # ReportLab gives it a ToUnicode entry, so copy and search still find it.
    for face in _fonts().faces:
        for ch in layout.glyphless:
            face.charToGlyph.setdefault(ord(ch), 0)
    buf = io.BytesIO()
    # invariant=0: the real creation date (invariant=1 wrote 2000-01-01)
    canvas = Canvas(buf, pagesize=(PAGE_W, PAGE_H), pageCompression=1, invariant=0,
                    initialFontName=REGULAR, initialFontSize=10, lang=layout.language)
    canvas.setTitle(layout.title)
    canvas.setAuthor(layout.byline or "")
    canvas.setSubject("")
    canvas.setCreator("chronoatlas")
    canvas.setProducer("chronoatlas")
    colours: dict[str, object] = {}
    for page in layout.pages:
        font = colour = None
        for op in page:
            if isinstance(op, ChartOp):
                chart = layout.charts[op.chart]
                k = op.scale  # one chart unit is one point; PDF y grows upwards
                f = PAGE_H - op.y - chart.height * k
                canvas.addLiteral(f"q {k:.5f} 0 0 {k:.5f} {op.x:.3f} {f:.3f} cm "
                                  f"{_chart_name(op.chart)} Do Q")
                continue
            if (op.bold, op.size) != font:
                canvas.setFont(BOLD if op.bold else REGULAR, op.size)
                font = (op.bold, op.size)
            if op.colour != colour:
                if op.colour not in colours:
                    colours[op.colour] = HexColor(op.colour)
                canvas.setFillColor(colours[op.colour])
                colour = op.colour
            if op.align == "right":
                canvas.drawRightString(op.x, PAGE_H - op.y, op.text)
            else:
                canvas.drawString(op.x, PAGE_H - op.y, op.text)
        canvas.showPage()
    canvas.save()
    return buf.getvalue()


def _add_charts(writer, layout: Layout) -> None:
    """Each chart's PDF page becomes a form XObject in the resources of the page that
    shows it. The chart's content stream is copied as it is (still compressed), never
    parsed: merging pages with pypdf would parse the map's paths (seconds)."""
    from pypdf import PdfReader
    from pypdf.generic import ArrayObject, DictionaryObject, FloatObject, NameObject

    forms = {}
    for number, page in enumerate(layout.pages):
        for op in page:
            if not isinstance(op, ChartOp):
                continue
            if op.chart not in forms:
                chart = PdfReader(io.BytesIO(layout.charts[op.chart].pdf)).pages[0]
                contents = chart["/Contents"].get_object()
                if not hasattr(contents, "get_data"):  # an array of streams: not what
                    raise ValueError("vl-convert gave a chart page with several "
                                     "content streams")  # svg_to_pdf writes one
                form = contents.clone(writer)
                size = layout.charts[op.chart]
                form[NameObject("/Type")] = NameObject("/XObject")
                form[NameObject("/Subtype")] = NameObject("/Form")
                form[NameObject("/BBox")] = ArrayObject(FloatObject(v) for v in
                                                       (0, 0, size.width, size.height))
                form[NameObject("/Resources")] = chart["/Resources"].clone(writer)
                if "/Group" in chart:
                    form[NameObject("/Group")] = chart["/Group"].clone(writer)
                forms[op.chart] = form.indirect_reference
            target = writer.pages[number]
            resources = target["/Resources"].get_object()
            xobjects = resources.get("/XObject")
            if xobjects is None:
                xobjects = resources[NameObject("/XObject")] = DictionaryObject()
            xobjects.get_object()[NameObject(_chart_name(op.chart))] = forms[op.chart]


def handout_pdf(story: Story | PlaceTable, *,
                report: Callable[[list[str]], None] = warn) -> bytes:
    """The handout as PDF bytes (A4). Characters the font cannot print are reported
    through ``report`` (default: stderr), naming the event."""
    from pypdf import PdfReader, PdfWriter

    layout = handout_layout(story)
    if layout.warnings:
        report(layout.warnings)
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(_draw(layout))))
    _add_charts(writer, layout)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def export_pdf(story: Story, out: Path | None) -> None:
    table = place_table(story)
    warn(table.warnings())
    write_bytes(handout_pdf(table), out, what="PDF")

"""The handout laid out: A4 pages, top to bottom, of text lines (wrapped by the font's
real advance widths) and boxes for the two charts, which are rendered meanwhile.

Every line and chart also names the structure element it belongs to (:class:`Element`:
the title's H1, an event's H3, a paragraph's P, a chart's Figure), so the drawing can
mark it and the PDF can carry the story's logical structure (a tagged PDF); the page
footers belong to none, they are artifacts."""
from __future__ import annotations

import io
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import vl_convert as vlc

from timeline.exports.places import PlaceTable, place_table
from timeline.model import Event, Story

from .handout_alt import map_alt, timeline_alt
from .handout_text import Glyphs, clean, plain_text, right_to_left, text_width, wrap
from .static_export import ATTRIBUTION, map_spec, render, timeline_spec

PAGE_W, PAGE_H = 595.0, 842.0  # A4 in points
MARGIN = 42.0
CONTENT_W = PAGE_W - 2 * MARGIN
BOTTOM = PAGE_H - MARGIN - 14  # room for the footer


@dataclass
class _Line:
    text: str
    size: float
    bold: bool = False
    colour: str = "#111111"
    indent: float = 0.0
    gap_before: float = 0.0
    element: int | None = None

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
    element: int | None = None  # the index in Layout.elements; None: a page footer


@dataclass(frozen=True)
class ChartOp:
    """A chart (``chart`` indexes :attr:`Layout.charts`) placed at ``x, y`` (top left),
    scaled by ``scale``."""
    chart: int
    x: float
    y: float
    scale: float
    element: int  # its Figure


@dataclass
class Chart:
    pdf: bytes  # a one-page PDF from vl-convert
    width: float
    height: float


@dataclass
class Element:
    """A structure element: ``role`` a standard structure type (H1, H2, H3, P, Figure,
    Sect), ``parent`` the index of the element it is part of (None: the document),
    ``alt`` a figure's description, ``actual`` its exact text where the printed lines
    are not it in reading order (right-to-left text is printed left to right). Its
    content is the lines and charts naming it."""
    role: str
    parent: int | None = None
    alt: str | None = None
    actual: str | None = None


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
    elements: list[Element] = field(default_factory=list)  # parents before their parts


class _Layout:
    """Places blocks of lines and charts on A4 pages, top to bottom."""

    def __init__(self):
        self.pages: list[list[TextOp | ChartOp]] = []
        self.charts: list[Chart] = []
        self.elements: list[Element] = []
        self.y = MARGIN
        self.new_page()

    def new_page(self) -> None:
        self.pages.append([])
        self.y = MARGIN

    def element(self, role: str, parent: int | None = None, alt: str | None = None) -> int:
        self.elements.append(Element(role, parent, alt))
        return len(self.elements) - 1

    def stamp(self, element: int, lines: list[_Line]) -> None:
        """The lines are ``element``'s content."""
        for li in lines:
            li.element = element
        if any(right_to_left(li.text) for li in lines):
            self.elements[element].actual = " ".join(li.text for li in lines)

    def space_left(self) -> float:
        return BOTTOM - self.y

    def text_line(self, line: _Line) -> None:
        if line.height > self.space_left():
            self.new_page()
            line.gap_before = 0
        self.y += line.gap_before + line.size
        self.pages[-1].append(TextOp(MARGIN + line.indent, self.y, line.text, line.size,
                                     line.bold, line.colour, element=line.element))
        self.y += line.size * 0.32

    def block(self, lines: list[_Line], role: str | None = None, *,
              keep_together: bool = True) -> None:
        """Lines kept on one page where they fit; ``role``: they are one element."""
        if role is not None and lines:
            self.stamp(self.element(role), lines)
        need = sum(li.height for li in lines)
        if keep_together and need <= BOTTOM - MARGIN and need > self.space_left():
            self.new_page()
            if lines:
                lines[0].gap_before = 0
        for li in lines:
            self.text_line(li)

    def event(self, parts: list[tuple[str, list[_Line]]]) -> None:
        """An event: a section (Sect) of its heading and paragraphs, kept together."""
        parts = [(role, lines) for role, lines in parts if lines]
        if not parts:
            return
        sect = self.element("Sect")
        for role, lines in parts:
            self.stamp(self.element(role, sect), lines)
        self.block([li for _, lines in parts for li in lines])

    def chart(self, chart: Chart, *, max_height: float, alt: str) -> None:
        w, h = chart.width, chart.height
        k = min(CONTENT_W / w, max_height / h, 1.0)
        if h * k > self.space_left():
            if self.space_left() >= 0.75 * h * k:  # shrink a little rather than break the page
                k = self.space_left() / h
            else:
                self.new_page()
        self.charts.append(chart)
        self.pages[-1].append(ChartOp(len(self.charts) - 1,
                                      MARGIN + (CONTENT_W - w * k) / 2, self.y, k,
                                      self.element("Figure", alt=alt)))
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


def _event_block(event: Event, unlocated: set[tuple[str, str]],
                 glyphs: Glyphs) -> list[tuple[str, list[_Line]]]:
    """An event's parts, each (its structure type, its lines): the heading is the date
    and the title (H3, so heading navigation hears both), then paragraphs (P)."""
    texts = [clean(event.date_label()), clean(event.title)]
    meta = []
    if event.places:
        meta.append("Where: " + _place_note(event, unlocated))
    if event.group:
        meta.append("Thread: " + event.group)
    texts.append(clean("  ·  ".join(meta)))
    body = clean(plain_text(event.text)).strip()
    paras = [" ".join(p.split()) for p in re.split(r"\n\s*\n", body) if p.strip()]
    refs = []
    for s in event.sources:
        label = s.title or ""
        ref = f"{label} — {s.url}" if (label and s.url) else (label or s.url or "")
        if ref:
            refs.append("Source: " + clean(ref))
    glyphs.check(f"event {event.id!r} ({' '.join(texts[1].split())[:60]})", *texts, *paras, *refs)

    heading = _lines(texts[0], 9.5, bold=True, colour="#2b5c8a", gap_before=9)
    heading += _lines(texts[1], 12, bold=True)
    parts = [("H3", heading)]
    if meta:
        parts.append(("P", _lines(texts[2], 9, colour="#555555")))
    for i, para in enumerate(paras):
        parts.append(("P", _lines(para, 10, gap_before=2 if i else 1)))
    for ref in refs:
        parts.append(("P", _lines(ref, 8.5, colour="#444444", indent=8, gap_before=1)))
    return parts


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
        glyphs = Glyphs()
        title = clean(story.title)
        byline = clean(" · ".join(x for x in (
            story.byline, story.published.label() if story.published else None) if x))
        summary = " ".join(clean(plain_text(story.summary or "")).split())
        glyphs.check("the story's title, byline or summary", title, byline, summary)
        unlocated = {(u.event.id, u.place.name) for u in table.unlocated if u.place is not None}
        dated = [_event_block(e, unlocated, glyphs) for e in story.dated_events]
        undated = [_event_block(e, unlocated, glyphs) for e in story.undated_events]
        map_chart, timeline_chart = charts.result()

    lay = _Layout()
    lay.block(_lines(title, 20, bold=True), "H1")
    if byline:
        lay.block(_lines(byline, 10, colour="#555555", gap_before=2), "P")
    if summary:
        lay.block(_lines(summary, 10.5, gap_before=8), "P")
    lay.y += 10
    lay.chart(map_chart, max_height=330, alt=map_alt(table))
    lay.chart(timeline_chart, max_height=360, alt=timeline_alt(table))
    if dated:  # a heading over nothing would be a dead end for a screen reader
        lay.block(_lines("Events in order", 15, bold=True, gap_before=10), "H2")
        for parts in dated:
            lay.event(parts)
    if undated:
        lay.block(_lines("Undated events", 15, bold=True, gap_before=14), "H2")
        for parts in undated:
            lay.event(parts)
    lay.block(_lines(ATTRIBUTION + " Made with chronoatlas.", 8, colour="#666666",
                     gap_before=16), "P")
    lay.footers(title)
    return Layout(title, clean(story.byline) if story.byline else None, lay.pages,
                  lay.charts, glyphs.warnings(), glyphs.glyphless(),
                  language=_language(getattr(story, "language", None)),
                  elements=lay.elements)


def _language(value) -> str:
    """A BCP 47 tag for /Lang ("en" when the story names none or something else)."""
    text = str(value or "").strip()
    return text if re.fullmatch(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*", text) else "en"

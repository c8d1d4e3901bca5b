"""A printable handout of a story (PDF): title, static map, static timeline, and the
chronological list of events with dates, places and sources.

Pages are laid out here as A4 SVG (text wrapped with Helvetica metrics, charts from
:mod:`web.static_export` nested as vector SVG), each page becomes a PDF through vl-convert
(``svg_to_pdf``: resvg + svg2pdf, fonts embedded, text stays selectable) and pypdf joins
them. No browser, no network. Story text goes in only as SVG text nodes written by
ElementTree, so it is escaped; links are printed, not made clickable.
"""
from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

import vl_convert as vlc

from timeline.exports.output import warn, write_bytes
from timeline.exports.places import PlaceTable, place_table
from timeline.model import Event, Story

from .static_export import ATTRIBUTION, FONT, map_spec, render, text_width, timeline_spec

__all__ = ["handout_pages", "handout_pdf", "export_pdf", "plain_text"]

SVG_NS = "http://www.w3.org/2000/svg"
PAGE_W, PAGE_H = 595.0, 842.0  # A4 in points; svg_to_pdf maps one SVG unit to one point
MARGIN = 42.0
CONTENT_W = PAGE_W - 2 * MARGIN
BOTTOM = PAGE_H - MARGIN - 14  # room for the footer


def plain_text(markdown: str) -> str:
    """Markdown as plain text for print: links keep their text, emphasis marks go."""
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", markdown or "")
    text = re.sub(r"\[([^\]]+)\]\(([^)\s]+)[^)]*\)", r"\1", text)
    text = re.sub(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1", r"\2", text)
    text = re.sub(r"^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+)", "", text, flags=re.M)
    text = re.sub(r"<[^>]{0,200}>", "", text)  # inline HTML is not printed
    return text


def wrap(text: str, size: float, width: float, *, bold: bool = False) -> list[str]:
    """Greedy line breaking by measured width; words longer than a line are cut."""
    lines: list[str] = []
    for para in text.split("\n"):
        words = para.split()
        line = ""
        for word in words:
            candidate = f"{line} {word}" if line else word
            if text_width(candidate, size, bold=bold) <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
            while text_width(word, size, bold=bold) > width:  # a URL, say
                cut = len(word)
                while cut > 1 and text_width(word[:cut], size, bold=bold) > width:
                    cut -= 1
                lines.append(word[:cut])
                word = word[cut:]
            line = word
        if line:
            lines.append(line)
    return lines


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


@dataclass
class _Page:
    root: ET.Element
    y: float = MARGIN
    items: list = field(default_factory=list)


class _Layout:
    """Places blocks of lines and charts on A4 pages, top to bottom."""

    def __init__(self, title: str):
        self.title = title
        self.pages: list[_Page] = []
        self.new_page()

    def new_page(self) -> None:
        root = ET.Element(f"{{{SVG_NS}}}svg", {
            "width": f"{PAGE_W:g}", "height": f"{PAGE_H:g}",
            "viewBox": f"0 0 {PAGE_W:g} {PAGE_H:g}", "version": "1.1"})
        ET.SubElement(root, f"{{{SVG_NS}}}rect",
                      {"width": "100%", "height": "100%", "fill": "white"})
        self.pages.append(_Page(root))

    @property
    def page(self) -> _Page:
        return self.pages[-1]

    def space_left(self) -> float:
        return BOTTOM - self.page.y

    def text_line(self, line: _Line) -> None:
        if line.height > self.space_left():
            self.new_page()
            line.gap_before = 0
        self.page.y += line.gap_before + line.size
        el = ET.SubElement(self.page.root, f"{{{SVG_NS}}}text", {
            "x": f"{MARGIN + line.indent:.2f}", "y": f"{self.page.y:.2f}",
            "font-family": FONT, "font-size": f"{line.size:g}", "fill": line.colour})
        if line.bold:
            el.set("font-weight", "bold")
        el.text = line.text
        self.page.y += line.size * 0.32

    def block(self, lines: list[_Line], *, keep_together: bool = True) -> None:
        need = sum(li.height for li in lines)
        if keep_together and need <= BOTTOM - MARGIN and need > self.space_left():
            self.new_page()
            if lines:
                lines[0].gap_before = 0
        for li in lines:
            self.text_line(li)

    def chart(self, svg_text: str, *, max_height: float) -> None:
        chart = ET.fromstring(svg_text)
        w = float(chart.get("width"))
        h = float(chart.get("height"))
        k = min(CONTENT_W / w, max_height / h, 1.0)
        if h * k > self.space_left():
            if self.space_left() >= 0.75 * h * k:  # shrink a little rather than break the page
                k = self.space_left() / h
            else:
                self.new_page()
        chart.set("x", f"{MARGIN + (CONTENT_W - w * k) / 2:.2f}")
        chart.set("y", f"{self.page.y:.2f}")
        chart.set("width", f"{w * k:.2f}")
        chart.set("height", f"{h * k:.2f}")
        if chart.get("viewBox") is None:
            chart.set("viewBox", f"0 0 {w:g} {h:g}")
        self.page.root.append(chart)
        self.page.y += h * k + 10

    def finish(self) -> list[str]:
        ET.register_namespace("", SVG_NS)
        out = []
        n = len(self.pages)
        for i, page in enumerate(self.pages, start=1):
            foot = ET.SubElement(page.root, f"{{{SVG_NS}}}text", {
                "x": f"{MARGIN:g}", "y": f"{PAGE_H - MARGIN + 8:g}", "font-family": FONT,
                "font-size": "8", "fill": "#666666"})
            title = self.title if text_width(self.title, 8) < CONTENT_W - 140 else (
                wrap(self.title, 8, CONTENT_W - 150)[0] + "…")
            foot.text = title
            num = ET.SubElement(page.root, f"{{{SVG_NS}}}text", {
                "x": f"{PAGE_W - MARGIN:g}", "y": f"{PAGE_H - MARGIN + 8:g}", "font-family": FONT,
                "font-size": "8", "fill": "#666666", "text-anchor": "end"})
            num.text = f"page {i} of {n}"
            out.append(ET.tostring(page.root, encoding="unicode"))
        return out


def _lines(text: str, size: float, *, bold: bool = False, colour: str = "#111111",
           indent: float = 0.0, gap_before: float = 0.0) -> list[_Line]:
    out = [_Line(t, size, bold, colour, indent) for t in wrap(text, size, CONTENT_W - indent, bold=bold)]
    if out:
        out[0].gap_before = gap_before
    return out


def _place_note(event: Event, table: PlaceTable) -> str:
    unlocated = {(u.event.id, u.place.name) for u in table.unlocated if u.place is not None}
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


def _event_block(event: Event, table: PlaceTable) -> list[_Line]:
    lines = _lines(event.date_label(), 9.5, bold=True, colour="#2b5c8a", gap_before=9)
    lines += _lines(event.title, 12, bold=True)
    meta = []
    if event.places:
        meta.append("Where: " + _place_note(event, table))
    if event.group:
        meta.append("Thread: " + event.group)
    if meta:
        lines += _lines("  ·  ".join(meta), 9, colour="#555555")
    body = plain_text(event.text).strip()
    for i, para in enumerate(p for p in re.split(r"\n\s*\n", body) if p.strip()):
        lines += _lines(" ".join(para.split()), 10, gap_before=2 if i else 1)
    for s in event.sources:
        label = s.title or ""
        ref = f"{label} — {s.url}" if (label and s.url) else (label or s.url or "")
        if ref:
            lines += _lines("Source: " + ref, 8.5, colour="#444444", indent=8, gap_before=1)
    return lines


def handout_pages(story: Story | PlaceTable) -> list[str]:
    """The handout as one SVG document per A4 page."""
    table = story if isinstance(story, PlaceTable) else place_table(story)
    story = table.story
    lay = _Layout(story.title)
    lay.block(_lines(story.title, 20, bold=True))
    byline = " · ".join(x for x in (story.byline,
                                    story.published.label() if story.published else None) if x)
    if byline:
        lay.block(_lines(byline, 10, colour="#555555", gap_before=2))
    if story.summary:
        lay.block(_lines(" ".join(plain_text(story.summary).split()), 10.5, gap_before=8))
    lay.page.y += 10
    width = int(CONTENT_W)
    lay.chart(render(map_spec(table, width=width - 16, height=int(width * 0.56), title=False),
                     "svg"), max_height=330)
    lay.chart(render(timeline_spec(story, width=width - 24, title=False), "svg"), max_height=360)

    lay.block(_lines("Events in order", 15, bold=True, gap_before=10))
    for event in story.dated_events:
        lay.block(_event_block(event, table))
    if story.undated_events:
        lay.block(_lines("Undated events", 15, bold=True, gap_before=14))
        for event in story.undated_events:
            lay.block(_event_block(event, table))
    lay.block(_lines(ATTRIBUTION + " Made with chronoatlas.", 8, colour="#666666", gap_before=16))
    return lay.finish()


def handout_pdf(story: Story | PlaceTable) -> bytes:
    """The handout as PDF bytes (A4, one PDF page per laid-out page)."""
    from pypdf import PdfReader, PdfWriter

    table = story if isinstance(story, PlaceTable) else place_table(story)
    writer = PdfWriter()
    for svg in handout_pages(table):
        writer.append(PdfReader(io.BytesIO(vlc.svg_to_pdf(svg))))
    meta = {"/Title": table.story.title, "/Producer": "chronoatlas"}
    if table.story.byline:
        meta["/Author"] = table.story.byline
    writer.add_metadata(meta)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def export_pdf(story: Story, out: Path | None) -> None:
    table = place_table(story)
    warn(table.warnings())
    write_bytes(handout_pdf(table), out, what="PDF")

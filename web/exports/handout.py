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

It is a tagged PDF (issue 16): besides /Lang, the title (shown as the window's title)
and the real creation date, every line and chart is drawn inside the marked-content
sequence of its structure element and the page footers inside artifacts, and
:mod:`web.exports.pdf_tags` writes the structure tree (Document: H1, P, Figure with
/Alt, H2, Sect of H3 and P...) so screen readers get headings, reading order and chart
descriptions (:mod:`web.exports.handout_alt`).

The text (font, wrapping, coverage) is :mod:`web.exports.handout_text`, the layout
:mod:`web.exports.handout_layout`; this module draws the laid-out pages.
"""
from __future__ import annotations

import io
from pathlib import Path
from typing import Callable

from timeline.exports.output import warn, write_bytes
from timeline.exports.places import PlaceTable, place_table
from timeline.model import Story

from .handout_layout import PAGE_H, PAGE_W, ChartOp, Layout, handout_layout
from .handout_text import BOLD, FONT_DIR, REGULAR, fonts, plain_text, text_width, wrap
from .pdf_tags import Marks, write_structure

__all__ = ["handout_layout", "handout_pdf", "export_pdf", "plain_text", "wrap", "text_width",
           "FONT_DIR"]


def _chart_name(index: int) -> str:
    return f"/ChronoatlasChart{index}"


def _draw(layout: Layout) -> tuple[bytes, Marks]:
    """Every page as PDF (ReportLab): the text, and for each chart an invocation of a
    form XObject (``_chart_name``) that :func:`_add_charts` then supplies; every line
    and chart inside the marked-content sequence of its structure element (the footers
    in an artifact's), which the returned marks record for the structure tree."""
    from reportlab.lib.colors import HexColor
    from reportlab.pdfgen.canvas import Canvas

    # A character without a glyph would share code 0 with every other one and come out of
    # the text layer as U+0000; mapped to glyph 0 (the empty box) under its own code,
    # ReportLab gives it a ToUnicode entry, so copy and search still find it.
    for face in fonts().faces:
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
    canvas.setViewerPreference("DisplayDocTitle", "true")  # the title, not the file name
    marks = Marks(layout.elements)
    colours: dict[str, object] = {}
    for page in layout.pages:
        font = colour = None
        marks.new_page()
        for op in page:
            if isinstance(op, ChartOp):
                chart = layout.charts[op.chart]
                k = op.scale  # one chart unit is one point; PDF y grows upwards
                f = PAGE_H - op.y - chart.height * k
                box = (op.x, f, op.x + chart.width * k, f + chart.height * k)
                canvas.addLiteral(marks.switch(op.element, box))
                canvas.addLiteral(f"q {k:.5f} 0 0 {k:.5f} {op.x:.3f} {f:.3f} cm "
                                  f"{_chart_name(op.chart)} Do Q")
                continue
            begin = marks.switch(op.element)
            if begin:
                canvas.addLiteral(begin)
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
        end = marks.end_page()
        if end:
            canvas.addLiteral(end)
        canvas.showPage()
    canvas.save()
    return buf.getvalue(), marks


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
    pdf, marks = _draw(layout)
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    _add_charts(writer, layout)
    write_structure(writer, marks)
    writer.pdf_header = b"%PDF-1.7"  # tagged PDF needs 1.4 (/MarkInfo), /Tabs 1.5
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def export_pdf(story: Story, out: Path | None) -> None:
    table = place_table(story)
    warn(table.warnings())
    write_bytes(handout_pdf(table), out, what="PDF")

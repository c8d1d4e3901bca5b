"""The PDF handout: real A4 pages with the title, both charts and every event."""
from __future__ import annotations

import io
import re
from pathlib import Path

from click.testing import CliRunner
from pypdf import PdfReader
from pypdf.generic import ContentStream
from tagged_pdf import check_tagged

from timeline.dates import HistoricalDate
from timeline.model import Event, PlaceRef, Source, Story
from web.exports import handout
from web.exports.handout import handout_pdf, plain_text, wrap
from web.cli import main
from web.samples import generated_story


def text_of(pdf: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(pdf))
    return reader, "\n".join(p.extract_text() for p in reader.pages)


def flat(s: str) -> str:
    return re.sub(r"\s+", " ", s)


def test_handout_has_everything(pinned):
    pdf = handout_pdf(pinned)
    assert pdf.startswith(b"%PDF-")
    reader, text = text_of(pdf)
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    assert reader.metadata.title == "Pinned places"
    t = flat(text)
    for e in pinned.events:
        assert e.title in t
        assert e.date_label() in t or e.start is None
    assert "Undated events" in t and "490 BCE" in t
    assert "https://en.wikipedia.org/wiki/Battle_of_Marathon" in t.replace(" ", "")
    assert t.index("Battle of Marathon") < t.index("Battle of Khalkhin Gol", t.index("Events in order"))
    assert "Natural Earth" in t


def test_handout_hostile_text(hostile, hostile_text):
    reader, text = text_of(handout_pdf(hostile))
    t = flat(text)
    assert "Title " + hostile_text in t
    assert "Atlantis (not located)" in t and "Springfield (ambiguous)" in t


def test_wrap_and_plain_text():
    lines = wrap("word " * 60 + "https://example.org/" + "x" * 300, 10, 200)
    assert all(len(line) < 120 for line in lines)
    assert plain_text("**bold** and [a link](https://x.org) <b>tag</b>") == "bold and a link tag"


def test_demo_pdf(real_gazetteer, tmp_path):
    out = tmp_path / "demo.pdf"
    result = CliRunner().invoke(main, ["export", "demo", "--to", "pdf", "-o", str(out)])
    assert result.exit_code == 0, result.output
    reader, text = text_of(out.read_bytes())
    t = flat(text)
    assert "Battle of Khalkhin Gol" in t and "3 September 2024" in t
    assert "Ulaanbaatar" in t


# -- length, Unicode, hostile text ----------------------------------------------------

def test_page_count_grows_and_every_event_is_printed():
    """A long story (300 events) finishes, every event title is in the text layer, the
    page count grows with the events and every page has its footer."""
    short_reader, _ = text_of(handout_pdf(generated_story(12, slug="gen")))
    story = generated_story(300, slug="gen")
    pdf = handout_pdf(story)
    reader, text = text_of(pdf)
    n = len(reader.pages)
    assert len(short_reader.pages) < 4 < 20 < n
    t = flat(text)
    for e in story.events:
        assert e.title + " " in t + " ", e.title
        assert e.date_label() in t
    for i, page in enumerate(reader.pages, start=1):
        assert f"page {i} of {n}" in page.extract_text()
    at = t.index("Events in order")
    for e in story.dated_events:  # in date order (the charts above name them too)
        at = t.index(e.title + " ", at + 1)
    tagged = check_tagged(pdf)  # and tagged on every page, one Sect per event, in order
    assert len(tagged.roles("/Sect")) == 300
    assert [flat(tagged.text(h)) for h in tagged.roles("/H3")] == [
        flat(e.date_label() + " " + e.title) for e in story.dated_events]


def _event(i: int, title: str, *, place: str = "Somewhere", text: str = "") -> Event:
    return Event(id=f"u{i}", title=title, start=HistoricalDate.of(1900 + i),
                 text=text, places=(PlaceRef(place, 47.92, 106.92),),
                 sources=(Source(url=f"https://example.org/{i}", title=title),))


UNICODE_OK = ["Улаанбаатар", "Θερμοπύλες και Ἀθῆναι", "Łódź, São Paulo, Ærøskøbing, Zürich, "
              "Dubrovnik – “quoted” ‘text’ … 5 €"]


def test_unicode_text_prints_and_glyphless_characters_are_reported(capsys):
    events = [_event(i, title, place=title, text=f"Body {title}.")
              for i, title in enumerate(UNICODE_OK)]
    events.append(_event(7, "Meeting in 東京 (Tokyo)", text="東京で会議"))
    events.append(_event(8, "ירושלים Jerusalem"))
    events.append(_event(9, "Cafe\u0301 with a combining accent"))
    story = Story(title="Unicode: Улаанбаатар", summary="Ελληνικά και кириллица.",
                  events=tuple(events), slug="unicode")
    reports: list[str] = []
    reader, text = text_of(handout_pdf(story, report=reports.extend))
    t = flat(text)
    for title in UNICODE_OK:
        assert title in t
        assert "Where: " + title in t
    assert "Unicode: Улаанбаатар" in t and "Ελληνικά και кириллица." in t
    assert "Café with a combining accent" in t  # NFC
    # CJK has no glyph in the shipped font: it prints as boxes, stays in the text layer,
    # and the event is named on the report
    assert "Meeting in 東京 (Tokyo)" in t and "東京で会議" in t
    missing = [r for r in reports if "no glyph" in r]
    assert len(missing) == 1 and "'u7'" in missing[0] and "Meeting in" in missing[0]
    assert "U+6771" in missing[0] and "U+3067" in missing[0]
    rtl = [r for r in reports if "right-to-left" in r]
    assert len(rtl) == 1 and "'u8'" in rtl[0]
    assert len(reports) == 2, reports
    # by default the report goes to stderr
    handout_pdf(Story(title="東", events=(events[0],), slug="x"))
    err = capsys.readouterr().err
    assert "no glyph" in err and "U+6771" in err and "story's title" in err


def test_fonts_are_shipped_and_embedded():
    fonts = handout.FONT_DIR
    for name in ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf", "LICENSE-LiberationSans"):
        assert (fonts / name).is_file()
    reader = PdfReader(io.BytesIO(handout_pdf(generated_story(3, slug="gen"))))
    seen = 0
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            desc = font.get("/FontDescriptor")
            if desc is None:  # a composite (CID) font from the charts
                desc = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            assert "/FontFile2" in desc.get_object(), font  # embedded TrueType
            assert "/ToUnicode" in font  # text extraction maps back to characters
            seen += 1
    assert seen >= 2


INJECTION = 'x) Tj ET BT /F1 99 Tf (y) Tj ET \\ ( \\) /JavaScript << /S /JavaScript /JS (app.alert(1)) >>'
ALLOWED_OPERATORS = {b"q", b"Q", b"cm", b"BT", b"ET", b"Tf", b"TL", b"Tm", b"Td", b"TD", b"T*",
                     b"Tj", b"rg", b"RG", b"g", b"G", b"Do", b"gs", b"re", b"f", b"W", b"n",
                     b"BDC", b"EMC"}  # marked content (a tagged PDF)


def _walk(obj, seen):
    obj_id = id(obj)
    ref = getattr(obj, "indirect_reference", None)
    key = (ref.idnum, ref.generation) if ref is not None else obj_id
    if key in seen:
        return
    seen.add(key)
    obj = obj.get_object() if hasattr(obj, "get_object") else obj
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield k
            yield from _walk(v, seen)
    elif isinstance(obj, list):
        for v in obj:
            yield from _walk(v, seen)


def test_hostile_text_cannot_inject_pdf():
    story = Story(title="Story " + INJECTION + "\nsecond line", summary="Summary " + INJECTION,
                  byline="By " + INJECTION, slug="inject",
                  events=(Event(id="e1", title="Title " + INJECTION, start=HistoricalDate.of(1999),
                                text="Text " + INJECTION + "\x00\x07\u202e \ud800 end",
                                group="G " + INJECTION,
                                places=(PlaceRef("Place " + INJECTION, 10.0, 20.0),),
                                sources=(Source(url="javascript:alert(1)", title="Src " + INJECTION),)),))
    pdf = handout_pdf(story, report=lambda lines: None)
    reader, text = text_of(pdf)
    t = flat(text)
    for part in ("Story ", "By ", "Title ", "G ", "Place ", "Src "):
        assert flat(part + INJECTION) in t, part
    # the summary and the text are Markdown (inline HTML such as "<< ... >" is not printed)
    assert flat(plain_text("Summary " + INJECTION)) in t
    # control and format characters dropped, a lone surrogate replaced
    assert flat(plain_text("Text " + INJECTION)) + " \ufffd end" in t
    assert "Src " + INJECTION + " — javascript:alert(1)" in t  # printed, not a link
    assert reader.metadata.title == "Story " + INJECTION + "\nsecond line"
    # no actions, scripts or links anywhere in the document's objects
    keys = set(_walk(reader.trailer, set()))
    assert not keys & {"/JS", "/JavaScript", "/OpenAction", "/AA", "/Launch", "/URI", "/Annots",
                       "/SubmitForm", "/EmbeddedFiles"}, keys
    # the text pages hold only text and chart-placing operators; strings stay strings
    for page in reader.pages:
        ops = ContentStream(page.get_contents(), reader).operations
        names = [op for _, op in ops]
        assert set(names) <= ALLOWED_OPERATORS, set(names) - ALLOWED_OPERATORS
        assert names.count(b"BT") == names.count(b"ET")
        for operands, op in ops:
            if op == b"Tf":
                assert operands[0] in page["/Resources"]["/Font"]
            if op == b"Do":
                assert operands[0] in page["/Resources"]["/XObject"]
            if op == b"BDC":  # a structure type and an MCID, or a footer artifact
                tag, props = operands
                assert set(props) <= {"/MCID", "/Type", "/Subtype"}, props
                assert tag == "/Artifact" or set(props) == {"/MCID"}, (tag, props)

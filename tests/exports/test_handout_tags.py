"""The PDF handout is a tagged PDF: a structure tree in the story's order (H1 title, H2
sections, one Sect per event under its H3 headline, P paragraphs, Figure charts with
/Alt text), every page's content marked to match, footers as artifacts (issue 16)."""
from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader, PdfWriter
from tagged_pdf import check_tagged

from timeline.dates import HistoricalDate
from timeline.model import Era, Event, PlaceRef, Source, Story
from web.exports import handout, pdf_tags
from web.exports.handout import handout_pdf
from web.samples import empty_story


def flat(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def quiet(story: Story) -> bytes:
    return handout_pdf(story, report=lambda problems: None)


def headline(event: Event) -> str:
    return flat(event.date_label() + " " + event.title)


def test_structure_follows_the_story(pinned):
    t = check_tagged(quiet(pinned))
    top = [e.role for e in t.top()]
    n_dated, n_undated = len(pinned.dated_events), len(pinned.undated_events)
    assert top == (["/H1", "/P", "/Figure", "/Figure", "/H2"] + ["/Sect"] * n_dated
                   + ["/H2"] + ["/Sect"] * n_undated + ["/P"])
    h1, summary = t.top()[:2]
    assert t.text(h1) == "Pinned places"
    assert t.text(summary) == "A small story whose places carry coordinates."
    assert [t.text(h) for h in t.roles("/H2")] == ["Events in order", "Undated events"]
    # every event's headline (date and title) in the handout's order, each heading its Sect
    events = pinned.dated_events + pinned.undated_events
    assert [flat(t.text(h)) for h in t.roles("/H3")] == [headline(e) for e in events]
    for sect in t.roles("/Sect"):
        assert [k.role for k in sect.kids][0] == "/H3"
        assert {k.role for k in sect.kids[1:]} <= {"/P"}
    marathon = next(s for s in t.roles("/Sect") if "Marathon" in t.text(s.kids[0]))
    assert [flat(t.text(k)) for k in marathon.kids[1:]] == [
        "Where: Marathon · Thread: War",
        "Source: Marathon — https://en.wikipedia.org/wiki/Battle_of_Marathon"]
    assert "Natural Earth" in t.text(t.top()[-1])
    # the charts say what they show
    map_fig, timeline_fig = t.roles("/Figure")
    alt = str(map_fig.obj["/Alt"])
    assert alt.startswith("Map of 6 places: ")
    for name in ("Marathon", "Thermopylae", "Khalkhin Gol", "Somewhere", "Ulaanbaatar", "Rome"):
        assert name in alt
    assert str(timeline_fig.obj["/Alt"]) == (
        "Timeline from 490 BCE to 2001 with 6 events; thread: War; era: Classical Greece.")
    for fig in (map_fig, timeline_fig):
        box = [float(v) for v in fig.obj["/A"]["/BBox"]]
        assert 0 <= box[0] < box[2] <= 595 and 0 <= box[1] < box[3] <= 842
    # the footers are pagination artifacts, not content
    n = len(t.reader.pages)
    for i, marks in enumerate(t.marks, start=1):
        assert f"page {i} of {n}" in marks.artifact_text
        assert not any("page " in text and " of " in text for text in marks.text.values())
    assert "page 1 of" not in " ".join(t.text(e) for e in t.top())


def test_the_check_fails_without_tags(pinned, monkeypatch):
    """The checks above are not vacuous: without the structure tree, with a ParentTree
    that points elsewhere, with marked content the tree does not point at, or with
    unmarked content, the same handout fails them."""
    with monkeypatch.context() as m:
        m.setattr(handout, "write_structure", lambda writer, marks: None)
        with pytest.raises(AssertionError, match="no /MarkInfo"):
            check_tagged(quiet(pinned))
    # a ParentTree that maps the first page's MCIDs to the wrong elements
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(quiet(pinned))))
    writer.root_object["/StructTreeRoot"]["/ParentTree"]["/Nums"][1].get_object().reverse()
    writer.pdf_header = b"%PDF-1.7"
    broken = io.BytesIO()
    writer.write(broken)
    with pytest.raises(AssertionError, match=r"ParentTree\[0\] is not the element"):
        check_tagged(broken.getvalue())
    switch, end_page = pdf_tags.Marks.switch, pdf_tags.Marks.end_page

    def unmarked(self, element, box=None):
        switch(self, element, box)  # still recorded, so the tree still claims MCIDs
        return ""

    def renumbered(self, element, box=None):  # marked, but not as the tree says
        return re.sub(r"MCID (\d+)", lambda m: f"MCID {int(m[1]) + 1}", switch(self, element, box))

    with monkeypatch.context() as m:
        m.setattr(pdf_tags.Marks, "switch", renumbered)
        with pytest.raises(AssertionError, match="claims MCID 0, not on page"):
            check_tagged(quiet(pinned))
    monkeypatch.setattr(pdf_tags.Marks, "switch", unmarked)
    monkeypatch.setattr(pdf_tags.Marks, "end_page", lambda self: end_page(self) and "")
    with pytest.raises(AssertionError, match="outside marked content"):
        check_tagged(quiet(pinned))


def _unicode_story() -> Story:
    def ev(i, title, place, lat, lon, group=None):
        return Event(id=f"x{i}", title=title, start=HistoricalDate.of(-489 + 100 * i),
                     text=f"Κείμενο — نص {i}.", group=group,
                     places=(PlaceRef(place, lat, lon),),
                     sources=(Source(url=f"https://example.org/{i}", title=title),))
    events = (ev(0, "Μάχη του Μαραθώνα", "Μαραθώνας", 38.15, 23.96, "Πόλεμος"),
              ev(1, "Θερμοπύλες", "Θερμοπύλες", 38.8, 22.54, "Πόλεμος"),
              ev(8, "معركة القادسية", "القادسية", 31.4, 44.3),
              ev(9, "Bayt al-Ḥikma · بيت الحكمة", "بغداد", 33.31, 44.36))
    return Story(title="Ἱστορίαι · تاريخ", summary="Ελληνικά και العربية.", events=events,
                 language="el", slug="unicode-tags",
                 eras=(Era("Κλασική εποχή", HistoricalDate.of(-500), HistoricalDate.of(-323)),))


def test_unicode_story_is_tagged():
    """Greek and Arabic (which the font has no glyphs for: boxes in print) in titles,
    places and threads: the tree, the text behind it and the /Alt say them right."""
    story = _unicode_story()
    t = check_tagged(quiet(story))
    assert str(t.reader.trailer["/Root"]["/Lang"]) == "el"
    assert t.text(t.top()[0]) == "Ἱστορίαι · تاريخ"
    h3s = t.roles("/H3")
    assert [flat(t.text(h)) for h in h3s] == [headline(e) for e in story.dated_events]
    # Arabic is printed left to right, so the elements holding it carry their text in
    # reading order (/ActualText); Greek ones are read from the page as printed
    assert "/ActualText" in t.top()[0].obj and "/ActualText" in h3s[2].obj
    assert "/ActualText" not in h3s[0].obj and "/ActualText" not in h3s[1].obj
    map_alt, timeline_alt = (str(f.obj["/Alt"]) for f in t.roles("/Figure"))
    assert map_alt.startswith("Map of 4 places: ")
    for place in ("Μαραθώνας", "Θερμοπύλες", "القادسية", "بغداد"):
        assert place in map_alt
    assert timeline_alt == ("Timeline from 490 BCE to 411 with 4 events; thread: Πόλεμος; "
                            "era: Κλασική εποχή.")


def test_story_without_events_is_tagged():
    t = check_tagged(quiet(empty_story()))
    assert [e.role for e in t.top()] == ["/H1", "/Figure", "/Figure", "/P"]  # no empty H2
    assert t.text(t.top()[0]) == "An empty story"
    assert [str(f.obj["/Alt"]) for f in t.roles("/Figure")] == [
        "World map with no places marked.", "Timeline with no dated events."]
    assert not t.roles("/Sect")


def test_paragraph_over_a_page_break_stays_one_element():
    """A paragraph longer than a page is one P whose marked content is on two pages
    (an MCR naming the second page), in order."""
    words = " ".join(f"word{i}" for i in range(1800))
    story = Story(title="Long", slug="long", events=(
        Event(id="long", title="A long event", start=HistoricalDate.of(1900), text=words,
              places=(PlaceRef("Ulaanbaatar", 47.92, 106.92),)),))
    t = check_tagged(quiet(story))
    (sect,) = t.roles("/Sect")
    body = max(sect.kids, key=lambda k: len(k.mcrs))
    assert body.role == "/P" and len({page for page, _ in body.mcrs}) >= 2
    assert flat(t.text(body)) == words
    assert [page for page, _ in body.mcrs] == sorted(page for page, _ in body.mcrs)


def test_unlocated_places_are_said_in_the_alt(hostile, hostile_text):
    """Story text reaches the /Alt as a PDF string, whatever it holds; places that could
    not be located are counted, not listed as if on the map."""
    t = check_tagged(quiet(hostile))
    alt = str(t.roles("/Figure")[0].obj["/Alt"])
    assert alt == ("Map of 1 place: Place " + hostile_text + ". "
                   "2 places could not be located and are not shown.")
    assert t.text(t.top()[0]) == flat("Story " + hostile_text)

"""The PDF handout: real A4 pages with the title, both charts and every event."""
from __future__ import annotations

import io
import re

from click.testing import CliRunner
from pypdf import PdfReader

from web.handout import handout_pdf, plain_text, wrap
from web.cli import main


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

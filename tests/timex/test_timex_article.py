"""Issue 4's done-when checks on the shared news article (skipped without /work/shared)."""
from __future__ import annotations

from pathlib import Path

import pytest

from timeline.dates import HistoricalDate
from timeline.timex import tag

# ../shared next to the checkout: the nearest ancestor that has it (worktrees sit deeper)
ARTICLE = next((p / "shared" / "articles" / "putin-mongolia-icc.txt" for p in Path(__file__).resolve().parents
                if (p / "shared" / "articles").is_dir()), Path("/nonexistent/putin-mongolia-icc.txt"))

pytestmark = pytest.mark.skipif(not ARTICLE.exists(), reason=f"shared article not found at {ARTICLE}")


@pytest.fixture(scope="module")
def timexes():
    return tag(ARTICLE.read_text(encoding="utf-8"), published="2024-08-30")


def by_text(timexes, text):
    found = [t for t in timexes if t.text == text]
    assert found, f"{text!r} not tagged; got {[t.text for t in timexes]}"
    return found[0]


@pytest.mark.parametrize("text, value", [
    ("September 3", "2024-09-03"), ("March 2023", "2023-03"), ("last year", "2023"),
    ("next week", "2024-W36"),
])
def test_values(timexes, text, value):
    assert by_text(timexes, text).value == value


def test_offsets_point_into_the_text(timexes):
    text = ARTICLE.read_text(encoding="utf-8")
    for t in timexes:
        assert text[t.start:t.end] == t.text


def test_85th_anniversary_implies_1939_for_the_khalkhin_gol_victory(timexes):
    anniversary = next(t for t in timexes if "85th anniversary" in t.text)
    implied = anniversary.implies
    assert implied is not None
    assert implied.date == HistoricalDate.of(1939)
    assert implied.value == "1939"
    assert implied.text.startswith("the joint victory")
    assert "Khalkhin Gol" in implied.text
    text = ARTICLE.read_text(encoding="utf-8")
    assert text[implied.start:implied.end] == implied.text

"""TimelineJS's own examples and templates import with every event (fixtures: see the
README beside them, MPL 2.0)."""
import json
from pathlib import Path

import pytest

from timeline.formats import dump, load, load_text

OFFICIAL = Path(__file__).parent / "timelinejs_official"

# Slides per file as TimelineJS counts them (title slide apart); each must be an event.
EXPECTED = {
    "my-own-timeline.csv": 10, "cosmo.json": 7, "cosmo-mixed.json": 11, "eras.json": 20,
    "women_in_computing.json": 10, "years.json": 5, "milliseconds.json": 5,
    "group_sample.json": 7,
}


def _slides(path: Path) -> int:
    if path.suffix == ".json":
        return len(json.loads(path.read_text("utf-8"))["events"])
    import csv
    rows = list(csv.DictReader(path.read_text("utf-8").splitlines(keepends=True)))
    return sum(1 for r in rows if (r.get("Type") or "").lower() != "title" and any(r.values()))


def test_every_fixture_is_listed():
    assert sorted(p.name for p in OFFICIAL.iterdir() if p.suffix in (".json", ".csv")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_official_file_imports_with_every_event(name):
    path = OFFICIAL / name
    story = load(path).story
    assert len(story.events) == EXPECTED[name] == _slides(path)
    assert len({e.id for e in story.events}) == len(story.events)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_official_file_round_trips_through_timelinejs_with_its_html(name):
    story = load(OFFICIAL / name).story
    back = load_text(dump(story, "timelinejs"), name="back.json").story
    assert [(e.title, e.text, e.media) for e in back.dated_events] == [
        (e.title, e.text, e.media) for e in story.dated_events]


def test_women_in_computing_keeps_html_media_and_backgrounds():
    story = load(OFFICIAL / "women_in_computing.json").story
    ada = story.events[0]
    assert ada.text.startswith("<p>Women have been programming") and 'href="https://en.wikipedia.org/wiki/Ada_Lovelace"' in ada.text
    assert ada.media.url.endswith("713px-Ada_Lovelace_portrait.jpg") and ada.media.credit == "Wikimedia Commons"
    assert story.settings["background"]["url"].endswith("%28ENIAC%29.gif")
    assert story.events[2].background == {"url": "https://upload.wikimedia.org/wikipedia/commons/c/cd/ARL_ENIAC_02.png"}
    assert story.events[1].end is None  # an end_date with an empty year is no end, as in TimelineJS

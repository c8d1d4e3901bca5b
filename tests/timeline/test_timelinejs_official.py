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
    "group_sample.json": 7, "women_in_computing.csv": 10, "welcome.json": 26,
    "seventh_century.json": 21, "all-media-types.json": 38,
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
    assert _content(back) == _content(story)


def _content(story):
    """What a reader sees, in the order they see it (HTML, media, backgrounds, groups)."""
    return [(e.id, e.title, e.text, e.media, e.background, e.group, e.start, e.end,
             e.display_date) for e in story.dated_events + story.undated_events]


@pytest.mark.parametrize("name", sorted(EXPECTED))
@pytest.mark.parametrize("fmt", ["csv", "json", "yaml"])
def test_official_file_round_trips_through_every_story_format(name, fmt):
    story = load(OFFICIAL / name).story
    back = load_text(dump(story, fmt), name=f"back.{fmt}").story
    assert (back.title, back.summary, back.media) == (story.title, story.summary, story.media)
    if fmt == "csv":  # a sheet's cells are trimmed, by TimelineJS too
        def trimmed(content):
            return [c[:2] + (c[2].strip(),) + c[3:] for c in content]
        assert trimmed(_content(back)) == trimmed(_content(story))
    else:
        assert _content(back) == _content(story)


def test_women_in_computing_keeps_html_media_and_backgrounds():
    story = load(OFFICIAL / "women_in_computing.json").story
    ada = story.events[0]
    assert ada.text.startswith("<p>Women have been programming") and 'href="https://en.wikipedia.org/wiki/Ada_Lovelace"' in ada.text
    assert ada.media.url.endswith("713px-Ada_Lovelace_portrait.jpg") and ada.media.credit == "Wikimedia Commons"
    assert story.settings["background"]["url"].endswith("%28ENIAC%29.gif")
    assert story.events[2].background == {"url": "https://upload.wikimedia.org/wikipedia/commons/c/cd/ARL_ENIAC_02.png"}
    assert story.events[1].end is None  # an end_date with an empty year is no end, as in TimelineJS


def test_welcome_uses_the_old_javascript_scale_name_thumb_and_opacity():
    story = load(OFFICIAL / "welcome.json").story
    assert story.settings.get("scale") is None  # "javascript" was the human scale's name
    last = story.dated_events[-1]
    assert last.title == "Get started!" and last.background == {"color": "#000000", "opacity": 50}
    blockquote = next(e for e in story.events if e.title == "Blockquote")
    assert blockquote.media.url.startswith("<blockquote><p>You have brains")
    assert blockquote.end.year == 1955


def test_all_media_types_keeps_links_targets_groups_and_embed_codes():
    story = load(OFFICIAL / "all-media-types.json").story
    jpg = next(e for e in story.events if e.title == "Image, JPG")
    assert jpg.media.link_target == "images" and jpg.media.link.startswith("https://en.wikipedia.org/")
    assert story.event("wikipedia-images").media.url.startswith("https://de.wikipedia.org/")
    assert story.settings["background"] == {"color": "papayawhip"}
    assert {e.group for e in story.events} == {None, "Video", "Audio", "HTML", "Image"}
    assert next(e for e in story.events if e.title == "iFrame").media.url.startswith("<iframe ")


def test_seventh_century_keeps_background_opacity():
    story = load(OFFICIAL / "seventh_century.json").story
    first = story.dated_events[0]
    assert first.title == "Last great Roman-Persian War."
    assert first.background == {"url": "https://upload.wikimedia.org/wikipedia/commons/a/a2/HumiliationValerianusHolbein.jpg",
                                "opacity": 50}


def test_women_in_computing_sheet_and_json_say_the_same():
    sheet = load(OFFICIAL / "women_in_computing.csv").story
    js = load(OFFICIAL / "women_in_computing.json").story
    assert sheet.title == js.title == "Women in Computing"
    assert [e.title for e in sheet.dated_events] == [e.title for e in js.dated_events]
    ada = sheet.event("ada-lovelace")
    assert 'href="https://en.wikipedia.org/wiki/Ada_Lovelace"' in ada.text and ada.media.credit == "Wikimedia Commons"


def test_seconds_and_milliseconds_are_kept_to_the_minute_and_said_so():
    """milliseconds.json orders five slides by their milliseconds; dates here go to the
    minute, so the file's order is kept and the reader is told, once, what was rounded."""
    result = load(OFFICIAL / "milliseconds.json")
    starts = [(e.start.hour, e.start.minute) for e in result.story.events]
    assert starts == [(1, 1)] * 5
    assert [n for n in result.notes if "seconds" in n] == [
        "seconds and milliseconds are not kept: times are shown to the minute (5 times)"]
    assert not load(OFFICIAL / "years.json").notes


def test_out_of_range_seconds_are_located_problems():
    from timeline.errors import StoryFormatError

    doc = {"events": [{"start_date": {"year": 2015, "month": 1, "day": 1, "hour": 1, "minute": 2,
                                      "second": 75}, "text": {"headline": "A"}},
                      {"start_date": {"year": 2015, "second": 5}, "text": {"headline": "B"}}]}
    with pytest.raises(StoryFormatError) as err:
        load_text(json.dumps(doc), name="tl.json")
    fields = [p.field for p in err.value.problems]
    assert fields == ["events[0].start_date.second"], err.value.problems
    second_only = load_text(json.dumps({"events": doc["events"][1:]}), name="tl.json")
    only = second_only.story.events[0].start
    assert (only.year, only.month, only.hour) == (2015, None, None) and second_only.notes

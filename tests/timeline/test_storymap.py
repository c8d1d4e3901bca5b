"""StoryMapJS files import as slide stories and export back with the same slides.

seurat.json is StoryMapJS's own gigapixel demo (MPL 2.0, see the README beside it);
ibn-battuta.json and museum-floor.json are written here in the forms StoryMapJS's
editor saves (overview slide, empty media objects, icons, extra keys)."""
import json
from pathlib import Path

import pytest

from timeline.errors import StoryFormatError
from timeline.formats import dump, load, load_text

HERE = Path(__file__).parent / "storymap"


def _slides(text):
    return json.loads(text)["storymap"]["slides"]


def test_slides_become_events_in_slide_order_with_pinned_places_and_zoom():
    result = load(HERE / "ibn-battuta.json")
    story = result.story
    assert story.title == "The first journey of Ibn Battuta" and story.summary.startswith("<p>In 1325")
    assert story.settings["order"] == "slides" and story.slide_order
    assert [e.title for e in story.played_events] == [
        "Leaving Tangier", "The Pharos of Alexandria", "Cairo, mother of cities",
        "Ramadan in Damascus", "Mecca at last", "What came next"]
    tangier = story.events[0].places[0]
    assert (tangier.name, tangier.lat, tangier.lon, tangier.zoom) == ("Tangier", 35.7595, -5.834, 10)
    assert story.events[0].text.startswith("<p>On 14 June 1325") and 'href="https://en.wikipedia.org/wiki/Ibn_Battuta"' in story.events[0].text
    assert story.events[0].media.url == "https://www.youtube.com/watch?v=Pn4rXBfbJwc"
    assert story.events[1].media is None  # StoryMapJS writes {"url": ""} for no media
    assert story.events[1].background == {"url": "https://upload.wikimedia.org/wikipedia/commons/4/4b/Pharos_of_Alexandria.jpg", "opacity": 40}
    assert story.events[-1].places == () and story.events[-1].start is None
    assert result.notes == [] and story.settings.get("map") is not False


def test_dates_come_from_the_date_field_else_from_the_words_of_the_slide():
    story = load(HERE / "ibn-battuta.json").story
    dates = {e.title: (e.start.isoformat() if e.start else None, e.extra.get("date_from")) for e in story.events}
    assert dates["Leaving Tangier"] == ("1325-06-14", "text")
    assert dates["Cairo, mother of cities"] == ("1326-07", None)  # the slide's own date field
    assert dates["Ramadan in Damascus"] == ("1326-08", "text")
    assert dates["Mecca at last"] == ("1326-11", "text")
    assert dates["What came next"] == (None, None)
    assert story.event("cairo-mother-of-cities").display_date == "July 1326"


def test_named_periods_are_not_taken_for_dates():
    story = load(HERE / "seurat.json").story
    assert story.event("permanence").start is None  # "Italian Renaissance frescoes"
    assert story.event("small-horizontal-brushstrokes").start.isoformat() == "1884"


def test_storymap_round_trip_keeps_slides_coordinates_html_media_and_options():
    path = HERE / "ibn-battuta.json"
    original = json.loads(path.read_text("utf-8"))
    story = load(path).story
    out = dump(story, "storymap")
    data = json.loads(out)
    assert {k: v for k, v in data.items() if k != "storymap"} == {
        k: v for k, v in original.items() if k != "storymap"}
    assert {k: v for k, v in data["storymap"].items() if k != "slides"} == {
        k: v for k, v in original["storymap"].items() if k != "slides"}
    for mine, theirs in zip(_slides(out), original["storymap"]["slides"], strict=True):
        assert mine["text"] == theirs["text"]
        assert mine.get("location") == theirs.get("location")
        assert mine["date"] == theirs["date"]
        assert mine["media"] == theirs.get("media", {"url": "", "caption": "", "credit": ""})
        assert mine.get("background") == theirs.get("background")
        assert mine.get("editor_note") == theirs.get("editor_note")
    back = load_text(out, name="back.json").story
    assert back.events == story.events and back.settings == story.settings


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_a_slide_story_keeps_its_order_and_zoom_through_our_own_formats(fmt):
    story = load(HERE / "ibn-battuta.json").story
    back = load_text(dump(story, fmt), name=f"back.{fmt}").story
    assert [e.id for e in back.played_events] == [e.id for e in story.played_events]
    assert back.events[0].places[0].zoom == 10 and back.settings["order"] == "slides"
    again = json.loads(dump(back, "storymap"))
    assert [s.get("location") for s in again["storymap"]["slides"]] == [
        s.get("location") for s in json.loads(dump(story, "storymap"))["storymap"]["slides"]]


def test_gigapixel_storymap_imports_without_a_map_and_says_why():
    result = load(HERE / "seurat.json")
    story = result.story
    assert story.title == "A Sunday on La Grande Jatte Georges Seurat"
    assert len(story.events) == 12 and all(e.places == () for e in story.events)
    assert story.settings["map"] is False and "gigapixel" in story.settings["map_message"]
    assert result.notes == [story.settings["map_message"]]
    assert story.settings["background"] == {"url": "http://gigapixel.knightlab.com/seurat/seurat_portrait.jpg",
                                            "color": "#000", "opacity": 50}
    out = json.loads(dump(story, "storymap"))
    original = json.loads((HERE / "seurat.json").read_text("utf-8"))
    assert out["storymap"]["zoomify"] == original["storymap"]["zoomify"]
    assert out["font_css"] == "stock:opensans-gentiumbook"
    assert [s.get("location") for s in out["storymap"]["slides"]] == [
        s.get("location") for s in original["storymap"]["slides"]]
    assert out["storymap"]["slides"][0]["text"]["headline"] == "A Sunday on La Grande Jatte <br><small>Georges Seurat</small>"


def test_map_as_image_positions_outside_the_earth_are_kept_not_refused():
    result = load(HERE / "museum-floor.json")
    story = result.story
    assert story.settings["map"] is False and "map_as_image" in result.notes[0]
    assert [e.start.isoformat() if e.start else None for e in story.events] == ["c. 1420", "1642"]
    out = _slides(dump(story, "storymap"))
    assert out[1]["location"] == {"lat": -120.5, "lon": 310.25, "zoom": 3, "line": False}


def test_cli_prints_the_no_map_note(tmp_path):
    from click.testing import CliRunner

    from timeline.cli import validate
    res = CliRunner().invoke(validate, [str(HERE / "seurat.json")])
    assert res.exit_code == 0 and "note: This StoryMap is drawn on a gigapixel image" in res.output


def test_broken_storymap_slides_are_located():
    text = json.dumps({"storymap": {"slides": [
        {"type": "overview", "text": {"headline": "T", "text": ""}},
        {"location": {"lat": "north", "lon": 3}, "text": {"headline": "A", "text": ""}},
        {"location": {"lat": 91, "lon": 3}, "text": {"headline": "B", "text": ""}},
    ]}}, indent=1)
    with pytest.raises(StoryFormatError) as info:
        load_text(text, name="bad.json")
    fields = [p.field for p in info.value.problems]
    assert fields == ["storymap.slides[1].location.lat", "storymap.slides[2].location.lat"]
    assert all(p.line for p in info.value.problems)
    kept = load_text(text, name="bad.json", skip_invalid=True)
    assert [e.title for e in kept.story.events] == [] and len(kept.skipped) == 2


def test_a_file_forced_as_storymap_that_is_not_one_is_refused():
    with pytest.raises(StoryFormatError, match="not a StoryMapJS file"):
        load_text('{"title": "x", "events": []}', name="x.json", fmt="storymap")


def test_a_story_with_place_names_exports_slides_with_resolved_locations():
    story = load_text("title: Two cities\nevents:\n  - title: Treaty\n    start: 1998-07-17\n"
                      "    places: [Rome]\n  - title: Somewhere\n    start: 2000\n", name="t.yaml").story
    slides = _slides(dump(story, "storymap"))
    assert slides[0]["type"] == "overview" and slides[1]["location"]["name"] == "Rome"
    assert abs(slides[1]["location"]["lat"] - 41.9) < 0.2 and abs(slides[1]["location"]["lon"] - 12.5) < 0.2
    assert "location" not in slides[2] and slides[2]["date"] == "2000"
    back = load_text(json.dumps({"storymap": {"slides": slides}}), name="b.json").story
    assert back.events[0].places[0].name == "Rome" and back.events[0].places[0].pinned

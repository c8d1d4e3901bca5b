"""Story formats: round trips keep every event; broken files give every located problem."""
import json
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings, strategies as st

from timeline.dates import HistoricalDate, parse_date
from timeline.errors import StoryFormatError
from timeline.formats import dump, load, load_text
from timeline.model import Era, Event, Media, PlaceRef, Source, Story

BROKEN = Path(__file__).parent / "broken"


@pytest.mark.parametrize("path", sorted(p for p in BROKEN.iterdir() if p.suffix != ".expected"),
                         ids=lambda p: p.name)
def test_broken_files_report_every_problem_exactly(path, monkeypatch):
    monkeypatch.chdir(BROKEN)
    with pytest.raises(StoryFormatError) as info:
        load(path.name)
    expected = path.with_suffix(".expected").read_text().splitlines()
    assert [str(p) for p in info.value.problems] == expected


def test_skip_invalid_keeps_the_good_rows_and_lists_the_rest(monkeypatch):
    monkeypatch.chdir(BROKEN)
    result = load("three-bad-rows.csv", skip_invalid=True)
    assert [e.title for e in result.story.events] == ["Battle of Khalkhin Gol", "The court opens"]
    assert len(result.skipped) == 3
    assert result.story.title == "A sheet with three broken rows"


def test_story_level_problems_are_never_skipped(monkeypatch):
    monkeypatch.chdir(BROKEN)
    with pytest.raises(StoryFormatError):
        load("no-title.json", skip_invalid=True)


def test_demo_exports_to_timelinejs_in_order_and_back():
    story = load("demo").story
    tl = json.loads(dump(story, "timelinejs"))
    years = [e["start_date"]["year"] for e in tl["events"]]
    assert years == sorted(years) and years[0] == 1939 and years[-1] == 2024
    back = load_text(dump(story, "timelinejs"), name="demo.json").story
    again = load_text(dump(back, "yaml"), name="demo.yaml").story
    assert again.events == back.events == tuple(story.dated_events)
    assert again.eras == story.eras


def test_bce_event_to_timelinejs_and_back():
    story = load_text("title: Ancient\nevents:\n  - title: Marathon\n    start: 490 BCE\n",
                      name="a.yaml").story
    tl = json.loads(dump(story, "timelinejs"))
    assert tl["events"][0]["start_date"]["year"] == -490
    back = load_text(json.dumps(tl), name="a.json").story
    assert back.events[0].start.label() == "490 BCE"
    assert back.events[0].start == parse_date("490 BCE")
    sheet = dump(back, "csv")
    assert "\r\n-490," in sheet
    assert load_text(sheet, name="a.csv").story.events[0].start.label() == "490 BCE"


def test_sheet_export_from_excel_with_bom_crlf_and_blank_rows():
    text = ("\ufeffYear,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,"
            "Text,Media,Media Credit,Media Caption,Media Thumbnail,Alt Text,Type,Group,Background"
            "\r\n1939,5,11,,,,,,,Start,\"Two\r\nlines\",,,,,,,,\r\n,,,,,,,,,,,,,,,,,,\r\n,,,,,,,,,,,,,,,,,,\r\n")
    story = load_text(text, name="sheet.csv").story
    assert [e.title for e in story.events] == ["Start"]
    assert story.events[0].text == "Two\r\nlines"


def test_sheet_title_and_era_rows_are_honoured():
    text = ("Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,"
            "Text,Media,Media Credit,Media Caption,Media Thumbnail,Alt Text,Type,Group,Background\n"
            ",,,,,,,,,My title,My summary,,,,,,title,,\n"
            "1939,,,,1945,,,,,War,,,,,,,era,,\n"
            "1939,9,1,,,,,,,Invasion,,,,,,,,,\n")
    story = load_text(text, name="s.csv").story
    assert story.title == "My title" and story.summary == "My summary"
    assert story.eras == (Era("War", parse_date("1939"), parse_date("1945")),)


def test_a_sheet_or_timelinejs_file_without_a_title_is_named_after_the_file():
    sheet = ("Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,"
             "Text,Media,Media Credit,Media Caption,Media Thumbnail,Alt Text,Type,Group,Background\n"
             "1939,9,1,,,,,,,Invasion,,,,,,,,,\n")
    assert load_text(sheet, name="data/icc_cases-2023.csv").story.title == "Icc cases 2023"
    tl = json.dumps({"events": [{"start_date": {"year": 1939}, "text": {"headline": "Invasion"}}]})
    assert load_text(tl, name="war-timeline.json").story.title == "War timeline"
    assert load_text(tl).story.title == "Untitled timeline"  # text with no file


def test_undated_events_are_kept_apart_not_dropped():
    story = load_text("title: T\nevents:\n  - title: Someday\n  - title: Then\n    start: 1939\n",
                      name="t.yaml").story
    assert [e.title for e in story.undated_events] == ["Someday"]
    assert [e.title for e in story.dated_events] == ["Then"]
    tl = dump(story, "timelinejs")
    assert [e.title for e in load_text(tl, name="t.json").story.events] == ["Then", "Someday"]


def test_yaml_dates_stay_text():
    story = load_text("title: T\nevents:\n  - title: A\n    start: 1939-05-11\n", name="t.yaml").story
    assert story.events[0].start == HistoricalDate.of(1939, 5, 11)


def test_cosmological_scale_round_trips():
    story = load_text("title: Deep\nevents:\n  - title: Big Bang\n    start: 13.8 billion years ago\n",
                      name="d.yaml").story
    tl = json.loads(dump(story, "timelinejs"))
    assert tl["scale"] == "cosmological"
    assert load_text(json.dumps(tl), name="d.json").story.events == story.events


def test_oversized_and_binary_files_are_refused(tmp_path):
    binary = tmp_path / "junk.yaml"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(StoryFormatError) as info:
        load(binary)
    assert "not UTF-8" in str(info.value)


# -- property: YAML -> JSON -> TimelineJS -> YAML keeps every event ---------------------

_text = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1,
                max_size=40).map(str.strip).filter(bool)
_dates = st.one_of(
    st.builds(HistoricalDate.of, st.integers(-5000, 3000)),
    st.builds(HistoricalDate.of, st.integers(-5000, 3000), st.integers(1, 12)),
    st.builds(HistoricalDate.of, st.integers(-5000, 3000), st.integers(1, 12), st.integers(1, 28)),
    st.sampled_from([parse_date(t) for t in ("the 1930s", "c. 1200", "15th century",
                                             "summer 1939", "5th century BCE")]),
)


@st.composite
def stories(draw):
    events = []
    for i in range(draw(st.integers(0, 8))):
        start = draw(st.one_of(st.none(), _dates))
        end = None
        if start is not None and draw(st.booleans()):
            end = HistoricalDate.of(start.year + draw(st.integers(1, 50)))
        events.append(Event(
            id=f"e{i}", title=draw(_text), start=start, end=end,
            text=draw(st.text(max_size=50)),
            places=tuple(draw(st.lists(st.builds(PlaceRef, _text), max_size=2))),
            group=draw(st.one_of(st.none(), _text)),
            tags=tuple(draw(st.lists(_text, max_size=2))),
            media=draw(st.one_of(st.none(), st.builds(Media, st.just("https://example.org/a.jpg"),
                                                      caption=_text))),
            sources=tuple(draw(st.lists(st.builds(Source, st.just("https://example.org"), _text),
                                        max_size=2))),
        ))
    return Story(title=draw(_text), events=tuple(events))


@settings(max_examples=60, deadline=None)
@given(stories())
def test_round_trip_yaml_json_timelinejs_yaml_keeps_every_event(story):
    step1 = load_text(dump(story, "yaml"), name="s.yaml").story
    step2 = load_text(dump(step1, "json"), name="s.json").story
    step3 = load_text(dump(step2, "timelinejs"), name="s.json").story
    step4 = load_text(dump(step3, "yaml"), name="s.yaml").story
    key = lambda s: sorted(s.events, key=lambda e: e.id)  # noqa: E731
    assert key(step4) == key(story)


def test_schema_is_valid_json_schema():
    import jsonschema
    from timeline.formats.native import schema
    jsonschema.Draft202012Validator.check_schema(schema())
    assert yaml.safe_load(dump(load("demo").story, "yaml"))["title"]


@given(stories(), st.randoms())
def test_event_order_is_total_and_independent_of_input_order(story, rnd):
    from timeline.model import event_sort_key, ordered
    events = list(story.events)
    shuffled = events[:]
    rnd.shuffle(shuffled)
    dated = [e for e in events if e.dated]
    assert ordered(shuffled) == ordered(events)
    keys = [event_sort_key(e) for e in ordered(dated)]
    assert keys == sorted(keys)
    assert len(set(keys)) == len(keys)  # ids are unique, so no two events tie


def test_year_only_event_sorts_before_day_precise_events_of_that_year():
    story = load_text("title: T\nevents:\n  - {title: B, start: 1939-01-01}\n"
                      "  - {title: A, start: 1939}\n  - {title: C, start: 1939-01}\n", name="t.yaml").story
    assert [e.title for e in story.dated_events] == ["A", "C", "B"]

"""Exports for people keep people's dates, and every format keeps what the file said
that chronoatlas has no field for (extra columns and keys)."""
import json

import yaml

from timeline.formats import dump, load_text
from timeline.formats._collect import Collector
from timeline.formats.sheet import story_from_sheet
from timeline.formats.timelinejs import story_from_timelinejs

YAML_STORY = """title: Persian Wars
published: 2021-06-01
eras:
  - {title: Classical Greece, start: 510 BCE, end: 323 BCE}
events:
  - title: Battle of Marathon
    start: 490 BCE
    places: [Marathon]
  - title: Ides of March
    start: 15 March 44 BCE
  - title: Early farming
    start: c. 9000 BCE
  - title: Khalkhin Gol
    start: 1939-05-11
    end: 1939-09-16
  - title: Someday
"""


def test_yaml_export_writes_bce_dates_as_people_do_and_quotes_every_date_alike():
    story = load_text(YAML_STORY, name="wars.yaml").story
    out = dump(story, "yaml")
    assert "start: '490 BCE'" in out and "-0489" not in out
    assert "start: '15 March 44 BCE'" in out and "start: 'c. 9000 BCE'" in out
    assert "start: '510 BCE'" in out and "end: '323 BCE'" in out
    assert "start: '1939-05-11'" in out and "published: '2021-06-01'" in out
    date_lines = [line.strip() for line in out.splitlines()
                  if line.strip().startswith(("start:", "end:", "published:"))]
    assert date_lines and all(line.split(": ", 1)[1].startswith("'") for line in date_lines)
    back = load_text(out, name="back.yaml").story
    assert sorted(back.events, key=lambda e: e.id) == sorted(story.events, key=lambda e: e.id)
    assert back.eras == story.eras and back.published == story.published


def test_json_keeps_iso_dates():
    story = load_text(YAML_STORY, name="wars.yaml").story
    data = json.loads(dump(story, "json"))
    assert {e["title"]: e.get("start") for e in data["events"]}["Battle of Marathon"] == "-0489"


SHEET = ("Year,Headline,Text,Type,Source URL,Editor\r\n"
         "1939,Khalkhin Gol,Battle,,https://example.org/kg,ana\r\n"
         "1941,Barbarossa,,,https://example.org/b,\r\n")


def test_extra_sheet_columns_are_kept_in_yaml_and_json_exports_and_back_to_csv():
    story = load_text(SHEET, name="s.csv", infer_places=False).story
    for fmt in ("yaml", "json"):
        out = dump(story, fmt)
        data = yaml.safe_load(out) if fmt == "yaml" else json.loads(out)
        assert data["events"][0]["x-columns"] == {"Source URL": "https://example.org/kg", "Editor": "ana"}
        back = load_text(out, name=f"b.{fmt}").story
        assert back.events[0].extra["columns"] == story.events[0].extra["columns"]
        sheet = dump(back, "csv")
        assert sheet.splitlines()[0].endswith("Source URL,Editor")
        assert "https://example.org/kg,ana" in sheet


def test_unknown_timelinejs_keys_are_kept_through_yaml():
    tl = {"title": {"text": {"headline": "T", "text": ""}},
          "events": [{"start_date": {"year": 1939}, "text": {"headline": "<b>A</b>", "text": ""},
                      "autolink": False, "level": 2}]}
    story = load_text(json.dumps(tl), name="t.json", infer_places=False).story
    back = load_text(dump(story, "yaml"), name="b.yaml").story
    assert back.events[0].extra["timelinejs"] == {"autolink": False, "level": 2}
    again = json.loads(dump(back, "timelinejs"))
    assert again["events"][0]["level"] == 2 and again["events"][0]["text"]["headline"] == "<b>A</b>"


def test_every_loader_applies_the_shared_identity_rules_itself():
    sheet = story_from_sheet("Year,Headline,Background\n1939,A/B c,#ABC\n1939,A/B c,\n",
                             Collector("s.csv")).story
    assert [e.id for e in sheet.events] == ["a-b-c", "a-b-c-2"]
    assert sheet.events[0].background == {"color": "#aabbcc"}
    tl = story_from_timelinejs({"events": [{"start_date": {"year": 1}, "unique_id": "bad id!",
                                            "text": {"headline": "X"}}]}, Collector("t.json")).story
    assert tl.events[0].id == "bad-id"

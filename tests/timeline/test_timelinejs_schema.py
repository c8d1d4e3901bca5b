"""TimelineJS JSON that we write follows TimelineJS's documented format.

The schema below transcribes https://timeline.knightlab.com/docs/json-format.html: a
timeline has ``events`` (slides with a required ``start_date`` whose ``year`` is
required), an optional ``title`` slide, optional ``eras`` (start and end required) and
``scale`` "human" or "cosmological". Extra members are allowed (TimelineJS ignores them;
ours ride in ``chronoatlas``).
"""
import json

import jsonschema
import pytest

from timeline.formats import dump, load, load_text

NUMBER = {"anyOf": [{"type": "integer"}, {"type": "string", "pattern": r"^-?\d+$"}]}
DATE = {
    "type": "object",
    "required": ["year"],
    "properties": {
        "year": NUMBER, "month": NUMBER, "day": NUMBER, "hour": NUMBER, "minute": NUMBER,
        "second": NUMBER, "millisecond": NUMBER, "display_date": {"type": "string"},
    },
}
TEXT = {"type": "object", "properties": {"headline": {"type": "string"}, "text": {"type": "string"}}}
MEDIA = {
    "type": "object",
    "required": ["url"],
    "properties": {k: {"type": "string"} for k in
                   ("url", "caption", "credit", "thumbnail", "alt", "title", "link", "link_target")},
}
SLIDE = {
    "type": "object",
    "properties": {
        "start_date": DATE, "end_date": DATE, "text": TEXT, "media": MEDIA,
        "group": {"type": "string"}, "display_date": {"type": "string"},
        "background": {"type": "object", "properties": {"url": {"type": "string"},
                                                        "color": {"type": "string"}}},
        "autolink": {"type": "boolean"}, "unique_id": {"type": "string"},
    },
}
TIMELINEJS = {
    "type": "object",
    "required": ["events"],
    "properties": {
        "events": {"type": "array", "items": {**SLIDE, "required": ["start_date"]}},
        "title": SLIDE,
        "eras": {"type": "array", "items": {"type": "object", "required": ["start_date", "end_date"],
                                            "properties": {"start_date": DATE, "end_date": DATE,
                                                           "text": TEXT}}},
        "scale": {"enum": ["human", "cosmological"]},
    },
}


@pytest.mark.parametrize("story_text", [
    None,  # the demo
    "title: Ancient\nevents:\n  - {title: Marathon, start: 490 BCE, places: [Marathon]}\n"
    "  - {title: A decade, start: the 1930s, end: 1945}\n  - {title: Undated}\n",
    "title: Deep\nevents:\n  - {title: Big Bang, start: 13.8 billion years ago}\n"
    "  - {title: Earth forms, start: 4.5 billion years ago}\n",
])
def test_export_follows_the_documented_format(story_text):
    story = load("demo").story if story_text is None else load_text(story_text, name="s.yaml").story
    data = json.loads(dump(story, "timelinejs"))
    jsonschema.validate(data, TIMELINEJS)
    unique = [s["unique_id"] for s in data["events"]]
    assert len(unique) == len(set(unique))

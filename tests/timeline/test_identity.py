"""One set of id, slug and colour rules, whatever format a story came in."""
import json

from timeline.dates import parse_date
from timeline.formats import load_text
from timeline.identity import conform, story_slug, unique_ids, valid_colour
from timeline.model import Era, Event, Story


def test_repeated_titles_get_sequential_suffixes_and_respect_given_ids():
    events = [Event(id="", title="Same") for _ in range(5)] + [Event(id="same-3", title="x")]
    ids = [e.id for e in unique_ids(events)]
    assert ids[:5] == ["same", "same-2", "same-3", "same-4", "same-5"]
    assert len(set(ids)) == 6 and ids[5] == "same-3-2"


def test_eighteen_thousand_rows_with_one_headline():
    ids = [e.id for e in unique_ids(Event(id="", title="Breaking") for _ in range(18_000))]
    assert len(set(ids)) == 18_000 and ids[-1] == "breaking-18000"


def test_ids_slugs_and_colours_are_normalised():
    era = Era("War", parse_date("1939"), parse_date("1945"), colour="#ABC")
    bad = Era("Bad", parse_date("1939"), parse_date("1945"), colour="red;background:url(x)")
    story = conform(Story(title="t", slug="a/b", eras=(era, bad),
                          events=(Event(id="not an id!", title="x",
                                        background={"color": "red;x:y", "url": "u"}),)))
    assert story.slug == "a-b"
    assert [e.colour for e in story.eras] == ["#aabbcc", None]
    assert story.events[0].id == "not-an-id"
    assert story.events[0].background == {"url": "u"}
    assert story_slug("ok-slug") == "ok-slug" and valid_colour(3) is None


def test_every_format_goes_through_the_same_rules():
    tl = {"title": {"text": {"headline": "T"}},
          "events": [{"start_date": {"year": 1939}, "text": {"headline": "Same"}, "unique_id": "a b/c"},
                     {"start_date": {"year": 1940}, "text": {"headline": "Same"}, "unique_id": "a b/c"}]}
    story = load_text(json.dumps(tl), name="t.json").story
    assert [e.id for e in story.events] == ["a-b-c", "a-b-c-2"]
    from timeline.formats.sheet import HEADERS
    sheet = ",".join(HEADERS) + "\n" + "".join(
        ",".join({"Year": y, "Headline": "Same"}.get(h, "") for h in HEADERS) + "\n"
        for y in ("1939", "1940"))
    assert [e.id for e in load_text(sheet, name="s.csv").story.events] == ["same", "same-2"]

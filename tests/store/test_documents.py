"""A save's shortcut (only changed events read again) gives exactly the document a full
read gives, order included, for random edits of dated, undated and slide stories."""
from __future__ import annotations

import json
import random

import pytest

from timeline.errors import StoryFormatError
from web.store.documents import normalise, normalise_against


def story(rng: random.Random, n: int, slides: bool) -> dict:
    events = []
    for i in range(n):
        e = {"id": f"e{i}", "title": rng.choice(["Battle", "Treaty", "Siege"]) + f" {i % 7}"}
        if rng.random() < 0.8:
            e["start"] = rng.choice(["1939", "1939-05", "1939-05-11", "490 BCE", "c. 1200", "2001-09"])
            if rng.random() < 0.2:
                e["end"] = "2002"
        events.append(e)
    doc = {"title": "Random", "events": events}
    if slides:
        doc["settings"] = {"order": "slides"}
    return doc


def edit(rng: random.Random, doc: dict) -> dict:
    doc = json.loads(json.dumps(doc))
    events = doc["events"]
    for _ in range(rng.randint(1, 3)):
        kind = rng.choice(["title", "date", "undate", "add", "add-no-id", "delete", "move"])
        e = events[rng.randrange(len(events))]
        if kind == "title":
            e["title"] = rng.choice(["Battle", "Aftermath", "A"]) + " 3"
        elif kind == "date":
            e["start"] = rng.choice(["1938", "1940-01-02", "300 BCE"])
        elif kind == "undate":
            e.pop("start", None)
            e.pop("end", None)
        elif kind in ("add", "add-no-id"):
            new = {"title": rng.choice(["Battle 1", "New thing"]), "start": "1939"}
            if kind == "add":
                new["id"] = f"n{rng.randrange(10**6)}"
            events.insert(rng.randrange(len(events) + 1), new)
        elif kind == "delete" and len(events) > 3:
            events.remove(e)
        elif kind == "move":
            events.insert(rng.randrange(len(events)), events.pop(events.index(e)))
    return doc


@pytest.mark.parametrize("slides", [False, True])
def test_shortcut_equals_a_full_read(slides):
    rng = random.Random(12 + slides)
    for _ in range(60):
        previous = normalise(story(rng, rng.randint(8, 40), slides))[0]
        for _ in range(4):
            document = edit(rng, previous)
            full = normalise(document)[0]
            fast = normalise_against(document, previous)
            assert fast == full
            assert [e["id"] for e in fast["events"]] == [e["id"] for e in full["events"]]
            previous = full


def test_problems_of_changed_events_are_located_like_a_full_read():
    previous = normalise({"title": "T", "events": [{"id": f"e{i}", "title": f"E {i}", "start": "1900"}
                                                    for i in range(30)]})[0]
    document = json.loads(json.dumps(previous))
    document["events"][21]["start"] = "the 33rd of Never"
    document["events"][4]["places"] = [{"name": "X", "lat": 200, "lon": 0}]
    with pytest.raises(StoryFormatError) as full:
        normalise(document)
    with pytest.raises(StoryFormatError) as fast:
        normalise_against(document, previous)
    assert sorted(p.field for p in fast.value.problems) == sorted(p.field for p in full.value.problems)

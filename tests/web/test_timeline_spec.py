"""The timeline's compiled Vega: what the browser is given to parse and run."""
from timeline.formats import load
from web.samples import generated_story
from web.stories import PreparedStory


def _datasets(prepared):
    return {d["name"] for d in prepared.vega_spec["data"] if "source" not in d}


def _mark_sources(prepared):
    sources = {d["name"]: d.get("source", d["name"]) for d in prepared.vega_spec["data"]}
    return [sources[m["from"]["data"]] for g in prepared.vega_spec["marks"] for m in g.get("marks", [])
            if m.get("from", {}).get("data") in sources]


def test_layers_without_rows_are_left_out():
    prepared = PreparedStory(generated_story(50, slug="g"), "g")
    rows = prepared.page["events"]
    assert not prepared.page["eras"] and not any("f" in r for r in rows)
    assert not {"eras", "flagged"} & _datasets(prepared)
    assert {"events", "cur", "hist"} <= _datasets(prepared)
    assert ("ranges" in _datasets(prepared)) == any("e" in r for r in rows)


def test_the_demo_keeps_its_eras_and_points():
    prepared = PreparedStory(load("demo").story, "demo")
    marks = _mark_sources(prepared)
    assert "eras" in marks and "events" in marks and "cur" in marks


def test_no_aria_descriptions_and_picking_on_event_marks():
    prepared = PreparedStory(generated_story(50, slug="g"), "g")
    spec = prepared.vega_spec
    text = str(spec)
    assert "description" not in text  # per-item ARIA text: canvas has no use for it
    sources = {d["name"]: d.get("source", d["name"]) for d in spec["data"]}
    for group in spec["marks"]:
        for mark in group.get("marks", []):
            source = sources.get(mark.get("from", {}).get("data"))
            if source in ("events", "ranges"):
                assert mark["interactive"] is True, mark["name"]
    assert not [s for s in spec["signals"] if s["name"].startswith("pick")]

"""KML export: parses, plays in time (TimeStamp/TimeSpan), BCE as XML Schema 1.0, text inert."""
from __future__ import annotations

import html
import xml.etree.ElementTree as ET

from click.testing import CliRunner

from timeline.dates import parse_date
from timeline.exports import story_to_kml
from timeline.exports.kml import KML_NS, xsd10_year
from web.cli import main

NS = {"k": KML_NS}


def placemarks(text: str) -> list[dict]:
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == f"{{{KML_NS}}}kml"
    out = []
    for pm in root.iter(f"{{{KML_NS}}}Placemark"):
        data = {d.get("name"): d.findtext("k:value", namespaces=NS)
                for d in pm.findall("k:ExtendedData/k:Data", NS)}
        coords = pm.findtext("k:Point/k:coordinates", namespaces=NS)
        out.append({
            "name": pm.findtext("k:name", namespaces=NS),
            "description": pm.findtext("k:description", namespaces=NS),
            "when": pm.findtext("k:TimeStamp/k:when", namespaces=NS),
            "begin": pm.findtext("k:TimeSpan/k:begin", namespaces=NS),
            "end": pm.findtext("k:TimeSpan/k:end", namespaces=NS),
            "coords": tuple(map(float, coords.split(","))) if coords else None,
            **{f"x_{k}": v for k, v in data.items()},
        })
    return out


def test_xsd10_years():
    assert xsd10_year(1939) == "1939"
    assert xsd10_year(1) == "0001"
    assert xsd10_year(0) == "-0001"  # 1 BCE: XML Schema 1.0 has no year 0000
    assert xsd10_year(-489) == "-0490"  # 490 BCE


def test_times_and_coordinates(pinned):
    pms = {p["x_id"]: p for p in placemarks(story_to_kml(pinned))}
    assert pms["marathon"]["when"] == "-0490"
    assert pms["marathon"]["x_start"] == "-0489" and pms["marathon"]["x_date"] == "490 BCE"
    assert (pms["thermopylae"]["begin"], pms["thermopylae"]["end"]) == ("-0480", "-0479")
    assert (pms["khalkhin"]["begin"], pms["khalkhin"]["end"]) == ("1939-05-11", "1939-09-16")
    assert pms["khalkhin"]["coords"] == (118.6, 47.7)  # KML is lon,lat too
    assert (pms["thirties"]["begin"], pms["thirties"]["end"]) == ("1930", "1939")
    assert pms["circa"]["when"] == "1200" and pms["circa"]["x_approximate"] == "true"
    assert pms["undated"]["when"] is None and pms["undated"]["begin"] is None
    assert pms["nowhere"]["coords"] is None  # kept, without geometry


def test_round_trip_keeps_every_event(pinned):
    pms = placemarks(story_to_kml(pinned))
    events = {}
    for p in pms:
        events.setdefault(p["x_id"], (p["name"], p.get("x_start"), p.get("x_end")))
    assert set(events) == {e.id for e in pinned.events}
    for e in pinned.events:
        title, start, end = events[e.id]
        assert html.unescape(title) == e.title
        assert (parse_date(start) if start else None) == e.start
        assert (parse_date(end) if end else None) == e.end


def test_hostile_text_is_escaped(hostile, hostile_text):
    HOSTILE = hostile_text
    text = story_to_kml(hostile)
    root = ET.fromstring(text.encode("utf-8"))  # well-formed despite the markup
    pms = placemarks(text)
    # Google Earth shows name and value as HTML: markup arrives escaped, and comes back
    # exactly through html.unescape
    assert html.unescape(pms[0]["name"]) == "Title " + HOSTILE
    assert "<" not in pms[0]["name"] and "<" not in pms[0]["x_id"] + pms[0].get("x_group", "")
    assert html.unescape(root.findtext("k:Document/k:name", namespaces=NS)) == "Story " + HOSTILE
    assert all("<" not in (v.text or "") for v in root.iter(f"{{{NS['k']}}}value"))
    assert html.unescape(pms[0]["x_group"]) == "G " + HOSTILE

    # descriptions are HTML for Google Earth: the story's markup must arrive as text
    for p in pms:
        assert "<script" not in p["description"]
        assert "javascript:" not in p["description"].split("Source:")[-1].split(">")[0]
    assert "&lt;script&gt;" in pms[0]["description"]
    # unlocated places are still there, flagged
    statuses = {p["x_place"]: p["x_status"] for p in pms if p.get("x_place")}
    assert statuses["Atlantis"] == "unresolved" and statuses["Springfield"] == "ambiguous"


def test_cli_kml_to_file(tmp_path, pinned, monkeypatch):
    import timeline.cli as cli

    monkeypatch.setattr(cli, "load_or_exit", lambda *a, **k: type("R", (), {"story": pinned})())
    out = tmp_path / "p.kml"
    result = CliRunner().invoke(main, ["export", "pinned", "--to", "kml", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert len(placemarks(out.read_text(encoding="utf-8"))) == 7


def test_characters_xml_cannot_hold_are_dropped(pinned):
    from dataclasses import replace
    first = replace(pinned.events[0], title="bell\x07 nul\x00 ok", text="esc\x1b[31m")
    text = story_to_kml(pinned.with_events((first,) + pinned.events[1:]))
    ET.fromstring(text.encode("utf-8"))  # well-formed
    assert "bell nul ok" in text

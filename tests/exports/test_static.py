"""Static timeline and map images: offline specs, BCE-aware axes, real images, inert text."""
from __future__ import annotations

import struct
import xml.etree.ElementTree as ET

import pytest
from click.testing import CliRunner

from timeline.exports import place_table
from timeline.exports.output import write_bytes
from web.exports import static_export as se, static_map
from web.cli import main

SVG = "{http://www.w3.org/2000/svg}"


def urls_in(obj) -> list:
    """Every value under a "url" key: an offline spec has none."""
    found = []
    if isinstance(obj, dict):
        for k, v in obj.items():
            if k == "url":
                found.append(v)
            found += urls_in(v)
    elif isinstance(obj, list):
        for v in obj:
            found += urls_in(v)
    return found


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def test_year_ticks_are_era_years():
    ticks = se.year_ticks(-520.0, -380.0, target=4)
    assert ("500 BCE", -499.0) in [(t[1], t[0]) for t in ticks]
    assert all(label.endswith("BCE") for _, label in ticks)
    assert not any(label.startswith("-") for _, label in ticks)
    across = [t[1] for t in se.year_ticks(-250.0, 260.0, target=6)]
    assert "200 BCE" in across and "200" in across and "0" not in across
    months = [t[1] for t in se.year_ticks(1939.3, 1939.75)]
    assert "May 1939" in months and "Sep 1939" in months
    deep = [t[1] for t in se.year_ticks(-70e6, -60e6, target=5)]
    assert any("million years ago" in t for t in deep)


def test_timeline_spec_is_offline_and_labels_bce(pinned):
    spec = se.timeline_spec(pinned)
    assert urls_in(spec) == []
    axis = next(l["encoding"]["x"]["axis"] for l in spec["layer"]
                if "axis" in l.get("encoding", {}).get("x", {}))
    assert "500 BCE" in axis["labelExpr"]
    assert "-489" not in axis["labelExpr"] and "'-" not in axis["labelExpr"]
    svg = se.timeline_svg(pinned)
    texts = [t.text for t in ET.fromstring(svg).iter(f"{SVG}text")]
    assert "Battle of Marathon" in texts
    assert any(t and t.endswith("BCE") for t in texts)
    assert "1 undated not shown" in " ".join(t or "" for t in texts)


def test_timeline_png_is_a_real_image(pinned):
    data = se.timeline_png(pinned)
    w, h = png_size(data)
    assert w >= 1000 and h >= 300 and len(data) > 20_000


def test_map_spec_inlines_the_basemap(pinned):
    spec = se.map_spec(pinned)
    assert urls_in(spec) == []
    assert spec["projection"]["type"] == "equalEarth"
    basemap = spec["layer"][2]["data"]
    assert basemap["format"] == {"type": "topojson", "feature": "countries"}
    assert "countries" in basemap["values"]["objects"]
    svg = se.map_svg(pinned)
    texts = {t.text for t in ET.fromstring(svg).iter(f"{SVG}text")}
    assert {"Marathon", "Khalkhin Gol", "Ulaanbaatar", "Rome"} <= texts


def test_hostile_text_stays_text(hostile, hostile_text):
    for svg in (se.timeline_svg(hostile), se.map_svg(hostile)):
        root = ET.fromstring(svg)  # well-formed
        assert not [el for el in root.iter() if el.tag.endswith("script")]
        assert "<script" not in svg
        texts = " ".join(t.text or "" for t in root.iter(f"{SVG}text"))
        assert "</text><script>" in texts or "</text><script>" in texts.replace("…", "")


def test_map_lists_unlocated_in_subtitle(hostile):
    spec = se.map_spec(hostile)
    assert "2 not located" in spec["title"]["subtitle"]


def test_map_fit_keeps_places_at_the_equator_edges_inside():
    """Equal Earth bows outwards at the equator: the fitted box must include the edges
    there, not only its corners, or places at its far east and west fall off the map."""
    points = [(-179.0, 0.0), (179.0, 1.0), (10.0, 75.0), (20.0, -60.0)]
    box = [static_map._equal_earth(lon, lat) for lon, lat in static_map._fit_box(points)]
    placed = [static_map._equal_earth(lon, lat) for lon, lat in points]
    assert min(x for x, _ in box) <= min(x for x, _ in placed)
    assert max(x for x, _ in box) >= max(x for x, _ in placed)


def _labels(spec) -> list[str]:
    return [row["t"] for layer in spec["layer"] if layer["mark"].get("type") == "text"
            and layer["mark"].get("strokeWidth") == 0 for row in layer["data"]["values"]]


def test_crowded_place_names_are_left_off_and_counted():
    from web.samples import generated_story

    spec = se.map_spec(generated_story(300, slug="g"))
    names = _labels(spec)
    unnamed = int(spec["title"]["subtitle"].split(", ")[1].split()[0])
    assert unnamed > 0 and len(names) + unnamed == 300  # each place: named, or counted
    assert len(set(names)) == len(names)


def test_an_uncrowded_map_names_every_place(pinned):
    spec = se.map_spec(pinned)
    assert "unnamed" not in spec["title"]["subtitle"]
    assert len(_labels(spec)) == int(spec["title"]["subtitle"].split()[0])


def test_cli_png_to_stdout_and_file(pinned, monkeypatch, tmp_path):
    import timeline.cli as cli

    monkeypatch.setattr(cli, "load_or_exit", lambda *a, **k: type("R", (), {"story": pinned})())
    result = CliRunner().invoke(main, ["export", "pinned", "--to", "png"])
    assert result.exit_code == 0, result.output
    png_size(result.stdout_bytes)
    out = tmp_path / "map.svg"
    result = CliRunner().invoke(main, ["export", "pinned", "--to", "map-svg", "-o", str(out)])
    assert result.exit_code == 0, result.output
    ET.fromstring(out.read_text(encoding="utf-8"))


def test_binary_refuses_a_terminal(monkeypatch):
    import click

    class Tty:
        def isatty(self):
            return True

    monkeypatch.setattr("sys.stdout", Tty())
    with pytest.raises(click.UsageError, match="-o FILE"):
        write_bytes(b"\x89PNG", None, what="PNG")


def test_demo_png_done_when(real_gazetteer, tmp_path):
    out = tmp_path / "demo.png"
    result = CliRunner().invoke(main, ["export", "demo", "--to", "png", "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    w, h = png_size(data)
    assert len(data) > 20_000 and w > 1000 and h > 300
    result = CliRunner().invoke(main, ["export", "demo", "--to", "map-png", "-o", str(tmp_path / "m.png")])
    assert result.exit_code == 0, result.output
    png_size((tmp_path / "m.png").read_bytes())
    table = place_table(__import__("timeline.formats", fromlist=["x"]).load_story("demo"))
    assert not [u for u in table.unlocated if u.place is not None], "demo places unresolved"

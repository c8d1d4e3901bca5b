"""The on-disk index: detection of missing, corrupt, stale indexes; info; build command."""
from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from gazetteer import index
from gazetteer.errors import IndexCorruptError


@pytest.fixture
def fake_build(gaz, monkeypatch):
    """Building for real takes ~40 s; copy the session's index instead and record calls."""
    calls = []

    def build(path, *, progress=None):
        calls.append(path)
        shutil.copyfile(gaz.path, path)
        return path

    monkeypatch.setattr(index, "build", build)
    return calls


def test_missing_index_is_built_with_a_message(tmp_path, fake_build):
    messages = []
    path = tmp_path / "idx.sqlite"
    assert index.ensure_index(path, notify=messages.append) == path
    assert fake_build == [path]
    assert "no index yet" in messages[0]


@pytest.mark.parametrize("content", [b"", b"not a database at all" * 100, b"SQLite format 3\x00" + b"\x00" * 50])
def test_corrupt_index_is_detected_and_rebuilt(tmp_path, fake_build, content):
    path = tmp_path / "idx.sqlite"
    path.write_bytes(content)
    with pytest.raises(IndexCorruptError) as info:
        index.read_meta(path)
    assert isinstance(info.value, RuntimeError)
    messages = []
    index.ensure_index(path, notify=messages.append)
    assert fake_build == [path]
    assert "rebuilding" in messages[0] or "unreadable" in messages[0]
    assert index.read_meta(path)["complete"] == "1"


def test_changed_source_triggers_rebuild(tmp_path, fake_build, monkeypatch):
    path = tmp_path / "idx.sqlite"
    index.ensure_index(path, notify=lambda m: None)
    assert index.ensure_index(path, notify=lambda m: None) == path and len(fake_build) == 1
    monkeypatch.setattr(index, "current_fingerprint", lambda: "something-else")
    messages = []
    index.ensure_index(path, notify=messages.append)
    assert len(fake_build) == 2 and "a source changed" in messages[0]


def test_up_to_date_index_is_not_rebuilt(gaz, fake_build):
    assert index.ensure_index(gaz.path, notify=lambda m: None) == gaz.path
    assert fake_build == []


def test_info_command_lists_sources_counts_and_licences(gaz):
    from gazetteer.cli import gazetteer_group

    result = CliRunner().invoke(gazetteer_group, ["info", "--json"], catch_exceptions=False)
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["places"] > 200_000 and data["size_bytes"] > 1_000_000
    licences = " ".join(s["licence"] for s in data["sources"])
    assert "CC BY 4.0" in licences and "public domain" in licences
    assert data["by_source"]["curated"] >= 500
    text = CliRunner().invoke(gazetteer_group, ["info"]).stdout
    assert "GeoNames" in text and "Natural Earth" in text


def test_build_command_reports_the_index(gaz):
    from gazetteer.cli import gazetteer_group

    result = CliRunner().invoke(gazetteer_group, ["build"], catch_exceptions=False)
    assert result.exit_code == 0
    assert "places" in result.stdout and str(gaz.path) in result.stdout


def test_geocode_table_output(gaz):
    from gazetteer.cli import geocode

    result = CliRunner().invoke(geocode, ["Moscow", "Qwertzuiopland Vrxx", "Congo"],
                                catch_exceptions=False)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split()[:3] == ["query", "status", "name"]
    assert "resolved" in lines[2] and "RU" in lines[2]
    assert "unresolved" in lines[3]
    assert "ambiguous" in lines[4]


def test_curated_data_is_well_formed():
    """Every curated row parses, has a source, and sane coordinates."""
    import csv
    from importlib import resources

    text = resources.files("gazetteer").joinpath("data/curated/places.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(text.splitlines()))
    assert len(rows) >= 500
    assert len({r["id"] for r in rows}) == len(rows)
    for r in rows:
        assert r["source"].strip(), r["id"]
        assert -90 <= float(r["lat"]) <= 90 and -180 <= float(r["lon"]) <= 180, r["id"]
        assert r["kind"].strip(), r["id"]

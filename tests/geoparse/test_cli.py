"""``chronoatlas geoparse``: single documents, JSON lines, and bad input."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

TEXT = "Aid left Nairobi for Juba, South Sudan, on Monday; Kenyan officials said so."


@pytest.fixture(scope="module")
def run(gaz):
    from web.cli import main

    def invoke(*args, input=None):
        return CliRunner().invoke(main, ["geoparse", *args], input=input, catch_exceptions=False)

    return invoke


def test_json_from_stdin(run):
    result = run("-", "--json", input=TEXT)
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert [p["text"] for p in out["places"]] == ["Nairobi", "Juba", "South Sudan", "Kenyan"]
    assert out["places"][-1]["kind"] == "demonym"
    assert [m["text"] for m in out["mentions"]] == ["Kenyan"]
    first = out["places"][0]
    assert set(first) >= {"start", "end", "text", "name", "lat", "lon", "country", "kind",
                          "geonameid", "score"}
    assert TEXT[first["start"]:first["end"]] == "Nairobi" and first["country"] == "KE"


def test_table_from_file(run, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    result = run(str(path))
    assert result.exit_code == 0
    assert "Nairobi" in result.stdout and "demonym" in result.stdout


def test_jsonl_matches_single_documents(run):
    docs = [{"id": "x1", "text": TEXT, "published": "2024-08-30"},
            {"id": 2, "text": "", "published": None},
            {"id": "x3", "text": "Floods in Dhaka, Bangladesh.", "published": "2010"}]
    result = run("--jsonl", input="\n".join(json.dumps(d) for d in docs) + "\n")
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["id"] for line in lines] == ["x1", 2, "x3"]
    assert lines[1]["places"] == [] and lines[1]["mentions"] == []
    for doc, line in zip(docs, lines):
        single = json.loads(run("-", "--json", "--published", doc["published"] or "",
                                input=doc["text"]).stdout)
        assert line["places"] == single["places"]
        assert line["mentions"] == single["mentions"]


def test_jsonl_bad_lines_are_reported_in_place(run):
    result = run("--jsonl", input='not json\n[1, 2]\n{"id": 7, "text": 5}\n{"id": 8, "text": "Lima"}\n')
    assert result.exit_code == 0
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 4
    assert all("error" in line for line in lines[:3])
    assert lines[3]["id"] == 8 and "error" not in lines[3]


def test_binary_junk_is_refused_with_a_message(run, tmp_path):
    path = tmp_path / "junk.bin"
    path.write_bytes(bytes(range(256)) * 40)
    result = run(str(path), "--json")
    assert result.exit_code == 1
    assert "binary" in result.output


def test_html_is_stripped_and_said(run):
    html = "<html><body><p>Talks in <b>Nairobi</b>, Kenya.</p><p>More</p></body></html>"
    result = CliRunner().invoke(__import__("web.cli", fromlist=["main"]).main,
                                ["geoparse", "-", "--json"], input=html)
    assert result.exit_code == 0
    out = json.loads(result.stdout)
    assert [p["text"] for p in out["places"]] == ["Nairobi", "Kenya"]
    assert "HTML tags were stripped" in result.stderr


def test_missing_file_and_no_file(run):
    assert run("/nonexistent/file.txt").exit_code == 2
    assert run().exit_code == 2


def test_empty_input(run):
    result = run("-", "--json", input="")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {"places": [], "mentions": []}

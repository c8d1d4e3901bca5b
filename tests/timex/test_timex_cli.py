"""``chronoatlas timex``: one document as a table or JSON, or a JSON lines stream."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from timeline.timex import tag
from timeline.timex.cli import timex

DOCS = [
    {"id": "a", "text": "Putin will visit Mongolia next week, on September 3.", "published": "2024-08-30"},
    {"id": "b", "text": "Germany invaded Poland on 1 September 1939. Two days later Britain declared war.",
     "published": "2009-12-19"},
    {"id": 3, "text": "", "published": None},
    {"id": "d", "text": "No dates here at all.", "published": "2024-01-01"},
]


@pytest.fixture
def runner():
    return CliRunner()


def test_table(runner, tmp_path):
    path = tmp_path / "doc.txt"
    path.write_text("She will arrive next week and left last year.", encoding="utf-8")
    result = runner.invoke(timex, [str(path), "--published", "2024-08-30"])
    assert result.exit_code == 0, result.output
    assert "2024-W36" in result.output and "2023" in result.output
    assert "next week" in result.output


def test_json_from_stdin(runner):
    result = runner.invoke(timex, ["-", "--published", "2024-08-30", "--json"],
                           input="It rained yesterday.")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data[0]["value"] == "2024-08-29"
    assert data[0]["date"] == "2024-08-29"


def test_bad_published_is_a_usage_error(runner):
    result = runner.invoke(timex, ["-", "--published", "2024-02-30"], input="today")
    assert result.exit_code == 2
    assert "published" in result.output


def test_jsonl_matches_single_document_mode(runner):
    stdin = "".join(json.dumps(d) + "\n" for d in DOCS)
    result = runner.invoke(timex, ["--jsonl"], input=stdin)
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert [line["id"] for line in lines] == [d["id"] for d in DOCS]
    for doc, line in zip(DOCS, lines):
        expected = [t.to_dict() for t in tag(doc["text"], published=doc["published"])]
        assert line["timexes"] == expected
        single = runner.invoke(timex, ["-", "--json"] + (["--published", doc["published"]] if doc["published"] else []),
                               input=doc["text"])
        core = [{k: t[k] for k in ("start", "end", "text", "type", "value")} for t in json.loads(single.output)]
        assert core == line["timexes"]


def test_jsonl_bad_lines_get_an_error_object_and_the_rest_go_on(runner):
    stdin = "\n".join([
        json.dumps(DOCS[0]),
        "{not json",
        json.dumps({"id": "x", "text": 42}),
        json.dumps({"id": "y", "text": "today", "published": "2024-02-30"}),
        json.dumps(["a list"]),
        json.dumps(DOCS[1]),
    ]) + "\n"
    result = runner.invoke(timex, ["--jsonl"], input=stdin)
    assert result.exit_code == 1
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(out) == 6
    assert out[0]["timexes"] and out[5]["timexes"]
    assert [o.get("line") for o in out[1:5]] == [2, 3, 4, 5]
    assert out[2]["id"] == "x" and "text" in out[2]["error"]
    assert out[3]["id"] == "y" and "published" in out[3]["error"]
    assert "line 2" in result.stderr and "line 4" in result.stderr


def test_jsonl_refuses_a_file(runner, tmp_path):
    path = tmp_path / "doc.txt"
    path.write_text("today", encoding="utf-8")
    result = runner.invoke(timex, ["--jsonl", str(path)])
    assert result.exit_code == 2


def test_lazy_cli_maps_the_command():
    from web.cli import COMMANDS
    module, attr = COMMANDS["timex"].split(":")
    assert module == "timeline.timex.cli" and attr == "timex"


def test_periods_can_be_left_out(runner):
    result = runner.invoke(timex, ["-", "--json", "--no-periods"], input="after World War II, in 1946")
    assert [t["text"] for t in json.loads(result.output)] == ["1946"]
    result = runner.invoke(timex, ["--jsonl"], input=json.dumps({"id": 1, "text": "World War II"}) + "\n")
    assert json.loads(result.output)["timexes"][0]["value"] == "1939/1945"

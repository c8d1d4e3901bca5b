"""In --jsonl batches one deeply nested (or broken) line is that line's error only."""
import io
import json

DEEP = "[" * 100_000 + "]" * 100_000


def test_timex_batch_survives_a_deeply_nested_line():
    from timeline.timex.cli import _jsonl

    lines = "\n".join([DEEP, json.dumps({"id": 2, "text": "On 11 May 1939 it began.",
                                         "published": "2024-08-30"}), "{" * 5000])
    out, err = io.StringIO(), io.StringIO()
    failures = _jsonl(io.StringIO(lines + "\n"), out, err, "auto")
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert failures == 2 and len(rows) == 3
    assert rows[0]["error"].startswith("line 1: not valid JSON") and rows[0]["line"] == 1
    assert rows[1]["id"] == 2 and rows[1]["timexes"][0]["value"] == "1939-05-11"
    assert rows[2]["line"] == 3


def test_geoparse_batch_survives_a_deeply_nested_line():
    from gazetteer.geoparse_cli import _jsonl_record

    row = _jsonl_record(DEEP.encode(), 4, gaz=None)
    assert row["error"].startswith("line 4: not a JSON object") and row["places"] == []

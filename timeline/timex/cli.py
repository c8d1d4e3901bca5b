"""``chronoatlas timex``: temporal expressions of one document, or of a JSON lines stream."""
from __future__ import annotations

import json
import sys

import click

from ..dates import DateError
from .tagger import as_dct, tag


def _published(value):
    try:
        return as_dct(value)
    except (DateError, TypeError) as exc:
        raise ValueError(f"published must be a date such as 2024-08-30, got {value!r} ({exc})") from None


def _table(timexes) -> str:
    if not timexes:
        return "no temporal expressions found"
    rows = [("span", "type", "value", "anchor", "text")]
    for t in timexes:
        text = " ".join(t.text.split())
        notes = []
        if t.end_date is not None:
            notes.append(f"to {t.end_date.isoformat()}")
        if t.implies is not None:
            notes.append(f"implies {t.implies.value} for {' '.join(t.implies.text.split())!r}")
        if notes:
            text += "  (" + "; ".join(notes) + ")"
        rows.append((f"{t.start}-{t.end}", t.type, t.value, t.anchor, text))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    return "\n".join(
        "  ".join(cell.ljust(widths[i]) for i, cell in enumerate(r[:4])) + "  " + r[4]
        for r in rows
    )


def _jsonl(stdin, stdout, stderr, mode: str, periods: bool = True) -> int:
    """One output line per input line, in order; a bad line gets an error object."""
    failures = 0
    for number, line in enumerate(stdin, start=1):
        if not line.strip():
            continue
        doc_id = None
        try:
            try:
                doc = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"not valid JSON ({exc.msg} at column {exc.colno})") from None
            except RecursionError:  # one deeply nested line is that line's error only
                raise ValueError("not valid JSON (nested too deeply)") from None
            if not isinstance(doc, dict):
                raise ValueError(f"expected a JSON object with id, text, published; got {type(doc).__name__}")
            doc_id = doc.get("id")
            text = doc.get("text")
            if not isinstance(text, str):
                raise ValueError(f"'text' must be a string, got {type(text).__name__}")
            published = _published(doc.get("published"))
            timexes = tag(text, published=published, mode=mode, periods=periods)
            out = {"id": doc_id, "timexes": [t.to_dict() for t in timexes]}
        except ValueError as exc:
            failures += 1
            message = f"line {number}: {exc}"
            stderr.write(f"chronoatlas timex: {message}\n")
            out = {"id": doc_id, "error": message, "line": number}
        stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
    stdout.flush()
    return failures


@click.command("timex", context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("file", required=False, type=click.File("r", encoding="utf-8"))
@click.option("--published", "published", metavar="YYYY-MM-DD",
              help="Document date that 'next week' and 'last year' count from.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.option("--jsonl", is_flag=True,
              help='Batch mode: read {"id", "text", "published"} lines on stdin, write '
                   '{"id", "timexes"} lines on stdout, one per input, in order.')
@click.option("--mode", type=click.Choice(["auto", "news", "narrative"]), default="auto",
              show_default=True,
              help="Where dates without a year take it from: the document date (news) or "
                   "the last date the text set (narrative).")
@click.option("--periods/--no-periods", default=True, show_default=True,
              help='Tag named periods ("World War II" -> 1939/1945); TimeML leaves them out.')
def timex(file, published, as_json, jsonl, mode, periods):
    """Find temporal expressions in FILE ("-" for stdin) and normalise them to TIMEX3.

    Exit status 1 when a --jsonl line could not be processed (the others still are).
    """
    if jsonl:
        if file is not None:
            raise click.UsageError("--jsonl reads standard input; give no FILE")
        failures = _jsonl(sys.stdin, sys.stdout, sys.stderr, mode, periods)
        sys.exit(1 if failures else 0)
    if file is None:
        raise click.UsageError("give a FILE ('-' for standard input) or --jsonl")
    try:
        dct = _published(published)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--published") from None
    text = file.read()
    timexes = tag(text, published=dct, mode=mode, periods=periods)
    if as_json:
        click.echo(json.dumps([t.to_full_dict() for t in timexes], ensure_ascii=False, indent=2))
    else:
        click.echo(_table(timexes))

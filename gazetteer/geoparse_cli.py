"""``chronoatlas geoparse``: place mentions in text, with offsets and resolved places.

A thin layer over :func:`gazetteer.spotting.spot`; input checks (binary junk, HTML, size)
live here so the spotter itself stays a pure function of text.
"""
from __future__ import annotations

import json
import re
import sys
from typing import Any

import click

from .text import TextInputError, prepare_text  # noqa: F401  (prepare_text is this CLI's API)

MAX_INPUT_BYTES = 20_000_000


# The input checks are shared with article extraction (gazetteer/text.py).
GeoparseInputError = TextInputError


def _year(published: Any) -> int | None:
    if isinstance(published, int) and not isinstance(published, bool):
        return published
    if isinstance(published, str):
        m = re.match(r"\s*(-?\d{1,4})(?:-\d{1,2}(?:-\d{1,2})?)?\b", published)
        if m:
            return int(m.group(1))
    return None


def geoparse_document(text: str, *, published: Any = None, gazetteer=None) -> dict[str, Any]:
    """``{"places": [...], "mentions": [...]}`` for one text.

    ``places`` holds every spotted toponym in text order, each with its best candidate's
    coordinates, a confidence and the alternatives (``status`` ``ambiguous`` flags the
    unsure ones); demonyms ("Russian") are places of kind ``demonym`` at their country,
    as news corpora annotate them. ``mentions`` repeats the demonyms alone (older
    readers took them from there).
    """
    from .spotting import spot

    mentions = spot(text, gazetteer=gazetteer, published_year=_year(published))
    return {"places": [m.to_dict() for m in mentions],
            "mentions": [m.to_dict() for m in mentions if m.kind == "adjective"]}


def _table(result: dict[str, Any]) -> str:
    rows = [("demonym" if d["kind"] == "demonym" else "place", d) for d in result["places"]]
    if not rows:
        return "no place mentions found"
    headers = ["span", "text", "mention", "status", "conf", "name", "country", "kind", "lat", "lon"]
    lines = []
    for mention, d in rows:
        lines.append([f"{d['start']}-{d['end']}", d["text"].replace("\n", " "), mention, d["status"],
                      f"{d['confidence']:.2f}", d["name"] or "-", d["country"] or "-",
                      d["place_kind"] or "-",
                      f"{d['lat']:.4f}" if d["lat"] is not None else "-",
                      f"{d['lon']:.4f}" if d["lon"] is not None else "-"])
    widths = [max(len(str(x)) for x in col) for col in zip(headers, *lines)]
    fmt = "  ".join(f"{{:<{w}}}" for w in widths)
    return "\n".join([fmt.format(*headers), fmt.format(*("-" * w for w in widths))]
                     + [fmt.format(*map(str, line)).rstrip() for line in lines])


def _read_input(file: str) -> bytes:
    if file == "-":
        data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
    else:
        try:
            with open(file, "rb") as fh:
                data = fh.read(MAX_INPUT_BYTES + 1)
        except OSError as exc:
            raise click.UsageError(f"cannot read {file}: {exc.strerror or exc}") from exc
    if len(data) > MAX_INPUT_BYTES:
        raise click.UsageError(f"{file}: more than {MAX_INPUT_BYTES:,} bytes; split the text")
    return data


@click.command("geoparse", context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("file", required=False, default=None)
@click.option("--json", "as_json", is_flag=True,
              help='One JSON object: {"places": [...], "mentions": [...]}.')
@click.option("--jsonl", "as_jsonl", is_flag=True,
              help='JSON lines {"id", "text", "published"} in (FILE or stdin), one result per line out.')
@click.option("--published", default=None, metavar="YYYY[-MM-DD]",
              help="When the text was published (checks historical names).")
def geoparse(file, as_json, as_jsonl, published):
    """Find place mentions in FILE (or - for stdin) and resolve them offline.

    Places are resolved together, with the whole text as context. Every place gets its
    best candidate, a confidence and the alternatives; unsure ones are flagged
    "ambiguous". Demonyms such as "Russian" are places of kind "demonym" (their country).
    """
    from . import default_gazetteer

    if as_jsonl:
        _jsonl(file or "-", default_gazetteer())
        return
    if file is None:
        raise click.UsageError("give a FILE to geoparse (or - for stdin)")
    try:
        text, notes = prepare_text(_read_input(file))
    except GeoparseInputError as exc:
        raise click.ClickException(f"{file}: {exc}") from exc
    for note in notes:
        click.echo(f"note: {note}", err=True)
    if not text.strip():
        click.echo(f"note: {file} holds no text", err=True)
    result = geoparse_document(text, published=published, gazetteer=default_gazetteer())
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False))
    else:
        click.echo(_table(result))


def _jsonl(file: str, gaz) -> None:
    stream = sys.stdin.buffer if file == "-" else None
    if stream is None:
        try:
            stream = open(file, "rb")  # noqa: SIM115 - closed below
        except OSError as exc:
            raise click.UsageError(f"cannot read {file}: {exc.strerror or exc}") from exc
    try:
        for number, raw in enumerate(stream, 1):
            if not raw.strip():
                continue
            click.echo(json.dumps(_jsonl_record(raw, number, gaz), ensure_ascii=False))
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()


def _jsonl_record(raw: bytes, number: int, gaz) -> dict[str, Any]:
    try:
        item = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:  # that line's error only
        return {"id": None, "places": [], "mentions": [],
                "error": f"line {number}: not a JSON object ({exc.__class__.__name__})"}
    if not isinstance(item, dict):
        return {"id": None, "places": [], "mentions": [],
                "error": f"line {number}: expected an object with id and text"}
    out: dict[str, Any] = {"id": item.get("id")}
    text = item.get("text")
    if not isinstance(text, str):
        return {**out, "places": [], "mentions": [],
                "error": f"line {number}: 'text' must be a string"}
    try:
        text, notes = prepare_text(text)
    except GeoparseInputError as exc:
        return {**out, "places": [], "mentions": [], "error": f"line {number}: {exc}"}
    out.update(geoparse_document(text, published=item.get("published"), gazetteer=gaz))
    if notes:
        out["notes"] = notes
    return out

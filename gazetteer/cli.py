"""``chronoatlas geocode`` and ``chronoatlas gazetteer build|info|import``: thin wrappers
over the same functions the web app calls."""
from __future__ import annotations

import json
import sys

import click

from .errors import GazetteerError, GeocoderError, ImportFileError


def _table(rows: list[dict]) -> str:
    headers = ["query", "status", "name", "country", "kind", "lat", "lon", "score"]
    lines = []
    for d in rows:
        b = d["best"] or (d["candidates"][0] if d["candidates"] else None)
        lines.append([
            d["query"], d["status"] if d["best"] else f"{d['status']} ({len(d['candidates'])})",
            b["name"] if b else "-", (b["country"] or "-") if b else "-", b["kind"] if b else "-",
            f"{b['lat']:.4f}" if b else "-", f"{b['lon']:.4f}" if b else "-",
            f"{b['score']:.2f}" if b else "-",
        ])
    widths = [max(len(str(x)) for x in col) for col in zip(headers, *lines)]
    fmt = "  ".join(f"{{:<{w}}}" for w in widths)
    return "\n".join([fmt.format(*headers), fmt.format(*("-" * w for w in widths))]
                     + [fmt.format(*map(str, line)) for line in lines])


@click.command("geocode", context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("names", nargs=-1, required=True)
@click.option("--context", "context", default=None, help="Text around the names (other places in it help).")
@click.option("--country", default=None, help="ISO 3166-1 alpha-2 country hint, e.g. US.")
@click.option("--year", type=int, default=None, help="Year of the event (historical names).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per name, one per line.")
@click.option("--geocoder", default=None,
              help="Also ask an online geocoder (opt-in), e.g. nominatim. Falls back to offline.")
@click.option("--user-agent", default=None, help="Your application's User-Agent (required online).")
@click.option("--geocoder-domain", default=None, hidden=True, help="Service host (e.g. a mirror).")
@click.option("--geocoder-scheme", default=None, hidden=True, type=click.Choice(["http", "https"]))
@click.option("--timeout", type=float, default=10.0, show_default=True, help="Online timeout (s).")
@click.option("--online-first", is_flag=True,
              help="Ask the online geocoder for every name, not only those unresolved offline.")
def geocode(names, context, country, year, as_json, geocoder, user_agent, geocoder_domain,
            geocoder_scheme, timeout, online_first):
    """Resolve place NAMES offline (together, so they disambiguate each other)."""
    from . import default_gazetteer

    gaz = default_gazetteer()
    results = gaz.resolve_all(list(names), context_text=context, country=country,
                              years=[year] * len(names))
    if geocoder:
        from .online import OnlineGeocoder

        try:
            online = OnlineGeocoder(geocoder, user_agent=user_agent, timeout=timeout,
                                    domain=geocoder_domain, scheme=geocoder_scheme)
        except GeocoderError as exc:
            raise click.UsageError(str(exc)) from exc
        merged = []
        for res in results:
            try:
                merged.append(online.resolve(res.query, offline=res, country=country,
                                             always=online_first))
            except GeocoderError as exc:
                click.echo(f"warning: {geocoder}: {exc}; using the offline result for {res.query!r}",
                           err=True)
                merged.append(res)
        results = merged
    rows = [r.to_dict() for r in results]
    if as_json:
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
    else:
        click.echo(_table(rows))


@click.group("gazetteer", context_settings={"help_option_names": ["-h", "--help"]})
def gazetteer_group():
    """Build, inspect and extend the offline gazetteer index."""


@gazetteer_group.command("build", context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--force", is_flag=True, help="Rebuild even if the index is up to date.")
def build_cmd(force):
    """Build the index into the user cache dir (about a minute, once)."""
    from . import reset_default_gazetteer
    from .index import StderrProgress, build, ensure_index, index_path, read_meta

    path = index_path()
    if force:
        build(path, progress=StderrProgress())
    else:
        ensure_index(path, notify=lambda msg: click.echo(msg, err=True))
    reset_default_gazetteer()
    meta = read_meta(path)
    click.echo(f"index: {path} ({path.stat().st_size / 1e6:.1f} MB, {meta['places']} places, "
               f"{meta['names']} names, built in {meta['build_seconds']} s)")


@gazetteer_group.command("info", context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def info_cmd(as_json):
    """Sources, counts, size and licences of the index."""
    from . import default_gazetteer
    from .info import info

    data = info(default_gazetteer())
    if as_json:
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    click.echo(f"index:    {data['path']}")
    click.echo(f"size:     {data['size_bytes'] / 1e6:.1f} MB")
    click.echo(f"built:    {data['built_at']} in {data['build_seconds']} s")
    click.echo(f"places:   {data['places']}   names: {data['names']}")
    click.echo("by source: " + ", ".join(f"{k} {v}" for k, v in data["by_source"].items()))
    click.echo("by kind:   " + ", ".join(f"{k} {v}" for k, v in data["by_kind"].items()))
    click.echo("imports:  " + (", ".join(data["imports"]) or "none"))
    click.echo("sources and licences:")
    for s in data["sources"]:
        click.echo(f"  - {s['name']}: {s['licence']}")


@gazetteer_group.command("import", context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["auto", "geonames", "csv"]), default="auto",
              show_default=True, help="GeoNames dump (allCountries/cities*.txt) or custom CSV.")
@click.option("--alternate-names", type=click.Path(exists=True, dir_okay=False), default=None,
              help="GeoNames alternateNamesV2.txt to add names to the imported places.")
@click.option("--name", "import_name", default=None, help="Name of this import (default: file name).")
def import_cmd(file, fmt, alternate_names, import_name):
    """Add places from FILE to the gazetteer (validated first; every broken line is reported)."""
    from . import reset_default_gazetteer
    from .imports import import_file

    try:
        summary = import_file(file, fmt=fmt, alternate_names=alternate_names, name=import_name,
                              progress=True)
    except ImportFileError as exc:
        click.echo(str(exc), err=True)
        sys.exit(1)
    except GazetteerError as exc:
        raise click.ClickException(str(exc)) from exc
    reset_default_gazetteer()
    click.echo(f"imported {summary['places']} places ({summary['names']} names) from {file} "
               f"as {summary['name']!r}; index updated")

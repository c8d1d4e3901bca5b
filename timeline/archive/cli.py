"""``chronoatlas archive build|query``: a newsroom's archive as an index and story maps."""
from __future__ import annotations

import sys
from pathlib import Path

import click

INSTALL_HINT = "the archive needs Dask, pyarrow and DuckDB: pip install 'chronoatlas[archive]'"


def _require() -> None:
    try:
        import dask  # noqa: F401
        import distributed  # noqa: F401
        import duckdb  # noqa: F401
        import pyarrow  # noqa: F401
    except ImportError:
        raise click.ClickException(INSTALL_HINT) from None


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return "?"
    seconds = int(seconds)
    return f"{seconds // 3600}h{seconds // 60 % 60:02d}m" if seconds >= 3600 else \
        f"{seconds // 60}m{seconds % 60:02d}s"


class _Bar:
    """Articles done, rate and ETA on one terminal line (a line each when not a tty)."""

    def __init__(self) -> None:
        self.tty = sys.stderr.isatty()
        self.last = 0.0

    def __call__(self, p) -> None:
        share = p.articles_done / p.articles_total if p.articles_total else 1.0
        line = (f"archive: {p.articles_done:,}/{p.articles_total:,} articles ({share:.0%}), "
                f"{p.rate:,.1f} articles/s, ETA {_duration(p.eta)}")
        if p.articles_done == p.resumed and p.resumed:
            line += " (resumed)"
        if self.tty:
            click.echo("\r" + line.ljust(78), nl=False, err=True)
        elif p.elapsed - self.last >= 5 or p.articles_done == p.articles_total:
            self.last = p.elapsed
            click.echo(line, err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def archive() -> None:
    """Index a newsroom's archive and ask it for story maps."""


@archive.command()
@click.argument("source")
@click.option("--index", "index", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder of the index (created; an existing one is resumed or refreshed).")
@click.option("--scheduler", metavar="tcp://HOST:8786",
              help="An existing Dask scheduler; default: a LocalCluster on this machine.")
@click.option("--workers", type=click.IntRange(1, 256),
              help="LocalCluster worker processes (default: one per core).")
@click.option("--partition-size", type=click.IntRange(1, 100_000), default=200, show_default=True,
              help="Articles per task and checkpoint.")
def build(source: str, index: Path, scheduler: str | None, workers: int | None,
          partition_size: int) -> None:
    """Extract every article of SOURCE into the index at --index.

    SOURCE is a JSON-lines file (one {"id", "text", "published", "url", "title"} per line),
    a folder of .txt/.html files (with optional NAME.meta.json beside each), or a glob of
    either. On a cluster, SOURCE and --index must be paths every worker can read and write.
    An interrupted build resumes where it stopped; an article that fails is recorded.
    """
    _require()
    from .build import build as run_build
    from .sources import SourceError

    bar = _Bar()
    try:
        report = run_build(source, index, scheduler=scheduler, workers=workers,
                           partition_size=partition_size, progress=bar)
    except SourceError as exc:
        raise click.ClickException(str(exc)) from None
    except OSError as exc:
        raise click.ClickException(f"{index}: {exc.strerror or exc}") from None
    if bar.tty:
        click.echo("", err=True)
    for ident, where, error in report.failed:
        click.echo(f"failed: {where} (id {ident}): {error}", err=True)
    counts = report.counts
    click.echo(f"{index}: {counts.get('articles', 0):,} articles, {counts.get('events', 0):,} "
               f"events, {counts.get('mentions', 0):,} place mentions; {len(report.failed)} "
               f"failed; {report.partitions - report.skipped} of {report.partitions} partitions "
               f"built in {report.seconds:.1f} s")


@archive.command()
@click.argument("index", type=click.Path(file_okay=False, path_type=Path))
@click.option("--place", help="A place name: a country or region matches everything in it.")
@click.option("--from", "start", metavar="DATE", help="Events ending after this (1939, May 1939...).")
@click.option("--to", "to", multiple=True, metavar="DATE|FORMAT",
              help="The period's end (events starting before the end of this date), and/or the "
                   "output format: yaml (default), json, timelinejs, csv, html or any export "
                   "format; give --to twice for both.")
@click.option("--text", help="Words in the headline, the quoted sentence or the article title.")
@click.option("--limit", type=click.IntRange(1, 1_000_000), default=5000, show_default=True,
              help="At most this many matching events (before merging).")
@click.option("-o", "--output", type=click.Path(dir_okay=True, path_type=Path),
              help="File to write; stdout when omitted.")
def query(index: Path, place: str | None, start: str | None, to: tuple[str, ...],
          text: str | None, limit: int, output: Path | None) -> None:
    """A story map of the archive's events matching the filters, each quoting and linking
    its source articles, with reports of the same happening merged.

    `--from 1939 --to 2024 --to html`: a --to that names a format is the format, any other
    is the period's end.
    """
    _require()
    from ..cli import export_formats, write_story

    formats = set(export_formats())
    fmt, end = "yaml", None
    for value in to:
        if value in formats:
            fmt = value
        elif end is None:
            end = value
        else:
            raise click.BadParameter(f"{value!r} is neither a format ({', '.join(sorted(formats))}) "
                                     f"nor the only period end (already {end!r})", param_hint="--to")
    from .layout import ArchiveIndexError
    from .query import QueryError, query as run_query

    try:
        result = run_query(index, place=place, start=start, end=end, text=text, limit=limit)
    except (ArchiveIndexError, QueryError) as exc:
        raise click.ClickException(str(exc)) from None
    for note in result.notes:
        click.echo(f"note: {note}", err=True)
    write_story(result.story, fmt, output)
    if output is not None:
        click.echo(f"{output}: {len(result.story.events)} events from {result.articles} articles",
                   err=True)

"""``chronoatlas serve``: the development server for the web app.

For production, run the same app under a WSGI server that survives slow clients::

    waitress-serve --listen=127.0.0.1:8000 --threads=8 --connection-limit=1000 web.wsgi:app

(stories then come from ``CHRONOATLAS_STORIES='["story.yaml"]'`` in the environment).
There a bad story file is left out and its problems listed on ``/``; ``serve`` instead
refuses to start, so nobody publishes a site with a story silently missing.
"""
from __future__ import annotations

import logging
import unicodedata
from contextlib import contextmanager
from typing import TYPE_CHECKING, Iterator

import click

if TYPE_CHECKING:  # the app is imported only when serving: --help stays fast
    from .stories import SourceReport, StoryLibrary

HINT = "Fix these, or use --skip-invalid to serve the valid events."


@click.command("serve", context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("stories", nargs=-1)
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=5000, show_default=True, type=click.IntRange(0, 65535),
              help="Port to listen on (0 picks a free one).")
@click.option("--tiles", multiple=True, metavar="NAME",
              help="Opt into an online tile layer (osm, opentopomap); the default map is offline.")
@click.option("--tile-host", "tile_hosts", multiple=True, metavar="HOST",
              help="Let stories' own tile layers use this host (tiles.example.org or *.example.org).")
@click.option("--media-host", "media_hosts", multiple=True, metavar="HOST",
              help="Let event media (images, YouTube, SoundCloud...) from this host load "
                   "directly (upload.wikimedia.org or *.example.org); others show as "
                   "placeholders that open on their host.")
@click.option("--public-url", metavar="URL",
              help="The site's public address for absolute links (oEmbed, embed snippets), "
                   "instead of the request's Host header.")
@click.option("--archive", "archive", metavar="DIR",
              help="Add a search page (/archive) over this archive index "
                   "(chronoatlas archive build ... --index DIR).")
@click.option("--no-resolve", is_flag=True, help="Do not look places up in the offline gazetteer.")
@click.option("--skip-invalid", is_flag=True,
              help="Serve the valid events of files with bad entries and list what was skipped.")
@click.option("--debug", is_flag=True, help="Flask debug mode (reloader and debugger; never in public).")
def serve(stories: tuple[str, ...], host: str, port: int, tiles: tuple[str, ...],
          tile_hosts: tuple[str, ...], media_hosts: tuple[str, ...], public_url: str | None,
          archive: str | None, no_resolve: bool,
          skip_invalid: bool, debug: bool) -> None:
    """Serve STORY files (any format chronoatlas reads), or the bundled demo.

    A file with problems stops the server before it starts, with every problem listed,
    unless --skip-invalid is given. Open http://HOST:PORT/ for the list of stories (and
    what was skipped), /stories/<slug> for a story.
    """
    from . import create_app

    sources = list(stories) or ["demo"]
    settings = {"STORIES": sources, "RESOLVE_PLACES": not no_resolve, "TILES": list(tiles),
                "TILE_HOSTS": list(tile_hosts), "MEDIA_HOSTS": list(media_hosts),
                "SKIP_INVALID": skip_invalid}
    if public_url:
        settings["PUBLIC_URL"] = public_url
    if archive:
        settings["ARCHIVE_INDEX"] = archive
    try:
        app = create_app(settings)
    except ValueError as exc:  # a bad --tiles, --media-host or --public-url: say which, no traceback
        raise click.ClickException(printable(str(exc))) from None
    library: StoryLibrary = app.extensions["chronoatlas"]
    with _printed_here():
        slugs = [p.slug for p in library]
    left_out = [r for r in library.reports if not r.served]
    if left_out and not skip_invalid:
        _refuse(left_out, len(sources))
    _warn(library.reports)
    if not slugs:
        raise click.ClickException("no story could be loaded")
    before = len(library.reports)
    with _printed_here():
        library.warm()  # the first visitor should not wait for the compile
    for report in library.reports[before:]:  # failed while being prepared: left out
        click.echo(f"not served: {printable(report.error or report.source)}", err=True)
    slugs = [p.slug for p in library]
    if not slugs:
        raise click.ClickException("no story could be prepared")
    from .startup import settle
    settle(app)  # the store opened, start-up's objects out of the collector's way
    click.echo(f"Serving {len(slugs)} stor{'y' if len(slugs) == 1 else 'ies'}: "
               + ", ".join(f"/stories/{printable(s)}" for s in slugs))
    if archive:
        click.echo(f"Archive search: /archive ({printable(archive)})")
    app.run(host=host, port=port, debug=debug, use_reloader=debug)


def printable(text: str) -> str:
    """Text safe to print on a terminal: control and format characters (escape
    sequences, bidi overrides) from story files are shown as ``\\x1b``-style escapes."""
    return "".join(
        ch if ch == "\n" or unicodedata.category(ch) not in ("Cc", "Cf", "Zl", "Zp")
        else ch.encode("unicode_escape").decode("ascii")
        for ch in str(text))


@contextmanager
def _printed_here() -> Iterator[None]:
    """serve prints every problem itself: with no logging configured, Python would also
    print the library's problem log (logging.lastResort), so each would appear twice.
    Handlers the user configured still get them."""
    from .stories import problem_log

    quiet = logging.NullHandler()
    problem_log.addHandler(quiet)
    try:
        yield
    finally:
        problem_log.removeHandler(quiet)


def _refuse(left_out: list[SourceReport], total: int) -> None:
    """Print every problem of every bad file and exit before serving anything."""
    for report in left_out:
        click.echo(printable(report.error), err=True)
    if len(left_out) == total:
        click.echo("Not serving: no story could be loaded.", err=True)
    else:
        click.echo(f"Not serving: {len(left_out)} of {total} story files could not be loaded.",
                   err=True)
    click.echo(HINT, err=True)
    raise SystemExit(1)


def _warn(reports: list[SourceReport]) -> None:
    """Under --skip-invalid: list each skipped entry and each file left out whole."""
    skipped = 0
    for report in reports:
        if report.served:
            skipped += len(report.problems)
            for line in report.lines():
                click.echo(f"skipped: {printable(line)}", err=True)
        else:
            click.echo(f"not served: {printable(report.error)}", err=True)
    if skipped:
        click.echo(f"{skipped} problem(s); the entries they concern were skipped "
                   "(listed on / as well).", err=True)

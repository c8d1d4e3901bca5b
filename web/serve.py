"""``chronoatlas serve``: the development server for the web app.

For production, run the same app under a WSGI server, for example::

    gunicorn --workers 2 'web:create_app()'

(stories then come from ``CHRONOATLAS_STORIES='["story.yaml"]'`` in the environment).
"""
from __future__ import annotations

import click


@click.command("serve", context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("stories", nargs=-1)
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=5000, show_default=True, type=click.IntRange(0, 65535),
              help="Port to listen on (0 picks a free one).")
@click.option("--tiles", multiple=True, metavar="NAME",
              help="Opt into an online tile layer (osm, opentopomap); the default map is offline.")
@click.option("--no-resolve", is_flag=True, help="Do not look places up in the offline gazetteer.")
@click.option("--debug", is_flag=True, help="Flask debug mode (reloader and debugger; never in public).")
def serve(stories: tuple[str, ...], host: str, port: int, tiles: tuple[str, ...], no_resolve: bool,
          debug: bool) -> None:
    """Serve STORY files (any format chronoatlas reads), or the bundled demo.

    Open http://HOST:PORT/ for the list of stories, /stories/<slug> for a story.
    """
    from . import create_app

    app = create_app({
        "STORIES": list(stories) or ["demo"],
        "RESOLVE_PLACES": not no_resolve,
        "TILES": list(tiles),
    })
    library = app.extensions["chronoatlas"]
    slugs = [p.slug for p in library]
    for error in library.errors:
        click.echo(f"warning: {error}", err=True)
    if not slugs:
        raise click.ClickException("no story could be loaded")
    click.echo(f"Serving {len(slugs)} stor{'y' if len(slugs) == 1 else 'ies'}: "
               + ", ".join(f"/stories/{s}" for s in slugs))
    app.run(host=host, port=port, debug=debug, use_reloader=debug)

"""``chronoatlas init-db``: create or migrate the studio's database now."""
from __future__ import annotations

import click


@click.command("init-db", context_settings={"help_option_names": ["-h", "--help"]})
def init_db() -> None:
    """Create the studio's database, or bring it to the newest schema (also done on first use)."""
    from web import create_app
    from web.store import get_store

    app = create_app()
    store = get_store(app)
    url = store.engine.url.render_as_string(hide_password=True)
    click.echo(f"database ready: {url}")

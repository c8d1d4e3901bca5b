"""The studio: where stories are made, corrected and published (pages and JSON API)."""
from __future__ import annotations

from importlib import import_module

from flask import Flask

__all__ = ["init_app"]


def init_app(app: Flask) -> None:
    """Accounts, the studio's pages and API, and published stored stories for readers."""
    from .. import auth
    from ..store.published import StoredStories
    from . import accounts, api, pages
    import_module(f"{__name__}.assist")  # adds its routes to api.bp
    from .permissions import allowed

    app.config.setdefault("STUDIO_UPLOAD_MAX_BYTES", 5 * 1024 * 1024)
    auth.init_app(app)
    app.register_blueprint(pages.bp)
    app.register_blueprint(api.bp)
    app.register_blueprint(accounts.bp)
    app.jinja_env.globals["studio_allowed"] = allowed
    library = app.extensions["chronoatlas"]
    library.stored = StoredStories(app, resolve_places=app.config["RESOLVE_PLACES"],
                                   tiles=app.config["TILES"], static_url=library._static_url)

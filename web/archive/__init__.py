"""``serve --archive DIR``: search a newsroom's archive index (see timeline.archive) by
place, period and words; results open as a story map and can be saved into the studio."""
from __future__ import annotations

from flask import Flask

__all__ = ["init_app"]


def init_app(app: Flask) -> None:
    """Register the search page when ``ARCHIVE_INDEX`` names an index folder.

    A folder that is not a built index is a ValueError saying so, raised before the app
    serves anything (``serve`` prints it; ``web.wsgi`` fails to boot with it)."""
    folder = app.config.get("ARCHIVE_INDEX")
    if not folder:
        return
    from .stories import ArchiveStories

    stories = ArchiveStories(folder, static_url=app.extensions["chronoatlas"]._static_url,
                             limit=int(app.config.get("ARCHIVE_MAP_LIMIT", 1000)))
    from . import views

    app.extensions["chronoatlas"].archive = stories
    app.register_blueprint(views.bp)

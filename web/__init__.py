"""The web app: Flask serves the linked map (folium) and timeline (altair), offline."""
from __future__ import annotations

from typing import Any, Mapping

from flask import Flask

__all__ = ["create_app"]


def create_app(test_config: Mapping[str, Any] | None = None) -> Flask:
    """Flask application factory.

    Settings (``test_config`` or ``CHRONOATLAS_*`` environment variables):
    ``STORIES`` (paths, bundled names or Story values; default ``["demo"]``),
    ``RESOLVE_PLACES`` (run the offline gazetteer over each story, default True),
    ``SKIP_INVALID`` (serve the valid events of a story file with bad entries and list
    the skipped ones on ``/``; default False: such a file is left out and its problems
    are listed on ``/`` and logged, so one bad file never takes the site down),
    ``TILES`` (opt-in tile layers: "osm", "opentopomap" or dicts with url/attribution),
    ``TILE_HOSTS`` (hosts a story's own ``settings.tiles`` may use, e.g.
    ``["tiles.example.org", "*.example.net"]``; default none: a story naming another
    host gets the offline map and a note; the hosts of ``TILES`` are allowed too),
    ``MEDIA_HOSTS`` (hosts whose event media, such as images, YouTube or SoundCloud,
    load directly, e.g. ``["upload.wikimedia.org"]``; the page's CSP lists exactly these;
    default none: remote media show as placeholders that open on their host),
    ``PUBLIC_URL`` (the site's address, e.g. ``https://maps.example.org``: absolute
    links in oEmbed answers and pages use it, never the request's Host header; unset,
    ``TRUSTED_HOSTS`` limits which Host headers are answered at all),
    ``EMBED_FRAME_ANCESTORS`` (who may frame ``/embed``, default ``*``),
    ``GEOCODER`` (a callable ``q -> dict`` for ``/api/geocode``; default the gazetteer),
    ``DATABASE_URL`` (the studio's store; default a SQLite file in the instance folder),
    ``STUDIO_UPLOAD_MAX_BYTES`` (default 5 MB),
    ``ARCHIVE_INDEX`` (an archive index folder, see ``chronoatlas archive build``: adds
    the search page ``/archive``), ``ARCHIVE_MAP_LIMIT`` (events in one query's story map,
    default 1000).
    """
    # /static is served from memory (see web.static_files), not by Flask's file sender
    app = Flask(__name__, static_folder=None)
    from .static_files import serve_static
    app.add_url_rule("/static/<path:filename>", endpoint="static", view_func=serve_static)
    app.config.from_mapping(
        STORIES=["demo"],
        RESOLVE_PLACES=True,
        SKIP_INVALID=False,
        TILES=[],
        TILE_HOSTS=[],
        MEDIA_HOSTS=[],
        PUBLIC_URL=None,
        TRUSTED_HOSTS=None,
        EMBED_FRAME_ANCESTORS="*",
        GEOCODER=None,
        ARCHIVE_INDEX=None,
        JSON_SORT_KEYS=False,
    )
    app.config.from_prefixed_env("CHRONOATLAS")
    if test_config is not None:
        app.config.from_mapping(test_config)
    app.json.sort_keys = False
    app.json.ensure_ascii = False
    app.json.compact = True

    from .stories import StoryLibrary
    from .vendor import localize_folium

    static_url = (app.static_url_path or "/static").rstrip("/") + "/"
    localize_folium(static_url)
    app.extensions["chronoatlas"] = StoryLibrary(
        app.config["STORIES"], resolve_places=app.config["RESOLVE_PLACES"],
        tiles=app.config["TILES"], static_url=static_url,
        skip_invalid=app.config["SKIP_INVALID"], tile_hosts=app.config["TILE_HOSTS"],
        media_hosts=app.config["MEDIA_HOSTS"])

    from . import errors, security
    from .content import localmedia
    from .views import oembed
    from .views import api, embed, library, story

    app.register_blueprint(library.bp)
    app.register_blueprint(story.bp)
    app.register_blueprint(embed.bp)
    app.register_blueprint(api.bp)
    app.register_blueprint(oembed.bp)
    app.register_blueprint(localmedia.bp)
    errors.register_error_handlers(app)
    from . import studio
    studio.init_app(app)  # accounts, the studio, and published stored stories
    from . import archive
    archive.init_app(app)  # the archive search page, when ARCHIVE_INDEX is set

    if app.config["PUBLIC_URL"]:
        from .hosts import PublicURL
        app.wsgi_app = PublicURL(app.wsgi_app, app.config["PUBLIC_URL"])

    @app.after_request
    def _headers(response):
        return security.apply_headers(response)

    return app

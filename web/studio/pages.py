"""``/studio/``: the studio's pages. The editor is a page of ES modules talking to the
JSON API; the server renders only the frame, the sign-in form and the list."""
from __future__ import annotations

from flask import Blueprint, Response, abort, render_template, url_for

from ..security import apply_headers, page_csp
from ..store import get_store, repository as repo
from ..store.published import DRAFT_PREFIX
from . import settings
from .permissions import require

bp = Blueprint("studio", __name__, url_prefix="/studio")


def _page(html: str) -> Response:
    response = Response(html, mimetype="text/html")
    response.headers["Cache-Control"] = "no-store"
    # the preview is the real viewer, framed from this site
    return apply_headers(response, csp=page_csp(frame_self=True))


@bp.get("/")
@require("read")
def index():
    with get_store().session() as s:
        rows = repo.list_stories(s)
    return _page(render_template("studio/index.html", stories=rows))


@bp.get("/stories/<int:story_id>")
@require("read")
def editor(story_id: int):
    with get_store().session() as s:
        row = s.get(repo.StoryRow, story_id)
        if row is None:
            abort(404, description=f"No stored story {story_id}.")
    config = {
        "id": row.id,
        "slug": row.slug,
        "api": url_for("studio_api.story", story_id=row.id),
        "datesUrl": url_for("studio_api.parse_date"),
        "geocodeUrl": url_for("api.geocode"),
        "markdownUrl": url_for("studio_api.markdown_preview"),
        "placesUrl": url_for("studio_api.places"),
        "basemapUrl": url_for("story.basemap"),
        "options": settings.choices(),
        "previewUrl": url_for("embed.show", slug=f"{DRAFT_PREFIX}{row.id}"),
        "publicUrl": url_for("story.show", slug=row.slug),
        "embedUrl": url_for("embed.show", slug=row.slug),
    }
    return _page(render_template("studio/editor.html", row=row, config=config))

"""``/archive``: the search page (place, period, words) and saving a result into the studio.

Reading is open like published stories (an archive holds published articles); saving
needs an editor, checked by the studio's one permission gate, and the CSRF gate covers
the form like every other write."""
from __future__ import annotations

from flask import Blueprint, Response, abort, current_app, g, redirect, render_template, request, url_for

from ..security import apply_headers, page_csp
from ..studio.permissions import allowed, require
from .queries import ArchiveQuery

bp = Blueprint("archive", __name__, url_prefix="/archive")
SHOWN = 100  # events listed on the search page; the story map shows them all


def _stories():
    return current_app.extensions["chronoatlas"].archive


def _page(html: str, status: int = 200) -> Response:
    response = Response(html, status=status, mimetype="text/html")
    response.headers["Cache-Control"] = "no-store"
    return apply_headers(response, csp=page_csp())


def _form_error(exc) -> str:
    """A query error in the form's words: the input's label, not the CLI's option."""
    return f"{exc.field.capitalize()}: {exc.reason}"


@bp.get("/")
def search():
    from timeline.archive.query import QueryError

    query = ArchiveQuery.from_args(request.args)
    stories = _stories()
    values = {"query": query, "counts": stories.counts, "result": None, "error": None,
              "error_field": None, "shown": SHOWN, "can_save": allowed(g.get("user"), "create")}
    if query.empty:
        return _page(render_template("archive/search.html", **values))
    try:
        values["result"] = stories.result(query)
    except QueryError as exc:
        values["error"], values["error_field"] = _form_error(exc), exc.field
        return _page(render_template("archive/search.html", **values), 400)
    values["map_url"] = url_for("story.show", slug=query.slug())
    return _page(render_template("archive/search.html", **values))


@bp.post("/save")
@require("create")
def save():
    """The query's story as a new studio story (revision 1), opened in the editor."""
    from timeline.archive.query import QueryError
    from timeline.formats.native import story_to_data

    from ..store import get_store, repository as repo

    query = ArchiveQuery.from_args(request.form)
    if query.empty:
        abort(400, description="Nothing to save: give a place, a period or words.")
    try:
        result = _stories().result(query)
    except QueryError as exc:
        abort(400, description=_form_error(exc))
    if not result.story.events:
        abort(400, description="No events match this query: there is nothing to save.")
    with get_store().session() as s:
        row = repo.create(s, story_to_data(result.story), author=g.user)
        story_id = row.id
    return redirect(url_for("studio.editor", story_id=story_id), code=303)

"""``/api/studio/...``: the studio's JSON API (see docs/api.md). One error shape, every
view behind ``permissions.require``, every write one transaction in the store."""
from __future__ import annotations

import re

from flask import Blueprint, current_app, g, jsonify, request, url_for

from timeline.errors import StoryFormatError

from ..errors import api_error
from ..security import api_csp
from ..store import get_store, repository as repo
from . import drafts, settings
from .permissions import require

bp = Blueprint("studio_api", __name__, url_prefix="/api/studio")

_ETAG = re.compile(r'^\s*(?:W/)?"?(\d{1,18})"?\s*$')


@bp.before_request
def _limit_uploads():
    request.max_content_length = current_app.config.get("STUDIO_UPLOAD_MAX_BYTES", 5 * 1024 * 1024)


@bp.after_request
def _headers(response):
    response.headers["Content-Security-Policy"] = api_csp()
    response.headers["Cache-Control"] = "no-store"
    return response


def _problems(exc: StoryFormatError):
    response = jsonify({"ok": False, "error": str(exc).splitlines()[0], "status": 422,
                        "problems": [p.to_dict() | {"text": str(p)} for p in exc.problems]})
    response.status_code = 422
    return response


def _check_settings(document) -> None:
    found = settings.problems(document)
    if found:
        raise StoryFormatError(found, "story")


def _summary(row) -> dict:
    return {"id": row.id, "slug": row.slug, "title": row.title, "revision": row.revision,
            "published_revision": row.published_revision,
            "updated_at": row.updated_at.isoformat() if row.updated_at else None}


def _body() -> dict:
    data = request.get_json(silent=True)
    return data if isinstance(data, dict) else {}


@bp.get("/stories")
@require("read")
def list_stories():
    with get_store().session() as s:
        return jsonify({"ok": True, "stories": [_summary(r) for r in repo.list_stories(s)]})


@bp.post("/stories")
@require("create")
def create():
    article, notes = None, []
    try:
        if "file" in request.files:
            upload = request.files["file"]
            name = (upload.filename or "upload").replace("\\", "/").rsplit("/", 1)[-1][:200]
            data = upload.read()
            if drafts.suffix(name) in drafts.ARTICLE_SUFFIXES:
                document, notes, article = drafts.from_article(data, request.form.get("published"))
            else:
                document = drafts.from_file(name, data)
        else:
            body = _body()
            if isinstance(body.get("article"), str):
                document, notes, article = drafts.from_article(body["article"], body.get("published"),
                                                               body.get("title"))
            elif "story" in body:
                document = body["story"]
                _check_settings(document)
            else:
                document = drafts.blank(body.get("title") if isinstance(body.get("title"), str) else None)
        with get_store().session() as s:
            row = repo.create(s, document, author=g.user, article=article)
    except StoryFormatError as exc:
        return _problems(exc)
    except drafts.DraftError as exc:
        return api_error(str(exc), 400)
    response = jsonify({"ok": True, "id": row.id, "slug": row.slug, "revision": row.revision,
                        "notes": notes})
    response.status_code = 201
    response.headers["Location"] = url_for(".story", story_id=row.id)
    response.headers["ETag"] = f'"{row.revision}"'
    return response


def _not_found(exc: repo.NotFound):
    return api_error(str(exc), 404)


@bp.get("/stories/<int:story_id>")
@require("read")
def story(story_id: int):
    try:
        with get_store().session() as s:
            row, rev = repo.current(s, story_id)
    except repo.NotFound as exc:
        return _not_found(exc)
    response = jsonify({**_summary(row), "ok": True, "story": rev.document,
                        "article": row.article})
    response.headers["ETag"] = f'"{row.revision}"'
    return response


@bp.put("/stories/<int:story_id>")
@require("edit")
def update(story_id: int):
    match = _ETAG.match(request.headers.get("If-Match", ""))
    if not match:
        return api_error('Send the revision you edited as If-Match: "N" (from the ETag).', 428)
    body = _body()
    document = body.get("story", body)
    try:
        _check_settings(document)
        with get_store().session() as s:
            number = repo.save(s, story_id, document, base=int(match.group(1)), author=g.user)
    except StoryFormatError as exc:
        return _problems(exc)
    except repo.NotFound as exc:
        return _not_found(exc)
    except repo.Conflict as c:
        response = jsonify({"ok": False, "status": 409, "revision": c.revision,
                            "error": f"Revision {c.revision} was saved since your revision "
                                     f"{c.base}; nothing was overwritten.",
                            "story": c.document, "changes": c.changes, "authors": c.authors})
        response.status_code = 409
        response.headers["ETag"] = f'"{c.revision}"'
        return response
    response = jsonify({"ok": True, "revision": number})
    response.headers["ETag"] = f'"{number}"'
    return response


@bp.get("/stories/<int:story_id>/revisions")
@require("read")
def revisions(story_id: int):
    try:
        with get_store().session() as s:
            rows = repo.revisions(s, story_id)
    except repo.NotFound as exc:
        return _not_found(exc)
    return jsonify({"ok": True, "revisions": [
        {"number": r.number, "action": r.action, "author": r.name, "changes": r.changes,
         "created_at": r.created_at.isoformat()} for r in rows]})


@bp.get("/stories/<int:story_id>/revisions/<int:number>")
@require("read")
def revision(story_id: int, number: int):
    try:
        with get_store().session() as s:
            rev = repo.revision(s, story_id, number)
    except repo.NotFound as exc:
        return _not_found(exc)
    return jsonify({"ok": True, "number": rev.number, "story": rev.document})


@bp.get("/stories/<int:story_id>/compare/<int:a>/<int:b>")
@require("read")
def compare(story_id: int, a: int, b: int):
    from ..store.diff import compare as diff
    try:
        with get_store().session() as s:
            old, new = repo.revision(s, story_id, a), repo.revision(s, story_id, b)
    except repo.NotFound as exc:
        return _not_found(exc)
    return jsonify({"ok": True, "from": a, "to": b, "changes": diff(old.document, new.document)})


@bp.post("/stories/<int:story_id>/revisions/<int:number>/restore")
@require("edit")
def restore(story_id: int, number: int):
    match = _ETAG.match(request.headers.get("If-Match", ""))
    try:
        with get_store().session() as s:
            new = repo.restore(s, story_id, number, author=g.user,
                               base=int(match.group(1)) if match else None)
    except repo.NotFound as exc:
        return _not_found(exc)
    except repo.Conflict as c:
        return api_error(f"Revision {c.revision} was saved since revision {c.base}.", 409)
    response = jsonify({"ok": True, "revision": new})
    response.headers["ETag"] = f'"{new}"'
    return response


@bp.post("/stories/<int:story_id>/publish")
@require("publish")
def publish(story_id: int):
    number = _body().get("revision")
    try:
        with get_store().session() as s:
            published = repo.publish(s, story_id, number if isinstance(number, int) else None)
            slug = s.get(repo.StoryRow, story_id).slug
    except repo.NotFound as exc:
        return _not_found(exc)
    return jsonify({"ok": True, "published_revision": published,
                    "url": url_for("story.show", slug=slug, _external=True),
                    "embed_url": url_for("embed.show", slug=slug, _external=True)})


@bp.post("/stories/<int:story_id>/unpublish")
@require("publish")
def unpublish(story_id: int):
    try:
        with get_store().session() as s:
            repo.unpublish(s, story_id)
    except repo.NotFound as exc:
        return _not_found(exc)
    return jsonify({"ok": True, "published_revision": None})


@bp.get("/dates")
@require("read")
def parse_date():
    """A typed date read by the server's parser (the studio never parses dates itself)."""
    from timeline.dates import DateError, parse_date as parse

    q = (request.args.get("q") or "").strip()
    if not q or len(q) > 100:
        return api_error("Give a date as ?q= (at most 100 characters), e.g. '490 BCE'.", 400)
    try:
        d = parse(q)
    except DateError as exc:
        return api_error(str(exc), 422)
    return jsonify({"ok": True, "query": q, "iso": d.isoformat(), "label": d.label(),
                    "precision": d.precision.name.lower()})


EXPORTS = {"yaml": ("application/yaml", "yaml"), "json": ("application/json", "json"),
           "timelinejs": ("application/json", "timeline.json"), "csv": ("text/csv", "csv")}


@bp.get("/stories/<int:story_id>/export/<fmt>")
@require("read")
def export(story_id: int, fmt: str):
    """The current revision in a story format, as a download (same writers as the CLI)."""
    from timeline.formats import dump

    from ..store.documents import story_of

    if fmt not in EXPORTS:
        return api_error(f"Unknown format {fmt!r}; expected one of {', '.join(EXPORTS)}.", 404)
    try:
        with get_store().session() as s:
            row, rev = repo.current(s, story_id)
    except repo.NotFound as exc:
        return _not_found(exc)
    mimetype, suffix = EXPORTS[fmt]
    response = current_app.response_class(dump(story_of(rev.document), fmt), mimetype=mimetype)
    # the slug is [a-z0-9-] only (slugify), so it is safe in a header
    response.headers["Content-Disposition"] = f'attachment; filename="{row.slug}.{suffix}"'
    return response

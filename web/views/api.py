"""``/api/...``: the resolved stories as JSON, event details, and place look-up."""
from __future__ import annotations

from flask import Blueprint, Response, current_app, jsonify, request

from ..errors import api_error
from ..security import api_csp
from .common import library, story_or_404

bp = Blueprint("api", __name__, url_prefix="/api")


@bp.after_request
def _csp(response):
    response.headers["Content-Security-Policy"] = api_csp()
    response.headers.setdefault("Access-Control-Allow-Origin", "*")
    return response


@bp.get("/stories")
def stories():
    items = [
        {"slug": p.slug, "title": p.story.title, "summary": p.story.summary,
         "events": len(p.story.events)}
        for p in library()
    ]
    return jsonify({"ok": True, "stories": items})


@bp.get("/stories/<slug>")
def story(slug: str):
    prepared = story_or_404(slug)
    return Response(prepared.api_bytes, mimetype="application/json")


@bp.get("/stories/<slug>/events/<event_id>")
def event_detail(slug: str, event_id: str):
    prepared = story_or_404(slug)
    detail = prepared.detail(event_id)
    if detail is None:
        return api_error(f"No event {event_id!r} in story {slug!r}.", 404)
    return jsonify({"ok": True, **detail})


def _default_geocoder():
    try:
        import gazetteer
        factory = getattr(gazetteer, "default_gazetteer")
    except (ImportError, AttributeError):
        return None
    gz = factory()
    for name in ("resolve", "geocode", "lookup", "search"):
        method = getattr(gz, name, None)
        if callable(method):
            return method
    return None


@bp.get("/geocode")
def geocode():
    q = (request.args.get("q") or "").strip()
    if not q:
        return api_error("Give a place name as ?q=, for example /api/geocode?q=Ulaanbaatar.", 400)
    if len(q) > 200:
        return api_error("A place name is at most 200 characters.", 400)
    geocoder = current_app.config.get("GEOCODER") or _default_geocoder()
    if geocoder is None:
        return api_error("No gazetteer is available on this server.", 503)
    result = geocoder(q)
    if hasattr(result, "to_dict"):
        result = result.to_dict()
    elif isinstance(result, list):
        result = {"query": q, "candidates": [c.to_dict() if hasattr(c, "to_dict") else c for c in result]}
    return jsonify({"ok": True, **result})

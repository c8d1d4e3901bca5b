"""Helpers of the editor on ``/api/studio/``: a Markdown preview rendered by the viewer's
own sanitiser, place statuses and candidates for a draft, the settings' choices. None
changes the store; POSTs still carry the CSRF token (the one gate checks every write)."""
from __future__ import annotations

from flask import jsonify

from ..errors import api_error
from . import settings
from .api import _body, bp
from .permissions import require

MAX_TEXT = 100_000  # the schema's limit for a text


@bp.post("/markdown")
@require("read")
def markdown_preview():
    """``{"text"}`` -> ``{"html"}``: exactly what readers will see (web.content.markdown)."""
    from ..content.markdown import render_markdown

    text = _body().get("text")
    if not isinstance(text, str):
        return api_error('Send {"text": "..."} (Markdown).', 400)
    if len(text) > MAX_TEXT:
        return api_error(f"A text is at most {MAX_TEXT:,} characters.", 413)
    return jsonify({"ok": True, "html": render_markdown(text)})


@bp.post("/places")
@require("read")
def places():
    """``{"story": STORY_JSON}`` (saved or not) -> every unpinned place name's status,
    confidence and candidates, resolved with the story as context."""
    from gazetteer import GazetteerError

    from .places import LOW_CONFIDENCE, place_report

    document = _body().get("story")
    if not isinstance(document, dict) or not isinstance(document.get("events", []), list):
        return api_error('Send {"story": STORY_JSON}.', 400)
    try:
        report = place_report(document)
    except GazetteerError as exc:
        return api_error(f"The gazetteer is not available: {exc}", 503)
    return jsonify({"ok": True, "low_confidence": LOW_CONFIDENCE, "names": report})


@bp.get("/options")
@require("read")
def options():
    """The themes, basemaps and tile layers a story's settings may choose here."""
    return jsonify({"ok": True, **settings.choices()})

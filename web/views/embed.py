"""``/embed/<slug>``: the same view without site chrome, for iframes; options in the query.

``height`` (px), ``event=``, ``date=``, ``from=``/``to=``, ``theme=light|dark|contrast``,
``panel=0`` / ``list=0`` (or ``hide=panel,list``) to hide the panel or the list.
"""
from __future__ import annotations

from flask import Blueprint, Response, current_app, render_template, request

from ..security import apply_headers, page_csp
from .common import csp_img_hosts, csp_media_hosts, story_or_404, viewer_context

bp = Blueprint("embed", __name__)

THEMES = ("light", "dark", "contrast")
_OFF = {"0", "false", "no", "off", "hide"}


def story_theme(story) -> str:
    """The theme the story's settings ask for (the studio sets it), else light."""
    theme = story.settings.get("theme") if isinstance(story.settings, dict) else None
    return theme if theme in THEMES else "light"


def embed_options(args, default_theme: str = "light") -> dict:
    hidden = {h.strip() for h in args.get("hide", "").split(",") if h.strip()}
    options = {
        "theme": args.get("theme") if args.get("theme") in THEMES else default_theme,
        "panel": "panel" not in hidden and args.get("panel", "1").lower() not in _OFF,
        "list": "list" not in hidden and args.get("list", "1").lower() not in _OFF,
        "timeline": "timeline" not in hidden,
    }
    try:
        height = int(args.get("height", ""))
    except ValueError:
        height = None
    if height is not None:
        options["height"] = max(200, min(height, 4000))
    return options


@bp.get("/embed/<slug>")
def show(slug: str):
    prepared = story_or_404(slug)
    options = embed_options(request.args, story_theme(prepared.story))
    html = render_template("embed.html", **viewer_context(prepared, embed=True, args=request.args,
                                                         options=options))
    ancestors = current_app.config["EMBED_FRAME_ANCESTORS"] or "'none'"
    response = Response(html, mimetype="text/html")
    return apply_headers(response, csp=page_csp(frame_ancestors=ancestors,
                                                img_hosts=csp_img_hosts(prepared),
                                                media_hosts=csp_media_hosts(prepared)),
                         framable=True)

"""``/stories/<slug>``: the full linked view, its map script and the offline basemap."""
from __future__ import annotations

from flask import Blueprint, Response, redirect, render_template, request, url_for

from ..basemap import basemap_bytes, basemap_script
from ..security import apply_headers, page_csp
from .embed import story_theme
from .common import csp_img_hosts, csp_media_hosts, story_or_404, viewer_context

bp = Blueprint("story", __name__)


@bp.get("/stories/<slug>")
def show(slug: str):
    prepared = story_or_404(slug)
    html = render_template("story.html", **viewer_context(prepared, embed=False, args=request.args),
                           story_theme=story_theme(prepared.story))
    response = Response(html, mimetype="text/html")
    return apply_headers(response, csp=page_csp(img_hosts=csp_img_hosts(prepared),
                                                media_hosts=csp_media_hosts(prepared)))


@bp.get("/stories/<slug>/map.js")
def map_js(slug: str):
    """folium's map script, served as a file so the page needs no inline script."""
    prepared = story_or_404(slug)
    response = Response(prepared.map_parts.script, mimetype="text/javascript")
    response.headers["Cache-Control"] = "no-cache"
    return response


@bp.get("/favicon.ico")
def favicon():
    return redirect(url_for("static", filename="favicon.svg"), code=301)


@bp.get("/basemap.json")
def basemap():
    response = Response(basemap_bytes(), mimetype="application/json")
    response.headers["Cache-Control"] = "public, max-age=86400"
    # public data, and the embed's iframe sandbox gives it an opaque origin: let it read this
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response


@bp.get("/basemap.js")
def basemap_js():
    """The same data as a script the page loads before its glue (see web.basemap)."""
    response = Response(basemap_script(), mimetype="text/javascript")
    response.headers["Cache-Control"] = "public, max-age=86400"
    return response

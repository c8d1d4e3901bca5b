"""oEmbed (https://oembed.com/): ``/oembed?url=<a story or embed URL>&format=json`` answers
with a ``rich`` embed whose HTML is the same iframe snippet as the story page's Embed
dialog, so a CMS (WordPress and others) embeds a pasted story link.

Only this site's own story URLs are answered (404 otherwise); ``format=xml`` is 501 as
the spec asks; every error has the API's JSON shape.
"""
from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit

from flask import Blueprint, jsonify, request, url_for
from markupsafe import escape

from ..errors import api_error
from ..security import api_csp
from .common import library

__all__ = ["bp", "iframe_snippet", "EMBED_OPTIONS", "SANDBOX", "DEFAULT_WIDTH", "DEFAULT_HEIGHT"]

bp = Blueprint("oembed", __name__)

# Query options of /embed/<slug> that a pasted URL may carry over.
EMBED_OPTIONS = ("height", "event", "date", "from", "to", "theme", "panel", "list", "hide")
# What the embedded view needs: its scripts, and links that may open new tabs. Not its own
# origin: the basemap is a script, and event text (for stories too large to carry it) comes
# from an endpoint that allows any origin, so the frame runs with an opaque one.
SANDBOX = "allow-scripts allow-popups allow-popups-to-escape-sandbox"
DEFAULT_WIDTH, DEFAULT_HEIGHT = 800, 600
MIN_WIDTH, MIN_HEIGHT = 200, 200


def iframe_snippet(src: str, title: str, *, width: int | str = "100%", height: int = DEFAULT_HEIGHT) -> str:
    """A responsive iframe: full width of its column (``width`` caps it), fixed height."""
    max_width = f"{width}px" if isinstance(width, int) else "100%"
    return (f'<iframe src="{escape(src)}" title="{escape(title)}" width="{escape(str(width))}" '
            f'height="{int(height)}" style="width:100%;max-width:{max_width};border:0" '
            f'loading="lazy" sandbox="{SANDBOX}" referrerpolicy="strict-origin-when-cross-origin" '
            f'allow="fullscreen"></iframe>')


def _int_arg(name: str) -> int | None:
    value = request.args.get(name)
    if value is None or value == "":
        return None
    try:
        number = int(value)
    except ValueError:
        raise ValueError(f"{name} must be a whole number of pixels, not {value!r}") from None
    if number <= 0:
        raise ValueError(f"{name} must be positive, not {value!r}")
    return number


def _story_slug(url: str) -> tuple[str | None, dict[str, str]]:
    """The slug of a story URL of this site, and the embed options it carries."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or parts.netloc.lower() != request.host.lower():
        return None, {}
    root = request.script_root.rstrip("/")
    path = parts.path[len(root):] if root and parts.path.startswith(root) else parts.path
    segments = [s for s in path.split("/") if s]
    if len(segments) != 2 or segments[0] not in ("stories", "embed"):
        return None, {}
    options = {k: v for k, v in parse_qsl(parts.query) if k in EMBED_OPTIONS}
    fragment = dict(parse_qsl(parts.fragment))
    if fragment.get("event") and "event" not in options:
        options["event"] = fragment["event"]
    return segments[1], options


@bp.get("/oembed")
def oembed():
    url = (request.args.get("url") or "").strip()
    fmt = (request.args.get("format") or "json").lower()
    if fmt == "xml":
        return api_error("Only format=json is offered here.", 501)
    if fmt != "json":
        return api_error(f"Unknown format {fmt!r}: use format=json.", 400)
    if not url:
        return api_error("Give the story's address as ?url=, e.g. /oembed?url=https://example.org/stories/demo.", 400)
    try:
        maxwidth, maxheight = _int_arg("maxwidth"), _int_arg("maxheight")
    except ValueError as exc:
        return api_error(str(exc), 400)
    slug, options = _story_slug(url)
    prepared = library().get(slug) if slug else None
    if prepared is None:
        return api_error(f"No story of this site at {url!r}.", 404)

    try:
        height = max(MIN_HEIGHT, min(int(options.get("height", DEFAULT_HEIGHT)), 4000))
    except ValueError:
        height = DEFAULT_HEIGHT
    width = DEFAULT_WIDTH
    if maxwidth is not None:
        width = max(min(width, maxwidth), min(MIN_WIDTH, maxwidth))
    if maxheight is not None:
        height = max(min(height, maxheight), min(MIN_HEIGHT, maxheight))
    if "height" in options or maxheight is not None:
        options["height"] = str(height)
    src = url_for("embed.show", slug=prepared.slug, _external=True)
    if options:
        src += "?" + urlencode(options)
    title = f"{prepared.story.title} (interactive map and timeline)"
    body = {
        "version": "1.0",
        "type": "rich",
        "provider_name": "chronoatlas",
        "provider_url": url_for("library.index", _external=True),
        "title": prepared.story.title,
        "html": iframe_snippet(src, title, width=width, height=height),
        "width": width,
        "height": height,
        "cache_age": 3600,
    }
    if prepared.story.byline:
        body["author_name"] = prepared.story.byline
    response = jsonify(body)
    response.headers["Content-Security-Policy"] = api_csp()
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response


@bp.app_template_global("oembed_discovery_url")
def discovery_url(slug: str) -> str:
    """The ``<link rel="alternate" type="application/json+oembed">`` target of a story page."""
    story_url = url_for("story.show", slug=slug, _external=True)
    return url_for("oembed.oembed", url=story_url, format="json", _external=True)

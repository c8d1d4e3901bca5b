"""What the story and embed views share: finding a story and the viewer's page values."""
from __future__ import annotations

import re
from typing import Any

from flask import abort, current_app, url_for
from werkzeug.datastructures import MultiDict

from ..stories import PreparedStory, StoryLibrary
from ..vendor import SCRIPTS, STYLES

_NUMBER = re.compile(r"^[+-]?\d+(?:\.\d+)?$")


def library() -> StoryLibrary:
    return current_app.extensions["chronoatlas"]


def story_or_404(slug: str) -> PreparedStory:
    prepared = library().get(slug)
    if prepared is None:
        abort(404, description=f"No story called {slug!r} here.")
    return prepared


def _position(value: str | None, *, end: bool = False) -> float | None:
    """A query-string date as a decimal year; the timeline package reads the text."""
    if not value:
        return None
    from timeline.dates import DateError, parse_date
    try:
        date = parse_date(value)
    except DateError:
        if _NUMBER.match(value.strip()):
            return float(value)
        return None
    return date.end_position() if end else date.position


def initial_state(args: MultiDict) -> dict[str, Any]:
    """Where the view opens: ``event=``, ``date=``, ``from=``/``to=`` (ignored when unreadable)."""
    state: dict[str, Any] = {}
    if args.get("event"):
        state["event"] = args["event"][:200]
    for key, end in (("date", False), ("from", False), ("to", True)):
        pos = _position(args.get(key), end=end)
        if pos is not None:
            state[key] = pos
    return state


def viewer_context(prepared: PreparedStory, *, embed: bool, args: MultiDict,
                   options: dict[str, Any] | None = None) -> dict[str, Any]:
    parts = prepared.map_parts
    config = {
        "slug": prepared.slug,
        "embed": embed,
        "names": parts.names,
        "spec": prepared.vega_spec,
        "extent": {p["name"]: p["value"] for p in prepared.spec["params"]
                   if p["name"] in ("wmin", "wmax")},
        "basemapUrl": url_for("story.basemap"),
        "detailUrl": url_for("api.event_detail", slug=prepared.slug, event_id="__ID__"),
        "initial": initial_state(args),
        "route": bool(prepared.story.settings.get("route", False)),
        "options": options or {},
    }
    return {
        "prepared": prepared,
        "story": prepared.story,
        "data": prepared.page,
        "data_json": prepared.page_json,
        "config": config,
        "map_html": parts.html,
        "scripts": SCRIPTS,
        "styles": STYLES,
        "embed": embed,
        "options": options or {},
    }


def csp_img_hosts(prepared: PreparedStory) -> list[str]:
    return prepared.csp_img_sources


def csp_media_hosts(prepared: PreparedStory) -> list[str]:
    """The operator's media hosts (web.content.media); a stored story has the default: none."""
    return list(getattr(prepared, "csp_media_sources", ()))

"""Security headers, set per view: a strict Content-Security-Policy and friends.

No ``unsafe-eval`` (Vega runs through vega-interpreter), no inline script (data travels in
``<script type="application/json">`` blocks), no inline style, and no other host unless
the story opted into tile layers.
"""
from __future__ import annotations

import re
from typing import Iterable

from flask import Response

__all__ = ["page_csp", "api_csp", "apply_headers"]


# What a CSP source may look like here: a scheme-host(-port) origin, a keyword or ``*``.
# Anything else (a ``;`` or a space smuggled in) is dropped, so no text can add directives.
_HOST_SOURCE = re.compile(r"https://(?:\*\.)?[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?(?::\d{1,5})?\Z")
# Media hosts (web.content.media) may also be a loopback http origin: a local stand-in for a host.
_MEDIA_SOURCE = re.compile(
    r"(?:https://(?:\*\.)?[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?|http://(?:127\.0\.0\.1|localhost))"
    r"(?::\d{1,5})?\Z")
_ANCESTOR = re.compile(r"(?:'none'|'self'|\*|https?://(?:\*\.)?[a-z0-9.-]+(?::\d{1,5})?)\Z")


def csp_sources(values: Iterable[str], pattern: re.Pattern = _HOST_SOURCE) -> list[str]:
    """Only the values that are one well-formed source each, in order, once."""
    return list(dict.fromkeys(v for v in values if isinstance(v, str) and pattern.match(v)))


def page_csp(*, frame_ancestors: str = "'none'", img_hosts: Iterable[str] = (),
             media_hosts: Iterable[str] = (), frame_self: bool = False) -> str:
    """The viewer's policy. ``img_hosts``: tile layers; ``media_hosts``: the operator's
    media hosts (web.content.media), which images, frames (YouTube...) and audio/video may use:
    exactly these, nothing a story names. ``frame_self``: the page frames this site's own
    pages (the studio's preview)."""
    media = csp_sources(media_hosts, _MEDIA_SOURCE)
    frames = (["'self'"] if frame_self else []) + media
    img = " ".join(["'self'", "data:", *csp_sources(img_hosts), *media])
    frame_ancestors = " ".join(csp_sources(str(frame_ancestors).split(), _ANCESTOR)) or "'none'"
    return "; ".join([
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        f"img-src {img}",
        "media-src " + " ".join(["'self'", *media]),
        "frame-src " + (" ".join(frames) or "'none'"),
        "connect-src 'self'",
        "font-src 'self'",
        "base-uri 'none'",
        "form-action 'self'",
        "object-src 'none'",
        f"frame-ancestors {frame_ancestors}",
    ])


def api_csp() -> str:
    return "default-src 'none'; frame-ancestors 'none'; base-uri 'none'"


def apply_headers(response: Response, *, csp: str | None = None, framable: bool = False) -> Response:
    """Set the headers a view asked for; anything unset gets the strict default."""
    headers = response.headers
    if framable:
        response.chronoatlas_framable = True  # the app-wide pass must not add DENY
    framable = framable or getattr(response, "chronoatlas_framable", False)
    if csp is not None:
        headers["Content-Security-Policy"] = csp
    headers.setdefault("Content-Security-Policy", page_csp())
    if not framable:
        headers.setdefault("X-Frame-Options", "DENY")
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("Referrer-Policy", "same-origin")
    headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
    return response

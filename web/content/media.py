"""Event media as readers see it: what kind it is, which host it would come from, and
whether this page may load it.

Remote media are requests to third parties the reader did not ask for. Only hosts the
operator lists (``MEDIA_HOSTS``, ``serve --media-host``) load directly, and the page's
CSP names exactly those hosts (:func:`csp_sources`). Any other host is shown as a
placeholder naming it, whose link opens the media on that host in a new tab: the CSP
would refuse to load it in the page. Like tile hosts (``timeline.tiles``), entries are
parsed and re-serialised; nothing a story says reaches a header.

Kinds follow TimelineJS's media types: image, YouTube, Vimeo, SoundCloud, Wikipedia,
Flickr, tweets, PDFs, audio/video files, pasted ``<blockquote>`` and ``<iframe>`` HTML.
Local media (a relative path beside a file story) come from the instance itself.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterable
from urllib.parse import parse_qs, quote, urlsplit

from .richtext import clean_html, render_inline

__all__ = ["MediaHost", "MediaPolicy", "MediaHostError", "parse_media_host", "csp_sources",
           "describe", "background"]

_LABEL = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\Z")
_LOOPBACK = {"127.0.0.1", "localhost", "[::1]"}
_IMAGE = {".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg", ".bmp"}
_AUDIO = {".mp3", ".ogg", ".oga", ".wav", ".m4a", ".flac"}
_VIDEO = {".mp4", ".webm", ".ogv", ".mov", ".m4v"}
_ID = re.compile(r"[A-Za-z0-9_-]{6,20}\Z")
EXPECTED = ("a host name (upload.wikimedia.org), *.example.org for its subdomains, or an "
            "origin such as https://media.example.org:8443 (http:// only for 127.0.0.1 or localhost)")


class MediaHostError(ValueError):
    """An operator's media host entry that is not one host."""


@dataclass(frozen=True)
class MediaHost:
    scheme: str
    host: str  # may start with "*." (any subdomain)
    port: int | None = None

    @property
    def csp_source(self) -> str:
        return f"{self.scheme}://{self.host}" + (f":{self.port}" if self.port else "")

    def admits(self, scheme: str, host: str, port: int | None) -> bool:
        if scheme != self.scheme or port != self.port:
            return False
        if self.host.startswith("*."):
            return host.endswith(self.host[1:])
        return host == self.host


def parse_media_host(entry: str) -> MediaHost:
    """One operator entry -> MediaHost; raises MediaHostError saying what was expected."""
    text = str(entry).strip().lower()
    scheme, port = "https", None
    if "://" in text:
        scheme, _, text = text.partition("://")
        text = text.rstrip("/")
        if scheme not in ("http", "https"):
            raise MediaHostError(f"media host {entry!r}: scheme must be https; expected {EXPECTED}")
    if any(c in text for c in "/?#@ ;,'\"\\"):
        raise MediaHostError(f"media host {entry!r} is not a host; expected {EXPECTED}")
    host, colon, port_text = text.rpartition(":") if text.count(":") == 1 else (text, "", "")
    if colon:
        if not port_text.isascii() or not port_text.isdigit() or not 0 < int(port_text) < 65536:
            raise MediaHostError(f"media host {entry!r}: the port is not 1-65535")
        port = int(port_text)
        if port == {"http": 80, "https": 443}[scheme]:
            port = None
    name = host[2:] if host.startswith("*.") else host
    if name in _LOOPBACK and name != host:
        raise MediaHostError(f"media host {entry!r}: no wildcard for a loopback address")
    labels = name.split(".")
    if name not in _LOOPBACK and (len(labels) < 2 or not all(_LABEL.match(x) for x in labels)):
        raise MediaHostError(f"media host {entry!r} is not a domain name; expected {EXPECTED}")
    if scheme == "http" and name not in _LOOPBACK:
        raise MediaHostError(f"media host {entry!r}: http:// is only for 127.0.0.1 or localhost "
                             "(a test stand-in); media from other hosts need https")
    return MediaHost(scheme, host, port)


def parse_media_hosts(entries: Iterable[str] | str) -> tuple[MediaHost, ...]:
    """Every entry parsed; a plain string (an environment variable) may list several,
    separated by commas or spaces."""
    if isinstance(entries, str):
        entries = entries.replace(",", " ").split()
    return tuple(dict.fromkeys(parse_media_host(e) for e in entries or () if str(e).strip()))


def csp_sources(hosts: Iterable[MediaHost]) -> list[str]:
    """The CSP sources of the allowed media hosts, exactly these, in order."""
    return list(dict.fromkeys(h.csp_source for h in hosts))


@dataclass(frozen=True)
class MediaPolicy:
    """What a page may load: the operator's hosts, and how a local path becomes a URL
    (served by the instance, or a data: URI in a single-file export); None: not found."""

    hosts: tuple[MediaHost, ...] = ()
    local: Callable[[str], str | None] | None = None

    def allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        if parts.username is not None or not parts.hostname:
            return False
        port = _port(parts)
        host = parts.hostname.lower()
        return any(h.admits(parts.scheme.lower(), host, port) for h in self.hosts)


def _ext(path: str) -> str:
    m = re.search(r"(\.[a-z0-9]{2,5})$", path.lower())
    return m.group(1) if m else ""


def _remote(url: str) -> tuple[str, str] | None:
    """``(kind, src)`` for a remote URL, src being what the page would load."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    path = parts.path
    bare = host[4:] if host.startswith("www.") else host
    if bare in ("youtube.com", "m.youtube.com", "youtu.be", "youtube-nocookie.com"):
        bits = path.strip("/").split("/")
        if bare == "youtu.be":
            vid = bits[0]
        elif bits[0] == "watch":
            vid = parse_qs(parts.query).get("v", [""])[0]
        else:
            vid = bits[1] if len(bits) == 2 and bits[0] in ("embed", "shorts", "live", "v") else ""
        if _ID.match(vid or ""):
            return "video", f"https://www.youtube-nocookie.com/embed/{vid}"
    if bare == "vimeo.com" and path.strip("/").split("/")[-1].isdigit():
        return "video", f"https://player.vimeo.com/video/{path.strip('/').split('/')[-1]}"
    if host == "player.vimeo.com":
        return "video", url
    if bare == "soundcloud.com":
        return "audio-frame", "https://w.soundcloud.com/player/?url=" + quote(url, safe="")
    if bare.endswith("wikipedia.org"):
        return "wikipedia", ""
    if bare in ("twitter.com", "x.com", "mobile.twitter.com"):
        return "post", ""
    if bare in ("flickr.com", "flic.kr") or bare.endswith(".flickr.com") and _ext(path) not in _IMAGE:
        return "flickr", ""
    ext = _ext(path)
    if ext in _IMAGE:
        return "image", url
    if ext in _AUDIO:
        return "audio", url
    if ext in _VIDEO:
        return "video-file", url
    if ext == ".pdf":
        return "document", url
    return "page", ""


_NOUN = {"image": "image", "video": "video", "video-file": "video", "audio": "audio",
         "audio-frame": "audio", "document": "document", "wikipedia": "article",
         "post": "post", "flickr": "photo", "page": "page", "quote": "quote"}


def _quote(html: str) -> dict:
    """A pasted ``<blockquote>`` (a tweet's embed code, a quotation): its text, cleaned."""
    return {"kind": "quote", "html": clean_html(html)}


def describe(url: str | None, policy: MediaPolicy, *, alt: str | None = None,
             caption: str | None = None, credit: str | None = None,
             link: str | None = None) -> dict | None:
    """What the viewer needs to show one piece of media (see module docstring).

    ``load`` is "direct" (the page may load ``src``), "away" (only a link to ``href`` on
    ``host``, opened in a new tab) or "none" (nothing usable: the address is shown)."""
    if not url or not url.strip():
        return None
    url = url.strip()
    out: dict = {"alt": (alt or "").strip(), "caption": render_inline(caption),
                 "credit": render_inline(credit)}
    low = url[:20].lower()
    if low.startswith("<blockquote"):
        return {**out, **_quote(url), "load": "direct"}
    if low.startswith("<iframe"):
        m = re.search(r"""\ssrc\s*=\s*["']([^"']+)["']""", url, re.I)
        url = m.group(1).strip() if m else ""
        if url.startswith("//"):
            url = "https:" + url
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme in ("http", "https") and parts.hostname:
        kind, src = _remote(url)
        src_allowed = bool(src) and policy.allowed(src)
        href = _safe(link) or url
        return {**out, "kind": kind, "noun": _NOUN[kind], "host": _netloc(src or url),
                "src": src if src_allowed else None, "href": href, "hrefHost": _netloc(href),
                "load": "direct" if src_allowed else "away"}
    if scheme == "data" and low.startswith("data:image/") and len(url) < 2_000_000:
        return {**out, "kind": "image", "noun": "image", "host": "", "src": url, "href": None,
                "load": "direct"}
    if not scheme and not url.startswith(("/", "\\")) and policy.local is not None:
        src = policy.local(url)
        if src:
            kind = _remote("https://local.invalid/" + url)[0]
            kind = kind if kind in ("image", "audio", "video-file", "document") else "page"
            return {**out, "kind": kind, "noun": _NOUN[kind], "host": "", "src": src,
                    "href": src if not src.startswith("data:") else None, "load": "direct"}
    return {**out, "kind": "none", "noun": "media", "address": url[:300], "load": "none"}


def _port(parts) -> int | None:
    """The URL's port, None when it is the scheme's default (or not a number)."""
    try:
        port = parts.port
    except ValueError:
        return None
    return None if port == {"http": 80, "https": 443}.get(parts.scheme.lower()) else port


def _netloc(url: str) -> str:
    parts = urlsplit(url)
    port = _port(parts)
    return (parts.hostname or "").lower() + (f":{port}" if port else "")


def _safe(url: str | None) -> str | None:
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None


def background(bg: dict | None, policy: MediaPolicy) -> dict | None:
    """An event's background: a checked colour, and an image by the media rules."""
    if not bg:
        return None
    from timeline.identity import valid_colour

    out = {}
    colour = valid_colour(bg.get("color")) if bg.get("color") else None
    if colour:
        out["color"] = colour
    if bg.get("url"):
        image = describe(bg["url"], policy)
        if image and image.get("kind") == "image":
            out["image"] = {k: image.get(k) for k in ("src", "load", "host", "href")}
    return out or None

"""Tile sources: parsed and checked once, so nothing a story says reaches a header raw.

A tile URL is a Leaflet template (``https://{s}.tile.example.org/{z}/{x}/{y}.png``). A
story's ``settings.tiles`` once put its hostname into the page's Content-Security-Policy
unchecked, and a ``;`` in it added directives. Here a source is parsed into parts under a
strict grammar (https only, hostname labels of letters, digits and hyphens, an optional
``{s}`` subdomain label, an optional port, a path of plain URL characters), and the only
thing a header may carry is :attr:`TileSource.csp_source`, re-serialised from those parts.

Which hosts may be used is the operator's decision (see :func:`allowed`), not the story's.
Pure values in, values out: no Flask, no network.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any, Iterable, Mapping

__all__ = ["PRESETS", "TileSource", "TileSourceError", "parse_tile_source", "host_allowed",
           "check_story_tiles"]

PRESETS: dict[str, dict[str, Any]] = {
    "osm": {
        "name": "OpenStreetMap",
        "url": "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
        "attribution": '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
        "max_zoom": 19,
    },
    "opentopomap": {
        "name": "OpenTopoMap",
        "url": "https://{s}.tile.opentopomap.org/{z}/{x}/{y}.png",
        "attribution": 'Map data &copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> '
                       'contributors, SRTM | style &copy; <a href="https://opentopomap.org">OpenTopoMap</a>',
        "max_zoom": 17,
    },
}

MAX_URL = 2000
MAX_NAME = 200
_LABEL = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\Z")
_TLD = re.compile(r"[a-z][a-z0-9-]*[a-z0-9]\Z|[a-z]\Z")
# The path and query of a template: unreserved and sub-delimiter characters, percent
# escapes and Leaflet's {placeholders}; no quotes, spaces, backslashes or angle brackets.
_REST = re.compile(r"(?:[A-Za-z0-9\-._~!$&()*+,;=:@/?]|%[0-9A-Fa-f]{2}|\{[a-z]+\})*\Z")
_PLACEHOLDERS = {"s", "z", "x", "y", "r"}
EXPECTED_URL = ("an https URL template such as 'https://{s}.tile.example.org/{z}/{x}/{y}.png' "
                "(host of letters, digits, '-' and '.'; no user, no spaces or quotes)")


class TileSourceError(ValueError):
    """A tile source that cannot be used; ``field`` says which part of it (``url``...)."""

    def __init__(self, message: str, *, field: str = "url", found: Any = None,
                 expected: str | None = None) -> None:
        super().__init__(message)
        self.message, self.field, self.found, self.expected = message, field, found, expected


@dataclass(frozen=True)
class TileSource:
    """A checked tile layer. ``host`` may start with ``{s}.`` (any one subdomain)."""

    name: str
    url: str
    host: str
    port: int | None
    attribution: str
    max_zoom: int

    @property
    def csp_source(self) -> str:
        """The CSP ``img-src`` source for this layer, built only from parsed parts."""
        host = "*." + self.host[4:] if self.host.startswith("{s}.") else self.host
        return f"https://{host}" + (f":{self.port}" if self.port else "")

    def to_dict(self) -> dict[str, Any]:
        # Leaflet (and folium) want a credit line: the host, when the source gave none
        credit = self.attribution or "Tiles: " + self.csp_source.removeprefix("https://")
        return {"name": self.name, "url": self.url, "attribution": credit,
                "max_zoom": self.max_zoom}


def _hostname(text: str) -> str:
    host = text.lower()
    if len(host) > 253 or "." not in host:
        raise TileSourceError("the tile URL's host is not a domain name", found=text,
                              expected=EXPECTED_URL)
    labels = host.split(".")
    for i, label in enumerate(labels):
        if i == 0 and label == "{s}":
            continue
        if not _LABEL.match(label):
            raise TileSourceError("the tile URL's host is not a domain name", found=text,
                                  expected=EXPECTED_URL)
    if not _TLD.match(labels[-1]):
        raise TileSourceError("the tile URL's host is not a domain name (an IP address or a "
                              "bare number is not allowed)", found=text, expected=EXPECTED_URL)
    return host


def parse_url(url: Any) -> tuple[str, str, int | None]:
    """``(url, host, port)`` of a tile URL template; raises TileSourceError."""
    if not isinstance(url, str) or not url:
        raise TileSourceError("a tile source needs a URL", found=url, expected=EXPECTED_URL)
    if len(url) > MAX_URL:
        raise TileSourceError(f"the tile URL is longer than {MAX_URL} characters",
                              found=url[:60] + "...", expected=EXPECTED_URL)
    scheme, sep, rest = url.partition("://")
    if not sep or scheme.lower() != "https":
        raise TileSourceError("a tile URL must start with https://", found=url,
                              expected=EXPECTED_URL)
    cut = min((i for i in (rest.find("/"), rest.find("?")) if i >= 0), default=len(rest))
    authority, tail = rest[:cut], rest[cut:]
    if "@" in authority:
        raise TileSourceError("a tile URL must not carry a user name", found=url,
                              expected=EXPECTED_URL)
    host_text, colon, port_text = authority.partition(":")
    port = None
    if colon:
        if not port_text.isascii() or not port_text.isdigit() or not 0 < int(port_text) < 65536:
            raise TileSourceError("the tile URL's port is not a number 1-65535", found=url,
                                  expected=EXPECTED_URL)
        port = int(port_text)
    host = _hostname(host_text)
    if not _REST.match(tail):
        raise TileSourceError("the tile URL's path has characters a URL cannot carry", found=url,
                              expected=EXPECTED_URL)
    unknown = set(re.findall(r"\{([a-z]+)\}", tail)) - _PLACEHOLDERS
    if unknown:
        raise TileSourceError(f"unknown placeholder {{{sorted(unknown)[0]}}} in the tile URL",
                              found=url, expected="placeholders {s}, {z}, {x}, {y}, {r}")
    return f"https://{host}" + (f":{port}" if port else "") + tail, host, port


def _max_zoom(value: Any) -> int:
    if value is None:
        return 18
    if isinstance(value, bool) or not isinstance(value, (int, float)) or (
            isinstance(value, float) and (not math.isfinite(value) or value != int(value))):
        raise TileSourceError("max_zoom is not a whole number", field="max_zoom", found=value,
                              expected="a whole number 0 to 24")
    if not 0 <= value <= 24:
        raise TileSourceError("max_zoom is out of range", field="max_zoom", found=value,
                              expected="a whole number 0 to 24")
    return int(value)


def _text(value: Any, field: str, limit: int) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise TileSourceError(f"{field} is not text", field=field, found=value, expected="text")
    if len(value) > limit:
        raise TileSourceError(f"{field} is longer than {limit} characters", field=field,
                              found=value[:60] + "...", expected=f"at most {limit} characters")
    return value


def parse_tile_source(value: Any) -> TileSource:
    """A preset name (``"osm"``) or a mapping with ``url`` (and optional ``name``,
    ``attribution``, ``max_zoom``) -> TileSource; raises TileSourceError.

    The attribution is kept as given: whoever puts it in a page must sanitise it.
    """
    if isinstance(value, str):
        if value not in PRESETS:
            raise TileSourceError(f"unknown tile layer {value!r}", field="", found=value,
                                  expected="one of " + ", ".join(sorted(PRESETS)) + " or a mapping with url")
        value = PRESETS[value]
    if not isinstance(value, Mapping):
        raise TileSourceError("a tile source is a preset name or a mapping with url", field="",
                              found=value, expected="a mapping with url (and name, attribution, max_zoom)")
    url, host, port = parse_url(value.get("url"))
    name = _text(value.get("name"), "name", MAX_NAME) or (host[4:] if host.startswith("{s}.") else host)
    return TileSource(name=name, url=url, host=host, port=port,
                      attribution=_text(value.get("attribution"), "attribution", 5000),
                      max_zoom=_max_zoom(value.get("max_zoom")))


def host_allowed(source: TileSource, allowed_hosts: Iterable[str]) -> bool:
    """Whether the operator's allow-list admits ``source``: an entry is a hostname
    (``tile.example.org``) or ``*.example.org`` (any subdomain). A ``{s}`` host needs the
    wildcard entry of its parent (or the same ``{s}.`` template host)."""
    host = source.host
    for entry in allowed_hosts:
        entry = str(entry).strip().lower()
        if not entry:
            continue
        if entry == host:
            return True
        if entry.startswith("*.") and (host.endswith(entry[1:]) or host == "{s}." + entry[2:]):
            return True
    return False


def check_story_tiles(tiles: Any) -> list[TileSourceError]:
    """Problems of a story's ``settings.tiles``, each with ``field`` set to its path
    inside the list (``[0].url``); used by ``validate``."""
    if tiles is None:
        return []
    if not isinstance(tiles, list):
        return [TileSourceError("settings.tiles is not a list", field="", found=tiles,
                                expected="a list of tile sources")]
    problems = []
    for i, item in enumerate(tiles[:100]):
        try:
            parse_tile_source(item)
        except TileSourceError as exc:
            exc.field = f"[{i}]" + (f".{exc.field}" if exc.field else "")
            problems.append(exc)
    if len(tiles) > 100:
        problems.append(TileSourceError("more than 100 tile sources", field="", found=len(tiles),
                                        expected="at most 100"))
    return problems

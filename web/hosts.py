"""The site's public address comes from the operator, never from the request's Host.

oEmbed answers and a story page's embed snippet carry absolute URLs. Built from the
``Host`` header, a forged request could make them point anywhere (and a cache would keep
that answer for everyone). With ``PUBLIC_URL`` set, :class:`PublicURL` puts the
configured scheme, host and path prefix into every request's WSGI environ before Flask
sees it, so ``url_for(..., _external=True)`` and ``request.host`` say the configured
address whatever the client sent. Without it, Flask's ``TRUSTED_HOSTS`` setting refuses
(400) any Host not listed.
"""
from __future__ import annotations

import re
from typing import Any, Callable, Iterable
from urllib.parse import urlsplit

__all__ = ["PublicURL", "parse_public_url"]

_HOST = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\Z"
                   r"|\[[0-9a-f:.]+\]\Z")
_PREFIX = re.compile(r"(?:/[A-Za-z0-9\-._~%!$&'()*+,;=:@]+)*\Z")


def parse_public_url(url: str) -> tuple[str, str, str]:
    """``(scheme, netloc, prefix)`` of an operator's ``PUBLIC_URL``; ValueError says what
    is wrong with it."""
    expected = "expected an address such as https://maps.example.org or https://example.org/maps"
    parts = urlsplit(str(url).strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"PUBLIC_URL {url!r} is not an http(s) address; {expected}")
    if parts.username or parts.password or parts.query or parts.fragment:
        raise ValueError(f"PUBLIC_URL {url!r} must not carry a user, query or fragment; {expected}")
    if not _HOST.match(parts.hostname):
        raise ValueError(f"PUBLIC_URL {url!r}: {parts.hostname!r} is not a host name; {expected}")
    try:
        port = parts.port
    except ValueError:
        raise ValueError(f"PUBLIC_URL {url!r}: the port is not a number; {expected}") from None
    prefix = parts.path.rstrip("/")
    if not _PREFIX.match(prefix):
        raise ValueError(f"PUBLIC_URL {url!r}: the path has characters a URL cannot carry; {expected}")
    netloc = parts.hostname + (f":{port}" if port else "")
    return parts.scheme, netloc, prefix


class PublicURL:
    """WSGI middleware: the request is taken to have arrived at the configured address."""

    def __init__(self, app: Callable, url: str) -> None:
        self.app = app
        self.scheme, self.netloc, self.prefix = parse_public_url(url)

    def __call__(self, environ: dict[str, Any], start_response: Callable) -> Iterable[bytes]:
        environ["HTTP_HOST"] = self.netloc
        environ["SERVER_NAME"] = self.netloc.rsplit(":", 1)[0] if not self.netloc.endswith("]") else self.netloc
        environ["SERVER_PORT"] = (self.netloc.rsplit(":", 1)[1] if re.search(r":\d+\Z", self.netloc)
                                  else ("443" if self.scheme == "https" else "80"))
        environ["wsgi.url_scheme"] = self.scheme
        environ.pop("HTTP_X_FORWARDED_HOST", None)
        if self.prefix:
            path = environ.get("PATH_INFO", "")
            if path == self.prefix or path.startswith(self.prefix + "/"):
                environ["PATH_INFO"] = path[len(self.prefix):] or "/"
            environ["SCRIPT_NAME"] = self.prefix
        return self.app(environ, start_response)

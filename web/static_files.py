"""``/static/...`` served from memory.

The files are small and few (the vendored libraries, the glue, styles): read once, kept,
and sent as bytes with a content hash for an ETag, so a revisit costs a 304. This also
keeps open file handles out of the response: Werkzeug's development server (the one
``chronoatlas serve`` runs) does not close a streamed file when the browser drops the
connection mid-transfer, which it does when a reader leaves a page early.
"""
from __future__ import annotations

import hashlib
import mimetypes
import os
from functools import lru_cache
from pathlib import Path

from flask import Response, abort, request
from werkzeug.security import safe_join

__all__ = ["STATIC_DIR", "serve_static"]

STATIC_DIR = Path(__file__).resolve().parent / "static"


@lru_cache(maxsize=128)
def _read(path: str, mtime_ns: int, size: int) -> tuple[bytes, str]:
    """The file's bytes and ETag; a changed file (mtime, size) is read again."""
    data = Path(path).read_bytes()
    return data, hashlib.sha256(data).hexdigest()[:32]


def serve_static(filename: str) -> Response:
    path = safe_join(str(STATIC_DIR), filename)
    if path is None or not os.path.isfile(path):
        abort(404)
    stat = os.stat(path)
    data, etag = _read(path, stat.st_mtime_ns, stat.st_size)
    response = Response(data, mimetype=mimetypes.guess_type(path)[0] or "application/octet-stream")
    response.set_etag(etag)
    response.headers["Cache-Control"] = "no-cache"  # revalidate: a new release changes files
    if path.endswith(".js"):
        # Module scripts are fetched in CORS mode: the sandboxed embed iframe has an
        # opaque origin ("null"), and its imports of /static/js/*.js need this to load.
        # These are public files, read without credentials.
        response.headers["Access-Control-Allow-Origin"] = "*"
    return response.make_conditional(request)

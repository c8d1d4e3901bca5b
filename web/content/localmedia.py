"""Media files beside a file story (``media: portrait.jpg``), served by the instance at
``/media/<slug>/<path>`` or inlined as data: URIs in a single-file export.

Only files under the story's folder with a media file extension are reachable: no
``..``, no hidden files, no absolute paths, nothing else the folder holds (the story file
itself, other data). The widget inlines them within a size budget and says what it left
out rather than dropping it.
"""
from __future__ import annotations

import base64
import mimetypes
from pathlib import Path, PurePosixPath
from urllib.parse import quote, unquote

from typing import Any, Iterable

from flask import Blueprint, abort, current_app, send_file

from .media import MediaPolicy

__all__ = ["bp", "local_file", "served_url", "served_policy", "folder_of", "Inliner", "MEDIA_TYPES"]

MEDIA_TYPES = {
    ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png", ".gif": "image/gif",
    ".webp": "image/webp", ".avif": "image/avif", ".svg": "image/svg+xml",
    ".mp3": "audio/mpeg", ".ogg": "audio/ogg", ".oga": "audio/ogg", ".wav": "audio/wav",
    ".m4a": "audio/mp4", ".mp4": "video/mp4", ".webm": "video/webm", ".ogv": "video/ogg",
    ".pdf": "application/pdf",
}
INLINE_FILE_MAX = 2_000_000  # bytes of one file inlined in a widget
INLINE_BUDGET = 8_000_000  # bytes of all of a widget's inlined media together


def local_file(root: Path | None, path: str) -> Path | None:
    """The file a story's relative media path names, if it is a media file under root."""
    if root is None or not path or len(path) > 500:
        return None
    rel = PurePosixPath(unquote(path.split("?", 1)[0].split("#", 1)[0]).replace("\\", "/"))
    if rel.is_absolute() or any(p in ("", "..") or p.startswith(".") for p in rel.parts):
        return None
    if rel.suffix.lower() not in MEDIA_TYPES:
        return None
    root = Path(root).resolve()
    target = (root / Path(*rel.parts)).resolve()
    if root not in target.parents or not target.is_file():
        return None
    return target


def served_url(slug: str, path: str) -> str:
    return f"/media/{quote(slug, safe='')}/{quote(PurePosixPath(path).as_posix(), safe='/')}"


def folder_of(source: Any) -> Path | None:
    """The folder of a story file (its local media live beside it); None otherwise."""
    if isinstance(source, (str, Path)) and Path(source).is_file():
        return Path(source).resolve().parent
    return None


def served_policy(hosts: Iterable, root: Path | None, slug: str) -> MediaPolicy:
    """The media policy of a served story: the operator's hosts, local files by URL."""
    def local(path: str) -> str | None:
        return served_url(slug, path) if local_file(root, path) else None
    return MediaPolicy(hosts=tuple(hosts), local=local if root else None)


class Inliner:
    """data: URIs for a widget's local media, until the budget is spent."""

    def __init__(self, root: Path | None, budget: int = INLINE_BUDGET) -> None:
        self.root, self.left = root, budget
        self.too_big: list[str] = []

    def __call__(self, path: str) -> str | None:
        target = local_file(self.root, path)
        # images only: the widget's CSP allows data: for img-src and nothing else
        if target is None or not MEDIA_TYPES[target.suffix.lower()].startswith("image/"):
            return None
        size = target.stat().st_size
        if size > INLINE_FILE_MAX or size > self.left:
            self.too_big.append(path)
            return None
        self.left -= size
        mime = MEDIA_TYPES[target.suffix.lower()]
        return f"data:{mime};base64,{base64.b64encode(target.read_bytes()).decode()}"


bp = Blueprint("media", __name__)


@bp.get("/media/<slug>/<path:name>")
def serve(slug: str, name: str):
    prepared = current_app.extensions["chronoatlas"].get(slug)
    target = local_file(getattr(prepared, "media_root", None), name)
    if target is None:
        abort(404, description="No such media file beside this story.")
    mime = MEDIA_TYPES.get(target.suffix.lower()) or mimetypes.guess_type(target.name)[0]
    response = send_file(target, mimetype=mime, conditional=True, max_age=3600)
    # an SVG opened on its own must not run script: the strictest policy for the file
    response.headers["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'; sandbox"
    return response

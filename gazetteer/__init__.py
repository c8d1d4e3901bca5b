"""chronoatlas gazetteer: offline place names -> places, with context-aware disambiguation.

``default_gazetteer()`` opens (building on first use) the on-disk index in the user cache
dir; ``resolve`` / ``resolve_all`` turn names into ``Resolution`` values.
"""
from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from typing import Any

from .errors import (
    GazetteerError,
    GeocoderConfigurationError,
    GeocoderError,
    GeocoderRateLimited,
    GeocoderTimedOut,
    GeocoderUnavailable,
    ImportFileError,
    IndexBuildError,
    IndexCorruptError,
    Problem,
)
from .model import AreaNames, Candidate, Resolution
from .resolve import Gazetteer

__all__ = [
    "AreaNames", "Candidate", "Gazetteer", "GazetteerError", "GeocoderConfigurationError", "GeocoderError",
    "GeocoderRateLimited", "GeocoderTimedOut", "GeocoderUnavailable", "ImportFileError",
    "IndexBuildError", "IndexCorruptError", "Problem", "Resolution", "default_gazetteer",
    "reset_default_gazetteer", "resolve", "resolve_all",
]

_default: Gazetteer | None = None
_default_key: tuple | None = None
_lock = threading.Lock()


def default_gazetteer() -> Gazetteer:
    """The process-wide Gazetteer over the index in the cache dir, built on first use.

    Re-checks the index location, so a changed ``CHRONOATLAS_CACHE_DIR`` is honoured.
    """
    global _default, _default_key
    from .index import ensure_index, index_path

    path = index_path()
    with _lock:
        if _default is not None and _default_key == (str(path),):
            return _default
        ensure_index(path)
        # an older instance may still be in use elsewhere: let it close when unreferenced
        _default = Gazetteer(path)
        _default_key = (str(path),)
        return _default


def reset_default_gazetteer() -> None:
    """Forget the cached Gazetteer (after an import or rebuild); holders of the old one
    keep a working (older) view."""
    global _default, _default_key
    with _lock:
        _default = None
        _default_key = None


def resolve(name: str, *, context: str | Iterable[Any] | None = None,
            country: str | None = None, year: int | None = None) -> Resolution:
    """``default_gazetteer().resolve(...)``."""
    return default_gazetteer().resolve(name, context=context, country=country, year=year)


def resolve_all(names: Sequence[str], *, context_text: str | None = None,
                country: str | None = None, years: Sequence[int | None] | None = None
                ) -> list[Resolution]:
    """``default_gazetteer().resolve_all(...)``."""
    return default_gazetteer().resolve_all(names, context_text=context_text, country=country,
                                           years=years)

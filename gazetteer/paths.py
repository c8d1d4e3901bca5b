"""Where the gazetteer keeps its files: the index (cache) and imported places (data)."""
from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP = "chronoatlas"


def cache_dir() -> Path:
    """The index lives here; ``CHRONOATLAS_CACHE_DIR`` overrides (tests use a tmp dir)."""
    override = os.environ.get("CHRONOATLAS_CACHE_DIR")
    path = Path(override) if override else Path(platformdirs.user_cache_dir(APP))
    return path


def data_dir() -> Path:
    """Imported user places live here, because a cache may be wiped and imports may not.

    ``CHRONOATLAS_DATA_DIR`` overrides; when only ``CHRONOATLAS_CACHE_DIR`` is set the
    imports live beside the index, so a test run never sees the user's own imports.
    """
    override = os.environ.get("CHRONOATLAS_DATA_DIR")
    if override:
        return Path(override)
    if os.environ.get("CHRONOATLAS_CACHE_DIR"):
        return Path(os.environ["CHRONOATLAS_CACHE_DIR"]) / "data"
    return Path(platformdirs.user_data_dir(APP))


def imports_dir() -> Path:
    return data_dir() / "gazetteer-imports"


def geocoder_dir() -> Path:
    """Online geocoders' answer cache and rate-limit stamps (``CHRONOATLAS_GEOCODER_DIR``
    overrides; default: the cache dir)."""
    override = os.environ.get("CHRONOATLAS_GEOCODER_DIR")
    return Path(override) if override else cache_dir()

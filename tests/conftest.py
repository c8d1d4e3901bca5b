"""Session-wide test setup shared by every package's tests."""
from __future__ import annotations

import os

import pytest


@pytest.fixture(scope="session", autouse=True)
def gazetteer_cache_dir(tmp_path_factory):
    """One gazetteer cache dir for the whole session, so the index is built at most once
    per test run and never in the user's real cache. Set CHRONOATLAS_TEST_CACHE_DIR to
    reuse an index across runs."""
    path = os.environ.get("CHRONOATLAS_TEST_CACHE_DIR") or str(tmp_path_factory.mktemp("chronoatlas-cache"))
    saved = {k: os.environ.get(k) for k in ("CHRONOATLAS_CACHE_DIR", "CHRONOATLAS_DATA_DIR")}
    os.environ["CHRONOATLAS_CACHE_DIR"] = path
    os.environ.pop("CHRONOATLAS_DATA_DIR", None)
    yield path
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value

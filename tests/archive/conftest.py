"""Archive tests run a real Dask LocalCluster (two worker processes) over real extraction."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
pytest.importorskip("distributed")
pytest.importorskip("duckdb")
pytest.importorskip("pyarrow")


@pytest.fixture(scope="session")
def cluster_client(gazetteer_cache_dir):
    """One LocalCluster for the archive tests; workers inherit the test gazetteer cache."""
    from gazetteer import default_gazetteer
    from timeline.archive.build import dask_client

    default_gazetteer()  # built once here, not by two workers at once
    with dask_client(workers=2) as client:
        yield client


@pytest.fixture
def newsroom(tmp_path) -> Path:
    """A copy of the test archive (JSON lines) that a test may change."""
    path = tmp_path / "newsroom.jsonl"
    shutil.copy(DATA / "newsroom.jsonl", path)
    return path


def _load(name: str, path: Path):
    # tests/ has no packages and pytest imports by path: load the browser fixtures by path
    import importlib.util
    import sys

    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


_browser_conftest = _load("chronoatlas_browser_conftest",
                          Path(__file__).resolve().parents[1] / "browser" / "conftest.py")
browser = _browser_conftest.browser  # the session fixture of tests/browser, re-exported

from __future__ import annotations

from pathlib import Path

import pytest

def _shared() -> Path:
    """The first ``shared`` folder above the checkout (a worktree sits one level deeper)."""
    for parent in Path(__file__).resolve().parents[2:]:
        if (parent / "shared" / "articles").is_dir():
            return parent / "shared"
    return Path(__file__).resolve().parents[3] / "shared"


ARTICLE = _shared() / "articles" / "putin-mongolia-icc.txt"


@pytest.fixture(scope="session")
def gaz(gazetteer_cache_dir):
    """The default Gazetteer over the session's index (built once, in the session's cache
    dir set up by tests/conftest.py)."""
    from gazetteer import default_gazetteer

    return default_gazetteer()


@pytest.fixture(scope="session")
def spot(gaz):
    from gazetteer.spotting import spot as _spot

    def run(text: str, **kw):
        return _spot(text, gazetteer=gaz, **kw)

    return run


@pytest.fixture(scope="session")
def article() -> str:
    if not ARTICLE.is_file():
        pytest.skip(f"the shared test article is absent ({ARTICLE}); it lives in shared/ beside the repo")
    return ARTICLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def article_mentions(spot, article):
    return spot(article, published_year=2024)

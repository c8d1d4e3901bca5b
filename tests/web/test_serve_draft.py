"""An article's extracted draft is a story file like any other: ``extract`` then ``serve``."""
from pathlib import Path

import pytest
from click.testing import CliRunner

from web import create_app
from web.cli import main

ARTICLE = Path(__file__).resolve().parents[2].parent / "shared" / "articles" / "putin-mongolia-icc.txt"
pytestmark = pytest.mark.skipif(not ARTICLE.exists(), reason=f"seed article not found at {ARTICLE}")


@pytest.fixture(scope="module")
def draft_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("draft") / "putin-mongolia.yaml"
    result = CliRunner().invoke(main, ["extract", str(ARTICLE), "--published", "2024-08-30",
                                       "--to", "yaml", "-o", str(path)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return path


def test_the_draft_is_served_in_order_with_its_places(draft_file):
    client = create_app({"STORIES": [str(draft_file)]}).test_client()
    [item] = client.get("/api/stories").get_json()["stories"]
    story = client.get(f"/api/stories/{item['slug']}").get_json()
    starts = [e["start"] for e in story["events"]]
    assert starts == sorted(starts, key=lambda s: (s[:4], s))  # in time order, 1939 first
    assert starts[0].startswith("1939")
    battle = story["events"][0]
    assert any(p["status"] in ("resolved", "pinned") and abs(p["lat"] - 47.7) < 1 and abs(p["lon"] - 118.6) < 1
               for p in battle["places"]), battle["places"]
    assert any(e["start"] == "2024-09-03" for e in story["events"])
    page = client.get(f"/stories/{item['slug']}")
    assert page.status_code == 200 and "Khalkhin Gol" in page.get_data(as_text=True)

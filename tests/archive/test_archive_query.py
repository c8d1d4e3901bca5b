"""Asking an archive index for a story map: filters, merging across articles, the CLI,
and a story that opens in the viewer."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from timeline.archive.build import build
from timeline.archive.query import QueryError, query

DATA = Path(__file__).parent / "data"
REPO = Path(__file__).resolve().parents[2]
EVENTS_DEV = next((p for p in (REPO.parent / "shared" / "corpora" / "events-dev.jsonl",
                               REPO.parents[1] / "shared" / "corpora" / "events-dev.jsonl")
                   if p.is_file()), None)


@pytest.fixture(scope="module")
def built(tmp_path_factory, cluster_client):
    folder = tmp_path_factory.mktemp("archive")
    build(str(DATA / "newsroom.jsonl"), folder / "idx", client=cluster_client, partition_size=2)
    return folder / "idx"


def test_one_happening_reported_by_several_articles_is_one_event(built):
    result = query(built, place="Mongolia", start="2024-09", end="2024-09")
    visits = [e for e in result.story.events if e.start.isoformat() == "2024-09-03"]
    merged = max(visits, key=lambda e: len(e.sources))
    assert len(merged.sources) >= 2, [(e.title, e.sources) for e in visits]
    assert all(s.url.startswith("https://news.example.org/") for s in merged.sources)
    assert merged.text.count("> ") == len(merged.sources)  # each article quoted


def test_filters_place_period_and_words(built):
    mongolia = query(built, place="Mongolia")
    assert mongolia.story.events
    assert all(e.places for e in mongolia.story.events)
    assert not any("library" in e.title.lower() for e in mongolia.story.events)
    old = query(built, place="Mongolia", start="1930", end="1945")
    assert old.story.events and all(e.start.year == 1939 for e in old.story.events)
    icc = query(built, text="ICC")
    assert icc.story.events
    assert {a for e in icc.story.events for a in e.extra["articles"]} <= {
        "mn-2024-0830", "mn-2024-0903", "mn-2024-0904", "za-2023-0822"}
    ohio = query(built, place="Ohio")
    assert ohio.story.events and all("library" in (e.title + e.text).lower()
                                      or e.start.year in (2022, 2024) for e in ohio.story.events)
    dated = [e.start.sort_key() for e in mongolia.story.events]
    assert dated == sorted(dated)


def test_bad_queries_are_clear_errors(built, tmp_path):
    with pytest.raises(QueryError, match="--from") as bad_date:
        query(built, start="the day after")
    assert bad_date.value.field == "from" and bad_date.value.reason
    with pytest.raises(QueryError, match="not in the gazetteer") as bad_place:
        query(built, place="Qqxyzzyville")
    assert bad_place.value.field == "place" and str(bad_place.value).startswith("--place: ")
    from timeline.archive.layout import ArchiveIndexError

    with pytest.raises(ArchiveIndexError, match="not an archive index"):
        query(tmp_path)


def test_cli_query_writes_a_story_that_loads_back(built, tmp_path):
    from timeline.formats import load
    from web.cli import main

    out = tmp_path / "mongolia.yaml"
    result = CliRunner().invoke(main, ["archive", "query", str(built), "--place", "Mongolia",
                                       "--from", "1939", "--to", "2024", "--to", "yaml",
                                       "-o", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    story = load(str(out)).story
    assert story.events and story.title.startswith("Archive: Mongolia")
    bad = CliRunner().invoke(main, ["archive", "query", str(tmp_path / "none")])
    assert bad.exit_code == 1 and "not an archive index" in bad.output


@pytest.mark.skipif(EVENTS_DEV is None, reason="shared/corpora/events-dev.jsonl is absent")
def test_development_articles_give_a_mongolia_story_map_the_viewer_opens(tmp_path,
                                                                        cluster_client):
    from web import create_app
    from web.cli import main

    build(str(EVENTS_DEV), tmp_path / "idx", client=cluster_client)
    story_file = tmp_path / "mongolia.json"
    result = CliRunner().invoke(main, ["archive", "query", str(tmp_path / "idx"), "--place",
                                       "Mongolia", "--to", "json", "-o", str(story_file)],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    app = create_app({"TESTING": True, "STORIES": [str(story_file)]})
    client = app.test_client()
    listing = client.get("/api/stories").get_json()
    slug = next(s["slug"] for s in listing["stories"] if s["title"].startswith("Archive"))
    page = client.get(f"/stories/{slug}")
    assert page.status_code == 200
    data = client.get(f"/api/stories/{slug}").get_json()
    assert any(abs(p["lat"] - 47.7) < 1 or abs(p["lat"] - 47.9) < 1
               for e in data["events"] for p in e.get("places", []) if p.get("lat"))

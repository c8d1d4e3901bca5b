"""The store on a real database (SQLite file and PostgreSQL): revisions are append-only,
a stale base is a conflict, restore is a new revision, and only what is published shows."""
from __future__ import annotations

import threading

import pytest
from sqlalchemy import inspect, select, text

from timeline.errors import StoryFormatError
from web.store import Store, repository as repo
from web.store.models import Revision


def doc(title="Khalkhin Gol", n=2):
    return {"title": title, "events": [
        {"id": f"e{i}", "title": f"Event {i}", "start": f"{1939 + i}-05-11", "places": ["Ulaanbaatar"]}
        for i in range(n)]}


def test_migrations_create_the_schema_and_are_idempotent(store, database_url):
    tables = set(inspect(store.engine).get_table_names())
    assert {"stories", "revisions", "users", "api_tokens", "alembic_version"} <= tables
    again = Store(database_url)  # a second open runs no migration twice
    with again.session() as s:
        assert s.scalar(text("SELECT version_num FROM alembic_version")) == "0002"
    again.dispose()


def test_sqlite_runs_in_wal_with_foreign_keys(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    store.dispose()


def test_create_save_and_every_revision_is_kept(store):
    with store.session() as s:
        row = repo.create(s, doc())
        story_id = row.id
    assert row.revision == 1 and row.slug == "khalkhin-gol"
    changed = doc()
    changed["events"][0]["title"] = "Battle begins"
    del changed["events"][1]
    with store.session() as s:
        assert repo.save(s, story_id, changed, base=1) == 2
    with store.session() as s:
        row, rev = repo.current(s, story_id)
        assert row.revision == 2 and rev.document["events"][0]["title"] == "Battle begins"
        history = repo.revisions(s, story_id)
        assert [h.number for h in history] == [2, 1]
        assert history[0].changes["changed"] == {"e0": ["title"]}
        assert history[0].changes["removed"] == ["e1"]
        first = repo.revision(s, story_id, 1)
        assert first.document["events"][1]["title"] == "Event 1"


def test_stale_base_is_a_conflict_with_the_current_revision(store):
    with store.session() as s:
        story_id = repo.create(s, doc()).id
    mine, theirs = doc(), doc()
    mine["events"][0]["title"] = "Mine"
    theirs["events"][0]["title"] = "Theirs"
    with store.session() as s:
        repo.save(s, story_id, mine, base=1)
    with pytest.raises(repo.Conflict) as caught, store.session() as s:
        repo.save(s, story_id, theirs, base=1)
    assert caught.value.revision == 2
    assert caught.value.document["events"][0]["title"] == "Mine"
    assert caught.value.changes["changed"] == {"e0": ["title"]}
    with store.session() as s:
        assert s.scalar(select(Revision.id).where(Revision.number == 3)) is None


def test_concurrent_saves_from_one_base_only_one_wins(store):
    with store.session() as s:
        story_id = repo.create(s, doc()).id
    outcomes = []

    def attempt(i):
        d = doc()
        d["events"][0]["title"] = f"writer {i}"
        try:
            with store.session() as s:
                outcomes.append(repo.save(s, story_id, d, base=1))
        except repo.Conflict:
            outcomes.append("conflict")

    threads = [threading.Thread(target=attempt, args=(i,)) for i in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert sorted(outcomes, key=str) == [2] + ["conflict"] * 5


def test_invalid_document_is_refused_with_located_problems_and_nothing_stored(store):
    bad = doc()
    bad["events"][1]["start"] = "not a date"
    bad["events"][0]["places"] = [{"name": "X", "lat": 200, "lon": 0}]
    with pytest.raises(StoryFormatError) as caught, store.session() as s:
        repo.create(s, bad)
    fields = {p.field for p in caught.value.problems}
    assert {"events[1].start", "events[0].places[0].lat"} <= fields
    with store.session() as s:
        assert repo.count(s) == 0


def test_restore_brings_an_old_revision_back_as_a_new_one(store):
    with store.session() as s:
        story_id = repo.create(s, doc()).id
    for title in ("two", "three"):
        d = doc(title=title)
        with store.session() as s:
            repo.save(s, story_id, d, base=repo.current(s, story_id)[0].revision)
    with store.session() as s:
        assert repo.restore(s, story_id, 1) == 4
    with store.session() as s:
        row, rev = repo.current(s, story_id)
        assert rev.document["title"] == "Khalkhin Gol" and rev.action == "restore 1"
        assert [h.number for h in repo.revisions(s, story_id)] == [4, 3, 2, 1]


def test_only_published_stories_are_found_by_slug(store):
    with store.session() as s:
        story_id = repo.create(s, doc()).id
        assert repo.published_by_slug(s, "khalkhin-gol") is None
        repo.publish(s, story_id)
        assert repo.published_by_slug(s, "khalkhin-gol") == (story_id, 1)
        repo.unpublish(s, story_id)
        assert repo.published_by_slug(s, "khalkhin-gol") is None


def test_slugs_stay_unique(store):
    with store.session() as s:
        slugs = [repo.create(s, doc()).slug for _ in range(3)]
    assert slugs == ["khalkhin-gol", "khalkhin-gol-2", "khalkhin-gol-3"]


def test_revisions_cannot_be_orphaned(store):
    """Foreign keys hold on both backends: a revision needs its story."""
    from sqlalchemy.exc import IntegrityError
    with pytest.raises(IntegrityError), store.session() as s:
        s.add(Revision(story_id=999, number=1, snapshot={}, changes={}, action="x"))
        s.flush()


def test_a_save_revalidates_changed_events_and_locates_their_problems(store):
    """Unchanged events are taken from the validated previous revision; a bad edit deep
    in a long story is still refused, located at its own index."""
    with store.session() as s:
        story_id = repo.create(s, doc(n=40)).id
        stored = repo.current(s, story_id)[1].document
    edited = {**stored, "events": [dict(e) for e in stored["events"]]}
    edited["events"][33]["start"] = "the 33rd of Never"
    edited["events"][5]["title"] = "Fine edit"
    with pytest.raises(StoryFormatError) as caught, store.session() as s:
        repo.save(s, story_id, edited, base=1)
    assert [p.field for p in caught.value.problems] == ["events[33].start"]
    edited["events"][33]["start"] = "1972"
    edited["events"].append({"title": "New one", "start": "2001"})
    with store.session() as s:
        repo.save(s, story_id, edited, base=1)
        saved = repo.current(s, story_id)[1].document
    assert saved["events"][5]["title"] == "Fine edit" and saved["events"][33]["start"] == "1972"
    assert saved["events"][-1]["id"] == "new-one" and len({e["id"] for e in saved["events"]}) == 41

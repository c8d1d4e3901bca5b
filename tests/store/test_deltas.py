"""Revisions kept as deltas against a snapshot: every revision reads back exactly as it
was saved (from the rows alone, with no cache), restore and compare work across deltas
and snapshots, rows written before deltas existed still read, and a kill -9 of a process
saving deltas loses no committed revision."""
from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.exc import IntegrityError

from web.store import Store, delta, repository as repo
from web.store.models import Revision

ROOT = Path(__file__).resolve().parents[2]


def story(n=60):
    return {"title": "Deltas", "summary": "s", "events": [
        {"id": f"e{i}", "title": f"Event {i}", "start": f"{1900 + i}-05-11",
         "text": f"About event {i}."} for i in range(n)]}


def edits(seed: int, count: int):
    """A reproducible stream of edits: retitle, delete, add, move, retitle the story."""
    rng = random.Random(seed)
    doc = story()
    for n in range(count):
        doc = json.loads(json.dumps(doc))
        events = doc["events"]
        kind = rng.choice(["title", "title", "title", "delete", "add", "move", "story", "many"])
        if kind == "title":
            events[rng.randrange(len(events))]["title"] = f"Edit {n}"
        elif kind == "delete" and len(events) > 5:
            del events[rng.randrange(len(events))]
        elif kind == "add":
            events.insert(rng.randrange(len(events) + 1),
                          {"id": f"new-{n}", "title": f"New {n}", "start": "2001"})
        elif kind == "move":
            events.insert(rng.randrange(len(events)), events.pop(rng.randrange(len(events))))
        elif kind == "story":
            doc["title"] = f"Deltas {n}"
        else:  # enough changes at once that the save is a snapshot again
            for e in events[: len(events) // 2]:
                e["text"] = f"Rewritten at {n}."
        yield doc


def test_delta_round_trip_keeps_content_and_key_order():
    snap = story(30)
    doc = json.loads(json.dumps(snap))
    doc["events"][4]["title"] = "Changed"
    doc["events"].insert(0, doc["events"].pop(17))
    doc["x-note"] = "kept"
    d = delta.encode(doc, snap)
    assert d is not None and sum(1 for item in d["events"] if isinstance(item, dict)) == 1
    back = delta.decode(json.loads(json.dumps(d)), snap)
    assert back == doc and list(back) == list(doc)
    assert [list(e) for e in back["events"]] == [list(e) for e in doc["events"]]
    many = json.loads(json.dumps(snap))
    for e in many["events"][:10]:
        e["title"] = "x"
    assert delta.encode(many, snap) is None  # a third of the events differ: keep it whole


def test_every_revision_reads_back_as_saved_from_the_rows_alone(database_url):
    store = Store(database_url)
    saved = {}
    with store.session() as s:
        story_id = repo.create(s, story()).id
        saved[1] = repo.current(s, story_id)[1].document
    for doc in edits(seed=7, count=60):
        with store.session() as s:
            number = repo.save(s, story_id, doc, base=max(saved))
            saved[number] = repo.revision(s, story_id, number).document
    store.dispose()
    fresh = Store(database_url)  # another engine: nothing cached
    with fresh.session() as s:
        kinds = dict(s.execute(select(Revision.number, Revision.base).where(
            Revision.story_id == story_id)).all())
        for number, document in saved.items():
            got = repo.revision(s, story_id, number).document
            assert got == document and list(got) == list(document), number
            if kinds[number] is not None:  # a delta: its snapshot is a whole row before it
                assert kinds[kinds[number]] is None and kinds[number] < number
        assert sum(b is not None for b in kinds.values()) > 30  # most saves were deltas
        assert sum(b is None for b in kinds.values()) > 2  # and some snapshots again
        # restore a delta revision and compare across kinds
        delta_number = max(n for n, b in kinds.items() if b is not None and n < 40)
        new = repo.restore(s, story_id, delta_number)
    with fresh.session() as s:
        assert repo.current(s, story_id)[1].document == saved[delta_number]
        history = {h.number: h for h in repo.revisions(s, story_id)}
        assert history[new].action == f"restore {delta_number}"
    fresh.dispose()


def test_a_row_is_whole_or_a_delta_of_an_existing_revision(store):
    with store.session() as s:
        story_id = repo.create(s, story()).id
    bad_rows = [
        dict(snapshot=None, base=None, delta=None),  # neither
        dict(snapshot={"title": "x"}, base=1, delta={"story": {}, "events": []}),  # both
        dict(snapshot=None, base=7, delta={"story": {}, "events": []}),  # no revision 7
    ]
    for fields in bad_rows:
        with pytest.raises(IntegrityError), store.session() as s:
            s.add(Revision(story_id=story_id, number=2, changes={}, action="x", **fields))
            s.flush()


def test_rows_saved_before_deltas_still_read_and_take_deltas(tmp_path):
    from web.store.migrate import upgrade

    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    engine = create_engine(url)
    upgrade(engine, "0001")
    doc = story(20) | {"slug": "deltas"}
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO stories (id, slug, title, revision, created_at, updated_at) "
                          "VALUES (1, 'deltas', 'Deltas', 1, '2026-01-01 00:00:00', '2026-01-01 00:00:00')"))
        conn.execute(text("INSERT INTO revisions (story_id, number, document, changes, action, "
                          "created_at) VALUES (1, 1, :doc, '{}', 'create', '2026-01-01 00:00:00')"),
                     {"doc": json.dumps(doc)})
    engine.dispose()
    store = Store(url)  # migrates to the newest schema
    with store.session() as s:
        assert repo.revision(s, 1, 1).document == doc
        edited = json.loads(json.dumps(doc))
        edited["events"][3]["title"] = "After the upgrade"
        repo.save(s, 1, edited, base=1)
    with store.session() as s:
        row = s.scalars(select(Revision).where(Revision.number == 2)).one()
        assert row.snapshot is None and row.base == 1
        assert repo.revision(s, 1, 2).document["events"][3]["title"] == "After the upgrade"
    store.dispose()


SAVER = """
import json, sys
from web.store import Store, repository as repo
store = Store(sys.argv[1])
with store.session() as s:
    doc = {"title": "Kill", "events": [{"id": f"e{i}", "title": f"Event {i}", "start": "1939"}
                                       for i in range(50)]}
    story_id = repo.create(s, doc).id
print(json.dumps({"story": story_id}), flush=True)
base, n = 1, 0
while True:
    n += 1
    doc["events"][n % 50]["title"] = f"save {n}"
    with store.session() as s:
        base = repo.save(s, story_id, doc, base=base)
    print(json.dumps({"revision": base, "title": doc["events"][n % 50]["title"], "id": f"e{n % 50}"}),
          flush=True)
"""


def test_kill_9_while_saving_deltas_loses_no_committed_revision(database_url):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, "-c", SAVER, database_url], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=env, cwd=ROOT, text=True)
    acknowledged = []
    try:
        story_id = json.loads(proc.stdout.readline())["story"]
        deadline = time.monotonic() + 60
        while len(acknowledged) < 40 and time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            acknowledged.append(json.loads(line))
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(10)
        proc.stdout.close()
        proc.stderr.close()
    assert len(acknowledged) >= 40
    store = Store(database_url)
    with store.session() as s:
        row = repo.current(s, story_id)[0]
        assert row.revision >= acknowledged[-1]["revision"]
        for ack in acknowledged:
            kept = repo.revision(s, story_id, ack["revision"]).document
            titles = {e["id"]: e["title"] for e in kept["events"]}
            assert len(titles) == 50 and titles[ack["id"]] == ack["title"]
        numbers = [r.number for r in repo.revisions(s, story_id)]
        assert numbers == list(range(row.revision, 0, -1))
        assert s.scalar(select(Revision.id).where(Revision.base.is_not(None))) is not None
    store.dispose()

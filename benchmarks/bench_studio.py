"""Studio: one event edited and saved in a 1,000-event story, and 2,000-word articles
drafted, through the JSON API, on SQLite and PostgreSQL.

    python benchmarks/bench_studio.py [--events 1000] [--saves 200] [--postgres URL]
                                      [--no-settle] [--articles 5]

Each save is a full ``PUT /api/studio/stories/<id>`` with ``If-Match`` (Flask's test
client, Bearer token): JSON in, schema validation, the conditional revision bump and the
insert of the new revision, committed (SQLite: WAL, synchronous=FULL). Goal (issue 12):
p99 <= 50 ms. The app is set up as ``web.wsgi`` and ``serve`` set it up (built, then
``web.startup.settle``: store opened, start-up objects frozen out of the garbage
collector); ``--no-settle`` measures without that step.

Drafts: each article is a different WikiWars text (../shared/corpora, read at run time,
nothing committed) cut at a paragraph end after 2,000 words, POSTed as
``{"article", "published"}``: extraction, place resolution, validation and the insert.
The first draft of the process is reported apart (it loads the taggers and the
gazetteer index). Goal: <= 2 s. PostgreSQL runs when ``--postgres`` or
CHRONOATLAS_TEST_POSTGRES_URL names a server (``.ci/start-postgres`` starts one); each
run uses a database of its own, dropped afterwards.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def story(n: int) -> dict:
    return {"title": "Benchmark", "events": [
        {"id": f"e{i}", "title": f"Event {i}", "start": f"{1000 + i}-05-11",
         "text": "A sentence of text about the event, as articles give them. " * 3,
         "places": [{"name": f"Place {i % 50}", "lat": (i % 90) - 45.0, "lon": (i % 180) - 90.0}],
         "group": f"g{i % 5}", "tags": ["a", "b"]} for i in range(n)]}


def open_app(url: str, *, settle: bool = True, **config):
    """The app on the store at ``url``, an editor, and that editor's Bearer header."""
    from web import create_app
    from web.auth.accounts import add_user, new_token
    from web.startup import settle as settle_app
    from web.store import get_store

    app = create_app({"STORIES": [], "DATABASE_URL": url, "SECRET_KEY": "bench", **config})
    with get_store(app).session() as s:
        add_user(s, "bench", "benchmark password")
        token = new_token(s, "bench")
    if settle:
        settle_app(app)
    return app, {"Authorization": f"Bearer {token}"}


def save_times(url: str, events: int, saves: int, *, settle: bool = True) -> tuple[list[float], list[float]]:
    """Wall and CPU ms per save (CPU: this thread's, so the server's part on SQLite and
    the client side on PostgreSQL; the machine's load moves it much less than wall)."""
    from web.store import get_store

    app, auth = open_app(url, settle=settle, RESOLVE_PLACES=False)
    client = app.test_client()
    made = client.post("/api/studio/stories", json={"story": story(events)}, headers=auth).get_json()
    doc = client.get(f"/api/studio/stories/{made['id']}", headers=auth).get_json()["story"]
    revision, times, cpu = made["revision"], [], []
    for n in range(saves):
        doc["events"][n % events]["title"] = f"Edited {n}"
        body = json.dumps({"story": doc}).encode()  # the client's work, not timed
        t0, c0 = time.perf_counter(), time.thread_time()
        r = client.put(f"/api/studio/stories/{made['id']}", data=body,
                       content_type="application/json",
                       headers={**auth, "If-Match": f'"{revision}"'})
        times.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.thread_time() - c0) * 1000)
        assert r.status_code == 200, r.get_json()
        revision = r.get_json()["revision"]
    get_store(app).dispose()
    return times, cpu


def articles(words: int, count: int) -> list[tuple[str, str, str]]:
    """(name, text, publication date): the first ``count`` WikiWars articles long enough,
    each cut at the first paragraph end after ``words`` words."""
    from timeml import corpora_dir, read_corpus

    found = []
    for doc in read_corpus(corpora_dir() / "wikiwars"):
        paragraphs = [p.strip() for p in doc.text.split("\n") if p.strip()]
        kept: list[str] = []
        while paragraphs and sum(len(p.split()) for p in kept) < words:
            kept.append(paragraphs.pop(0))
        if sum(len(p.split()) for p in kept) >= words:
            found.append((doc.name, "\n\n".join(kept), doc.dct or "2009-12-19"))
        if len(found) == count:
            break
    if not found:
        sys.exit(f"no WikiWars article of {words} words under {corpora_dir()}")
    return found


def draft_times(url: str, texts: list[tuple[str, str, str]]) -> list[tuple[str, int, float, int]]:
    """(article, words, ms, events drafted) per article, in order (the first is cold)."""
    from web.store import get_store

    app, auth = open_app(url)
    client = app.test_client()
    out = []
    for name, text, published in texts:
        t0 = time.perf_counter()
        r = client.post("/api/studio/stories", json={"article": text, "published": published},
                        headers=auth)
        ms = (time.perf_counter() - t0) * 1000
        assert r.status_code == 201, r.get_json()
        doc = client.get(f"/api/studio/stories/{r.get_json()['id']}", headers=auth).get_json()
        out.append((name, len(text.split()), ms, len(doc["story"]["events"])))
    get_store(app).dispose()
    return out


def p99(times: list[float]) -> float:
    times = sorted(times)
    return times[min(len(times) - 1, int(round(0.99 * len(times))) - 1)]


def report_saves(name: str, measured: tuple[list[float], list[float]]) -> None:
    times, cpu = measured
    s = sorted(times)
    print(f"{name:<11} saves={len(s)} median={statistics.median(s):.1f} ms "
          f"p90={s[int(0.9 * len(s)) - 1]:.1f} ms p99={p99(s):.1f} ms max={s[-1]:.1f} ms"
          f"  {'OK' if p99(s) <= 50 else 'OVER'} (goal p99 <= 50 ms); "
          f"CPU median {statistics.median(cpu):.1f} ms p99 {p99(cpu):.1f} ms")


def report_drafts(name: str, rows: list[tuple[str, int, float, int]]) -> None:
    for article, words, ms, events in rows:
        print(f"{name:<11} draft {article:<26} {words} words -> {events:>3} events {ms:6.0f} ms")
    warm = [ms for _a, _w, ms, _e in rows[1:]] or [rows[0][2]]
    print(f"{name:<11} drafts: first {rows[0][2]:.0f} ms (cold), then median "
          f"{statistics.median(warm):.0f} ms max {max(warm):.0f} ms  "
          f"{'OK' if max(warm) <= 2000 else 'OVER'} (goal <= 2000 ms)")


@contextmanager
def postgres_database(server: str):
    """A database of its own on ``server`` (its URL), dropped afterwards."""
    from sqlalchemy import create_engine, text

    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    name = f"ca_bench_{uuid.uuid4().hex[:10]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield f"{server.rpartition('/')[0]}/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=1000)
    ap.add_argument("--saves", type=int, default=200)
    ap.add_argument("--articles", type=int, default=5, help="articles to draft (0: none)")
    ap.add_argument("--no-settle", dest="settle", action="store_false",
                    help="leave start-up objects in the collector's sight (the before figure)")
    ap.add_argument("--postgres", default=os.environ.get("CHRONOATLAS_TEST_POSTGRES_URL"))
    args = ap.parse_args()
    texts = articles(2000, args.articles) if args.articles else []
    print(f"load average: {load()}; {args.events} events, one event edited per save; "
          f"settle={'yes' if args.settle else 'no'}")
    with tempfile.TemporaryDirectory() as tmp:
        report_saves("sqlite", save_times(f"sqlite:///{tmp}/bench.sqlite3", args.events,
                                          args.saves, settle=args.settle))
        if texts:
            report_drafts("sqlite", draft_times(f"sqlite:///{tmp}/draft.sqlite3", texts))
    if not args.postgres:
        print("postgresql  skipped (no --postgres URL)", file=sys.stderr)
    else:
        with postgres_database(args.postgres) as url:
            report_saves("postgresql", save_times(url, args.events, args.saves, settle=args.settle))
        if texts:
            with postgres_database(args.postgres) as url:
                report_drafts("postgresql", draft_times(url, texts))
    print(f"load average after: {load()}")


if __name__ == "__main__":
    main()

"""Building an archive index on a LocalCluster: complete, resumable, idempotent, and
unharmed by bad articles or a worker killed mid-build."""
from __future__ import annotations

import json
import os
import signal
import threading
import time

import duckdb
import pytest

from timeline.archive.build import build
from timeline.archive.layout import part_dir


def table(index, name):
    glob = f"{index}/tables/{name}/**/*.parquet"
    con = duckdb.connect()
    try:
        cur = con.execute(f"SELECT * FROM read_parquet('{glob}', hive_partitioning = true)")
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r)) for r in cur.fetchall()]
    finally:
        con.close()


def many(path, copies: int) -> None:
    """The test archive re-dated and repeated: ``copies`` times its articles."""
    base = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    with path.open("w", encoding="utf-8") as out:
        for n in range(copies):
            for art in base:
                out.write(json.dumps(dict(art, id=f"{art['id']}-{n}")) + "\n")


def test_build_indexes_every_article_events_and_mentions(newsroom, tmp_path, cluster_client):
    index = tmp_path / "idx"
    report = build(str(newsroom), index, client=cluster_client, partition_size=2)
    articles = {a["article_id"]: a for a in table(index, "articles")}
    assert len(articles) == 6 == report.articles
    assert articles["empty-text"]["events"] == 0
    events = table(index, "events")
    visit = [e for e in events if e["start"] == "2024-09-03"]
    assert {e["article_id"] for e in visit} >= {"mn-2024-0830", "mn-2024-0903"}
    assert any(e["country"] == "MN" for e in visit)
    for e in events:
        assert e["start_pos"] < e["end_pos"]
        assert e["evidence_start"] is not None and e["evidence_start"] < e["evidence_end"]
    khalkhin = [e for e in events if e["start"].startswith("1939")]
    assert any(e["lat"] is not None and abs(e["lat"] - 47.7) < 0.5 for e in khalkhin)
    assert any(e["admin1"] for e in events), "admin-1 codes are looked up for GeoNames places"
    mentions = table(index, "mentions")
    assert any(m["text"] == "Johannesburg" and m["country"] == "ZA" for m in mentions)
    assert any(m["kind"] == "demonym" for m in mentions)
    manifest = json.loads((index / "archive.json").read_text())
    assert manifest["counts"]["articles"] == 6 and manifest["partitions"] == 3


def test_bad_articles_are_recorded_and_never_stop_the_build(newsroom, tmp_path, cluster_client):
    with newsroom.open("a", encoding="utf-8") as out:
        out.write("{not json\n")
        out.write(json.dumps({"text": "no id"}) + "\n")
        out.write(json.dumps({"id": "bad-date", "text": "Text.", "published": "soon"}) + "\n")
        out.write(json.dumps([1, 2]) + "\n")
    index = tmp_path / "idx"
    report = build(str(newsroom), index, client=cluster_client, partition_size=3)
    wheres = {w: e for _, w, e in report.failed}
    assert set(wheres) == {"newsroom.jsonl, line 7", "newsroom.jsonl, line 8",
                           "newsroom.jsonl, line 9", "newsroom.jsonl, line 10"}
    assert "not JSON" in wheres["newsroom.jsonl, line 7"]
    assert "id" in wheres["newsroom.jsonl, line 8"]
    assert "published" in wheres["newsroom.jsonl, line 9"]
    assert "JSON object" in wheres["newsroom.jsonl, line 10"]
    assert len(table(index, "articles")) == 10  # the bad ones are rows too, with their error


def test_rerun_is_idempotent_and_skips_finished_partitions(newsroom, tmp_path, cluster_client):
    index = tmp_path / "idx"
    build(str(newsroom), index, client=cluster_client, partition_size=2)
    first = sorted(table(index, "events"), key=lambda e: (e["article_id"], e["event_id"]))
    again = build(str(newsroom), index, client=cluster_client, partition_size=2)
    assert again.skipped == again.partitions == 3
    assert sorted(table(index, "events"), key=lambda e: (e["article_id"], e["event_id"])) == first
    # A changed article redoes its own partition only.
    lines = newsroom.read_text(encoding="utf-8").splitlines()
    art = json.loads(lines[4])
    lines[4] = json.dumps(dict(art, text=art["text"] + " The mayor resigned on 1 May 2022."))
    newsroom.write_text("\n".join(lines) + "\n", encoding="utf-8")
    changed = build(str(newsroom), index, client=cluster_client, partition_size=2)
    assert changed.skipped == 2
    assert any(e["start"] == "2022-05-01" for e in table(index, "events"))


def test_interrupted_build_resumes_where_it_stopped(newsroom, tmp_path, cluster_client):
    many(newsroom, 8)  # 48 articles, 24 partitions
    index = tmp_path / "idx"

    def stop_after_three(progress):
        if progress.partitions_done >= 3:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        build(str(newsroom), index, client=cluster_client, partition_size=2,
              progress=stop_after_three)
    finished = [n for n in range(24) if (part_dir(index, n) / "done.json").exists()]
    assert 3 <= len(finished) < 24  # the rest were cancelled
    report = build(str(newsroom), index, client=cluster_client, partition_size=2)
    assert report.skipped >= 3
    ids = [a["article_id"] for a in table(index, "articles")]
    assert len(ids) == len(set(ids)) == 48


def test_a_worker_killed_mid_build_loses_and_duplicates_nothing(newsroom, tmp_path,
                                                                cluster_client):
    many(newsroom, 6)  # 36 articles, 18 partitions
    index = tmp_path / "idx"
    pids = list(cluster_client.run(os.getpid).values())
    assert len(pids) == 2
    result: dict = {}

    def run():
        result["report"] = build(str(newsroom), index, client=cluster_client, partition_size=2)

    thread = threading.Thread(target=run)
    thread.start()
    deadline = time.monotonic() + 60
    while not (part_dir(index, 0).parent.exists()
               and any(p.name.isdigit() for p in part_dir(index, 0).parent.iterdir())):
        assert time.monotonic() < deadline, "no partition finished within 60 s"
        time.sleep(0.05)
    os.kill(pids[0], signal.SIGKILL)
    thread.join(240)
    assert not thread.is_alive()
    report = result["report"]
    assert report.partitions == 18
    ids = [a["article_id"] for a in table(index, "articles")]
    assert len(ids) == len(set(ids)) == 36
    keys = [(e["article_id"], e["event_id"]) for e in table(index, "events")]
    assert len(keys) == len(set(keys))
    cluster_client.wait_for_workers(2, timeout=60)


def test_folder_source_with_meta_files(tmp_path, cluster_client):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "visit.txt").write_text(
        "Putin in Mongolia\n\nVladimir Putin visited Mongolia on 3 September 2024.\n",
        encoding="utf-8")
    (folder / "visit.meta.json").write_text(json.dumps(
        {"published": "2024-09-04", "url": "https://news.example.org/visit"}), encoding="utf-8")
    (folder / "page.html").write_text(
        "<html><body><h1>Summit</h1><p>The BRICS summit was held in South Africa in "
        "August 2023.</p></body></html>", encoding="utf-8")
    index = tmp_path / "idx"
    report = build(str(folder), index, client=cluster_client)
    assert report.articles == 2 and not report.failed
    arts = {a["article_id"]: a for a in table(index, "articles")}
    assert arts["visit"]["url"] == "https://news.example.org/visit"
    assert {e["start"] for e in table(index, "events")} >= {"2024-09-03", "2023-08"}

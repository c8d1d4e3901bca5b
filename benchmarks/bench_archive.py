"""Archive build and query speed: articles/s per worker, the 2-worker speed-up, index size
per article, and query latency over 1,000,000 indexed events.

The synthetic archive re-mixes the development corpora's news texts (GeoVirus, LGL,
GeoWebNews, TR-News, events-dev): each article is cut to about 500 words from two source
texts and given a publication date spread over 2000-2024, so dates and places vary as in
a real archive.

    python benchmarks/bench_archive.py --articles 2000           # build 1 vs 2 workers
    python benchmarks/bench_archive.py --articles 10000 --scale  # also 10x, for linearity
    python benchmarks/bench_archive.py --query-only               # 1M-event query latency
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CORPORA = next((p for p in (ROOT.parent / "shared" / "corpora", ROOT.parents[1] / "shared" / "corpora")
                if p.is_dir()), None)


def texts() -> list[str]:
    found = []
    for name in ("geovirus.jsonl", "lgl-dev.jsonl", "geowebnews-dev.jsonl", "trnews-dev.jsonl",
                 "events-dev.jsonl"):
        path = CORPORA / name
        if path.is_file():
            found += [json.loads(line)["text"] for line in path.open(encoding="utf-8")]
    return found


def synthetic_archive(path: Path, n: int, seed: int = 7) -> int:
    """Write ``n`` articles of about 500 words; returns the word count."""
    rng = random.Random(seed)
    pool = texts()
    words = 0
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            a, b = rng.sample(pool, 2)
            body = " ".join((a.split() + b.split())[:500])
            words += len(body.split())
            day = f"{rng.randint(2000, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            out.write(json.dumps({"id": f"syn-{i}", "text": body, "published": day,
                                  "url": f"https://news.example.org/{i}",
                                  "title": " ".join(body.split()[:8])}) + "\n")
    return words


def size_of(folder: Path) -> int:
    return sum(p.stat().st_size for p in (folder / "tables").rglob("*.parquet"))


def _warm() -> None:
    from gazetteer import default_gazetteer

    default_gazetteer()


def time_build(source: Path, workers: int, work: Path) -> dict:
    from timeline.archive.build import build, dask_client

    with dask_client(workers=workers) as client:
        client.run(_warm)  # every worker opens its gazetteer before the clock starts
        index = work / f"idx-{workers}"
        shutil.rmtree(index, ignore_errors=True)
        started = time.perf_counter()
        report = build(str(source), index, client=client, partition_size=100)
        seconds = time.perf_counter() - started
        rss = client.run(lambda: __import__("resource").getrusage(
            __import__("resource").RUSAGE_SELF).ru_maxrss)
    return {"seconds": seconds, "articles": report.articles, "events": report.counts["events"],
            "bytes": size_of(index), "rss_mb": max(rss.values()) / 1024}


def query_bench(work: Path, n_events: int = 1_000_000, repeat: int = 15) -> None:
    """A 1,000,000-event index written directly (no extraction), then typical queries."""
    import pyarrow as pa

    from timeline.archive import layout
    from timeline.archive.query import query_rows

    rng = random.Random(3)
    index = work / "idx-query"
    shutil.rmtree(index, ignore_errors=True)
    (index / "parts" / "000000").mkdir(parents=True)
    countries = ["US", "GB", "FR", "RU", "CN", "MN", "ZA", "IN", "BR", "NG", "DE", "JP"]
    rows = []
    for i in range(n_events):
        year = rng.randint(1900, 2024)
        pos = year + rng.random()
        cc = rng.choice(countries)
        rows.append({"article_id": f"a{i // 5}", "event_id": f"e{i}", "headline":
                     f"Event {i} in {cc}" + (" ICC ruling" if i % 997 == 0 else ""),
                     "quote": "", "start": str(year), "end": None, "start_pos": pos,
                     "end_pos": pos + 1 / 365, "precision": "day", "century": year // 100,
                     "place_name": cc, "place_status": "resolved", "geonameid": None,
                     "lat": rng.uniform(-60, 70), "lon": rng.uniform(-170, 170),
                     "country": cc, "admin1": None, "confidence": 0.8,
                     "evidence_start": 0, "evidence_end": 10})
    arts = [{"article_id": f"a{i}", "title": f"Article {i}", "url": None, "published": None,
             "where": "", "words": 500, "events": 5, "error": None, "notes": None}
            for i in range(n_events // 5)]
    layout.write_part(index, 0, {"events": rows, "articles": arts, "mentions": []}, {})
    del rows, arts
    layout.finalise(index, 1)
    layout.write_manifest(index, {"version": layout.VERSION})
    cases = {
        "country + period": dict(place="Mongolia", start="1939", end="2024"),
        "period only (limit 5000)": dict(start="2000", end="2001"),
        "words + period": dict(text="ICC", start="2002", end="2024"),
    }
    for label, kwargs in cases.items():
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            rows_, _, _ = query_rows(index, **kwargs)
            times.append(time.perf_counter() - started)
        print(f"query over {n_events:,} events, {label}: median {statistics.median(times) * 1000:.0f} ms "
              f"(min {min(times) * 1000:.0f} ms, {len(rows_):,} rows; goal <= 200 ms)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--scale", action="store_true", help="also build 10x the articles")
    parser.add_argument("--query-only", action="store_true")
    parser.add_argument("--skip-single", action="store_true",
                        help="build with 2 workers only (no 1-worker run and speed-up figure)")
    parser.add_argument("--keep", help="a folder to keep the indexes in")
    args = parser.parse_args()
    print(f"load average before: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    work = Path(args.keep or tempfile.mkdtemp(prefix="bench-archive-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        if not args.query_only:
            if CORPORA is None:
                sys.exit("the development corpora (shared/corpora) are not beside the repo")
            source = work / "archive.jsonl"
            words = synthetic_archive(source, args.articles)
            print(f"synthetic archive: {args.articles:,} articles, {words / args.articles:.0f} words each")
            one = None if args.skip_single else time_build(source, 1, work)
            two = time_build(source, 2, work)
            for label, r in (("1 worker", one), ("2 workers", two)):
                if r is None:
                    continue
                print(f"{label}: {r['seconds']:.1f} s, {r['articles'] / r['seconds']:.1f} articles/s, "
                      f"{r['events']:,} events, index {r['bytes'] / 1e6:.1f} MB "
                      f"({r['bytes'] / r['articles'] / 1e3:.1f} KB/article), peak worker RSS "
                      f"{r['rss_mb']:.0f} MB")
            if one is not None:
                print(f"per worker process: {args.articles / one['seconds']:.1f} articles/s (goal >= 40); "
                      f"2 workers / 1 worker: {one['seconds'] / two['seconds']:.2f}x (goal >= 1.8x)")
            print(f"100,000 articles at the 2-worker rate: "
                  f"{100_000 / (args.articles / two['seconds']) / 60:.0f} min (goal <= 30)")
            if args.scale:
                big = work / "archive-10x.jsonl"
                synthetic_archive(big, args.articles * 10, seed=11)
                ten = time_build(big, 2, work)
                print(f"10x articles ({args.articles * 10:,}): {ten['seconds']:.1f} s "
                      f"({ten['seconds'] / 60:.1f} min), {ten['articles'] / ten['seconds']:.1f} "
                      f"articles/s, index {ten['bytes'] / 1e6:.1f} MB, peak worker RSS "
                      f"{ten['rss_mb']:.0f} MB, load average now {os.getloadavg()[0]:.2f}")
                print(f"10x articles: {ten['seconds'] / two['seconds']:.2f}x the time, "
                      f"{ten['bytes'] / two['bytes']:.2f}x the index size (linear: ~10x)")
        query_bench(work)
        print(f"load average after: {os.getloadavg()[0]:.2f}")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

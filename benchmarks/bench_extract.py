"""Article-to-story speed: words per second of the whole ``extract`` path beside geotext.

    python benchmarks/bench_extract.py [FILE.jsonl] [--repeat N]

Text: the GeoVirus news articles (../shared/corpora/geovirus.jsonl), one ``extract`` call
per article, published 2024-08-30, on one core. ``extract`` is the full pipeline: article
parts, temporal tagging, place spotting and resolution with document context, event
assembly and merging. geotext (a regex place spotter, no dates, no resolution) runs on the
same articles in the same process as the yardstick; the ratio is ours / geotext.

Reports medians over ``--repeat`` passes of wall and CPU time (the machine is shared: CPU
time is the steadier figure), the first (cold) pass apart, plus a 10x concatenated
article to show the cost stays linear in the input size.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "geovirus.jsonl"


def timed(fn, texts) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    for text in texts:
        fn(text)
    return time.perf_counter() - wall, time.process_time() - cpu


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("file", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)

    from gazetteer import default_gazetteer
    from timeline.dates import parse_date
    from timeline.extract import extract

    texts = [json.loads(line)["text"] for line in args.file.read_text().splitlines() if line.strip()]
    words = sum(len(t.split()) for t in texts)
    published = parse_date("2024-08-30")
    default_gazetteer()  # index opened (built if needed) before timing

    def run(text):
        return extract(text, published=published)

    cold_wall, cold_cpu = timed(run, texts)
    passes = [timed(run, texts) for _ in range(args.repeat)]
    wall = statistics.median(p[0] for p in passes)
    cpu = statistics.median(p[1] for p in passes)

    try:
        from geotext import GeoText
    except ImportError:
        GeoText = None
    peer = None
    if GeoText is not None:
        GeoText(texts[0])
        peer_passes = [timed(GeoText, texts) for _ in range(args.repeat)]
        peer = (statistics.median(p[0] for p in peer_passes), statistics.median(p[1] for p in peer_passes))

    big = "\n\n".join(texts[:40])
    small_wall, small_cpu = timed(run, [big])
    large_wall, large_cpu = timed(run, ["\n\n".join([big] * 10)])

    print(f"corpus: {len(texts)} articles, {words:,} words ({args.file.name})")
    print(f"extract, cold pass:   {words / cold_wall:>10,.0f} words/s wall  {words / cold_cpu:>10,.0f} words/s CPU")
    print(f"extract, median of {args.repeat}: {words / wall:>10,.0f} words/s wall  {words / cpu:>10,.0f} words/s CPU  (goal 20,000)")
    if peer:
        print(f"geotext, median of {args.repeat}: {words / peer[0]:>10,.0f} words/s wall  {words / peer[1]:>10,.0f} words/s CPU")
        print(f"ratio extract/geotext (CPU): {peer[1] / cpu:.3f}")
    else:
        print("geotext not installed: pip install geotext for the ratio")
    print(f"linearity: 10x the text took {large_cpu / small_cpu:.1f}x the CPU time "
          f"({small_cpu:.2f} s -> {large_cpu:.2f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

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

Issue 11 (many short paragraphs): the corpus's sentences one per paragraph, 50 KB against
500 KB, and one repeated line ("one headline thousands of times", the shape that made
unique ids quadratic), likewise; goal 100 KB < 5 s, 10x input <= 12x time.
Issue 14: a 5,000-word article (the first articles joined) drafted in under 1 s.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

# ../shared beside the checkout, or two levels up from a worktree.
DEFAULT = next((p / "shared" / "corpora" / "geovirus.jsonl"
                for p in Path(__file__).resolve().parents[1:4]
                if (p / "shared" / "corpora" / "geovirus.jsonl").exists()),
               Path(__file__).resolve().parents[2] / "shared" / "corpora" / "geovirus.jsonl")


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

    # Many short paragraphs (issue 11): sentences of the corpus, one per paragraph.
    sentences = [s for t in texts for s in re.split(r"(?<=[.!?])\s+", t) if len(s) > 20]

    def short_paragraphs(size: int) -> str:
        out, n = [], 0
        for sent in sentences * (1 + size // max(1, sum(map(len, sentences)))):
            if n >= size:
                break
            out.append(sent)
            n += len(sent) + 2
        return "\n\n".join(out)

    def repeated(size: int) -> str:
        line = "Officials in Paris met the workers' union."
        return "\n\n".join([line] * (size // (len(line) + 2)))

    def median_cpu(text: str) -> float:
        return statistics.median(timed(run, [text])[1] for _ in range(args.repeat))

    shapes = {}
    for name, make in (("short paragraphs", short_paragraphs), ("one repeated line", repeated)):
        shapes[name] = (median_cpu(make(50_000)), median_cpu(make(100_000)),
                        median_cpu(make(500_000)))
    words5k, parts = 0, []
    for t in texts:
        if words5k >= 5000:
            break
        parts.append(t)
        words5k += len(t.split())
    article5k = "\n\n".join(parts)
    five_k = median_cpu(article5k)

    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
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
    for name, (small, goal, large) in shapes.items():
        print(f"{name}: 100 KB {goal:.2f} s CPU (goal < 5 s); 50 KB {small:.2f} s -> "
              f"500 KB {large:.2f} s: 10x the input took {large / small:.1f}x the time "
              f"(goal <= 12x; {small / 50 * 1000:.1f} -> {large / 500 * 1000:.1f} ms/KB)")
    print(f"a {words5k:,}-word article: {five_k:.2f} s CPU (goal < 1 s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""validate at 1x and 10x input: medians, load average and the 10x/1x ratio (goal <= 12).

Two inputs: distinct events with places (the schema and story building), and rows that
all share one headline (unique ids; 18k of them once took 41 s).
Run: PYTHONPATH=. python benchmarks/bench_validate.py [--base N] [--repeat R]
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import time

from timeline.formats import load_text


def distinct(n: int) -> str:
    return json.dumps({"title": "bench", "events": [
        {"title": f"Event {i}", "start": f"{1900 + i % 100}-05-{1 + i % 28:02d}",
         "places": ["Paris", {"name": "X", "lat": 1.5, "lon": 2.5}], "text": "Some text"}
        for i in range(n)]})


def same_title(n: int) -> str:
    return json.dumps({"title": "bench", "events": [
        {"title": "Breaking news", "start": "1939"} for _ in range(n)]})


def median_seconds(text: str, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        load_text(text, name="bench.json")
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    print(f"load average before: {os.getloadavg()}")
    for name, make in (("distinct events", distinct), ("one headline", same_title)):
        small = median_seconds(make(args.base), args.repeat)
        big = median_seconds(make(10 * args.base), args.repeat)
        ratio = big / small
        print(f"{name}: {args.base} events {small:.3f} s, {10 * args.base} events {big:.3f} s "
              f"(median of {args.repeat}); ratio {ratio:.1f} (goal <= 12) "
              f"{'OK' if ratio <= 12 else 'OVER'}")
    print(f"load average after: {os.getloadavg()}")


if __name__ == "__main__":
    main()

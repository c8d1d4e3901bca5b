"""Time and size of each non-HTML export of a story (default: the demo).

    python benchmarks/bench_exports.py [STORY] [--events N] [--generated N] [--repeat R]
        [--only pdf,svg,...]

``--events N`` repeats the story's events (with shifted dates) to N, to see how the
image and handout exports scale. ``--generated N`` benchmarks
``web.samples.generated_story(N)`` instead of a story file (``--generated 300`` is the
long handout case). Each export runs ``--repeat`` times; the median and the fastest run
are printed (this is a shared, noisy 2-core machine: compare medians, and note ``uptime``).
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from dataclasses import replace

from timeline.exports import dump_geojson, place_table, story_to_kml
from timeline.formats import load_story
from web import samples
from web.exports import handout, static_export as se


def grow(story, n):
    events = []
    base = story.dated_events
    i = 0
    while len(events) < n:
        for e in base:
            if len(events) >= n:
                break
            shift = i * 3
            start = replace(e.start, year=e.start.year - shift) if e.start else None
            end = replace(e.end, year=e.end.year - shift) if e.end else None
            events.append(replace(e, id=f"{e.id}-{i}", start=start, end=end, title=f"{e.title} {i}"))
        i += 1
    return story.with_events(events)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("story", nargs="?", default="demo")
    ap.add_argument("--events", type=int, default=0)
    ap.add_argument("--generated", type=int, default=0, metavar="N",
                    help="use web.samples.generated_story(N) instead of STORY")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--only", default="", help="comma-separated exports to run (default: all)")
    args = ap.parse_args()
    t = time.perf_counter()
    if args.generated:
        story = samples.generated_story(args.generated, slug="gen")
    else:
        story = load_story(args.story)
    table = place_table(story)
    print(f"resolve: {time.perf_counter() - t:.2f} s")
    if args.events:
        table = place_table(grow(table.story, args.events))
    jobs = {
        "geojson": lambda: dump_geojson(table).encode(),
        "kml": lambda: story_to_kml(table).encode(),
        "svg": lambda: se.timeline_svg(table.story).encode(),
        "png": lambda: se.timeline_png(table.story),
        "map-svg": lambda: se.map_svg(table).encode(),
        "map-png": lambda: se.map_png(table),
        "pdf": lambda: handout.handout_pdf(table),
    }
    if args.only:
        wanted = args.only.split(",")
        jobs = {k: v for k, v in jobs.items() if k in wanted}
    se.render({"mark": "point", "data": {"values": [{}]}}, "svg")  # warm the JS engine
    print(f"{len(table.story.events)} events; load average {os.getloadavg()[0]:.2f}; "
          f"{args.repeat} runs each")
    for name, job in jobs.items():
        times = []
        for _ in range(max(1, args.repeat)):
            t = time.perf_counter()
            data = job()
            times.append(time.perf_counter() - t)
        print(f"{name:8s} {len(data) / 1024:8.1f} KB  median {statistics.median(times):6.2f} s"
              f"  min {min(times):6.2f} s")
    sys.stdout.flush()


if __name__ == "__main__":
    main()

"""Time and size of each non-HTML export of a story (default: the demo).

    python benchmarks/bench_exports.py [STORY] [--events N]

``--events N`` repeats the story's events (with shifted dates) to N, to see how the
image and handout exports scale.
"""
from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace

from timeline.dates import HistoricalDate
from timeline.exports import dump_geojson, place_table, story_to_kml
from timeline.formats import load_story
from web import handout, static_export as se


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
    args = ap.parse_args()
    story = load_story(args.story)
    t = time.perf_counter()
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
    se.render({"mark": "point", "data": {"values": [{}]}}, "svg")  # warm the JS engine
    print(f"{len(table.story.events)} events")
    for name, job in jobs.items():
        t = time.perf_counter()
        data = job()
        print(f"{name:8s} {len(data) / 1024:8.1f} KB {time.perf_counter() - t:6.2f} s")
    sys.stdout.flush()


if __name__ == "__main__":
    main()

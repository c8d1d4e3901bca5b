"""Dump the geoparser's errors on a corpus with their context, to see what they really are.

    python benchmarks/geoparse_errors.py FILE.jsonl [--half A|B] [--class fp|fn|far]

One line per error: class, the surface text, ±60 characters of context, and for far
matches the chosen candidate, the gold point, the distance and the alternatives. Uses
``eval_geoparse``'s matching, so the counts agree with its report.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_geoparse import _point, pair, read, with_demonyms  # noqa: E402
from gazetteer.naturalearth import haversine_km  # noqa: E402
from gazetteer.spotting import spot  # noqa: E402


def _ctx(text: str, start: int, end: int, width: int = 60) -> str:
    left = text[max(0, start - width):start].replace("\n", " ")
    right = text[end:end + width].replace("\n", " ")
    return f"{left}[[{text[start:end]}]]{right}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("file", type=Path)
    ap.add_argument("--half", choices=["A", "B"])
    ap.add_argument("--class", dest="cls", choices=["fp", "fn", "far"])
    args = ap.parse_args(argv)
    docs = read(args.file)
    if args.half:
        docs = docs[0::2] if args.half == "A" else docs[1::2]
    dem = with_demonyms(args.file)
    from gazetteer import default_gazetteer
    gaz = default_gazetteer()
    for n, doc in enumerate(docs):
        text = doc["text"]
        ms = [m for m in spot(text, gazetteer=gaz) if m.kind == "place" or dem]
        pred = [{"start": m.start, "end": m.end, "text": m.text, "m": m} for m in ms]
        pairs = pair(pred, doc["places"])
        mp = {id(p) for p, _ in pairs}
        mg = {id(g) for _, g in pairs}
        if args.cls in (None, "fp"):
            for p in pred:
                if id(p) not in mp:
                    print(f"FP  d{n} {p['text']!r} {p['m'].kind} | {_ctx(text, p['start'], p['end'])}")
        if args.cls in (None, "fn"):
            for g in doc["places"]:
                if id(g) not in mg:
                    print(f"FN  d{n} {g['text']!r} | {_ctx(text, g['start'], g['end'])}")
        if args.cls in (None, "far"):
            for p, g in pairs:
                m = p["m"]
                top = _point(m)
                e = haversine_km(top.lat, top.lon, g["lat"], g["lon"]) if top else 20039
                if e >= 161:
                    alts = "; ".join(f"{c.name},{c.country},{c.admin1},{c.kind},{c.lat:.2f},{c.lon:.2f}"
                                     for c in m.resolution.candidates[:4])
                    tops = f"{top.name},{top.country},{top.admin1},{top.kind}" if top else None
                    print(f"FAR d{n} {g['text']!r} got {tops} conf {m.confidence:.2f} "
                          f"gold ({g['lat']:.2f},{g['lon']:.2f}) {e:.0f} km | q={m.resolution.query!r} "
                          f"| {alts} | {_ctx(text, g['start'], g['end'], 40)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

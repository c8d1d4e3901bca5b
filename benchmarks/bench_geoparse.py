"""Geoparsing speed: words per second of ``gazetteer.spotting.spot`` beside geotext.

    python benchmarks/bench_geoparse.py [FILE.jsonl] [--repeat N] [--json]

Text: the GeoVirus articles (../shared/corpora/geovirus.jsonl), one ``spot`` call per
article, on one core (this process, one thread). Words are whitespace-separated tokens.

* cold: the first pass over the corpus in a fresh process with the index already built
  (the spotter's name cache and the resolver's caches start empty);
* warm: later passes (caches filled: what a long-running server sees);
* geotext: ``GeoText(text)`` on the same articles (a regex spotter with no resolution);
  the ratio is ours / geotext, so > 1 means faster.

Medians over ``--repeat`` passes. Spotting without resolution (``resolve=False``) is shown
too, to tell the matcher's cost from the resolver's.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

def _default() -> Path:
    """geovirus.jsonl in the first ``shared/corpora`` above this checkout (worktrees too)."""
    for parent in Path(__file__).resolve().parents[1:]:
        if (parent / "shared" / "corpora" / "geovirus.jsonl").is_file():
            return parent / "shared" / "corpora" / "geovirus.jsonl"
    return Path(__file__).resolve().parents[2] / "shared" / "corpora" / "geovirus.jsonl"


DEFAULT = _default()


def _pass(fn, texts: list[str]) -> float:
    started = time.perf_counter()
    for t in texts:
        fn(t)
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("file", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    if not args.file.is_file():
        print(f"no such corpus: {args.file}", file=sys.stderr)
        return 2
    texts = [json.loads(line)["text"] for line in args.file.read_text(encoding="utf-8").splitlines()
             if line.strip()]
    words = sum(len(t.split()) for t in texts)

    from gazetteer import default_gazetteer
    from gazetteer.spotting import Spotter, spot

    gaz = default_gazetteer()
    gaz.lookup("warm up the in-memory index")  # load time is the gazetteer benchmark's
    cold = _pass(lambda t: spot(t, gazetteer=gaz), texts)
    warm = [_pass(lambda t: spot(t, gazetteer=gaz), texts) for _ in range(args.repeat)]

    matcher = Spotter(gaz)
    _pass(lambda t: matcher.spot(t, resolve=False), texts)
    match_only = [_pass(lambda t: matcher.spot(t, resolve=False), texts) for _ in range(args.repeat)]

    result = {"documents": len(texts), "words": words,
              "cold_words_per_s": round(words / cold),
              "warm_words_per_s": round(words / statistics.median(warm)),
              "match_only_words_per_s": round(words / statistics.median(match_only))}
    try:
        from geotext import GeoText
    except ImportError:
        result["geotext"] = "not installed (pip install geotext)"
    else:
        _pass(GeoText, texts[:5])
        geo = [_pass(GeoText, texts) for _ in range(args.repeat)]
        g = words / statistics.median(geo)
        result["geotext_words_per_s"] = round(g)
        result["ratio_cold_vs_geotext"] = round(result["cold_words_per_s"] / g, 2)
        result["ratio_warm_vs_geotext"] = round(result["warm_words_per_s"] / g, 2)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        for k, v in result.items():
            print(f"{k:>26}: {v:,}" if isinstance(v, (int, float)) else f"{k:>26}: {v}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Words per second of the temporal tagger beside dateparser.search_dates and datefinder.

    python benchmarks/bench_timex.py [--runs 5] [--peer-words 3000] [--big-mb 10]

The text is the WikiWars corpus as plain text (../shared/corpora/wikiwars), about 100,000
words of English history (and, when present, TBAQ's news with its document dates); the peers, which are much slower, run on its first
--peer-words words, and every figure is normalised per word. Each figure is the median
of --runs runs on one core, in CPU seconds (time.process_time), so that other load on
a shared machine does not count. Linearity: the time for 4x the text divided by 4x the time
for 1x (1.0 = linear). --big-mb tags that many megabytes once (0 to skip).
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.timeml import corpora_dir, read_timeml  # noqa: E402
from timeline.timex import tag  # noqa: E402

CORPUS = corpora_dir() / "wikiwars"


def corpus_text() -> str:
    files = sorted(CORPUS.glob("*.tml"))
    if not files:
        sys.exit(f"no WikiWars files in {CORPUS}")
    return "\n\n".join(read_timeml(p).text for p in files)


def news_docs() -> list[tuple[str, str]]:
    """TBAQ's 256 news documents with their document dates (news mode), if present."""
    tbaq = CORPUS.parent / "tbaq"
    docs = [read_timeml(p) for sub in ("TimeBank", "AQUAINT") for p in sorted((tbaq / sub).glob("*.tml"))]
    return [(d.text, d.dct) for d in docs]


def timed(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.process_time()
        fn()
        times.append(time.process_time() - t0)
    return statistics.median(times)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--peer-words", type=int, default=3000)
    ap.add_argument("--big-mb", type=float, default=10)
    args = ap.parse_args(argv)

    text = corpus_text()
    words = len(text.split())
    dct = "2009-12-19"

    ours = timed(lambda: tag(text, published=dct), args.runs)
    # Peers run on a different slice each run: datefinder caches results for a text it
    # has seen, which would make repeated runs on one text meaningless.
    all_words = text.split(" ")
    slices = [" ".join(all_words[i * args.peer_words:(i + 1) * args.peer_words])
              for i in range(args.runs)]

    def per_slice(fn) -> tuple[int, float]:
        rates = []
        for piece in slices:
            t0 = time.process_time()
            fn(piece)
            rates.append(len(piece.split()) / (time.process_time() - t0))
        rate = statistics.median(rates)
        return args.peer_words, args.peer_words / rate

    rows = [("chronoatlas timex (full text)", words, ours),
            ("chronoatlas timex (peer slices)", *per_slice(lambda p: tag(p, published=dct)))]
    try:
        import dateparser.search as dps
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            dps.search_dates("on 3 May 1939", languages=["en"])  # warm-up: loads language data
            rows.append(("dateparser.search_dates (en)", *per_slice(lambda p: dps.search_dates(p, languages=["en"]))))
    except ImportError:
        print("dateparser not installed: skipped")
    try:
        import datefinder
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            list(datefinder.find_dates("on 3 May 1939"))
            rows.append(("datefinder.find_dates", *per_slice(lambda p: list(datefinder.find_dates(p, source=True)))))
    except ImportError:
        print("datefinder not installed: skipped")

    news = news_docs()
    if news:
        news_words = sum(len(t.split()) for t, _ in news)
        news_s = timed(lambda: [tag(t, published=d) for t, d in news], args.runs)
        rows.insert(1, ("chronoatlas timex (TBAQ news)", news_words, news_s))

    base = words / ours
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
    print(f"{'tagger':34s} {'words':>8s} {'cpu s':>9s} {'words/s':>10s} {'ours is':>9s}")
    for name, n, seconds in rows:
        rate = n / seconds
        ratio = f"{base / rate:,.1f}x" if not name.startswith("chronoatlas") else ""
        print(f"{name:34s} {n:8d} {seconds:9.3f} {rate:10,.0f} {ratio:>9s}")

    quad = text * 4
    t4 = timed(lambda: tag(quad, published=dct), max(1, args.runs // 2))
    print(f"linearity: time(4x text) / (4 x time(1x)) = {t4 / (4 * ours):.2f}")

    if args.big_mb:
        reps = int(args.big_mb * 1_000_000 / len(text.encode("utf-8"))) + 1
        big = (text + "\n") * reps
        t0 = time.process_time()
        n = len(tag(big, published=dct))
        dt = time.process_time() - t0
        print(f"{len(big.encode('utf-8')) / 1e6:.1f} MB ({len(big.split()):,} words): "
              f"{dt:.1f} s, {n:,} expressions, {len(big.split()) / dt:,.0f} words/s")


if __name__ == "__main__":
    main()

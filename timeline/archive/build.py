"""Build an archive index on Dask distributed: a LocalCluster by default, any cluster by
address.

Each partition is one task. A task reads its own slice of the source, extracts every
article with the same functions as ``chronoatlas extract`` and writes its tables in one
rename (see :mod:`.layout`), so a killed worker or an interrupted build loses at most the
partitions in flight: Dask re-runs a dead worker's task elsewhere, and a re-run of the
build skips every partition whose checkpoint matches the source. After the tasks, the
driver rebuilds the query tables from the partitions, so re-runs are idempotent.
"""
from __future__ import annotations

import contextlib
import os
import time
import traceback
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from . import layout
from .rows import article_rows
from .sources import Partition, partitions, read_partition

Progress = Callable[["BuildProgress"], None]


@dataclass
class BuildProgress:
    articles_done: int
    articles_total: int
    partitions_done: int
    partitions_total: int
    elapsed: float
    resumed: int = 0  # articles done by an earlier run, not counted in the rate

    @property
    def rate(self) -> float:
        done = self.articles_done - self.resumed
        return done / self.elapsed if self.elapsed > 0 and done > 0 else 0.0

    @property
    def eta(self) -> float | None:
        left = self.articles_total - self.articles_done
        return left / self.rate if self.rate > 0 else None


@dataclass
class BuildReport:
    index: Path
    partitions: int
    skipped: int  # partitions whose checkpoint was still valid
    articles: int
    failed: list[tuple[str, str, str]] = field(default_factory=list)  # (id, where, error)
    counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


def process_partition(index: str, part: Partition) -> dict:
    """Run on a worker: one partition of the source into its tables and checkpoint."""
    from gazetteer import default_gazetteer

    gazetteer = default_gazetteer()

    def admin1_of(geonameid: int) -> str | None:
        candidate = gazetteer.get(f"geonames:{geonameid}")
        return candidate.admin1 if candidate is not None else None

    tables: dict[str, list[dict]] = {"articles": [], "events": [], "mentions": []}
    started = time.perf_counter()
    for record in read_partition(part):
        try:
            rows = article_rows(record, admin1_of=admin1_of)
        except Exception as exc:  # noqa: BLE001 - one article must never stop the build
            last = traceback.extract_tb(exc.__traceback__)[-1]
            rows = article_rows(type(record)(
                id=record.id, where=record.where, title=record.title, url=record.url,
                published=record.published,
                error=f"{type(exc).__name__}: {exc} (at {Path(last.filename).name}:{last.lineno})"))
        for name in tables:
            tables[name].extend(getattr(rows, name))
    marker = {
        "partition": part.number, "fingerprint": part.fingerprint,
        "articles": len(tables["articles"]),
        "failed": [(a["article_id"], a["where"], a["error"]) for a in tables["articles"]
                   if a["error"]],
        "events": len(tables["events"]), "seconds": round(time.perf_counter() - started, 3),
        "pid": os.getpid(),
    }
    layout.write_part(Path(index), part.number, tables, marker)
    return marker


@contextlib.contextmanager
def dask_client(scheduler: str | None = None, workers: int | None = None) -> Iterator:
    """A client of the cluster at ``scheduler``, or of a LocalCluster with one
    single-threaded worker process per core (extraction is CPU-bound Python)."""
    from distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    n = workers or os.cpu_count() or 1
    with LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                      dashboard_address=":0", silence_logs=40) as cluster, \
            Client(cluster) as client:
        yield client


def build(source: str, index: str | os.PathLike, *, scheduler: str | None = None,
          workers: int | None = None, partition_size: int = 200, client=None,
          progress: Progress | None = None) -> BuildReport:
    """Build (or resume, or refresh) the index at ``index`` from ``source``."""
    started = time.perf_counter()
    index = Path(index)
    parts = partitions(source, size=partition_size)
    index.mkdir(parents=True, exist_ok=True)
    (index / "parts").mkdir(exist_ok=True)
    layout.clean_stale(index, keep=len(parts))
    markers: dict[int, dict] = {}
    todo: list[Partition] = []
    for part in parts:
        marker = layout.done_marker(index, part.number)
        if marker and marker.get("fingerprint") == part.fingerprint:
            markers[part.number] = marker
        else:
            todo.append(part)
    total = sum(p.count for p in parts)
    done = resumed = sum(m["articles"] for m in markers.values())

    def report(now_done: int) -> None:
        if progress:
            progress(BuildProgress(now_done, total, len(markers), len(parts),
                                   time.perf_counter() - started, resumed))

    report(done)
    if todo:
        with (contextlib.nullcontext(client) if client is not None
              else dask_client(scheduler, workers)) as active:
            from distributed import as_completed

            # Keys unique to this run: a cancelled run's keys may still be being released.
            run = uuid.uuid4().hex[:8]
            futures = active.map(process_partition, [str(index)] * len(todo), todo,
                                 key=[f"archive-part-{p.number:06d}-{run}" for p in todo],
                                 pure=False, retries=1)
            try:
                for future in as_completed(futures):
                    marker = future.result()
                    markers[marker["partition"]] = marker
                    done += marker["articles"]
                    report(done)
            except BaseException:
                # Ctrl-C or a failed task: stop what has not started, on any cluster; the
                # finished partitions stay checkpointed for the next run.
                active.cancel(futures)
                raise
    counts = layout.finalise(index, len(parts))
    failed = [tuple(f) for n in sorted(markers) for f in markers[n]["failed"]]
    layout.write_manifest(index, {
        "version": layout.VERSION, "source": str(source), "partitions": len(parts),
        "partition_size": partition_size, "built": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "counts": counts, "failed": len(failed),
    })
    return BuildReport(index=index, partitions=len(parts), skipped=len(parts) - len(todo),
                       articles=counts.get("articles", 0), failed=failed, counts=counts,
                       seconds=time.perf_counter() - started)

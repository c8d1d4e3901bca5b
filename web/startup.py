"""What a server process does once the app is built, before it answers anyone.

The store is opened (its migrations run now, not inside the first editor's save) when it
exists or is configured; a reader-only site still creates nothing. Then every object
start-up made (Flask, SQLAlchemy, the gazetteer, prepared stories: some 150,000) is
moved out of the cyclic garbage collector's sight with ``gc.freeze()``. Left in, each
full collection walks them all: 60-100 ms at random moments, the whole tail of a save's
latency (a 1,000-event story's save: median 11 ms, p99 71 ms before, 22 ms after; see
benchmarks/bench_studio.py). Frozen objects are still freed by reference counting;
only a cycle among them would outlive its use, and start-up objects live as long as the
process. Python's documentation gives the same advice for pre-fork servers (memory
pages stay shared with a forked worker).
"""
from __future__ import annotations

import gc

__all__ = ["settle"]


def settle(app) -> None:
    """Open the store if there is one, then collect and freeze what start-up made."""
    from .store import get_store, store_exists

    if store_exists(app):
        get_store(app)
    gc.collect()
    gc.freeze()

"""Archive queries answered as prepared stories, kept in a small cache.

The index is read-only while served; a rebuilt index (its manifest rewritten) is
noticed by the manifest's modification time, which is part of every cache key."""
from __future__ import annotations

import threading
from collections import OrderedDict
from pathlib import Path

from .queries import ArchiveQuery

CACHE_SIZE = 16


class ArchiveStories:
    def __init__(self, folder, *, static_url: str = "/static/", limit: int = 1000):
        try:
            from timeline.archive import layout
        except ImportError as exc:  # pragma: no cover - the archive extra is missing
            raise ValueError("serving an archive needs the archive extra: "
                             "pip install 'chronoatlas[archive]'") from exc
        self.folder = Path(folder)
        try:
            self.manifest = layout.read_manifest(self.folder)
        except layout.ArchiveIndexError as exc:
            raise ValueError(f"--archive: {exc}") from None
        self._static_url = static_url
        self.limit = limit
        self._results: OrderedDict = OrderedDict()
        self._prepared: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    @property
    def counts(self) -> dict:
        return self.manifest.get("counts", {})

    def _key(self, query: ArchiveQuery):
        try:
            stamp = (self.folder / "archive.json").stat().st_mtime_ns
        except OSError:
            stamp = 0
        return (stamp, query)

    def result(self, query: ArchiveQuery):
        """The QueryResult of a query (QueryError for a place or date it cannot read)."""
        from timeline.archive.query import query as run_query

        key = self._key(query)
        with self._lock:
            if key in self._results:
                self._results.move_to_end(key)
                return self._results[key]
        result = run_query(self.folder, place=query.place, start=query.start, end=query.end,
                           text=query.text, limit=self.limit)
        _remember(self._results, key, result, self._lock)
        return result

    def get(self, slug: str):
        """The prepared story map of the query a ``_archive-...`` slug carries, else None."""
        from timeline.archive.query import QueryError
        from ..stories import PreparedStory

        query = ArchiveQuery.from_slug(slug)
        if query is None:
            return None
        key = self._key(query)
        with self._lock:
            if key in self._prepared:
                self._prepared.move_to_end(key)
                return self._prepared[key]
        try:
            story = self.result(query).story
        except QueryError:
            return None
        # the events carry the coordinates the build gave them: no second resolution
        prepared = PreparedStory(story, slug, static_url=self._static_url)
        _remember(self._prepared, key, prepared, self._lock)
        return prepared


def _remember(cache: OrderedDict, key, value, lock: threading.Lock) -> None:
    with lock:
        cache[key] = value
        cache.move_to_end(key)
        while len(cache) > CACHE_SIZE:
            cache.popitem(last=False)

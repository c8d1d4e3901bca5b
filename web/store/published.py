"""Stored stories for readers: the published revision of each, prepared like a file story.

``StoryLibrary`` asks here for a slug it does not hold (file stories win and stay
read-only). ``_draft-<id>`` (or ``_draft-<id>-r<n>``) is the latest (or n-th) revision of story ``id``, for signed-in
editors only (the studio's preview); to everyone else it does not exist.
"""
from __future__ import annotations

import logging
import re
import threading
from collections import OrderedDict

from flask import g, has_request_context

log = logging.getLogger(__name__)

__all__ = ["StoredStories", "DRAFT_PREFIX"]

DRAFT_PREFIX = "_draft-"
# ``_draft-<id>-r<n>`` pins a revision, so a page and its map script (a second request)
# always come from the same one, however many saves happen in between.
_DRAFT = re.compile(r"^_draft-(\d{1,18})(?:-r(\d{1,18}))?$")
CACHE_SIZE = 32


class StoredStories:
    def __init__(self, app, *, resolve_places: bool, tiles=(), static_url: str = "/static/"):
        self._app = app
        self._resolve = resolve_places
        self._tiles = tuple(tiles or ())
        self._static_url = static_url
        self._cache: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def _store(self):
        from . import get_store, store_exists
        if not store_exists(self._app):
            return None
        return get_store(self._app)

    def get(self, slug: str):
        from . import repository as repo

        store = self._store()
        if store is None:
            return None
        draft = _DRAFT.match(slug)
        with store.session() as s:
            if draft:
                if not (has_request_context() and g.get("user") is not None):
                    return None
                row = s.get(repo.StoryRow, int(draft.group(1)))
                if row is None:
                    return None
                key = (row.id, int(draft.group(2) or row.revision))
            else:
                found = repo.published_by_slug(s, slug)
                if found is None:
                    return None
                key = found
            with self._lock:
                if (key, slug) in self._cache:
                    self._cache.move_to_end((key, slug))
                    return self._cache[(key, slug)]
            try:
                document = repo.revision(s, *key).document
            except repo.NotFound:
                return None
        prepared = self._prepare(document, slug)
        with self._lock:
            self._cache[(key, slug)] = prepared
            while len(self._cache) > CACHE_SIZE:
                self._cache.popitem(last=False)
        return prepared

    def _prepare(self, document: dict, slug: str):
        from ..stories import PreparedStory, resolve
        from .documents import story_of

        story = story_of(document, name=slug)
        if self._resolve:
            story = resolve(story)
        from ..content.media import parse_media_hosts  # the operator's media hosts apply here too
        return PreparedStory(story, slug, tiles=self._tiles, static_url=self._static_url,
                             media_hosts=parse_media_hosts(self._app.config.get("MEDIA_HOSTS") or ()))

    def published(self) -> list:
        from . import repository as repo

        store = self._store()
        if store is None:
            return []
        with store.session() as s:
            slugs = repo.published_slugs(s)
        return [p for p in (self.get(slug) for slug in slugs) if p is not None]

"""Operations on stored stories, each inside the caller's transaction (``Store.session``).

A save is a conditional bump of the story's revision number (``WHERE revision = base``)
and the insert of the new revision row, in one transaction: two editors saving from the
same base cannot both win, on SQLite or PostgreSQL, and a crash leaves either both
changes or neither. The row is a delta against the story's latest snapshot while few
events differ from it, else a new snapshot (``web.store.delta``); ``revision()`` rebuilds
any revision from at most two rows.
"""
from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import event, func, select, update
from sqlalchemy.orm import Session

from timeline.model import slugify

from . import delta
from .diff import compare
from .documents import normalise, normalise_against
from .models import Revision, StoryRow, User, utcnow

__all__ = ["Conflict", "NotFound", "StoredRevision", "create", "list_stories", "current", "save",
           "revisions", "revision", "restore", "publish", "unpublish", "published_by_slug"]


class _RevisionCache:
    """Recent documents of one database by (story, revision), with the number of the
    snapshot each is kept against. Revisions are never changed, so an entry can only be
    stale by being absent; it is added once its transaction commits (a rolled-back
    insert leaves none)."""

    def __init__(self, size: int = 16):
        self._items: OrderedDict = OrderedDict()
        self._size = size
        self._lock = threading.Lock()

    def get(self, key):
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
            return found

    def put(self, key, value, session: Session) -> None:
        def committed(_session):
            with self._lock:
                self._items[key] = value
                self._items.move_to_end(key)
                while len(self._items) > self._size:
                    self._items.popitem(last=False)
        event.listen(session, "after_commit", committed, once=True)


_caches: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_caches_lock = threading.Lock()


def _cache(session: Session) -> _RevisionCache:
    """The cache of the database ``session`` talks to (story ids repeat across databases)."""
    engine = session.get_bind()
    with _caches_lock:
        cache = _caches.get(engine)
        if cache is None:
            cache = _caches[engine] = _RevisionCache()
        return cache


class NotFound(LookupError):
    pass


@dataclass
class Conflict(Exception):
    """The story moved on since ``base``: what the other saves changed, and by whom."""

    base: int
    revision: int
    document: dict
    changes: dict
    authors: list[str]


@dataclass(frozen=True)
class StoredRevision:
    """One revision as saved, its document rebuilt whole."""

    number: int
    action: str
    changes: dict
    author_id: int | None
    created_at: datetime
    document: dict


def _unique_slug(session: Session, wanted: str) -> str:
    base = slugify(wanted, fallback="story", max_length=70)
    taken = set(session.scalars(select(StoryRow.slug).where(
        (StoryRow.slug == base) | StoryRow.slug.like(base + "-%"))))
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def create(session: Session, document: Any, *, author: User | None = None,
           article: str | None = None) -> StoryRow:
    """A new story at revision 1 (the document is validated first)."""
    doc, story = normalise(document)
    slug = _unique_slug(session, doc.get("slug") or story.title)
    doc["slug"] = slug
    row = StoryRow(slug=slug, title=story.title, revision=1, article=article)
    session.add(row)
    session.flush()
    session.add(Revision(story_id=row.id, number=1, snapshot=doc, action="create",
                         changes=compare(None, doc), author_id=author.id if author else None))
    return row


def list_stories(session: Session) -> list[StoryRow]:
    return list(session.scalars(select(StoryRow).order_by(StoryRow.updated_at.desc(),
                                                          StoryRow.id.desc())))


def _row(session: Session, story_id: int) -> StoryRow:
    row = session.get(StoryRow, story_id)
    if row is None:
        raise NotFound(f"No stored story {story_id}.")
    return row


def _document(session: Session, story_id: int, number: int) -> tuple[dict, int]:
    """Revision ``number``'s document and the number of the snapshot it is kept against
    (its own when it is one); NotFound when there is no such revision."""
    cache = _cache(session)
    found = cache.get((story_id, number))
    if found is not None:
        return found
    row = session.execute(select(Revision.snapshot, Revision.base, Revision.delta).where(
        Revision.story_id == story_id, Revision.number == number)).first()
    if row is None:
        _row(session, story_id)
        raise NotFound(f"Story {story_id} has no revision {number}.")
    if row.snapshot is not None:
        found = (row.snapshot, number)
    else:
        whole, _ = _document(session, story_id, row.base)  # a snapshot: one more row
        found = (delta.decode(row.delta, whole), row.base)
    cache.put((story_id, number), found, session)
    return found


def revision(session: Session, story_id: int, number: int) -> StoredRevision:
    found = session.execute(select(Revision.number, Revision.action, Revision.changes,
                                   Revision.author_id, Revision.created_at).where(
        Revision.story_id == story_id, Revision.number == number)).first()
    if found is None:
        _row(session, story_id)
        raise NotFound(f"Story {story_id} has no revision {number}.")
    return StoredRevision(*found, document=_document(session, story_id, number)[0])


def current(session: Session, story_id: int) -> tuple[StoryRow, StoredRevision]:
    row = _row(session, story_id)
    return row, revision(session, story_id, row.revision)


def save(session: Session, story_id: int, document: Any, *, base: int,
         author: User | None = None, action: str = "save") -> int:
    """Store ``document`` as the revision after ``base``; Conflict if ``base`` is stale."""
    try:
        previous, snapshot_number = _document(session, story_id, base)
    except NotFound:  # no such story (raised below) or a base it never had (a conflict)
        previous, snapshot_number = None, None
    doc = normalise_against(document, previous)
    bumped = session.execute(
        update(StoryRow).where(StoryRow.id == story_id, StoryRow.revision == base)
        .values(revision=base + 1, title=doc["title"], updated_at=utcnow())
        .execution_options(synchronize_session=False))
    if bumped.rowcount != 1:
        row = _row(session, story_id)
        raise _conflict(session, row, base)
    slug = session.scalar(select(StoryRow.slug).where(StoryRow.id == story_id))
    doc["slug"] = slug
    kept = None
    if snapshot_number is not None:
        kept = delta.encode(doc, _document(session, story_id, snapshot_number)[0])
    session.add(Revision(story_id=story_id, number=base + 1, action=action,
                         snapshot=doc if kept is None else None,
                         base=None if kept is None else snapshot_number, delta=kept,
                         changes=compare(previous, doc), author_id=author.id if author else None))
    session.flush()
    _cache(session).put((story_id, base + 1),
                        (doc, base + 1 if kept is None else snapshot_number), session)
    return base + 1


def _conflict(session: Session, row: StoryRow, base: int) -> Conflict:
    session.refresh(row)
    latest = revision(session, row.id, row.revision)
    theirs = _document(session, row.id, base)[0] if 0 < base < row.revision else None
    names = session.scalars(
        select(User.name).join(Revision, Revision.author_id == User.id)
        .where(Revision.story_id == row.id, Revision.number > base).distinct())
    return Conflict(base=base, revision=row.revision, document=latest.document,
                    changes=compare(theirs, latest.document) if theirs is not None else {},
                    authors=sorted(names))


def revisions(session: Session, story_id: int) -> list[tuple[Revision, str | None]]:
    """Every revision, newest first, with its author's name (the document is not loaded)."""
    _row(session, story_id)
    rows = session.execute(
        select(Revision.number, Revision.action, Revision.changes, Revision.created_at,
               User.name).outerjoin(User, Revision.author_id == User.id)
        .where(Revision.story_id == story_id).order_by(Revision.number.desc()))
    return list(rows)


def restore(session: Session, story_id: int, number: int, *, author: User | None = None,
            base: int | None = None) -> int:
    """Bring revision ``number`` back as a new revision (nothing is overwritten)."""
    old = revision(session, story_id, number)
    if base is None:
        base = _row(session, story_id).revision
    return save(session, story_id, old.document, base=base, author=author,
                action=f"restore {number}")


def publish(session: Session, story_id: int, number: int | None = None) -> int:
    row = _row(session, story_id)
    if number is None:
        number = row.revision
    elif session.scalar(select(Revision.id).where(Revision.story_id == story_id,
                                                  Revision.number == number)) is None:
        raise NotFound(f"Story {story_id} has no revision {number}.")
    row.published_revision = number
    return number


def unpublish(session: Session, story_id: int) -> None:
    _row(session, story_id).published_revision = None


def published_by_slug(session: Session, slug: str) -> tuple[int, int] | None:
    """(story id, published revision) for a published slug, else None."""
    found = session.execute(select(StoryRow.id, StoryRow.published_revision).where(
        StoryRow.slug == slug, StoryRow.published_revision.is_not(None))).first()
    return (found[0], found[1]) if found else None


def published_slugs(session: Session) -> list[str]:
    return list(session.scalars(select(StoryRow.slug).where(
        StoryRow.published_revision.is_not(None)).order_by(StoryRow.slug)))


def count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(StoryRow)) or 0

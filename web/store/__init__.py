"""The store: stories and their append-only revisions, and the accounts that edit them.

SQLite in the instance folder by default (WAL, foreign keys on: zero setup);
PostgreSQL, or any database SQLAlchemy 2 speaks, through ``DATABASE_URL`` (environment
``CHRONOATLAS_DATABASE_URL``). The schema is Alembic's: migrations run when the store
is first opened.
"""
from __future__ import annotations

import os
import threading
import weakref
from contextlib import contextmanager
from typing import Iterator

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

__all__ = ["Store", "get_store", "database_url"]

_lock = threading.Lock()


def database_url(app) -> str:
    url = app.config.get("DATABASE_URL")
    if url:
        return url
    return "sqlite:///" + os.path.join(app.instance_path, "chronoatlas.sqlite3")


class Store:
    """An engine and a session factory; ``session()`` is one transaction."""

    def __init__(self, url: str, *, migrate: bool = True, echo: bool = False):
        self.url = url
        kwargs: dict = {"echo": echo, "future": True}
        if url.startswith("sqlite"):
            path = url.split("///", 1)[-1]
            if path and path != ":memory:":
                os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
            kwargs["connect_args"] = {"timeout": 30, "check_same_thread": False}
        else:
            kwargs["pool_pre_ping"] = True
        self.engine: Engine = create_engine(url, **kwargs)
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        # gunicorn --preload forks after the app opened the store: a child must not share
        # the parent's connections (SQLAlchemy's advice: dispose without closing them).
        engine_ref = weakref.ref(self.engine)
        os.register_at_fork(after_in_child=lambda: (e := engine_ref()) and e.dispose(close=False))
        if migrate:
            from .migrate import upgrade
            upgrade(self.engine)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back if it raises."""
        with self._sessions() as session, session.begin():
            yield session

    def dispose(self) -> None:
        self.engine.dispose()


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    # FULL: a commit is on disk before the client hears of it (a kill -9 or a power cut
    # cannot take back an acknowledged save).
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def get_store(app=None) -> Store:
    """The app's store, opened (and migrated) on first use."""
    from flask import current_app
    app = app or current_app._get_current_object()
    store = app.extensions.get("chronoatlas.store")
    if store is None:
        with _lock:
            store = app.extensions.get("chronoatlas.store")
            if store is None:
                store = Store(database_url(app))
                app.extensions["chronoatlas.store"] = store
    return store


def store_exists(app) -> bool:
    """False when the default SQLite file was never made: nothing can be published yet,
    and a reader's request must not create it."""
    if "chronoatlas.store" in app.extensions or app.config.get("DATABASE_URL"):
        return True
    return os.path.exists(os.path.join(app.instance_path, "chronoatlas.sqlite3"))

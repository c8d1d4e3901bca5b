"""A persistent cache of online answers (SQLite in the cache dir), so a name is asked once.

It is only a cache: a damaged file is moved aside (``answers.sqlite.corrupt``) and
started afresh with one warning, and a directory that cannot be written is one
:class:`~gazetteer.errors.GeocoderConfigurationError` line naming it and the setting
(``CHRONOATLAS_GEOCODER_DIR``) that moves it. Never a traceback.
"""
from __future__ import annotations

import json
import logging
import os
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

from ..errors import GeocoderConfigurationError

log = logging.getLogger(__name__)
HINT = "set CHRONOATLAS_GEOCODER_DIR to a writable directory"


class ResponseCache:
    def __init__(self, path: Path, *, max_age_days: float = 90.0) -> None:
        self.path = Path(path)
        self.max_age = max_age_days * 86400
        self._lock = threading.Lock()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._create()
        except sqlite3.DatabaseError as exc:
            if isinstance(exc, sqlite3.OperationalError) and not self._damaged(exc):
                raise self._trouble(exc) from exc
            self._set_aside(exc)
        except OSError as exc:
            raise self._trouble(exc) from exc

    def _create(self) -> None:
        conn = self._connect()
        try:
            with conn:
                conn.execute("CREATE TABLE IF NOT EXISTS answers (key TEXT PRIMARY KEY, "
                             "value TEXT NOT NULL, created REAL NOT NULL)")
            conn.execute("SELECT key, value, created FROM answers LIMIT 1").fetchall()
        finally:
            conn.close()

    @staticmethod
    def _damaged(exc: sqlite3.DatabaseError) -> bool:
        text = str(exc).lower()
        return not isinstance(exc, sqlite3.OperationalError) or "malformed" in text or \
            "not a database" in text or "no such column" in text

    def _trouble(self, exc: BaseException) -> GeocoderConfigurationError:
        reason = getattr(exc, "strerror", None) or str(exc)
        return GeocoderConfigurationError(
            f"geocoder cache {self.path}: cannot be used ({reason}); {HINT}")

    def _set_aside(self, exc: BaseException) -> None:
        """Move a damaged cache aside and start an empty one."""
        aside = self.path.with_name(self.path.name + ".corrupt")
        try:
            os.replace(self.path, aside)
            for suffix in ("-journal", "-wal", "-shm"):
                side = self.path.with_name(self.path.name + suffix)
                if side.exists():
                    side.unlink()
            self._create()
        except (OSError, sqlite3.DatabaseError) as again:
            raise self._trouble(again) from exc
        log.warning("geocoder cache %s was damaged (%s); moved it to %s and started afresh",
                    self.path, exc, aside.name)

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=10)

    def get(self, key: str) -> Any | None:
        try:
            with self._lock:
                conn = self._connect()
                try:
                    row = conn.execute("SELECT value, created FROM answers WHERE key = ?",
                                       (key,)).fetchone()
                finally:
                    conn.close()
            if row is None or time.time() - row[1] > self.max_age:
                return None
            return json.loads(row[0])
        except (sqlite3.DatabaseError, ValueError, TypeError) as exc:
            log.warning("geocoder cache %s: unreadable answer for %r (%s); asking again",
                        self.path, key, exc)
            return None

    def put(self, key: str, value: Any) -> None:
        try:
            with self._lock:
                conn = self._connect()
                try:
                    with conn:
                        conn.execute("INSERT OR REPLACE INTO answers VALUES (?, ?, ?)",
                                     (key, json.dumps(value), time.time()))
                finally:
                    conn.close()
        except (sqlite3.DatabaseError, OSError) as exc:  # the answer is still used, just not kept
            log.warning("geocoder cache %s: could not store an answer (%s); %s",
                        self.path, exc, HINT)

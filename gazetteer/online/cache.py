"""A persistent cache of online answers (SQLite in the cache dir), so a name is asked once."""
from __future__ import annotations

import json
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any


class ResponseCache:
    def __init__(self, path: Path, *, max_age_days: float = 90.0) -> None:
        self.path = Path(path)
        self.max_age = max_age_days * 86400
        self._lock = threading.Lock()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as conn:
            conn.execute("CREATE TABLE IF NOT EXISTS answers (key TEXT PRIMARY KEY, "
                         "value TEXT NOT NULL, created REAL NOT NULL)")

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=10)

    def get(self, key: str) -> Any | None:
        with self._lock:
            conn = self._connect()
            try:
                row = conn.execute("SELECT value, created FROM answers WHERE key = ?", (key,)).fetchone()
            finally:
                conn.close()
        if row is None or time.time() - row[1] > self.max_age:
            return None
        return json.loads(row[0])

    def put(self, key: str, value: Any) -> None:
        with self._lock:
            conn = self._connect()
            try:
                with conn:
                    conn.execute("INSERT OR REPLACE INTO answers VALUES (?, ?, ?)",
                                 (key, json.dumps(value), time.time()))
            finally:
                conn.close()

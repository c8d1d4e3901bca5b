"""One request rate for the whole application, across processes.

A lock file per service holds the time of the last request; whoever holds the lock waits
out the interval, stamps the file, and releases. geopy's RateLimiter only covers one
process, and Nominatim's policy (1 request/s) is per application.
"""
from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path


class FileRateLimiter:
    def __init__(self, path: Path, min_interval: float) -> None:
        self.path = Path(path)
        self.min_interval = float(min_interval)

    @contextlib.contextmanager
    def slot(self):
        """Block until a request may be sent; the request is made inside the block."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            _lock(fd)
            try:
                os.lseek(fd, 0, os.SEEK_SET)
                raw = os.read(fd, 64).decode("ascii", "ignore").strip()
                try:
                    last = float(raw)
                except ValueError:
                    last = 0.0
                wait = last + self.min_interval - time.time()
                if wait > 0:
                    time.sleep(min(wait, self.min_interval))
                try:
                    yield
                finally:
                    stamp = f"{time.time():.6f}".encode("ascii")
                    os.lseek(fd, 0, os.SEEK_SET)
                    os.ftruncate(fd, 0)
                    os.write(fd, stamp)
            finally:
                _unlock(fd)
        finally:
            os.close(fd)


def _lock(fd: int) -> None:
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        return
    fcntl.flock(fd, fcntl.LOCK_EX)


def _unlock(fd: int) -> None:
    try:
        import fcntl
    except ImportError:  # pragma: no cover
        return
    fcntl.flock(fd, fcntl.LOCK_UN)

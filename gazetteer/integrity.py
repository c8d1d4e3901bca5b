"""The index's health: stale temporary files, checksums, full checks, and one-line
messages for a cache directory that cannot be written (see :mod:`gazetteer.index`)."""
from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
import zlib
from pathlib import Path

from .errors import IndexBuildError

__all__ = ["cache_trouble", "clean_stale_temps", "checksum_path", "file_checksum",
           "write_checksum", "MOVE_HINT"]


MOVE_HINT = "set CHRONOATLAS_CACHE_DIR to a writable directory with 150 MB free"


def cache_trouble(path: Path, exc: BaseException) -> IndexBuildError:
    """One line: which directory, what is wrong with it, which setting moves it."""
    folder = path.parent
    code = getattr(exc, "errno", None)
    text = str(exc).lower()
    if code == errno.ENOSPC or "disk is full" in text or "database or disk is full" in text:
        what = "the disk is full"
    elif code in (errno.EACCES, errno.EPERM, errno.EROFS) or "readonly" in text or "read-only" in text:
        what = "it is not writable"
    elif code in (errno.EIO, errno.EFBIG) or "disk i/o error" in text:
        what = "writing failed (disk I/O error: is the disk full?)"
    elif code in (errno.ENOTDIR, errno.EEXIST) or (folder.exists() and not folder.is_dir()):
        what = "it is not a directory"
    else:
        what = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return IndexBuildError(f"gazetteer: cannot write the index in {folder}: {what}; {MOVE_HINT}")


def clean_stale_temps(path: Path, *, locked: bool = False) -> list[Path]:
    """Remove the temporary files of builds that were killed (``kill -9``, power loss).

    Only with the build lock held: then no build is running, so every temporary file is
    stale. Without ``locked`` the lock is tried without waiting; a running build keeps
    its file. Returns what was removed."""
    temps = sorted(path.parent.glob(f"{path.name}.*.tmp"))
    if not temps:
        return []
    if not locked:
        try:
            with _file_lock(path.with_suffix(".lock"), wait=False) as got:
                return clean_stale_temps(path, locked=True) if got else []
        except OSError:
            return []
    removed = []
    for tmp in temps:
        with contextlib.suppress(OSError):
            tmp.unlink()
            removed.append(tmp)
    return removed


def checksum_path(path: Path) -> Path:
    return path.with_name(path.name + ".crc32")


def file_checksum(path: Path) -> str:
    """``size:crc32`` of the whole file, read in 1 MiB chunks."""
    crc, size = 0, 0
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            crc = zlib.crc32(chunk, crc)
            size += len(chunk)
    return f"{size}:{crc:08x}"


def write_checksum(path: Path) -> None:
    side = checksum_path(path)
    tmp = side.with_name(f"{side.name}.{os.getpid()}.tmp")
    tmp.write_text(file_checksum(path) + "\n", encoding="ascii")
    os.replace(tmp, side)


def _replace_with_checksum(tmp: Path, path: Path) -> None:
    """Rename the new index into place with its checksum. The old checksum goes first:
    killed in between, the index has none, which :func:`_damage` treats as unknown."""
    new_sum = file_checksum(tmp)
    side = checksum_path(path)
    side_tmp = side.with_name(f"{side.name}.{os.getpid()}.tmp")
    side_tmp.write_text(new_sum + "\n", encoding="ascii")
    with contextlib.suppress(FileNotFoundError):
        side.unlink()
    os.replace(tmp, path)
    os.replace(side_tmp, side)


def _check_full(path: Path) -> None:
    """Every page of a fresh build, before anyone may open it."""
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute("PRAGMA integrity_check").fetchall()
    finally:
        conn.close()
    if rows != [("ok",)]:
        raise IndexBuildError(f"gazetteer: the index just built in {path.parent} failed its "
                              f"integrity check ({rows[0][0]}); {MOVE_HINT} (or free the disk)")


def _damage(path: Path) -> str | None:
    """Why the file's bytes cannot be trusted, or None. Cheap: a checksum of the file.
    An index without a checksum (older builds, or killed between renames) gets
    SQLite's ``quick_check`` once and, when that passes, a checksum for next time."""
    side = checksum_path(path)
    try:
        expected = side.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        expected = None
    except (OSError, UnicodeDecodeError):
        expected = ""
    if expected:
        found = file_checksum(path)
        return None if found == expected else f"the index file is damaged (checksum {found}, expected {expected})"
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = conn.execute("PRAGMA quick_check").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return f"the index file is damaged ({exc})"
    if rows != [("ok",)]:
        return f"the index file is damaged ({rows[0][0]})"
    with contextlib.suppress(OSError):  # a read-only cache keeps working without one
        write_checksum(path)
    return None


@contextlib.contextmanager
def _file_lock(path: Path, *, wait: bool = True):
    """An exclusive lock across processes (fcntl where available); yields whether it
    was taken (always True when ``wait``)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+") as fh:
        try:
            import fcntl
        except ImportError:  # pragma: no cover - Windows: no cross-process lock
            yield True
            return
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)



"""Where an archive's articles come from, cut into partitions the workers read themselves.

A newsroom's archive is too big to pass through the scheduler, so the driver only
scans the source for boundaries (byte ranges of a JSON-lines file, lists of files of a
folder) and each worker reads its own slice. Both must see the same paths: on a cluster,
SOURCE sits on a filesystem every worker mounts.

A bad record (broken JSON, a missing ``id``, an unreadable file) never stops a build:
it comes back as an :class:`ArticleRecord` with ``error`` set, located by file and line,
and is recorded in the index's ``articles`` table.
"""
from __future__ import annotations

import glob
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

# One JSON line or article file larger than this is recorded as an error, not read.
MAX_RECORD_BYTES = 5_000_000
TEXT_SUFFIXES = (".txt", ".html", ".htm")


class SourceError(ValueError):
    """SOURCE names nothing readable (no such file, an empty glob, a bad suffix)."""


@dataclass(frozen=True)
class ArticleRecord:
    """One article as the build reads it; ``error`` says why it could not be read."""

    id: str
    text: str = ""
    published: str | None = None
    url: str | None = None
    title: str | None = None
    where: str = ""  # "archive.jsonl, line 12" or a file path
    error: str | None = None


@dataclass(frozen=True)
class Partition:
    """A slice of the source one task reads: byte ranges of JSON-lines files (with the
    line number of their first line) or whole article files."""

    number: int
    jsonl: tuple[tuple[str, int, int, int], ...] = ()  # (path, start, end, first line)
    files: tuple[str, ...] = ()
    fingerprint: str = ""
    count: int = 0


def _paths(source: str) -> list[Path]:
    path = Path(source)
    if path.is_dir():
        found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower()
                       in TEXT_SUFFIXES + (".jsonl",))
        if not found:
            raise SourceError(f"{source}: the folder holds no .jsonl, .txt or .html files")
        return found
    if path.is_file():
        return [path]
    matches = sorted(Path(p) for p in glob.glob(source, recursive=True) if Path(p).is_file())
    if not matches:
        raise SourceError(f"{source}: no such file or folder, and no file matches it as a glob")
    return matches


def partitions(source: str, *, size: int = 200) -> list[Partition]:
    """Cut SOURCE into partitions of about ``size`` articles, with a fingerprint each so
    that a re-run can tell finished work that is still valid from work to redo."""
    if size < 1:
        raise SourceError(f"partition size must be at least 1, got {size}")
    result: list[Partition] = []
    jsonl: list[tuple[str, int, int, int]] = []
    files: list[str] = []
    count = 0
    digest = hashlib.sha256()

    def close() -> None:
        nonlocal jsonl, files, count, digest
        if count:
            result.append(Partition(len(result), tuple(jsonl), tuple(files), digest.hexdigest(),
                                    count))
        jsonl, files, count, digest = [], [], 0, hashlib.sha256()

    for path in _paths(source):
        if path.suffix.lower() == ".jsonl":
            start = offset = 0
            first_line = line_no = 1
            with path.open("rb") as fh:
                for raw in fh:
                    if raw.strip():
                        digest.update(raw)
                        count += 1
                    offset += len(raw)
                    line_no += 1
                    if count >= size:
                        jsonl.append((str(path), start, offset, first_line))
                        close()
                        start, first_line = offset, line_no
            if offset > start:
                jsonl.append((str(path), start, offset, first_line))
        else:
            stat = path.stat()
            digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
            files.append(str(path))
            count += 1
            if count >= size:
                close()
    close()
    return result


def read_partition(part: Partition) -> Iterator[ArticleRecord]:
    """The articles of one partition, bad ones as records with ``error`` set."""
    for path, start, end, first_line in part.jsonl:
        name = os.path.basename(path)
        with open(path, "rb") as fh:
            fh.seek(start)
            line_no = first_line
            while fh.tell() < end:
                raw = fh.readline(MAX_RECORD_BYTES + 1)
                where = f"{name}, line {line_no}"
                if len(raw) > MAX_RECORD_BYTES and not raw.endswith(b"\n"):
                    fh.readline()  # skip the rest of the over-long line
                    yield ArticleRecord(id=f"{name}:{line_no}", where=where,
                                        error=f"line longer than {MAX_RECORD_BYTES:,} bytes")
                elif raw.strip():
                    yield _from_json(raw, where, f"{name}:{line_no}")
                line_no += 1
    for path in part.files:
        yield _from_file(Path(path))


def _from_json(raw: bytes, where: str, fallback_id: str) -> ArticleRecord:
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError) as exc:
        return ArticleRecord(id=fallback_id, where=where, error=f"not JSON: {exc}")
    if not isinstance(data, dict):
        return ArticleRecord(id=fallback_id, where=where,
                             error=f"expected a JSON object, found {type(data).__name__}")
    ident, text = data.get("id"), data.get("text")
    if not isinstance(ident, (str, int)) or isinstance(ident, bool) or str(ident) == "":
        return ArticleRecord(id=fallback_id, where=where, error="id: missing or not a string")
    if not isinstance(text, str):
        return ArticleRecord(id=str(ident), where=where, error="text: missing or not a string")
    fields = {}
    for key in ("published", "url", "title"):
        value = data.get(key)
        if value is not None and not isinstance(value, str):
            return ArticleRecord(id=str(ident), where=where, error=f"{key}: not a string")
        fields[key] = value
    return ArticleRecord(id=str(ident), text=text, where=where, **fields)


def _from_file(path: Path) -> ArticleRecord:
    """A .txt/.html article; its date and title may sit beside it in ``NAME.meta.json``
    ({"published": "YYYY-MM-DD", "title": ..., "url": ...})."""
    where = str(path)
    try:
        if path.stat().st_size > MAX_RECORD_BYTES:
            return ArticleRecord(id=str(path), where=where,
                                 error=f"file larger than {MAX_RECORD_BYTES:,} bytes")
        text = path.read_bytes().decode("utf-8", errors="replace")
    except OSError as exc:
        return ArticleRecord(id=str(path), where=where, error=f"cannot read: {exc.strerror}")
    meta: dict = {}
    meta_path = path.with_name(path.name.rsplit(".", 1)[0] + ".meta.json")
    if meta_path.is_file():
        try:
            loaded = json.loads(meta_path.read_text(encoding="utf-8"))
            meta = loaded if isinstance(loaded, dict) else {}
        except (OSError, ValueError):
            return ArticleRecord(id=str(path), where=str(meta_path), error="meta.json: not JSON")
    return ArticleRecord(
        id=str(meta.get("id") or path.stem), text=text, where=where,
        published=meta.get("published") if isinstance(meta.get("published"), str) else None,
        url=meta.get("url") if isinstance(meta.get("url"), str) else None,
        title=meta.get("title") if isinstance(meta.get("title"), str) else None)

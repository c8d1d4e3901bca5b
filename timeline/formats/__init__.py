"""Story formats: one entry point to read any of them, one to write each.

``load(source)`` takes a path, ``-`` for stdin, or the name of a story bundled with the
package ("demo"); the format comes from the file's extension or, failing that, from
its content.
"""
from __future__ import annotations

import json
import os
import sys
from importlib import resources
from pathlib import Path

from ..errors import StoryFormatError, StoryNotFoundError
from ..identity import conform
from ..model import Story, slugify
from ._collect import MAX_FILE_BYTES, Collector, LoadResult
from .native import dump_json, dump_yaml, parse_text, story_from_data
from .sheet import looks_like_sheet, story_from_sheet
from .sheet_out import dump_sheet
from .storymap import dump_storymap, looks_like_storymap, story_from_storymap
from .timelinejs import dump_timelinejs, looks_like_timelinejs, story_from_timelinejs

__all__ = ["FORMATS", "LoadResult", "bundled_stories", "conform", "dump", "load", "load_story",
           "load_text"]

# Output formats this package writes without a web server (exporters add more).
FORMATS = {
    "yaml": dump_yaml,
    "json": dump_json,
    "timelinejs": dump_timelinejs,
    "storymap": dump_storymap,
    "csv": dump_sheet,
}

_EXTENSIONS = {".yaml": "yaml", ".yml": "yaml", ".json": "json", ".csv": "csv"}


def bundled_stories() -> dict[str, str]:
    """Name -> title of each story shipped in timeline/stories/."""
    out = {}
    for entry in sorted(resources.files("timeline").joinpath("stories").iterdir(),
                        key=lambda e: e.name):
        stem, ext = os.path.splitext(entry.name)
        if ext in _EXTENSIONS:
            out[stem] = load_text(entry.read_text("utf-8"), name=entry.name).story.title
    return out


def _bundled_text(name: str) -> tuple[str, str] | None:
    folder = resources.files("timeline").joinpath("stories")
    for ext in (".yaml", ".yml", ".json", ".csv"):
        entry = folder.joinpath(name + ext)
        if entry.is_file():
            return entry.read_text("utf-8"), name + ext
    return None


def load(source: str | os.PathLike, *, skip_invalid: bool = False, fmt: str | None = None,
         infer_places: bool = True) -> LoadResult:
    """Read a story from a path, ``-`` (stdin) or a bundled story's name."""
    text, name = _read(source)
    result = load_text(text, name=name, fmt=fmt, skip_invalid=skip_invalid,
                       infer_places=infer_places)
    if not result.story.slug:
        stem = Path(name).stem if name != "<stdin>" else result.story.title
        from dataclasses import replace
        result.story = replace(result.story, slug=slugify(stem, fallback="story"))
    return result


def load_story(source: str | os.PathLike, *, skip_invalid: bool = False) -> Story:
    return load(source, skip_invalid=skip_invalid).story


def _read(source: str | os.PathLike) -> tuple[str, str]:
    if str(source) == "-":
        data = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
        return _decode(data, "<stdin>"), "<stdin>"
    path = Path(source)
    if not path.exists():
        bundled = _bundled_text(str(source)) if os.sep not in str(source) else None
        if bundled is not None:
            return bundled
        names = ", ".join(bundled_stories())
        raise StoryNotFoundError(f"{source}: no such file, nor a bundled story (bundled: {names})")
    if path.is_dir():
        raise StoryNotFoundError(f"{source}: is a folder, expected a story file")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise _too_big(path)
    return _decode(path.read_bytes(), str(source)), str(source)


def _too_big(path: Path) -> StoryFormatError:
    from ..errors import Problem
    size = path.stat().st_size
    return StoryFormatError([Problem(f"file too large ({size:,} bytes)", file=str(path),
                                    expected=f"at most {MAX_FILE_BYTES:,} bytes")], str(path))


def _decode(data: bytes, name: str) -> str:
    from ..errors import Problem
    if len(data) > MAX_FILE_BYTES:
        raise StoryFormatError([Problem("input too large", file=name,
                                        expected=f"at most {MAX_FILE_BYTES:,} bytes")], name)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise StoryFormatError([Problem("not UTF-8 text", file=name, line=line,
                                        found=repr(data[exc.start:exc.start + 4]),
                                        expected="a UTF-8 encoded text file")], name) from None


def load_text(text: str, *, name: str = "<input>", fmt: str | None = None,
              skip_invalid: bool = False, infer_places: bool = True) -> LoadResult:
    """Read story text whose format is given or detected.

    TimelineJS sheets and JSON give no places: with ``infer_places`` (the default) the
    events they leave without one get the place their words name, marked ``inferred``
    (see :mod:`.inferred`)."""
    fmt = fmt or _EXTENSIONS.get(Path(name).suffix.lower())
    if fmt is None:
        stripped = text.lstrip("\ufeff \t\r\n")
        fmt = "json" if stripped.startswith(("{", "[")) else (
            "csv" if looks_like_sheet(text) else "yaml")
    result = _load_any(text, name, fmt, skip_invalid)
    # Whatever the format, ids, slug and colours follow the same rules (timeline.identity).
    result.story = conform(result.story)
    if infer_places and result.placeless:
        _infer(result)
    return result


def _infer(result: LoadResult) -> None:
    from .inferred import infer_places as infer

    try:
        result.story = infer(result.story)
    except Exception as exc:  # noqa: BLE001 - no gazetteer index: the story, without guesses
        result.notes.append(f"places were not looked for in the text: {exc}")


def _load_any(text: str, name: str, fmt: str, skip_invalid: bool) -> LoadResult:
    if fmt == "csv":
        return story_from_sheet(text, Collector(name), skip_invalid=skip_invalid)
    data, c = parse_text(text, file=name,
                         fmt="json" if fmt in ("json", "timelinejs", "storymap") else "yaml")
    c.raise_if_any()
    if fmt == "storymap" or looks_like_storymap(data):
        if not looks_like_storymap(data):
            from ..errors import Problem
            raise StoryFormatError([Problem("not a StoryMapJS file", file=name, line=1,
                                            expected='{"storymap": {"slides": [...]}}')], name)
        return story_from_storymap(data, c, skip_invalid=skip_invalid)
    if fmt == "timelinejs" or looks_like_timelinejs(data):
        return story_from_timelinejs(data, c, skip_invalid=skip_invalid)
    return story_from_data(data, c, skip_invalid=skip_invalid)


def dump(story: Story, fmt: str) -> str:
    try:
        writer = FORMATS[fmt]
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}") from None
    return writer(story)

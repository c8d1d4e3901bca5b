"""Errors raised by the gazetteer.

Each error also subclasses the built-in it resembles (as geopy does), so callers that
only know Python's own exceptions still catch the right thing.
"""
from __future__ import annotations

from dataclasses import dataclass


class GazetteerError(Exception):
    """Base class of every error the gazetteer raises on purpose."""


class IndexBuildError(GazetteerError, RuntimeError):
    """The on-disk index could not be built (a source is missing or unreadable)."""


class IndexCorruptError(GazetteerError, RuntimeError):
    """The on-disk index exists but cannot be read; it will be rebuilt."""


@dataclass(frozen=True)
class Problem:
    """One located problem in a user's import file."""

    file: str
    line: int
    field: str
    found: str
    expected: str

    def __str__(self) -> str:
        found = self.found if len(self.found) <= 60 else self.found[:57] + "..."
        return f"{self.file}:{self.line}: field {self.field!r}: found {found!r}, expected {self.expected}"


class ImportFileError(GazetteerError, ValueError):
    """An import file has broken lines; ``problems`` lists every one of them."""

    def __init__(self, problems: list[Problem], *, file: str = "") -> None:
        self.problems = list(problems)
        self.file = file
        shown = "\n".join(f"  {p}" for p in self.problems[:50])
        more = f"\n  ... and {len(self.problems) - 50} more" if len(self.problems) > 50 else ""
        super().__init__(f"{len(self.problems)} problem(s) in {file or 'import file'}:\n{shown}{more}")


class GeocoderError(GazetteerError):
    """Base class of online geocoder failures; the offline result is used instead."""


class GeocoderConfigurationError(GeocoderError, ValueError):
    """An online geocoder was asked for without what it needs (e.g. a real User-Agent)."""


class GeocoderTimedOut(GeocoderError, TimeoutError):
    """The online service did not answer in time."""


class GeocoderUnavailable(GeocoderError, ConnectionError):
    """The online service could not be reached or answered with an error."""


class GeocoderRateLimited(GeocoderError, RuntimeError):
    """The online service refused the request because of its rate limit."""

"""Located problems in story files: every one is reported, none is dropped.

A reader collects :class:`Problem` values while it reads; at the end it either raises
:class:`StoryFormatError` with all of them or, when asked to skip invalid entries,
returns the good part of the story with the problems as a report.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a file: where, what was found, what was expected."""

    message: str
    file: str | None = None
    line: int | None = None
    row: int | None = None
    field: str | None = None
    found: str | None = None
    expected: str | None = None

    def __str__(self) -> str:
        where = self.file or "<input>"
        if self.row is not None:
            where += f", row {self.row}"
        if self.line is not None:
            where += f", line {self.line}"
        parts = [f"{where}:"]
        if self.field:
            parts.append(f"{self.field}:")
        parts.append(self.message)
        if self.found is not None:
            parts.append(f"(found {_short(self.found)}")
            parts[-1] += f"; expected {self.expected})" if self.expected else ")"
        elif self.expected:
            parts.append(f"(expected {self.expected})")
        return " ".join(parts)

    def to_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if v is not None}


def _short(value: str, limit: int = 60) -> str:
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


class StoryFormatError(ValueError):
    """A story file with one or more problems; ``problems`` lists them all."""

    def __init__(self, problems: list[Problem], file: str | None = None):
        self.problems = list(problems)
        self.file = file
        count = len(self.problems)
        head = f"{file or 'story'}: {count} problem{'s' if count != 1 else ''}"
        super().__init__(head + "\n" + "\n".join(f"  {p}" for p in self.problems))


class StoryNotFoundError(FileNotFoundError):
    """Neither a readable file nor the name of a bundled story."""

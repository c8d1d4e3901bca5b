"""Where an export goes: a file, or stdout (bytes to ``sys.stdout.buffer``)."""
from __future__ import annotations

import sys
from pathlib import Path

import click

__all__ = ["write_text", "write_bytes", "warn"]


def warn(lines: list[str]) -> None:
    for line in lines:
        click.echo(line, err=True)


def write_text(text: str, out: Path | None) -> None:
    if out is None:
        click.echo(text, nl=not text.endswith("\n"))
    else:
        Path(out).write_text(text, encoding="utf-8")


def write_bytes(data: bytes, out: Path | None, *, what: str) -> None:
    """Write binary output; refuse to spray it over a terminal."""
    if out is None:
        stream = sys.stdout
        if stream.isatty():
            raise click.UsageError(
                f"{what} is binary and stdout is a terminal; write it to a file with "
                f"-o FILE or redirect the output (> file)")
        buffer = getattr(stream, "buffer", None)
        if buffer is None:  # a text-only stream (some test runners): nowhere to put bytes
            raise click.UsageError(f"{what} is binary and stdout does not accept bytes; use -o FILE")
        buffer.write(data)
        buffer.flush()
    else:
        Path(out).write_bytes(data)

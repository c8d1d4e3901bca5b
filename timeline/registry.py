"""The export formats a ``chronoatlas`` installation can write, beyond timeline.formats.

Each package names its exporters (``"module:function"``, the function taking
``(story, out: Path | None)``) in its own ``cli_parts`` module; the top-level command
(web/cli.py) adds them here, so ``export --to`` and ``archive query --to`` find every
one while this package knows no other package's modules. Nothing is imported until a
format is used or listed; a format whose module cannot be imported (an optional
dependency missing) is simply not available.
"""
from __future__ import annotations

import importlib
from typing import Callable, Mapping

from . import cli_parts

__all__ = ["add_exporters", "exporter", "exporter_names", "available", "resolve"]

_exporters: dict[str, str] = {}


def add_exporters(targets: Mapping[str, str]) -> None:
    """Register ``{format: "module:function"}``; one name, one writer."""
    for name, target in targets.items():
        known = _exporters.get(name)
        if known is not None and known != target:
            raise ValueError(f"two packages add the export format {name!r}: {known} and {target}")
        _exporters[name] = target


def resolve(target: str, *, optional: bool = True):
    """The attribute a ``"module:attribute"`` target names, or None when its module does
    not exist (or, with ``optional``, cannot be imported at all)."""
    module_name, attr = target.split(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if optional or exc.name == module_name:
            return None
        raise
    except ImportError:
        if optional:
            return None
        raise
    return getattr(module, attr, None)


def exporter_names() -> list[str]:
    """Every registered format, available or not, in the order they were added."""
    return list(_exporters)


def exporter(name: str) -> Callable | None:
    target = _exporters.get(name)
    return resolve(target) if target else None


def available() -> list[str]:
    """The registered formats whose writer can be imported on this installation."""
    return [name for name in _exporters if exporter(name) is not None]


add_exporters(cli_parts.EXPORTERS)  # the core's own, whoever composes the command

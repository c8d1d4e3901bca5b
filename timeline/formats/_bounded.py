"""Parsing untrusted JSON and YAML with bounded depth, alias expansion and number size.

Story files come from strangers. Three things make a naive ``json.loads``/``yaml.load``
plus a validator dangerous: nesting deep enough to exhaust the stack (RecursionError),
YAML aliases that expand a few hundred bytes into gigabytes for anything that walks the
result, and integers whose conversion Python refuses (more than 4,300 digits). Every one
of them is turned into a located :class:`~timeline.errors.Problem` here, before the
schema or any exporter sees the data; so are values no exporter can write (NaN,
Infinity, lone surrogates, YAML-only types such as binary or sets).
"""
from __future__ import annotations

import json
import math
import re
from typing import Any, Callable

import yaml

MAX_DEPTH = 50            # a story is ~6 levels deep; settings get plenty of room
MAX_NUMBER_DIGITS = 30    # no year, coordinate or zoom needs more
_ALIAS_ALLOWANCE = 1_000_000  # expansion units (values + characters) aliases may add

_SURROGATE = re.compile("[\ud800-\udfff]")


class TooLarge:
    """Stands in for a number too long to be a value (reported, never used)."""

    __slots__ = ("digits",)

    def __init__(self, digits: int):
        self.digits = digits

    def __repr__(self) -> str:
        return f"<a number of {self.digits} digits>"


class BoundError(ValueError):
    """The text breaks a bound; ``line`` says where (1-based) when known."""

    def __init__(self, message: str, line: int | None = None, expected: str | None = None):
        super().__init__(message)
        self.line = line
        self.expected = expected


# -- JSON ------------------------------------------------------------------------------

def _json_int(text: str):
    return TooLarge(len(text.lstrip("-"))) if len(text) > MAX_NUMBER_DIGITS else int(text)


def _json_float(text: str):
    return TooLarge(len(text)) if len(text) > 4 * MAX_NUMBER_DIGITS else float(text)


def load_json(text: str) -> Any:
    """``json.loads`` that never raises RecursionError or the int-digits ValueError.

    NaN and Infinity are kept as floats here and reported by :func:`check_values` at
    their field, as huge numbers are (via :class:`TooLarge`).
    """
    try:
        return json.loads(text, parse_int=_json_int, parse_float=_json_float)
    except RecursionError:
        raise BoundError(f"nested more than {MAX_DEPTH} levels deep", json_depth_line(text),
                         expected=f"at most {MAX_DEPTH} levels of nesting") from None


_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def json_depth_line(text: str) -> int | None:
    """The line where JSON nesting first passes MAX_DEPTH (strings skipped)."""
    depth = 0
    for m in _JSON_TOKEN.finditer(text):
        ch = m.group()
        if ch in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return text.count("\n", 0, m.start()) + 1
        elif ch in "]}":
            depth -= 1
    return None


# -- YAML ------------------------------------------------------------------------------

_Base = yaml.CSafeLoader if getattr(yaml, "__with_libyaml__", False) else yaml.SafeLoader


class BoundedLoader(_Base):  # type: ignore[misc, valid-type]
    """Safe YAML without implicit timestamps ("1939-05-11" stays text), without ints
    too long to convert; libyaml when present (fast, and it caps nesting itself)."""

    def construct_yaml_int(self, node):
        digits = sum(ch.isdigit() for ch in str(node.value))
        if digits > MAX_NUMBER_DIGITS:
            return TooLarge(digits)
        return super().construct_yaml_int(node)

    def compose_node(self, parent, index):  # only used by the pure-Python composer
        self._depth = getattr(self, "_depth", 0) + 1
        try:
            if self._depth > MAX_DEPTH:
                mark = self.peek_event().start_mark
                raise BoundError(f"nested more than {MAX_DEPTH} levels deep", mark.line + 1,
                                 expected=f"at most {MAX_DEPTH} levels of nesting")
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


BoundedLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
BoundedLoader.add_constructor("tag:yaml.org,2002:int", BoundedLoader.construct_yaml_int)


def compose_yaml(text: str) -> tuple[yaml.Node | None, BoundedLoader]:
    """Compose the node graph and check it: depth, alias cycles and alias expansion."""
    loader = BoundedLoader(text)
    try:
        root = loader.get_single_node()
    except RecursionError:
        loader.dispose()
        raise BoundError(f"nested more than {MAX_DEPTH} levels deep",
                         expected=f"at most {MAX_DEPTH} levels of nesting") from None
    except yaml.YAMLError as exc:
        loader.dispose()
        if "maximum nesting depth" in str(exc):  # libyaml's own cap (1000)
            mark = getattr(exc, "problem_mark", None)
            raise BoundError(f"nested more than {MAX_DEPTH} levels deep",
                             mark.line + 1 if mark else None,
                             expected=f"at most {MAX_DEPTH} levels of nesting") from None
        raise
    if root is not None:
        check_nodes(root, limit=2 * len(text) + _ALIAS_ALLOWANCE)
    return root, loader


def load_yaml(text: str) -> tuple[Any, yaml.Node | None]:
    """Bounded YAML -> (data, root node, kept for locating fields)."""
    root, loader = compose_yaml(text)
    try:
        data = loader.construct_document(root) if root is not None else None
    finally:
        loader.dispose()
    return data, root


def check_nodes(root: yaml.Node, *, limit: int) -> None:
    """Walk each distinct node once (iteratively): depth, alias cycles, expanded size.

    The expanded size counts what a walk of the loaded data visits (one per value plus
    the characters of scalars), memoised per node, so a billion laughs costs as much to
    measure as it costs to write down.
    """
    size: dict[int, int] = {}
    on_path: set[int] = set()
    stack: list[tuple[yaml.Node, int, bool]] = [(root, 1, False)]
    while stack:
        node, depth, done = stack.pop()
        key = id(node)
        if done:
            on_path.discard(key)
            children = _children(node)
            total = 1 + sum(size[id(ch)] for ch in children)
            size[key] = total
            if total > limit:
                raise BoundError("YAML aliases expand too far (an alias bomb?)",
                                 node.start_mark.line + 1,
                                 expected="a story that is not inflated by repeated aliases")
            continue
        if key in size:
            continue
        if key in on_path:
            raise BoundError("a YAML alias refers to the value that contains it",
                             node.start_mark.line + 1, expected="no recursive aliases")
        if depth > MAX_DEPTH:
            raise BoundError(f"nested more than {MAX_DEPTH} levels deep",
                             node.start_mark.line + 1,
                             expected=f"at most {MAX_DEPTH} levels of nesting")
        if isinstance(node, yaml.ScalarNode):
            size[key] = 1 + len(node.value)
            continue
        on_path.add(key)
        stack.append((node, depth, True))
        for child in _children(node):
            if id(child) in on_path:
                raise BoundError("a YAML alias refers to the value that contains it",
                                 child.start_mark.line + 1, expected="no recursive aliases")
            if id(child) not in size:
                stack.append((child, depth + 1, False))


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


# -- values ----------------------------------------------------------------------------

_PLAIN = (str, int, float, bool, type(None))


def check_values(data: Any, add: Callable[..., None]) -> None:
    """Report values no exporter can write, at their field; iterative, so depth is safe.

    ``add(message, field=..., found=..., expected=...)`` records a problem.
    """
    stack: list[tuple[Any, str, int]] = [(data, "", 1)]
    seen: set[int] = set()
    while stack:
        value, path, depth = stack.pop()
        if isinstance(value, str):
            if _SURROGATE.search(value):
                add("not valid Unicode text (a lone surrogate)", field=path or None,
                    found=value.encode("utf-8", "backslashreplace").decode("ascii")[:60],
                    expected="text without unpaired \\ud800-\\udfff escapes")
        elif isinstance(value, float) and not isinstance(value, bool):
            if not math.isfinite(value):
                add("not a finite number", field=path or None, found=repr(value),
                    expected="a number (not NaN or Infinity)")
        elif isinstance(value, TooLarge):
            add(f"number too long ({value.digits} digits)", field=path or None,
                expected=f"a number of at most {MAX_NUMBER_DIGITS} digits")
        elif isinstance(value, (dict, list)):
            if id(value) in seen:  # shared (an alias): checked once
                continue
            seen.add(id(value))
            if depth > MAX_DEPTH:
                add(f"nested more than {MAX_DEPTH} levels deep", field=path or None,
                    expected=f"at most {MAX_DEPTH} levels of nesting")
                continue
            if isinstance(value, dict):
                for k, v in value.items():
                    if not isinstance(k, str):
                        add("a field name must be text", field=path or None, found=repr(k),
                            expected="text keys (quote keys such as yes, no, on, 1939)")
                        continue
                    child = f"{path}.{k}" if path else k
                    if _SURROGATE.search(k):
                        add("not valid Unicode text (a lone surrogate)", field=child,
                            expected="text without unpaired \\ud800-\\udfff escapes")
                    stack.append((v, child, depth + 1))
            else:
                for i, v in enumerate(value):
                    stack.append((v, f"{path}[{i}]", depth + 1))
        elif not isinstance(value, _PLAIN):
            add("not a supported value", field=path or None, found=type(value).__name__,
                expected="text, a number, true/false, null, a list or a mapping")

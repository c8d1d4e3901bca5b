"""Field path ("events[2].start") -> 1-based line, built only when a problem needs it.

Valid files never pay for the index. Both walks are iterative and visit each YAML
node once (a path below an alias is located at the alias), so neither deep nesting nor
an alias bomb can make locating a problem the slow part.
"""
from __future__ import annotations

import json
import re
from typing import Callable

import yaml


def yaml_index(root: yaml.Node | None) -> dict[str, int]:
    index: dict[str, int] = {}
    if root is None:
        return index
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, str]] = [(root, "")]
    while stack:
        node, path = stack.pop()
        index.setdefault(path, node.start_mark.line + 1)
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                name = key.value if isinstance(key, yaml.ScalarNode) else "?"
                child = f"{path}.{name}" if path else str(name)
                index[child] = key.start_mark.line + 1  # a field is located at its key
                stack.append((value, child))
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                stack.append((item, f"{path}[{i}]"))
    return index


_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}:,]|[^\s\[\]{}:,"]+')


def json_index(text: str) -> dict[str, int]:
    """The same index for JSON text, from a linear token scan (no second parser)."""
    index: dict[str, int] = {}
    # Each frame: [path, is_object, next_index_or_key, expecting_key]
    stack: list[list] = []
    line, last = 1, 0
    pending_key: str | None = None
    for m in _TOKEN.finditer(text):
        start = m.start()
        line += text.count("\n", last, start)
        last = start
        tok = m.group()
        top = stack[-1] if stack else None
        if top is not None and top[1] and top[3]:  # an object key (or the closing brace)
            if tok.startswith('"'):
                try:
                    pending_key = json.loads(tok)
                except ValueError:
                    pending_key = tok.strip('"')
                path = f"{top[0]}.{pending_key}" if top[0] else str(pending_key)
                index[path] = line
                top[2] = path
                top[3] = False
                continue
        if tok == ",":
            if top is not None:
                if top[1]:
                    top[3] = True
                else:
                    top[2] += 1
            continue
        if tok == ":":
            continue
        if tok in "]}":
            if stack:
                stack.pop()
            continue
        # A value: where does it sit?
        if top is None:
            path = ""
        elif top[1]:
            path = top[2]
        else:
            path = f"{top[0]}[{top[2]}]"
            index.setdefault(path, line)
        index.setdefault(path, line)
        if tok == "{":
            stack.append([path, True, path, True])
        elif tok == "[":
            stack.append([path, False, 0, False])
    return index


def lazy_locator(build: Callable[[], dict[str, int]]) -> Callable[[str], int | None]:
    """A ``locate(path)`` that builds its index on first use, then walks up the path."""
    cache: list[dict[str, int]] = []

    def locate(path: str) -> int | None:
        if not cache:
            try:
                cache.append(build())
            except Exception:  # noqa: BLE001 - an unlocatable problem is still reported
                cache.append({})
        index = cache[0]
        while path:
            if path in index:
                return index[path]
            cut = max(path.rfind("."), path.rfind("["))
            path = path[:cut] if cut > 0 else ""
        return index.get("")
    return locate

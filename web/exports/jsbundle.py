"""One classic script from the viewer's ES modules (``web/static/js/``), for the pages
that cannot load modules: the single-file widget (every script inline, allowed by its
hash under the CSP; an inline module could not import its siblings) and the static site
(opened from ``file://``, where Chromium refuses module scripts).

Not a general bundler: it relies on the modules' own discipline, which it checks and
refuses to bundle otherwise:

* imports are one line each at the top level, ``import { a, b as c } from "./x.js";``
  (relative, same folder);
* exports are ``export function``, ``export const``/``let``/``class`` or
  ``export { a, b };``, with no ``export default`` and no re-exports;
* an exported binding is not reassigned after the module ran (the bundle copies values,
  where modules would share live bindings).

Each module becomes a function run once, in dependency order, returning its exports;
the whole is wrapped in one strict IIFE, so nothing leaks to ``window``.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

__all__ = ["BundleError", "JS_DIR", "ENTRY", "bundle", "module_order", "module_files", "viewer_bundle"]

JS_DIR = Path(__file__).resolve().parents[1] / "static" / "js"
ENTRY = "main.js"

_IMPORT = re.compile(r'^import\s*\{([^}]*)\}\s*from\s*"\./([\w-]+\.js)";\s*$')
_IMPORT_ANY = re.compile(r"^\s*import\b")
_EXPORT_DECL = re.compile(r"^export\s+((?:async\s+)?function\*?|const|let|class)\s+([A-Za-z_$][\w$]*)")
_EXPORT_LIST = re.compile(r"^export\s*\{([^}]*)\};?\s*$")
_EXPORT_ANY = re.compile(r"^\s*export\b")
_NAME = re.compile(r"^[A-Za-z_$][\w$]*$")


class BundleError(ValueError):
    """A module the bundler cannot join safely: which file, which line, what it expected."""


def _names(spec: str, where: str) -> list[tuple[str, str]]:
    pairs = []
    for part in filter(None, (p.strip() for p in spec.split(","))):
        bits = part.split()
        if len(bits) == 1 and _NAME.match(bits[0]):
            pairs.append((bits[0], bits[0]))
        elif len(bits) == 3 and bits[1] == "as" and _NAME.match(bits[0]) and _NAME.match(bits[2]):
            pairs.append((bits[0], bits[2]))
        else:
            raise BundleError(f"{where}: cannot read {part!r} (expected a name or 'name as other')")
    return pairs


def _ident(file: str) -> str:
    return "__ca_" + re.sub(r"\W", "_", file[:-3])


def _parse(folder: Path, file: str) -> tuple[list[tuple[str, list]], list[str], list[str]]:
    """(imports [(file, [(name, local)])], exports, body lines) of one module."""
    path = folder / file
    if not path.is_file():
        raise BundleError(f"{path}: no such module")
    imports, exports, body = [], [], []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        where = f"{path.name}:{n}"
        m = _IMPORT.match(line)
        if m:
            imports.append((m.group(2), _names(m.group(1), where)))
            body.append("")  # keep line numbers close for debugging
            continue
        if _IMPORT_ANY.match(line) and not line.lstrip().startswith("import("):
            raise BundleError(f"{where}: unsupported import (expected import {{ ... }} from \"./x.js\"; "
                              f"on one line)")
        m = _EXPORT_DECL.match(line)
        if m:
            exports.append(m.group(2))
            body.append(line[len("export "):])
            continue
        m = _EXPORT_LIST.match(line)
        if m:
            for name, alias in _names(m.group(1), where):
                exports.append(f"{alias}: {name}" if alias != name else name)
            body.append("")
            continue
        if _EXPORT_ANY.match(line):
            raise BundleError(f"{where}: unsupported export (expected export function/const/let/class "
                              f"or export {{ ... }})")
        body.append(line)
    return imports, exports, body


def module_order(entry: str = ENTRY, folder: Path = JS_DIR) -> list[str]:
    """The modules ``entry`` needs, dependencies first; a cycle is an error."""
    order: list[str] = []
    state: dict[str, str] = {}

    def visit(file: str, chain: tuple[str, ...]):
        if state.get(file) == "done":
            return
        if state.get(file) == "active":
            raise BundleError("import cycle: " + " -> ".join(chain + (file,)))
        state[file] = "active"
        for dep, _ in _parse(folder, file)[0]:
            visit(dep, chain + (file,))
        state[file] = "done"
        order.append(file)

    visit(entry, ())
    return order


def bundle(entry: str = ENTRY, folder: Path = JS_DIR) -> str:
    """The classic script: each module a function run once, in dependency order."""
    out = ["/* chronoatlas viewer: web/static/js/*.js joined by web/exports/jsbundle.py */",
           "(function () {", '"use strict";']
    for file in module_order(entry, folder):
        imports, exports, body = _parse(folder, file)
        out.append(f"// ---- {file}")
        out.append(f"const {_ident(file)} = (function () {{")
        for dep, names in imports:
            spec = ", ".join(name if name == local else f"{name}: {local}" for name, local in names)
            out.append(f"const {{ {spec} }} = {_ident(dep)};")
        out.extend(body)
        out.append("return { " + ", ".join(exports) + " };")
        out.append("})();")
    out.append("})();")
    return "\n".join(out) + "\n"


@lru_cache(maxsize=4)
def _cached(entry: str, stamp: tuple) -> str:
    return bundle(entry)


def viewer_bundle(entry: str = ENTRY) -> str:
    """:func:`bundle` of the viewer, cached until a module file changes."""
    stamp = tuple((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(JS_DIR.glob("*.js")))
    return _cached(entry, stamp)


def module_files(entry: str = ENTRY) -> list[str]:
    """Paths under ``static/`` of the modules a page loads (for ``modulepreload``)."""
    return ["js/" + f for f in module_order(entry)]

"""The viewer's ES modules and the bundle the widget and static site run instead."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from web.exports.jsbundle import JS_DIR, BundleError, bundle, module_files, module_order

ASSETS = Path(__file__).resolve().parents[2] / "web" / "templates" / "_assets.html"


def test_pages_preload_exactly_the_modules_main_imports():
    listed = re.search(r"\{% for m in \[([^\]]*)\] %\}", ASSETS.read_text(encoding="utf-8")).group(1)
    preloaded = {"js/" + m.strip().strip('"') for m in listed.split(",")}
    assert preloaded == set(module_files()) - {"js/main.js"}


def test_every_module_is_reached_and_small():
    assert set(module_order()) == {p.name for p in JS_DIR.glob("*.js")}
    for path in JS_DIR.glob("*.js"):
        assert len(path.read_text(encoding="utf-8").splitlines()) <= 400, path.name


def test_dependencies_come_first():
    order = module_order()
    assert order[-1] == "main.js" and order.index("core.js") < order.index("map.js")


def _write(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_bundle_joins_imports_and_aliases(tmp_path):
    _write(tmp_path, {
        "a.js": 'export const x = 2;\nexport function twice(v) { return v * x; }\nconst y = 5;\nexport { y as five };\n',
        "main.js": 'import { twice, five as f } from "./a.js";\nwindow.out = twice(f);\n',
    })
    text = bundle("main.js", tmp_path)
    assert "import " not in text and "export " not in text
    assert "const { twice, five: f } = __ca_a;" in text
    assert "return { x, twice, five: y };" in text
    if shutil.which("node"):
        out = subprocess.run(["node", "-e", "globalThis.window = globalThis;\n" + text + "\nconsole.log(window.out)"],
                             capture_output=True, text=True, timeout=30)
        assert out.stdout.strip() == "10", out.stderr


@pytest.mark.parametrize("source, message", [
    ('export default 1;\n', "main.js:1: unsupported export"),
    ('import x from "./a.js";\n', "main.js:1: unsupported import"),
    ('import { a-b } from "./a.js";\n', "main.js:1: cannot read 'a-b'"),
    ('import { a } from "./nope.js";\n', "nope.js: no such module"),
])
def test_bundle_refuses_what_it_cannot_join(tmp_path, source, message):
    _write(tmp_path, {"main.js": source, "a.js": "export const a = 1;\n"})
    with pytest.raises(BundleError, match=re.escape(message)):
        bundle("main.js", tmp_path)


def test_bundle_reports_a_cycle(tmp_path):
    _write(tmp_path, {"main.js": 'import { a } from "./a.js";\n',
                      "a.js": 'import { b } from "./b.js";\nexport const a = 1;\n',
                      "b.js": 'import { a } from "./a.js";\nexport const b = 1;\n'})
    with pytest.raises(BundleError, match="import cycle: main.js -> a.js -> b.js -> a.js"):
        bundle("main.js", tmp_path)


@pytest.mark.skipif(not shutil.which("node"), reason="node not installed")
def test_viewer_bundle_is_valid_script(tmp_path):
    path = tmp_path / "bundle.js"
    path.write_text(bundle(), encoding="utf-8")
    out = subprocess.run(["node", "--check", str(path)], capture_output=True, text=True, timeout=30)
    assert out.returncode == 0, out.stderr

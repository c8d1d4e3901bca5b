"""The ``chronoatlas`` command is composed above the packages: each names its own
commands and exporters, the core names no other package's modules, and a name two
packages claim is refused."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_the_core_names_no_module_of_the_web_package():
    named = re.compile(r"""["']web\.[a-z_]""")
    offenders = [f"{p.relative_to(ROOT)}:{n}" for p in (ROOT / "timeline").rglob("*.py")
                 for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
                 if named.search(line) or re.match(r"\s*(from|import) web\b", line)]
    assert offenders == []


def test_every_command_and_exporter_of_every_package_is_assembled():
    import gazetteer.cli_parts
    import timeline.cli_parts
    import web.cli_parts
    from timeline import registry
    from web.cli import COMMANDS

    for parts in (timeline.cli_parts, gazetteer.cli_parts, web.cli_parts):
        assert parts.COMMANDS.items() <= COMMANDS.items()
        assert set(parts.EXPORTERS) <= set(registry.exporter_names())
    for name, target in COMMANDS.items():
        assert registry.resolve(target, optional=False) is not None, name
    assert {"svg", "pdf", "html", "geojson"} <= set(registry.available())


def test_a_name_claimed_twice_is_refused(monkeypatch):
    import types

    from web import cli

    twin = types.ModuleType("twin.cli_parts")
    twin.COMMANDS = {"serve": "twin.cli:serve"}
    monkeypatch.setitem(sys.modules, "twin.cli_parts", twin)
    with pytest.raises(ValueError, match="serve"):
        cli.assemble(("web", "twin"))
    from timeline import registry
    with pytest.raises(ValueError, match="kml"):
        registry.add_exporters({"kml": "twin.exports:kml"})


def test_the_core_alone_has_its_own_exporters_and_imports_no_web_module():
    code = ("import sys, timeline.cli; from timeline import registry; "
            "print(registry.exporter_names(), [m for m in sys.modules if m.split('.')[0] == 'web'])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                         env=dict(os.environ, PYTHONPATH=str(ROOT)), check=True).stdout.strip()
    assert out == "['geojson', 'kml'] []"

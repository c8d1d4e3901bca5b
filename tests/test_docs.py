"""The documentation that promises behaviour is checked against the code."""
import re
import runpy
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_cli_reference_is_current():
    generator = runpy.run_path(str(ROOT / "docs" / "generate_cli_docs.py"))
    expected = generator["render"]()
    actual = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert actual == expected, "docs/cli.md is stale: run python docs/generate_cli_docs.py"


def test_readme_names_every_command():
    from web.cli import COMMANDS
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in COMMANDS:
        assert f"chronoatlas {name}" in readme, f"README does not mention `chronoatlas {name}`"


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"<!-- test-command -->\n```\n(.+?)\n```", readme)
    assert match, "README lost its marked test command"
    assert "<!-- test-command -->" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")

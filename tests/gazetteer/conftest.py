from __future__ import annotations

import json

import pytest
from click.testing import CliRunner


@pytest.fixture(scope="session")
def gaz(gazetteer_cache_dir):
    """The default Gazetteer over the session's index (built once, on first use)."""
    from gazetteer import default_gazetteer

    return default_gazetteer()


@pytest.fixture(scope="session")
def geocode_json(gaz):
    """Run ``chronoatlas geocode --json`` and return the parsed lines."""
    from web.cli import main

    def run(*args: str) -> list[dict]:
        result = CliRunner().invoke(main, ["geocode", "--json", *args], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]

    return run

"""The malformed corpus: every case, through validate and the exports it can reach,
ends in a located error (exit 1) or a valid output, within 5 s of CPU and 1 GB."""
from __future__ import annotations

import pytest

from .harness import cases, export_formats, run_case

VALIDATE = [pytest.param(c, id=c.name) for c in cases()]
EXPORTS = [pytest.param(c, fmt, id=f"{c.name}-{fmt}") for c in cases() for fmt in export_formats(c)]


@pytest.mark.parametrize("case", VALIDATE)
def test_validate(case, tmp_path):
    run, problem = run_case(case, None, tmp_path)
    assert problem is None, problem


@pytest.mark.parametrize("case,fmt", EXPORTS)
def test_export(case, fmt, tmp_path):
    run, problem = run_case(case, fmt, tmp_path)
    assert problem is None, problem

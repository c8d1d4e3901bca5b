"""The story commands as a user runs them."""
import json
import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from click.testing import CliRunner

from web.cli import main

BROKEN = Path(__file__).parent / "broken"


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input)


def test_examples_lists_the_demo():
    result = run("examples")
    assert result.exit_code == 0
    assert result.output.startswith("demo\t")


def test_validate_ok_and_broken():
    assert run("validate", "demo").exit_code == 0
    result = run("validate", "demo", str(BROKEN / "three-bad-rows.csv"))
    assert result.exit_code == 1
    assert "3 problems" in result.output
    assert result.output.count("three-bad-rows.csv, row ") == 3


def test_export_timelinejs_then_yaml_loads_back_equal(tmp_path):
    tl = run("export", "demo", "--to", "timelinejs")
    assert tl.exit_code == 0, tl.output
    data = json.loads(tl.output)
    years = [e["start_date"]["year"] for e in data["events"]]
    assert years[0] == 1939 and years[-1] == 2024 and years == sorted(years)
    (tmp_path / "demo.json").write_text(tl.output)
    as_yaml = run("export", str(tmp_path / "demo.json"), "--to", "yaml", "-o",
                  str(tmp_path / "demo.yaml"))
    assert as_yaml.exit_code == 0
    from timeline.formats import load
    assert load(tmp_path / "demo.yaml").story.events == load(tmp_path / "demo.json").story.events


def test_export_skip_invalid_reports_what_it_skipped():
    result = run("export", str(BROKEN / "three-bad-rows.csv"), "--to", "yaml", "--skip-invalid")
    assert result.exit_code == 0
    assert result.output.count("skipped: ") == 3
    assert "Battle of Khalkhin Gol" in result.output


def test_export_refuses_broken_input_without_skip():
    result = run("export", str(BROKEN / "three-bad-rows.csv"), "--to", "yaml")
    assert result.exit_code == 1
    assert "--skip-invalid" in result.output


def test_unknown_story_and_format_say_what_exists():
    result = run("export", "no-such-story", "--to", "yaml")
    assert result.exit_code == 1 and "bundled: demo" in result.output
    result = run("export", "demo", "--to", "docx")
    assert result.exit_code == 2 and "yaml" in result.output


def test_bce_story_through_the_cli(tmp_path):
    path = tmp_path / "ancient.yaml"
    path.write_text("title: Ancient\nevents:\n  - title: Marathon\n    start: 490 BCE\n")
    tl = json.loads(run("export", str(path), "--to", "timelinejs").output)
    assert tl["events"][0]["start_date"]["year"] == -490
    (tmp_path / "a.json").write_text(json.dumps(tl))
    back = yaml.safe_load(run("export", str(tmp_path / "a.json"), "--to", "yaml").output)
    assert back["events"][0]["start"] == "490 BCE"  # YAML is for people: not the astronomical -0489
    from timeline.formats import load
    assert load(tmp_path / "a.json").story.events[0].start.label() == "490 BCE"


def test_console_script_is_installed():
    exe = shutil.which("chronoatlas", path=str(Path(sys.executable).parent))
    assert exe, "the chronoatlas console script is not installed next to this Python"
    out = subprocess.run([exe, "--help"], capture_output=True, text=True, check=True).stdout
    for command in ("validate", "export", "examples"):
        assert command in out

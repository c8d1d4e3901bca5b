"""``chronoatlas serve`` with bad story files: every problem is reported, nothing is lost.

No server is started: ``flask.Flask.run`` is replaced by a recorder in every test.
"""
from pathlib import Path

import pytest
from click.testing import CliRunner

from web import create_app
from web.cli import main

HEADER = ("Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,"
          "Media,Media Credit,Media Caption,Media Thumbnail,Alt Text,Type,Group,Background,Place,"
          "Latitude,Longitude")
# Rows 4-6 are bad (a Year with a letter, the 30th of February, a latitude off the globe).
SHEET = "\n".join([
    HEADER,
    ",,,,,,,,,A sheet with three broken rows,,,,,,,title,,,,,",
    "1939,5,11,,1939,9,16,,,Battle of Khalkhin Gol,,,,,,,,War,,Khalkhin Gol,47.7,118.6",
    "19x9,,,,,,,,,A year with a letter in it,,,,,,,,,,,,",
    "2001,2,30,,,,,,,The thirtieth of February,,,,,,,,,,,,",
    "1998,7,17,,,,,,,A place off the globe,,,,,,,,,,Rome,141.9,12.5",
    "2002,7,1,,,,,,,The court opens,,,,,,,,,,The Hague,52.08,4.31",
]) + "\n"
BAD_ROWS = [("row 4", "Year"), ("row 5", "Day"), ("row 6", "Latitude")]

YAML_STORY = """\
title: A story with one bad date
events:
  - title: Marathon
    start: 490 BCE
  - title: A date nobody can read
    start: Smarch 12
"""
HINT = "Fix these, or use --skip-invalid to serve the valid events."


@pytest.fixture()
def files(tmp_path):
    sheet = tmp_path / "rows.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    story = tmp_path / "dates.yaml"
    story.write_text(YAML_STORY, encoding="utf-8")
    broken = tmp_path / "broken.yaml"
    broken.write_text("title: Unclosed\nevents: [\n  - title: x\n", encoding="utf-8")
    return {"sheet": str(sheet), "yaml": str(story), "broken": str(broken),
            "missing": str(tmp_path / "missing.yaml")}


@pytest.fixture()
def runs(monkeypatch):
    """The apps ``serve`` would have run, instead of running them."""
    calls = []
    monkeypatch.setattr("flask.Flask.run", lambda self, **kw: calls.append(self))
    return calls


def serve(*args):
    return CliRunner().invoke(main, ["serve", "--no-resolve", *args])


def _assert_rows_listed(output, sheet, prefix=""):
    for row, field in BAD_ROWS:
        assert f"{prefix}{sheet}, {row}, line {row.split()[1]}: {field}:" in output, output


def test_default_refuses_a_sheet_with_bad_rows_and_lists_every_one(files, runs):
    result = serve(files["sheet"])
    assert result.exit_code != 0
    assert not runs
    assert f"{files['sheet']}: 3 problems" in result.output
    _assert_rows_listed(result.output, files["sheet"])
    assert "found '19x9'" in result.output
    assert result.output.rstrip().endswith(HINT)


def test_default_lists_every_problem_of_every_bad_file(files, runs):
    result = serve(files["sheet"], files["yaml"], files["missing"], "demo")
    assert result.exit_code != 0
    assert not runs
    _assert_rows_listed(result.output, files["sheet"])
    assert f"{files['yaml']}, line 6: events[1].start: not a date (found 'Smarch 12'" \
        in result.output
    missing = [line for line in result.output.splitlines() if files["missing"] in line]
    assert len(missing) == 1 and "no such file" in missing[0]
    assert "Not serving: 3 of 4 story files could not be loaded." in result.output
    assert HINT in result.output


def test_skip_invalid_serves_the_valid_rows_and_lists_the_skipped(files, runs):
    result = serve("--skip-invalid", files["sheet"])
    assert result.exit_code == 0, result.output
    assert result.output.count("skipped: ") == 3
    _assert_rows_listed(result.output, files["sheet"], prefix="skipped: ")
    [app] = runs
    [prepared] = app.extensions["chronoatlas"]
    data = app.test_client().get(f"/api/stories/{prepared.slug}").get_json()
    assert [e["title"] for e in data["events"]] == ["Battle of Khalkhin Gol", "The court opens"]


def test_served_stories_are_prepared_before_the_server_listens(runs):
    assert serve("demo").exit_code == 0
    [prepared] = runs[0].extensions["chronoatlas"]
    assert {"page_json", "map_parts", "vega_spec"} <= set(vars(prepared))  # computed already


def test_skip_invalid_library_page_lists_the_skipped_rows(files, runs):
    assert serve("--skip-invalid", files["sheet"]).exit_code == 0
    html = runs[0].test_client().get("/").get_data(as_text=True)
    assert "Entries left out" in html
    assert html.count("<li>rows.csv, row ") == 3  # the file's name, not the server's path
    assert str(Path(files["sheet"]).parent) not in html
    for row, field in BAD_ROWS:
        assert f"{row}, line {row.split()[1]}: {field}:" in html
    assert "found &#39;19x9&#39;" in html  # escaped, as all story text


def test_skip_invalid_leaves_out_what_cannot_be_read_and_serves_the_rest(files, runs):
    result = serve("--skip-invalid", files["sheet"], files["yaml"], files["broken"],
                   files["missing"])
    assert result.exit_code == 0, result.output
    assert result.output.count("skipped: ") == 4
    assert f"not served: {files['broken']}: 1 problem" in result.output
    assert "not valid YAML" in result.output
    assert f"not served: {files['missing']}: no such file" in result.output
    library = runs[0].extensions["chronoatlas"]
    assert sorted(len(p.story.events) for p in library) == [1, 2]
    assert len(library.errors) == 2 and len(library.skipped) == 4


def test_skip_invalid_with_nothing_left_fails(files, runs):
    result = serve("--skip-invalid", files["broken"], files["missing"])
    assert result.exit_code != 0
    assert not runs
    assert "no story could be loaded" in result.output


def test_without_the_cli_a_bad_file_is_left_out_and_shown(files):
    """Under a WSGI server there is no CLI to refuse: the site runs and says what is missing."""
    app = create_app({"TESTING": True, "STORIES": [files["sheet"], "demo"],
                      "RESOLVE_PLACES": False})
    library = app.extensions["chronoatlas"]
    assert [p.slug for p in library] == ["demo"]
    assert [r.source for r in library.reports] == [files["sheet"]]
    html = app.test_client().get("/").get_data(as_text=True)
    assert "Stories that could not be loaded" in html
    assert html.count("<li>rows.csv, row ") == 3  # the file's name, not the server's path
    assert str(Path(files["sheet"]).parent) not in html


def test_skip_invalid_setting_without_the_cli(files):
    app = create_app({"TESTING": True, "STORIES": [files["yaml"]], "RESOLVE_PLACES": False,
                      "SKIP_INVALID": True})
    [prepared] = app.extensions["chronoatlas"]
    assert [e.title for e in prepared.story.events] == ["Marathon"]
    assert app.extensions["chronoatlas"].skipped == [
        "dates.yaml, line 6: events[1].start: not a date (found 'Smarch 12'; expected a "
        "date such as '1939-05-11', 'May 1939', '490 BCE', 'c. 1200')"]

"""Issue 11 items 2, 5, 9: a story that breaks while being prepared is left out and
reported, never fatal; slugs are safe for every source; what is printed or listed is
safe to show (no escape sequences, no server paths)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from timeline.dates import HistoricalDate
from timeline.model import Event, PlaceRef, Story
from web import create_app
from web.cli import main

ROOT = Path(__file__).resolve().parents[2]
GOOD = "title: Good one\nslug: good\nevents:\n  - {title: A, start: 1939}\n"


def _broken_story() -> Story:
    """Loads, but cannot be prepared: a place at NaN (the schema used to let it through)."""
    return Story("Broken", (Event("e1", "A", HistoricalDate.of(1939),
                                  places=(PlaceRef("Nowhere", float("nan"), float("inf")),)),),
                 slug="broken", settings={"tiles": [{"url": "https://x.example/{z}/{x}/{y}.png",
                                                     "max_zoom": "lots"}]})


@pytest.fixture()
def breaking(monkeypatch):
    """Make preparing the story called 'Broken' fail, whatever the data layer accepts."""
    from web import stories

    real = stories.story_data.page_data

    def page_data(story, slug, **kw):
        if story.title == "Broken":
            raise ValueError("Out of range float values are not JSON compliant")
        return real(story, slug, **kw)

    monkeypatch.setattr(stories.story_data, "page_data", page_data)


def test_a_story_failing_in_preparation_is_left_out_and_listed(tmp_path, breaking):
    good = tmp_path / "good.yaml"
    good.write_text(GOOD, encoding="utf-8")
    app = create_app({"TESTING": True, "STORIES": [_broken_story(), str(good)],
                      "RESOLVE_PLACES": False})
    client = app.test_client()
    assert client.get("/stories/good").status_code == 200
    assert client.get("/stories/broken").status_code == 404
    html = client.get("/").get_data(as_text=True)
    assert "Stories that could not be loaded" in html
    assert "Broken: could not be prepared for the web (ValueError" in html
    assert '/stories/broken"' not in html
    assert [s["slug"] for s in client.get("/api/stories").get_json()["stories"]] == ["good"]


def test_serve_warms_reports_and_serves_the_others(tmp_path, breaking, monkeypatch):
    runs = []
    monkeypatch.setattr("flask.Flask.run", lambda self, **kw: runs.append(self))
    monkeypatch.setattr("web.stories.load_source", _loader(tmp_path))
    good = tmp_path / "good.yaml"
    good.write_text(GOOD, encoding="utf-8")
    result = CliRunner().invoke(main, ["serve", "--no-resolve", "broken", str(good)])
    assert result.exit_code == 0, result.output
    assert "not served: broken: could not be prepared for the web (ValueError" in result.output
    assert "Serving 1 story: /stories/good" in result.output
    assert len(runs) == 1


def _loader(tmp_path):
    from web import stories

    real = stories.load_source

    def load_source(source, **kw):
        if source == "broken":
            from timeline.formats import LoadResult
            return LoadResult(_broken_story()), "broken"
        return real(source, **kw)
    return load_source


def test_gunicorn_entry_point_boots_with_a_story_that_cannot_be_prepared(tmp_path):
    """web.wsgi:app imported in a real interpreter: one story with a NaN coordinate
    (written as JSON the schema accepts or not) must not stop the import."""
    good = tmp_path / "good.yaml"
    good.write_text(GOOD, encoding="utf-8")
    bad = tmp_path / "nan.json"
    bad.write_text('{"title": "NaN", "slug": "nan", "events": [{"title": "A", "start": "1939",'
                   ' "places": [{"name": "X", "lat": NaN, "lon": NaN}]}]}', encoding="utf-8")
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT),
           "CHRONOATLAS_STORIES": f'["{bad}", "{good}"]', "CHRONOATLAS_RESOLVE_PLACES": "false"}
    code = ("import web.wsgi as w; lib = w.app.extensions['chronoatlas']; "
            "print([p.slug for p in lib]); print(len(lib.errors) >= 1)")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.split("\n")[:2] == ["['good']", "True"], out.stdout + out.stderr[-2000:]


@pytest.mark.parametrize("slug", ["a/b", "../etc", "x y", "Über", "a%2Fb", "-"])
def test_every_listed_slug_opens(slug):
    stories = [Story(f"Story {slug}", (), slug=slug), Story("Same", (), slug=slug)]
    client = create_app({"TESTING": True, "STORIES": stories, "RESOLVE_PLACES": False}).test_client()
    listed = [s["slug"] for s in client.get("/api/stories").get_json()["stories"]]
    assert len(set(listed)) == 2
    for served in listed:
        assert "/" not in served
        assert client.get(f"/stories/{served}").status_code == 200
        assert client.get(f"/embed/{served}").status_code == 200
    html = client.get("/").get_data(as_text=True)
    for served in listed:
        assert f'href="/stories/{served}"' in html


def test_serve_neutralises_escape_sequences(tmp_path, monkeypatch):
    monkeypatch.setattr("flask.Flask.run", lambda self, **kw: None)
    bad = tmp_path / "esc.yaml"
    bad.write_text('title: "\\e[2J\\e]0;pwned\\a"\nslug: "\\e[31mred"\nevents:\n'
                   '  - {title: "x\\e[8m", start: "\\e[31m1939"}\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["serve", "--no-resolve", str(bad)])
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert "\\x1b[31m1939" in result.output
    named = tmp_path / "\x1b]0;pwned\x07\x1b[2J.yaml"  # a file name is text from outside too
    named.write_text("title: x\nevents: [\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["serve", "--no-resolve", str(named)])
    assert result.exit_code == 1
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert "\\x1b]0;pwned\\x07" in result.output


def test_library_page_names_files_not_server_paths(tmp_path):
    bad = tmp_path / "deep" / "secret-dir"
    bad.mkdir(parents=True)
    (bad / "bad.yaml").write_text("title: x\nevents: [\n", encoding="utf-8")
    missing = tmp_path / "deep" / "gone.yaml"
    app = create_app({"TESTING": True, "STORIES": [str(bad / "bad.yaml"), str(missing), "demo"],
                      "RESOLVE_PLACES": False})
    html = app.test_client().get("/").get_data(as_text=True)
    assert "bad.yaml" in html and "gone.yaml" in html
    assert str(tmp_path) not in html and "secret-dir" not in html


def test_serve_boots_with_the_others_when_a_story_has_nan_places(tmp_path, monkeypatch):
    """A NaN coordinate once passed validate and killed serve with a traceback. Whether it
    is caught by validation (skipped) or in preparation (left out), the demo is served."""
    monkeypatch.setattr("flask.Flask.run", lambda self, **kw: None)
    bad = tmp_path / "nan.json"
    bad.write_text('{"title": "NaN", "slug": "nan", "events": [{"title": "A", "start": "1939",'
                   ' "places": [{"name": "X", "lat": NaN, "lon": NaN}]}]}', encoding="utf-8")
    result = CliRunner().invoke(main, ["serve", "--no-resolve", "--skip-invalid", str(bad), "demo"])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    assert "/stories/demo" in result.output.splitlines()[-1]
    assert "not served: " in result.output or "skipped: " in result.output

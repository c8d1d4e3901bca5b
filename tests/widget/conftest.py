"""Fixtures for the export and embed tests: the demo widget, a static site on a plain
file server, and the browser of tests/browser (same launch arguments, same skip rule:
skip without Chromium, fail when CI is set)."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import sys

import pytest


def _load(name: str, path: Path):
    # tests/ has no packages and pytest runs with --import-mode=importlib: load by path
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


widget_helpers = sys.modules.get("widget_helpers") or _load(
    "widget_helpers", Path(__file__).resolve().parent / "widget_helpers.py")
open_page = widget_helpers.open_page

browser_conftest = _load("chronoatlas_browser_conftest",
                         Path(__file__).resolve().parents[1] / "browser" / "conftest.py")

browser = browser_conftest.browser  # the session fixture, re-exported
start_server = browser_conftest.start_server


@pytest.fixture(scope="session")
def demo_story():
    from timeline.formats import load

    return load("demo").story


@pytest.fixture(scope="session")
def demo_widget(tmp_path_factory, demo_story):
    from web.exports.widget import export_html

    path = tmp_path_factory.mktemp("widget") / "demo.html"
    export_html(demo_story, path)
    return path


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory, demo_story):
    from web.samples import generated_story, hostile_story, sample_story
    from web.exports.widget import build_site

    out = tmp_path_factory.mktemp("site")
    build_site([demo_story, sample_story(), hostile_story(), generated_story(300, slug="gen")], out)
    return out


@pytest.fixture(scope="session")
def static_server(site_dir):
    """The site behind python's plain static file server: no Python of ours runs."""
    with widget_helpers.serve_folder(site_dir) as base:
        yield base


@pytest.fixture(scope="session")
def app_server():
    from web import create_app
    from web.samples import hostile_story, sample_story

    app = create_app({"TESTING": True, "STORIES": [sample_story(), hostile_story()],
                      "RESOLVE_PLACES": False})
    server, base = start_server(app)
    yield base
    server.shutdown()


@pytest.fixture()
def pages(browser):
    """Open pages with a request policy; each is checked when the test ends."""
    yield from widget_helpers.page_factory(lambda allow, **kw: open_page(browser, allow, **kw))



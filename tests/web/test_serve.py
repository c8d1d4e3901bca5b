"""``chronoatlas serve``: options, the default demo, and a clear error when nothing loads."""
from click.testing import CliRunner

from web.cli import main


def test_serve_help_lists_options():
    result = CliRunner().invoke(main, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--host", "--port", "--tiles", "STORIES"):
        assert option in result.output


def test_serve_runs_the_app(monkeypatch):
    calls = {}

    def fake_run(self, host=None, port=None, **kwargs):
        calls.update(host=host, port=port, stories=[p.slug for p in self.extensions["chronoatlas"]])

    monkeypatch.setattr("flask.Flask.run", fake_run)
    result = CliRunner().invoke(main, ["serve", "--no-resolve", "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert calls == {"host": "127.0.0.1", "port": 8123, "stories": ["demo"]}
    assert "/stories/demo" in result.output


def test_serve_fails_clearly_without_stories(monkeypatch):
    monkeypatch.setattr("flask.Flask.run", lambda self, **kw: None)
    result = CliRunner().invoke(main, ["serve", "--no-resolve", "/no/such/story.yaml"])
    assert result.exit_code != 0
    assert "no story could be loaded" in result.output


def test_wsgi_module_prepares_stories_before_the_first_request(monkeypatch):
    import importlib
    import sys

    monkeypatch.setenv("CHRONOATLAS_STORIES", '["demo"]')
    monkeypatch.setenv("CHRONOATLAS_RESOLVE_PLACES", "false")
    sys.modules.pop("web.wsgi", None)
    wsgi = importlib.import_module("web.wsgi")
    try:
        [prepared] = wsgi.app.extensions["chronoatlas"]
        assert {"page_json", "map_parts", "vega_spec"} <= set(vars(prepared))
        assert wsgi.app.test_client().get("/stories/demo").status_code == 200
    finally:
        sys.modules.pop("web.wsgi", None)

"""Issue 11 item 7: absolute URLs come from PUBLIC_URL, never from a forged Host header."""
from __future__ import annotations

import json

import pytest

from web import create_app
from web.samples import sample_story

FORGED = "evil.example"


def _app(**config):
    return create_app({"TESTING": True, "STORIES": [sample_story()], "RESOLVE_PLACES": False,
                       **config})


def test_oembed_and_pages_use_the_public_url_whatever_the_host():
    client = _app(PUBLIC_URL="https://maps.example.org/atlas").test_client()
    headers = {"Host": FORGED, "X-Forwarded-Host": FORGED}
    r = client.get("/oembed?url=https://maps.example.org/atlas/stories/sample", headers=headers)
    assert r.status_code == 200, r.get_data(as_text=True)
    body = r.get_data(as_text=True)
    assert FORGED not in body
    data = json.loads(body)
    assert 'src="https://maps.example.org/atlas/embed/sample"' in data["html"]
    assert data["provider_url"] == "https://maps.example.org/atlas/"
    page = client.get("/atlas/stories/sample", headers=headers).get_data(as_text=True)
    assert FORGED not in page
    assert "https://maps.example.org/atlas/embed/sample" in page
    assert 'href="https://maps.example.org/atlas/oembed?url=https://maps.example.org/atlas/stories/sample' in page
    # a story URL on the forged host is not this site's
    assert client.get(f"/oembed?url=https://{FORGED}/stories/sample", headers=headers).status_code == 404


def test_without_public_url_trusted_hosts_refuse_a_forged_host():
    client = _app(TRUSTED_HOSTS=["maps.example.org"]).test_client()
    assert client.get("/stories/sample", headers={"Host": "maps.example.org"}).status_code == 200
    r = client.get("/oembed?url=http://evil.example/stories/sample", headers={"Host": FORGED})
    assert r.status_code == 400
    assert FORGED not in r.get_data(as_text=True)


@pytest.mark.parametrize("url", ["ftp://x.example", "https://", "https://u:p@x.example",
                                 "https://x.example/?q=1", "https://x;y.example"])
def test_a_bad_public_url_is_a_clear_error(url):
    with pytest.raises(ValueError, match="PUBLIC_URL"):
        _app(PUBLIC_URL=url)


def test_serve_takes_the_public_url_and_tile_hosts(monkeypatch):
    from click.testing import CliRunner

    from web.cli import main

    apps = []
    monkeypatch.setattr("flask.Flask.run", lambda self, **kw: apps.append(self))
    result = CliRunner().invoke(main, ["serve", "--no-resolve", "--public-url", "https://maps.example.org",
                                       "--tile-host", "*.tiles.example.org", "demo"])
    assert result.exit_code == 0, result.output
    [app] = apps
    assert app.config["PUBLIC_URL"] == "https://maps.example.org"
    assert app.config["TILE_HOSTS"] == ["*.tiles.example.org"]
    bad = CliRunner().invoke(main, ["serve", "--no-resolve", "--public-url", "ftp://x", "demo"])
    assert bad.exit_code == 1 and "Error: PUBLIC_URL 'ftp://x' is not an http(s) address" in bad.output
    assert "Traceback" not in bad.output

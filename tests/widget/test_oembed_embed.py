"""oEmbed and the embed options, through the Flask test client."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import pytest

from web import create_app
from web.samples import hostile_story, sample_story


@pytest.fixture()
def client():
    app = create_app({"TESTING": True, "STORIES": [sample_story(), hostile_story()],
                      "RESOLVE_PLACES": False})
    return app.test_client()


def iframe_attrs(html: str) -> dict:
    found = {}

    class P(HTMLParser):
        def handle_starttag(self, tag, attrs):
            if tag == "iframe":
                found.update(attrs)

    P().feed(html)
    return found


def oembed(client, url, **params):
    return client.get("/oembed", query_string={"url": url, **params})


def assert_error(response, status):
    assert response.status_code == status
    assert response.is_json
    body = response.get_json()
    assert body == {"ok": False, "error": body["error"], "status": status} and body["error"]


def test_oembed_rich_iframe(client):
    r = oembed(client, "http://localhost/stories/sample", format="json")
    assert r.status_code == 200 and r.mimetype == "application/json"
    body = r.get_json()
    assert body["version"] == "1.0" and body["type"] == "rich"
    assert body["title"] == "Sample: Khalkhin Gol and others"
    assert body["provider_name"] == "chronoatlas"
    assert isinstance(body["width"], int) and isinstance(body["height"], int)
    attrs = iframe_attrs(body["html"])
    assert attrs["src"] == "http://localhost/embed/sample"
    assert attrs["title"].startswith("Sample: Khalkhin Gol")
    assert attrs["loading"] == "lazy"
    # no allow-same-origin: the frame's reads (basemap, event text) are open to any origin
    assert attrs["sandbox"] == "allow-scripts allow-popups allow-popups-to-escape-sandbox"
    with client.get("/basemap.json") as basemap:
        assert basemap.headers["Access-Control-Allow-Origin"] == "*"
    assert int(attrs["height"]) == body["height"]
    assert r.headers["Access-Control-Allow-Origin"] == "*"
    assert "default-src 'none'" in r.headers["Content-Security-Policy"]


def test_oembed_honours_maxwidth_and_maxheight(client):
    body = oembed(client, "http://localhost/stories/sample", maxwidth="480", maxheight="300").get_json()
    assert body["width"] <= 480 and body["height"] <= 300
    attrs = iframe_attrs(body["html"])
    assert int(attrs["height"]) == body["height"] and int(attrs["width"]) == body["width"]
    assert parse_qs(urlsplit(attrs["src"]).query)["height"] == ["300"]
    small = oembed(client, "http://localhost/stories/sample", maxwidth="120", maxheight="90").get_json()
    assert small["width"] <= 120 and small["height"] <= 90


def test_oembed_keeps_view_options_of_the_url(client):
    url = "http://localhost/stories/sample?from=1939&to=1945&theme=dark&utm_source=x#event=khalkhin-gol"
    attrs = iframe_attrs(oembed(client, url).get_json()["html"])
    query = parse_qs(urlsplit(attrs["src"]).query)
    assert query == {"from": ["1939"], "to": ["1945"], "theme": ["dark"], "event": ["khalkhin-gol"]}
    # an embed URL is a story URL too
    assert oembed(client, "http://localhost/embed/sample?height=450").get_json()["height"] == 450


@pytest.mark.parametrize("url", ["http://localhost/stories/nope", "http://elsewhere.example/stories/sample",
                                 "http://localhost/api/stories/sample", "javascript:alert(1)",
                                 "http://localhost/stories/sample/map.js", "not a url"])
def test_oembed_unknown_urls_404(client, url):
    assert_error(oembed(client, url), 404)


def test_oembed_errors(client):
    assert_error(oembed(client, "http://localhost/stories/sample", format="xml"), 501)
    assert_error(oembed(client, "http://localhost/stories/sample", format="yaml"), 400)
    assert_error(client.get("/oembed"), 400)
    assert_error(oembed(client, "http://localhost/stories/sample", maxwidth="wide"), 400)
    assert_error(oembed(client, "http://localhost/stories/sample", maxheight="-5"), 400)
    assert_error(client.post("/oembed", query_string={"url": "http://localhost/stories/sample"}), 405)


def test_oembed_hostile_title_is_escaped(client):
    body = oembed(client, "http://localhost/stories/hostile").get_json()
    assert "<script" not in body["html"] and "</script" not in body["html"]
    attrs = iframe_attrs(body["html"])
    assert attrs["title"].startswith("</script><script>window.__pwned=10")  # as text, in an attribute
    assert re.fullmatch(r'<iframe [^<>]*></iframe>', body["html"])


def test_story_page_discovery_link_and_embed_button(client):
    html = client.get("/stories/sample").get_data(as_text=True)
    link = re.search(r'<link rel="alternate" type="application/json\+oembed" href="([^"]+)"', html)
    assert link
    href = link.group(1).replace("&amp;", "&")
    parts = urlsplit(href)
    assert parts.path == "/oembed" and parse_qs(parts.query)["url"] == ["http://localhost/stories/sample"]
    assert client.get(parts.path + "?" + parts.query).get_json()["type"] == "rich"
    assert 'id="ca-embed-open"' in html and 'id="ca-embed-dialog"' in html
    assert 'data-embed-url="http://localhost/embed/sample"' in html
    assert '<script src="/static/embed-dialog.js"></script>' in html
    with client.get("/static/embed-dialog.js") as r:
        assert r.status_code == 200
    # the embed page itself has no Embed dialog
    assert "ca-embed-dialog" not in client.get("/embed/sample").get_data(as_text=True)


def _config(html):
    return json.loads(re.search(r'id="ca-config">(.*?)</script>', html, re.S).group(1))


def _body_classes(html):
    return set(re.search(r'<body class="([^"]*)"', html).group(1).split())


@pytest.mark.parametrize("query, classes, absent", [
    ("theme=dark", {"theme-dark"}, {"theme-light"}),
    ("theme=contrast", {"theme-contrast"}, set()),
    ("theme=neon", {"theme-light"}, {"theme-neon"}),
    ("hide=panel,list", {"ca-no-panel", "ca-no-list"}, set()),
    ("panel=0&list=off", {"ca-no-panel", "ca-no-list"}, set()),
    ("", {"ca-embed", "theme-light"}, {"ca-no-panel", "ca-no-list"}),
])
def test_embed_theme_and_hide_options(client, query, classes, absent):
    html = client.get(f"/embed/sample?{query}").get_data(as_text=True)
    got = _body_classes(html)
    assert classes <= got and not (absent & got)


def test_embed_position_options(client):
    config = _config(client.get("/embed/sample?event=khalkhin-gol&from=1939&to=1945&height=50")
                     .get_data(as_text=True))
    assert config["initial"]["event"] == "khalkhin-gol"
    assert 1939 <= config["initial"]["from"] < 1939.01 and 1945.9 < config["initial"]["to"] <= 1946.01
    assert config["options"]["height"] == 200  # clamped
    config = _config(client.get("/embed/sample?date=1950-06&height=abc").get_data(as_text=True))
    assert 1950.4 < config["initial"]["date"] < 1950.5 and "height" not in config["options"]
    config = _config(client.get("/embed/sample?from=garbage").get_data(as_text=True))
    assert "from" not in config["initial"]

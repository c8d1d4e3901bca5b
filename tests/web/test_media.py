"""Event media: kinds as TimelineJS has them, hosts only by the operator's list, the CSP
naming exactly those hosts, local files beside a file story."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from web import create_app
from web.views.data import event_detail
from web.content.media import MediaHostError, MediaPolicy, describe, parse_media_host, parse_media_hosts
from web.security import page_csp

OFFICIAL = Path(__file__).resolve().parents[1] / "timeline" / "timelinejs_official"
WIC = OFFICIAL / "women_in_computing.json"
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c6360f8cfc0f01f0005050201a5e1e1b70000000049454e44ae426082")


def _kinds(policy=MediaPolicy()):
    from timeline.formats import load
    story = load(WIC).story
    return {e.id: [(m["kind"], m.get("host"), m["load"]) for m in event_detail(e, policy)["media"]]
            for e in story.events}


def test_women_in_computing_media_kinds_and_hosts():
    kinds = _kinds()
    assert kinds["ada-lovelace"] == [("image", "upload.wikimedia.org", "away")]
    assert kinds["edith-clarke-bucking-the-trend"] == [("quote", None, "direct")]
    assert ("video", "www.youtube-nocookie.com", "away") in kinds["and-the-women-who-made-it-work"]
    flat = {k for v in kinds.values() for k in v}
    assert ("video", "player.vimeo.com", "away") in flat
    assert ("audio-frame", "w.soundcloud.com", "away") in flat
    assert ("wikipedia", "en.wikipedia.org", "away") in flat
    assert ("page", "www.google.com", "away") in flat


def test_allowed_host_loads_directly_and_nothing_else_does():
    kinds = _kinds(MediaPolicy(parse_media_hosts(["upload.wikimedia.org"])))
    assert kinds["ada-lovelace"] == [("image", "upload.wikimedia.org", "direct")]
    assert all(load == "away" for v in kinds.values() for kind, host, load in v
               if host not in (None, "upload.wikimedia.org"))


@pytest.mark.parametrize("url,kind,src", [
    ("https://youtu.be/aPweFhhXFvY", "video", "https://www.youtube-nocookie.com/embed/aPweFhhXFvY"),
    ("https://www.youtube.com/watch?v=aPweFhhXFvY&t=3", "video", "https://www.youtube-nocookie.com/embed/aPweFhhXFvY"),
    ("https://www.youtube.com/playlist?list=PLx", "page", None),
    ("https://www.youtube.com/embed/aPweFhhXFvY", "video", "https://www.youtube-nocookie.com/embed/aPweFhhXFvY"),
    ("https://vimeo.com/304869290", "video", "https://player.vimeo.com/video/304869290"),
    ("https://www.flickr.com/photos/x/123", "flickr", None),
    ("https://twitter.com/x/status/1", "post", None),
    ("https://example.org/report.PDF", "document", "https://example.org/report.PDF"),
    ("https://example.org/a.mp3", "audio", "https://example.org/a.mp3"),
    ("https://example.org/a.webm", "video-file", "https://example.org/a.webm"),
    ('<iframe src="https://player.vimeo.com/video/1"></iframe>', "video", "https://player.vimeo.com/video/1"),
])
def test_kinds(url, kind, src):
    hosts = parse_media_hosts(["*.youtube-nocookie.com", "player.vimeo.com", "example.org"])
    m = describe(url, MediaPolicy(hosts))
    assert (m["kind"], m["src"]) == (kind, src)
    assert m["load"] == ("direct" if src else "away")


def test_unusable_addresses_are_said_not_dropped():
    for url in ("javascript:alert(1)", "data:text/html,<script>", "/etc/passwd", "vbscript:x"):
        m = describe(url, MediaPolicy(), caption="<b onclick=x>c</b>")
        assert m["load"] == "none" and m["address"] == url and m["caption"] == "<b>c</b>"


def test_quote_media_is_sanitised():
    m = describe('<blockquote onclick="x">hi<script>alert(1)</script><img src=x onerror=y></blockquote>',
                 MediaPolicy())
    assert m["html"] == "<blockquote>hi</blockquote>"


@pytest.mark.parametrize("entry", ["https://x.org;script-src *", "evil.example/path", "http://evil.example",
                                   "ftp://x.org", "localhost.", "x", "a b.org", "x.org:99999", "'self'"])
def test_bad_media_host_entries_are_refused(entry):
    with pytest.raises(MediaHostError):
        parse_media_host(entry)


def test_media_host_forms():
    assert parse_media_host("Upload.Wikimedia.org").csp_source == "https://upload.wikimedia.org"
    assert parse_media_host("*.example.org").csp_source == "https://*.example.org"
    assert parse_media_host("https://m.example.org:443/").csp_source == "https://m.example.org"
    assert parse_media_host("http://127.0.0.1:8123").csp_source == "http://127.0.0.1:8123"
    policy = MediaPolicy(parse_media_hosts(["*.example.org", "http://127.0.0.1:8123"]))
    assert policy.allowed("https://a.example.org/x.png") and not policy.allowed("https://example.org.evil/x.png")
    assert policy.allowed("http://127.0.0.1:8123/p.png") and not policy.allowed("http://127.0.0.1:8124/p.png")
    assert not policy.allowed("https://u@a.example.org/x.png")
    assert parse_media_hosts("a.example.org, b.example.org") == parse_media_hosts(["a.example.org", "b.example.org"])


def _csp(response) -> dict[str, str]:
    header = response.headers["Content-Security-Policy"]
    return {d.split()[0]: d for d in header.split("; ")}


def test_csp_follows_exactly_the_operator_list():
    app = create_app({"TESTING": True, "STORIES": [str(WIC)], "RESOLVE_PLACES": False,
                      "MEDIA_HOSTS": ["upload.wikimedia.org", "http://127.0.0.1:8123"]})
    client = app.test_client()
    for url in ("/stories/women-in-computing", "/embed/women-in-computing"):
        csp = _csp(client.get(url))
        assert csp["img-src"] == "img-src 'self' data: https://upload.wikimedia.org http://127.0.0.1:8123"
        assert csp["frame-src"] == "frame-src https://upload.wikimedia.org http://127.0.0.1:8123"
        assert csp["media-src"] == "media-src 'self' https://upload.wikimedia.org http://127.0.0.1:8123"
    default = create_app({"TESTING": True, "STORIES": [str(WIC)], "RESOLVE_PLACES": False})
    csp = _csp(default.test_client().get("/stories/women-in-computing"))
    assert csp["img-src"] == "img-src 'self' data:" and csp["frame-src"] == "frame-src 'none'"
    assert page_csp() == default.test_client().get("/stories/women-in-computing").headers["Content-Security-Policy"]


def test_bad_media_host_stops_create_app_and_serve():
    with pytest.raises(ValueError, match="media host"):
        create_app({"TESTING": True, "STORIES": [], "MEDIA_HOSTS": ["x.org;script-src *"]})
    from web.serve import serve
    result = CliRunner().invoke(serve, ["--media-host", "http://evil.example", str(WIC)])
    assert result.exit_code != 0 and "http:// is only for 127.0.0.1" in result.output


def _local_story(tmp_path: Path) -> Path:
    folder = tmp_path / "story"
    (folder / "img").mkdir(parents=True)
    (folder / "img" / "portrait.png").write_bytes(PNG)
    (folder / "secret.txt").write_text("no")
    (folder / ".hidden.png").write_bytes(PNG)
    story = json.loads(WIC.read_text("utf-8"))
    story["events"][0]["media"]["url"] = "img/portrait.png"
    story["events"][1]["media"] = {"url": "../outside.png"}
    (tmp_path / "outside.png").write_bytes(PNG)
    path = folder / "wic.json"
    path.write_text(json.dumps(story), "utf-8")
    return path


def test_local_media_are_served_from_the_instance_and_only_them(tmp_path):
    path = _local_story(tmp_path)
    app = create_app({"TESTING": True, "STORIES": [str(path)], "RESOLVE_PLACES": False})
    client = app.test_client()
    detail = client.get("/api/stories/wic/events/ada-lovelace").get_json()
    media = detail["media"][0]
    assert (media["kind"], media["load"], media["src"]) == ("image", "direct", "/media/wic/img/portrait.png")
    with client.get(media["src"]) as got:
        assert got.status_code == 200 and got.data == PNG and got.mimetype == "image/png"
        assert "sandbox" in got.headers["Content-Security-Policy"]
    for bad in ("/media/wic/secret.txt", "/media/wic/.hidden.png", "/media/wic/../outside.png",
                "/media/wic/%2e%2e/outside.png", "/media/wic/wic.json", "/media/nope/img/portrait.png"):
        assert client.get(bad).status_code == 404, bad


def test_widget_inlines_local_images_and_keeps_its_csp(tmp_path):
    from web.exports.widget import widget_html
    from timeline.formats import load

    path = _local_story(tmp_path)
    html = widget_html(load(path).story, resolve=False, media_root=path.parent)
    assert "data:image/png;base64," in html
    csp = html.split('http-equiv="Content-Security-Policy" content="', 1)[1].split('"', 1)[0]
    assert "img-src data:;" in csp and "frame-src" not in csp and "upload.wikimedia.org" not in csp
    shutil.rmtree(tmp_path / "story")

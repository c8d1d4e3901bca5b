"""``serve --archive``: the search page, its story maps through the real viewer routes,
and saving a result into the studio (signed in, with the CSRF token)."""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from timeline.archive.build import build

DATA = Path(__file__).parent / "data"
PASSWORD = "correct horse battery"
HOSTILE = {"id": "hostile-1", "published": "2024-09-04", "url": "javascript:alert(1)",
           "title": "<script>alert('title')</script> Mongolia visit",
           "text": "ULAANBAATAR — Putin arrived in Mongolia on September 3, the first visit "
                   "to an ICC member state since the warrant."}


@pytest.fixture(scope="module")
def index(tmp_path_factory, cluster_client) -> Path:
    folder = tmp_path_factory.mktemp("archive-web")
    source = folder / "newsroom.jsonl"
    source.write_text((DATA / "newsroom.jsonl").read_text(encoding="utf-8")
                      + json.dumps(HOSTILE) + "\n", encoding="utf-8")
    build(str(source), folder / "idx", client=cluster_client, partition_size=3)
    return folder / "idx"


@pytest.fixture()
def app(index, tmp_path):
    from web import create_app
    from web.auth.accounts import add_user
    from web.store import get_store

    app = create_app({"TESTING": True, "RESOLVE_PLACES": False, "ARCHIVE_INDEX": str(index),
                      "DATABASE_URL": f"sqlite:///{tmp_path / 'studio.sqlite'}",
                      "SECRET_KEY": "test-" + tmp_path.name})
    with get_store(app).session() as s:
        add_user(s, "ed", PASSWORD, "editor")
    yield app
    get_store(app).dispose()


@pytest.fixture()
def client(app):
    return app.test_client()


def _csrf(client) -> str:
    client.get("/auth/login")
    with client.session_transaction() as session:
        return session["csrf"]


def _login(client) -> str:
    token = _csrf(client)
    r = client.post("/auth/login", data={"name": "ed", "password": PASSWORD, "csrf_token": token})
    assert r.status_code in (302, 303), r.status_code
    with client.session_transaction() as session:
        return session["csrf"]


def test_the_library_links_the_search_page_which_says_how_big_the_archive_is(client):
    assert "Search the archive" in client.get("/").get_data(as_text=True)
    page = client.get("/archive/")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert re.search(r"\b7 articles", html), html[:2000]
    assert "default-src" in page.headers["Content-Security-Policy"]
    assert "<script" not in html  # a form, no script needed


def test_a_search_lists_merged_events_and_opens_as_a_story_map(client):
    page = client.get("/archive/", query_string={"place": "Mongolia", "from": "2024-09",
                                                 "to": "2024-09"})
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "Open as story map" in html
    assert "Sign in</a> to save" in html  # signed out: no save form
    map_url = re.search(r'href="(/stories/_archive-[^"]+)"', html).group(1)
    viewer = client.get(map_url)
    assert viewer.status_code == 200
    slug = map_url.rsplit("/", 1)[1]
    assert client.get(f"/stories/{slug}/map.js").status_code == 200
    assert client.get(f"/embed/{slug}").status_code == 200
    data = client.get(f"/api/stories/{slug}").get_json()
    visit = max((e for e in data["events"] if e["start"] == "2024-09-03"),
                key=lambda e: len(e.get("sources", [])))
    assert len(visit["sources"]) >= 2
    assert client.get(f"/api/stories/{slug}/events/{visit['id']}").status_code == 200
    # the archive's maps are not listed among the site's stories
    assert "_archive-" not in client.get("/").get_data(as_text=True)


def test_untrusted_article_titles_and_urls_are_escaped_and_never_linked(client):
    html = client.get("/archive/", query_string={"place": "Mongolia"}).get_data(as_text=True)
    assert "<script>alert" not in html
    assert "javascript:" not in html


def test_unreadable_questions_are_clear_errors(client):
    for args, words, field in (({"place": "Qwxzzyplace"}, "Place: &#39;Qwxzzyplace&#39; is not in the gazetteer", "place"),
                               ({"from": "the day after never"}, "From: ", "from"),
                               ({"to": "sometime soonish"}, "To: ", "to")):
        page = client.get("/archive/", query_string=args)
        assert page.status_code == 400, args
        html = page.get_data(as_text=True)
        assert words in html and "Traceback" not in html and "--" not in words
        # the input at fault is marked invalid and points at the message; the others are not
        inputs = dict(re.findall(r'<input id="archive-(\w+)"([^>]*)>', html))
        assert 'aria-invalid="true"' in inputs[field] and "archive-error" in inputs[field], inputs
        assert all('aria-invalid' not in attrs for name, attrs in inputs.items() if name != field)
        assert 'id="archive-error"' in html
    assert client.get("/archive/", query_string={"text": "x" * 10_000}).status_code == 200


def test_forged_or_non_canonical_story_slugs_are_404(client):
    from web.archive.queries import ArchiveQuery

    good = ArchiveQuery(place="Mongolia").slug()
    for slug in ("_archive-", "_archive-!!!", "_archive-" + "A" * 9000, good + "x",
                 good.replace("_archive-", "_archive-=")):
        assert client.get(f"/stories/{slug}").status_code == 404, slug
    assert client.get(f"/stories/{good}").status_code == 200


def test_saving_needs_an_editor_and_the_csrf_token_then_opens_the_editor(client, app):
    fields = {"place": "Mongolia", "from": "2024-09", "to": "2024-09"}
    signed_out = client.post("/archive/save", data={**fields, "csrf_token": _csrf(client)})
    assert signed_out.status_code in (302, 303) and "/auth/login" in signed_out.headers["Location"]
    token = _login(client)
    assert client.post("/archive/save", data=fields).status_code == 403
    assert client.post("/archive/save", data={**fields, "csrf_token": "forged"}).status_code == 403
    saved = client.post("/archive/save", data={**fields, "csrf_token": token})
    assert saved.status_code == 303, saved.get_data(as_text=True)[:500]
    story_id = int(saved.headers["Location"].rstrip("/").rsplit("/", 1)[1])
    assert client.get(saved.headers["Location"]).status_code == 200
    stored = client.get(f"/api/studio/stories/{story_id}").get_json()["story"]
    assert stored["title"].startswith("Archive")
    assert any(len(e.get("sources", [])) >= 2 for e in stored["events"])
    nothing = client.post("/archive/save", data={"place": "Mongolia", "from": "1200",
                                                 "to": "1201", "csrf_token": token})
    assert nothing.status_code == 400


def test_serve_refuses_a_folder_that_is_not_an_index(tmp_path):
    from web.cli import main

    result = CliRunner().invoke(main, ["serve", "--archive", str(tmp_path / "nothing")])
    assert result.exit_code != 0
    assert "--archive" in result.output and "Traceback" not in result.output


@pytest.mark.skipif(sys.platform != "linux", reason="the real server is exercised on Linux")
def test_a_real_server_answers_the_search_page(index, tmp_path):
    import os
    import socket
    import subprocess
    import time
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env_db = {"CHRONOATLAS_DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite'}"}
    proc = subprocess.Popen([sys.executable, "-m", "web.cli", "serve", "--no-resolve",
                             "--archive", str(index), "--port", str(port)],
                            env={**os.environ, **env_db}, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT)
    try:
        deadline = time.time() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/archive/?place=Mongolia",
                                            timeout=5) as r:
                    body = r.read().decode()
                break
            except OSError:
                if time.time() > deadline or proc.poll() is not None:
                    raise AssertionError(proc.stdout.read().decode() if proc.poll() is not None
                                         else "server did not answer")
                time.sleep(0.3)
        assert "Open as story map" in body
    finally:
        proc.terminate()
        proc.wait(10)
        proc.stdout.close()

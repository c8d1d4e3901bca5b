"""The studio's JSON API against a real store: create (article, story, file, blank), ETag
and If-Match, conflicts, located problems, revisions and restore, publish for readers."""
from __future__ import annotations

import io
from pathlib import Path

import pytest

HEADERS = ("Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,"
           "Media,Media Credit,Media Caption,Media Thumbnail,Alt Text,Type,Group,Background")


def sheet(*rows):
    blank = ",,,,,,,"
    return "\n".join([HEADERS] + [f"{y},{m},{d},,,,,,,{h},{t}," + blank for y, m, d, h, t in rows]).encode() + b"\n"


ARTICLE = Path(__file__).with_name("fixtures") / "putin-mongolia-icc.txt"


def small(title="Khalkhin Gol"):
    return {"title": title, "events": [
        {"id": "a", "title": "Battle begins", "start": "1939-05-11", "places": [{"name": "Khalkhin Gol", "lat": 47.7, "lon": 118.6}]},
        {"id": "b", "title": "Ceasefire", "start": "1939-09-16"}]}


@pytest.fixture()
def signed_in(client, auth):
    auth.login()
    return auth.headers()


def create(client, headers, body=None):
    r = client.post("/api/studio/stories", json=body or {"story": small()}, headers=headers)
    assert r.status_code == 201, r.get_json()
    return r.get_json()


def test_create_get_put_with_etag(client, signed_in):
    made = create(client, signed_in)
    assert made["revision"] == 1 and made["slug"] == "khalkhin-gol"
    r = client.get(f"/api/studio/stories/{made['id']}")
    assert r.headers["ETag"] == '"1"' and r.get_json()["story"]["events"][0]["title"] == "Battle begins"
    story = r.get_json()["story"]
    story["events"][0]["title"] = "Battle starts"
    r = client.put(f"/api/studio/stories/{made['id']}", json={"story": story},
                   headers={**signed_in, "If-Match": '"1"'})
    assert r.status_code == 200 and r.get_json() == {"ok": True, "revision": 2}
    assert r.headers["ETag"] == '"2"'


def test_stale_if_match_is_409_with_the_current_revision(client, signed_in):
    made = create(client, signed_in)
    url = f"/api/studio/stories/{made['id']}"
    mine = small()
    mine["events"][1]["title"] = "Mine"
    assert client.put(url, json={"story": mine}, headers={**signed_in, "If-Match": '"1"'}).status_code == 200
    theirs = small()
    theirs["events"][1]["title"] = "Theirs"
    r = client.put(url, json={"story": theirs}, headers={**signed_in, "If-Match": '"1"'})
    body = r.get_json()
    assert r.status_code == 409 and body["ok"] is False and body["status"] == 409
    assert body["revision"] == 2 and body["story"]["events"][1]["title"] == "Mine"
    assert body["changes"]["changed"] == {"b": ["title"]} and body["authors"] == ["ed"]
    assert client.put(url, json={"story": theirs}, headers=signed_in).status_code == 428


def test_invalid_story_is_422_with_every_problem_located(client, signed_in):
    bad = small()
    bad["events"][0]["start"] = "the day after never"
    bad["events"][1]["places"] = [{"name": "X", "lat": 91, "lon": 0}]
    r = client.post("/api/studio/stories", json={"story": bad}, headers=signed_in)
    body = r.get_json()
    assert r.status_code == 422 and body["status"] == 422 and body["ok"] is False
    fields = {p["field"] for p in body["problems"]}
    assert {"events[0].start", "events[1].places[0].lat"} <= fields
    assert client.get("/api/studio/stories").get_json()["stories"] == []


def test_uploaded_csv_with_problems_reports_rows(client, signed_in):
    csv = sheet((1939, 5, 11, "Battle", "ok"), ("19x9", "", "", "Bad year", ""),
                (2001, 2, 30, "Bad day", ""))
    r = client.post("/api/studio/stories", data={"file": (io.BytesIO(csv), "sheet.csv")},
                    headers=signed_in, content_type="multipart/form-data")
    body = r.get_json()
    assert r.status_code == 422
    assert sorted(p["row"] for p in body["problems"]) == [3, 4]
    assert all(p["file"] == "sheet.csv" for p in body["problems"])


def test_uploaded_valid_file_and_blank(client, signed_in):
    csv = sheet((1939, 5, 11, "Battle", "ok"))
    r = client.post("/api/studio/stories", data={"file": (io.BytesIO(csv), "gol.csv")},
                    headers=signed_in, content_type="multipart/form-data")
    assert r.status_code == 201
    blank = create(client, signed_in, {"title": "Empty"})
    got = client.get(f"/api/studio/stories/{blank['id']}").get_json()
    assert got["story"]["title"] == "Empty" and got["story"]["events"] == []


def test_upload_over_the_limit_is_413(app, client, signed_in):
    app.config["STUDIO_UPLOAD_MAX_BYTES"] = 1000
    r = client.post("/api/studio/stories", data={"file": (io.BytesIO(b"x" * 5000), "a.csv")},
                    headers=signed_in, content_type="multipart/form-data")
    assert r.status_code == 413 and r.get_json()["status"] == 413


def test_article_is_drafted_by_the_extractor(client, signed_in):
    made = create(client, signed_in, {"article": ARTICLE.read_text(), "published": "2024-08-30"})
    story = client.get(f"/api/studio/stories/{made['id']}").get_json()
    events = story["story"]["events"]
    assert len(events) > 3 and story["article"].startswith(ARTICLE.read_text()[:40])
    assert any("warrant" in (e.get("text") or "").lower() for e in events)
    bad = client.post("/api/studio/stories", json={"article": "x", "published": "not a date"},
                      headers=signed_in)
    assert bad.status_code == 400 and bad.get_json()["status"] == 400


def test_revisions_and_restore_of_the_first(client, signed_in):
    made = create(client, signed_in)
    url = f"/api/studio/stories/{made['id']}"
    for n, title in ((1, "two"), (2, "three")):
        assert client.put(url, json={"story": small(title)},
                          headers={**signed_in, "If-Match": f'"{n}"'}).status_code == 200
    history = client.get(url + "/revisions").get_json()["revisions"]
    assert [h["number"] for h in history] == [3, 2, 1] and history[0]["author"] == "ed"
    assert history[0]["changes"]["story"] == ["title"]
    r = client.post(url + "/revisions/1/restore", headers=signed_in)
    assert r.get_json()["revision"] == 4
    assert client.get(url).get_json()["story"]["title"] == "Khalkhin Gol"
    assert len(client.get(url + "/revisions").get_json()["revisions"]) == 4
    diff = client.get(url + "/compare/1/3").get_json()["changes"]
    assert diff["story"] == ["title"]


def test_publish_serves_readers_and_drafts_are_404(app, client, signed_in):
    made = create(client, signed_in)
    url = f"/api/studio/stories/{made['id']}"
    reader = app.test_client()
    assert reader.get("/stories/khalkhin-gol").status_code == 404
    assert reader.get(f"/embed/_draft-{made['id']}").status_code == 404
    assert client.get(f"/embed/_draft-{made['id']}").status_code == 200  # editors preview
    r = client.post(url + "/publish", headers=signed_in)
    assert r.get_json()["published_revision"] == 1
    page = reader.get("/stories/khalkhin-gol")
    assert page.status_code == 200 and b"Battle begins" in page.data
    assert reader.get("/embed/khalkhin-gol").status_code == 200
    # a later draft does not reach readers until it is published
    changed = small()
    changed["events"][0]["title"] = "Draft headline"
    client.put(url, json={"story": changed}, headers={**signed_in, "If-Match": '"1"'})
    assert b"Draft headline" not in reader.get("/api/stories/khalkhin-gol").data
    client.post(url + "/publish", headers=signed_in)
    assert b"Draft headline" in reader.get("/api/stories/khalkhin-gol").data
    client.post(url + "/unpublish", headers=signed_in)
    assert reader.get("/stories/khalkhin-gol").status_code == 404


def test_dates_are_parsed_by_the_server(client, signed_in):
    r = client.get("/api/studio/dates?q=490 BCE").get_json()
    assert r["iso"] == "-0489" and r["ok"]
    bad = client.get("/api/studio/dates?q=blorp")
    assert bad.status_code == 422 and bad.get_json()["status"] == 422


def test_api_token_as_bearer_needs_no_csrf(app, client):
    from web.auth.accounts import new_token
    from web.store import get_store
    with get_store(app).session() as s:
        token = new_token(s, "ed")
    r = client.post("/api/studio/stories", json={"story": small()},
                    headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 201
    assert client.get("/api/studio/stories", headers={"Authorization": "Bearer ca_wrong"}).status_code == 401


def test_every_story_format_downloads(client, signed_in):
    made = create(client, signed_in)
    for fmt in ("yaml", "json", "timelinejs", "csv"):
        r = client.get(f"/api/studio/stories/{made['id']}/export/{fmt}")
        assert r.status_code == 200 and b"Battle begins" in r.data, fmt
        assert r.headers["Content-Disposition"].startswith('attachment; filename="khalkhin-gol.')
    assert client.get(f"/api/studio/stories/{made['id']}/export/exe").status_code == 404

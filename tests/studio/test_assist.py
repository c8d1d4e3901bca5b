"""The editor's helpers: the Markdown preview is the viewer's sanitiser, place statuses
and candidates come from the gazetteer with the story as context (country, region,
population), story settings accept only the choices the server offers, and a drafted
story keeps the article text its events' provenance points into."""
from __future__ import annotations

from pathlib import Path

import pytest

ARTICLE = (Path(__file__).with_name("fixtures") / "putin-mongolia-icc.txt").read_text()


@pytest.fixture()
def signed_in(client, auth):
    auth.login()
    return auth.headers()


def test_markdown_preview_is_the_readers_sanitised_html(client, signed_in):
    from web.content.markdown import render_markdown
    text = "**Bold** and <script>alert(1)</script> [x](javascript:alert(1)) [ok](https://example.org)"
    r = client.post("/api/studio/markdown", json={"text": text}, headers=signed_in)
    html = r.get_json()["html"]
    assert r.status_code == 200 and html == render_markdown(text)
    assert "<strong>Bold</strong>" in html and "<script" not in html and "href=\"javascript" not in html
    assert "&lt;script&gt;" in html  # shown as text, never run
    assert client.post("/api/studio/markdown", json={}, headers=signed_in).status_code == 400
    r = client.post("/api/studio/markdown", json={"text": "x" * 100_001}, headers=signed_in)
    assert r.status_code == 413 and r.get_json()["ok"] is False


def test_place_statuses_and_candidates_with_country_region_population(client, signed_in):
    story = {"title": "A trip", "events": [
        {"id": "a", "title": "A visit to Springfield", "places": [
            "Springfield", "The Hague", {"name": "Paris", "lat": 48.85, "lon": 2.35}, "Xqzzyville"]},
        {"id": "b", "title": "Talks", "start": "2024-09-03", "places": [{"name": "Ulaanbaatar"}]}]}
    r = client.post("/api/studio/places", json={"story": story}, headers=signed_in)
    assert r.status_code == 200, r.get_json()
    body = r.get_json()
    names = body["names"]
    assert body["low_confidence"] == 0.5
    assert "Paris" not in names  # pinned: coordinates given, nothing to resolve
    assert names["Springfield"]["status"] == "ambiguous" and names["Springfield"]["confidence"] < 0.5
    assert len(names["Springfield"]["candidates"]) > 1
    hague = names["The Hague"]
    assert hague["status"] == "resolved"
    best = hague["best"]
    assert (best["country"], best["country_name"], best["region"]) == ("NL", "Netherlands", "Zuid-Holland")
    assert best["population"] > 100_000
    assert names["Xqzzyville"] == {"status": "unresolved", "confidence": 0.0, "best": None, "candidates": []}
    assert names["Ulaanbaatar"]["best"]["country_name"] == "Mongolia"
    r = client.post("/api/studio/places", json={"story": "nope"}, headers=signed_in)
    assert r.status_code == 400 and r.get_json()["ok"] is False


def test_settings_choices_come_from_the_server(app, client, signed_in):
    app.config["TILES"] = ["osm"]
    body = client.get("/api/studio/options").get_json()
    assert body["themes"] == ["light", "dark", "contrast"]
    assert body["basemaps"] == ["physical", "political"]
    assert body["tiles"] == [{"item": "osm", "label": "OpenStreetMap"}]


def _created(client, headers, story):
    r = client.post("/api/studio/stories", json={"story": story}, headers=headers)
    assert r.status_code == 201, r.get_json()
    return r.get_json()["id"]


def test_settings_outside_the_choices_are_located_problems(client, signed_in):
    story = {"title": "Settings", "events": [{"id": "a", "title": "A"}],
             "settings": {"theme": "dark", "basemap": "physical"}}
    sid = _created(client, signed_in, story)
    saved = client.get(f"/api/studio/stories/{sid}").get_json()["story"]
    assert saved["settings"] == {"theme": "dark", "basemap": "physical"}
    saved["settings"] = {"theme": "neon", "basemap": "satellite"}
    r = client.put(f"/api/studio/stories/{sid}", json={"story": saved},
                   headers={**signed_in, "If-Match": '"1"'})
    assert r.status_code == 422
    fields = {p["field"]: p for p in r.get_json()["problems"]}
    assert set(fields) == {"settings.theme", "settings.basemap"}
    assert fields["settings.theme"]["found"] == "neon" and "contrast" in fields["settings.theme"]["expected"]
    bad = {"title": "Bad", "events": [], "settings": {"theme": "neon"}}
    assert client.post("/api/studio/stories", json={"story": bad}, headers=signed_in).status_code == 422


def test_a_draft_keeps_the_article_its_provenance_points_into(client, signed_in):
    r = client.post("/api/studio/stories", json={"article": ARTICLE, "published": "2024-08-30"},
                    headers=signed_in)
    assert r.status_code == 201, r.get_json()
    body = client.get(f"/api/studio/stories/{r.get_json()['id']}").get_json()
    article, events = body["article"], body["story"]["events"]
    located = [e for e in events if e.get("provenance")]
    assert located and all("confidence" in e for e in located)
    for e in located:
        start, end = e["provenance"]["start"], e["provenance"]["end"]
        assert 0 <= start < end <= len(article)
    visit = next(e for e in located if "mongolia" in e["title"].lower())
    sentence = article[visit["provenance"]["start"]:visit["provenance"]["end"]]
    assert "Mongolia" in sentence


def test_the_editor_page_carries_the_helpers_urls_and_choices(client, signed_in):
    import json
    import re
    sid = _created(client, signed_in, {"title": "Page", "events": []})
    html = client.get(f"/studio/stories/{sid}").get_data(as_text=True)
    config = json.loads(re.search(r'id="studio-config">(.*?)</script>', html).group(1))
    assert config["markdownUrl"] == "/api/studio/markdown" and config["placesUrl"] == "/api/studio/places"
    assert config["options"]["basemaps"] == ["physical", "political"]
    assert "vendor/leaflet-1.9.4/leaflet.js" in html

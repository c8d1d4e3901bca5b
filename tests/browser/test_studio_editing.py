"""The studio's editing features in Chromium against a real server and store: event
fields (tags, media, sources, Markdown with the readers' preview), merging two events,
eras, story settings, fixing places (statuses, candidates on a mini-map, dragging a pin,
"every mention"), and reviewing a draft against its article."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

PASSWORD = "correct horse battery"
ARTICLE = (Path(__file__).parents[1] / "studio" / "fixtures" / "putin-mongolia-icc.txt").read_text()


@pytest.fixture()
def studio(studio_site):
    return studio_site(("ed", PASSWORD), ("ada", PASSWORD, "admin"))


def sign_in(page, base, name="ed"):
    page.goto(base + "/studio/")
    page.get_by_label("Name").fill(name)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(base + "/studio/")


def create(page, story) -> int:
    """A stored story made through the API with the page's cookie and CSRF token."""
    made = page.evaluate("""async (story) => {
      const csrf = document.querySelector('meta[name="csrf-token"]').content;
      const r = await fetch('/api/studio/stories', {method: 'POST', body: JSON.stringify({story}),
        headers: {'Content-Type': 'application/json', 'X-CSRF-Token': csrf}});
      return r.json(); }""", story)
    return made["id"]


def open_editor(page, base, story_id):
    page.goto(f"{base}/studio/stories/{story_id}")
    page.wait_for_function("() => /^Revision/.test(document.getElementById('story-state').textContent)")


def saved(page, n):
    page.get_by_role("button", name="Save", exact=True).click()
    page.wait_for_function(f"() => /Saved revision {n}/.test(document.getElementById('story-state').textContent)")


def stored(page, story_id):
    return page.evaluate(f"fetch('/api/studio/stories/{story_id}').then(r => r.json())")


def revisions(page, story_id):
    return page.evaluate(f"fetch('/api/studio/stories/{story_id}/revisions').then(r => r.json())")["revisions"]


def row(page, event_id):
    return page.locator(f'li.ca-studio-event[data-id="{event_id}"]')


STORY = {"title": "Khalkhin Gol", "events": [
    {"id": "battle", "title": "Battle begins", "start": "1939-05-11", "text": "Border clash.",
     "places": [{"name": "Khalkhin Gol", "lat": 47.7, "lon": 118.6}]},
    {"id": "zhukov", "title": "Zhukov arrives", "start": "1939-06-05", "text": "He takes command.",
     "sources": [{"title": "Coox 1985"}], "places": ["Tamsagbulag"]},
    {"id": "zhukov-2", "title": "Zhukov takes command", "start": "1939-06", "tags": ["command"],
     "sources": [{"title": "Zhukov's memoirs"}], "places": ["Ulaanbaatar"]},
    {"id": "ceasefire", "title": "Ceasefire", "start": "1939-09-16"}]}


def test_fields_merge_eras_and_settings_are_one_revision(browser, studio, new_page):
    page = new_page()
    sign_in(page, studio)
    sid = create(page, STORY)
    open_editor(page, studio, sid)
    battle = row(page, "battle")
    battle.get_by_label("Tags (comma-separated)").fill("war, border, war")
    battle.get_by_text("Media and sources").click()
    battle.get_by_label("Media URL").fill("https://example.org/tank.jpg")
    battle.get_by_label("Media caption").fill("A BT-7 tank")
    battle.get_by_label("Media credit").fill("Archive")
    battle.get_by_label("Alt text").fill("A tank on the steppe")
    battle.get_by_role("button", name="Add source").click()
    battle.get_by_label("Source 1 title").fill("Drea 1981")
    battle.get_by_label("Source 1 URL").fill("https://example.org/drea")
    battle.get_by_label("Text (Markdown)").fill("**Bold** move <script>window.bad = 1</script>")
    battle.get_by_role("button", name="Preview text").click()
    preview = battle.get_by_role("region", name="What readers see (text)")
    preview.locator("strong").wait_for()
    assert preview.locator("strong").inner_text() == "Bold"
    assert preview.locator("script").count() == 0 and "<script>" in preview.inner_text()

    # merge the two Zhukov events: the one selected first keeps both texts, sources, places
    row(page, "zhukov").get_by_label(re.compile("Select .Zhukov arrives. for a merge")).check()
    merge = page.get_by_role("button", name="Merge the two selected events")
    assert merge.is_disabled()
    row(page, "zhukov-2").get_by_label(re.compile("for a merge")).check()
    merge.click()
    assert not page.recorder.errors, page.recorder.errors
    assert row(page, "zhukov-2").count() == 0 and page.locator("li.ca-studio-event").count() == 3

    page.get_by_role("button", name="Add era").click()
    page.get_by_label("Era 1 title").fill("Undeclared war")
    page.get_by_label("Era 1 start").fill("May 1939")
    page.get_by_label("Era 1 end").fill("1939-09-16")
    page.wait_for_function("() => [...document.querySelectorAll('.ca-studio-era .ca-studio-date')].filter(s => s.textContent.startsWith('✓')).length === 2")

    page.get_by_label("Byline").fill("By Ed")
    page.get_by_label("Publication date").fill("2024-08-30")
    page.get_by_label("Theme").select_option("dark")
    page.get_by_label("Basemap").select_option("physical")
    saved(page, 2)

    doc = stored(page, sid)["story"]
    events = {e["id"]: e for e in doc["events"]}
    b = events["battle"]
    assert b["tags"] == ["war", "border"]
    assert b["media"] == {"url": "https://example.org/tank.jpg", "caption": "A BT-7 tank",
                          "credit": "Archive", "alt": "A tank on the steppe"}
    assert b["sources"] == [{"url": "https://example.org/drea", "title": "Drea 1981"}]
    z = events["zhukov"]
    assert "He takes command." in z["text"] and "Zhukov takes command" in z["text"]
    assert [s["title"] for s in z["sources"]] == ["Coox 1985", "Zhukov's memoirs"]
    assert [p if isinstance(p, str) else p["name"] for p in z["places"]] == ["Tamsagbulag", "Ulaanbaatar"]
    assert z["tags"] == ["command"]
    assert doc["eras"][0]["title"] == "Undeclared war" and doc["eras"][0]["start"] and doc["eras"][0]["end"]
    assert doc["byline"] == "By Ed" and doc["published"] == "2024-08-30"
    assert doc["settings"] == {"theme": "dark", "basemap": "physical"}
    assert page.locator("#preview").get_attribute("src").endswith("-r2?theme=dark")  # previewed as set
    revs = revisions(page, sid)
    assert len(revs) == 2 and revs[0]["changes"]["removed"] == ["zhukov-2"]
    assert page.evaluate("window.bad") is None


PLACES = {"title": "Springfield and elsewhere", "events": [
    {"id": "one", "title": "A fair in Springfield", "start": "2001", "places": ["Springfield"]},
    {"id": "two", "title": "Springfield again", "start": "2002", "places": ["Springfield", "The Hague"]},
    {"id": "three", "title": "Paris", "start": "2003", "places": [{"name": "Paris", "lat": 48.85, "lon": 2.35}]},
    {"id": "four", "title": "Nowhere", "start": "2004", "places": ["Xqzzyville"]}]}


def status(page, event_id, name):
    # text_content: rows out of sight skip layout (content-visibility), so innerText is empty
    return row(page, event_id).locator(f'li.ca-studio-place[data-name="{name}"] .ca-studio-status').text_content()


def test_fix_places_with_the_candidates_map_pins_and_every_mention(browser, studio, new_page):
    page = new_page()
    sign_in(page, studio)
    sid = create(page, PLACES)
    open_editor(page, studio, sid)
    page.wait_for_function("() => !document.querySelector('.ca-studio-place-checking')")
    assert "(ambiguous)" in status(page, "one", "Springfield") and "low confidence" in status(page, "one", "Springfield")
    assert "(resolved)" in status(page, "two", "The Hague") and "⚠" not in status(page, "two", "The Hague")
    assert "(pinned 48.85, 2.35)" in status(page, "three", "Paris")
    assert "(unresolved)" in status(page, "four", "Xqzzyville")

    one = row(page, "one")
    one.get_by_role("button", name="Fix place Springfield").click()
    fixer = one.get_by_role("group", name="Fix Springfield")
    fixer.locator(".leaflet-interactive").first.wait_for()
    assert fixer.locator("path.leaflet-interactive").count() >= 3  # one dot per candidate
    assert fixer.locator(".ca-studio-pin").count() == 1
    illinois = fixer.get_by_role("button", name=re.compile(r"^Use Springfield · Illinois, United States · .*population"))
    fixer.get_by_label(re.compile("Use this for every mention of .Springfield.")).check()
    illinois.click()
    for eid in ("one", "two"):
        assert "(pinned 39.8" in status(page, eid, "Springfield"), eid

    four = row(page, "four")
    four.get_by_role("button", name="Fix place Xqzzyville").click()
    pin = four.locator(".ca-studio-pin")
    pin.wait_for()
    pin.scroll_into_view_if_needed()
    page.wait_for_timeout(300)  # let Leaflet settle after the scroll
    box = pin.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x + 40, y + 30, steps=8)
    page.mouse.up()
    page.wait_for_function("() => /pinned/.test(document.querySelector('[data-id=\"four\"] .ca-studio-place').textContent)")
    saved(page, 2)

    doc = stored(page, sid)["story"]
    events = {e["id"]: e for e in doc["events"]}
    a, b = events["one"]["places"][0], events["two"]["places"][0]
    assert a == b and a["name"] == "Springfield" and abs(a["lat"] - 39.8) < 0.1
    assert events["two"]["places"][1] == "The Hague"  # other names untouched
    dragged = events["four"]["places"][0]
    assert dragged["name"] == "Xqzzyville" and isinstance(dragged["lat"], float) and isinstance(dragged["lon"], float)
    assert len(revisions(page, sid)) == 2  # every mention, and the drag: one revision


def test_typed_coordinates_pin_a_place_by_keyboard(browser, studio, new_page):
    page = new_page()
    sign_in(page, studio)
    sid = create(page, PLACES)
    open_editor(page, studio, sid)
    four = row(page, "four")
    four.get_by_role("button", name="Fix place Xqzzyville").focus()
    page.keyboard.press("Enter")
    four.get_by_label("Pin latitude").fill("47.9")
    four.get_by_label("Pin longitude").fill("106.9")
    four.get_by_role("button", name="Pin at these coordinates").focus()
    page.keyboard.press("Enter")
    assert "(pinned 47.9, 106.9)" in status(page, "four", "Xqzzyville")
    four.get_by_role("button", name="Fix place Xqzzyville").click()
    four.get_by_label("Pin latitude").fill("123")
    four.get_by_role("button", name="Pin at these coordinates").click()
    assert "latitude is -90 to 90" in page.locator("#story-state").inner_text()


def test_review_highlights_the_source_sentence_and_puts_doubts_first(browser, studio, new_page):
    page = new_page()
    sign_in(page, studio)
    page.get_by_label("Article text").fill(ARTICLE)
    page.get_by_label("Publication date", exact=True).fill("2024-08-30")
    page.get_by_role("button", name="Draft from article").click()
    page.wait_for_url(re.compile(r".*/studio/stories/\d+$"), timeout=60_000)
    page.wait_for_function("() => /^Revision/.test(document.getElementById('story-state').textContent)")
    page.wait_for_function("() => !document.querySelector('.ca-studio-place-checking')")
    sid = int(page.url.rsplit("/", 1)[1])
    data = stored(page, sid)
    article, events = data["article"], data["story"]["events"]

    items = page.locator(".ca-studio-review-item").all_inner_texts()
    assert len(items) == len(events)
    flagged = [i for i, t in enumerate(items) if " — " in t]
    assert flagged and flagged == list(range(len(flagged)))  # doubts first
    low = [e for e in events if e.get("confidence", 1) < 0.5]
    assert low, [e.get("confidence") for e in events]
    assert all(any(t.startswith(e["title"]) and "low confidence" in t for t in items[:len(flagged)]) for e in low)

    event = next(e for e in events if e.get("provenance") and e.get("confidence", 0) >= 0.5)
    row(page, event["id"]).get_by_label("Headline").click()
    mark = page.locator("#article mark")
    expected = article[event["provenance"]["start"]:event["provenance"]["end"]]
    assert mark.inner_text() == expected.strip() or mark.text_content() == expected
    assert f"confidence {round(event['confidence'] * 100)}%" in page.locator("#selected-info").inner_text()

    first = low[0]
    page.get_by_role("button", name=re.compile(re.escape(first["title"]) + " — ")).first.click()
    assert page.evaluate("document.activeElement.closest('.ca-studio-event').dataset.id") == first["id"]
    assert "ca-studio-selected" in row(page, first["id"]).get_attribute("class")
    if first.get("provenance"):
        assert page.locator("#article mark").text_content() == article[first["provenance"]["start"]:first["provenance"]["end"]]


def test_inferred_and_low_confidence_places_are_flagged(browser, studio, new_page):
    """The shared contract: a place with ``inferred: true`` or a confidence under 0.5 is
    flagged, its event goes up the review list; a pinned place is not asked about."""
    page = new_page()
    sign_in(page, studio)
    got = page.evaluate("""async () => {
      const { placeStatus } = await import('/static/js/studio/places.js');
      const { concerns } = await import('/static/js/studio/review.js');
      const report = { Lyon: { status: 'resolved', confidence: 0.9, candidates: [] },
                       Sudan: { status: 'resolved', confidence: 0.95, candidates: [] },
                       Cork: { status: 'resolved', confidence: 0.4, candidates: [] } };
      const s = (p) => placeStatus(p, report);
      return { plain: s('Lyon'), inferred: s({ name: 'Sudan', inferred: true, confidence: 0.8 }),
               low: s({ name: 'Lyon', confidence: 0.3 }), lowReport: s('Cork'),
               pinned: s({ name: 'Lyon', lat: 45.7, lon: 4.8 }),
               review: concerns({ title: 'x', places: [{ name: 'Sudan', inferred: true }] }, report).why }; }""")
    assert got["plain"]["status"] == "resolved" and got["plain"]["flag"] == ""
    assert got["inferred"]["flag"] == "inferred"
    assert got["low"]["flag"] == "low confidence 30%"
    assert got["lowReport"]["flag"] == "low confidence 40%"
    assert got["pinned"]["status"] == "pinned" and got["pinned"]["flag"] == ""
    assert got["review"] == ["Sudan: inferred"]


def test_an_admin_manages_accounts_in_the_browser(browser, studio, new_page):
    page = new_page()
    sign_in(page, studio, "ada")
    page.get_by_role("link", name="Accounts").click()
    page.get_by_label("Name").fill("noor")
    page.get_by_label("Role").select_option("editor")
    page.get_by_label("Password (at least 8 characters)").fill("noor's password")
    page.get_by_role("button", name="Add account").click()
    page.get_by_text("Added editor noor.").wait_for()
    page.get_by_label("New password for noor").fill("a newer password")
    page.get_by_role("button", name="Reset password of noor").click()
    page.get_by_text("Password of noor reset").wait_for()

    other = new_page()
    other.goto(studio + "/auth/login")
    other.get_by_label("Name").fill("noor")
    other.get_by_label("Password").fill("a newer password")
    other.get_by_role("button", name="Sign in").click()
    other.wait_for_url(studio + "/studio/")
    assert other.get_by_role("link", name="Accounts").count() == 0  # editors manage no accounts

    page.get_by_role("button", name="Disable noor").click()
    page.get_by_text("noor disabled").wait_for()
    assert "disabled" in page.locator('li[data-name="noor"]').inner_text()
    other.goto(studio + "/studio/")
    assert "/auth/login" in other.url  # a disabled account's session ends at once

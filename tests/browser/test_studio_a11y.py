"""The studio for everyone: axe-core (vendored, as in test_axe.py) finds no serious or
critical violation on the sign-in page, the list, the editor (place fixer, preview,
review open), history with a comparison, and the accounts page; the editor works by
keyboard; nothing needs sideways scrolling at 390 px."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
AXE = next((HERE / "vendor").glob("axe-core-*/axe.min.js"))


def _editing():
    name = "studio_editing_tests"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, HERE / "test_studio_editing.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


E = _editing()
studio = E.studio  # the same server fixture: a store with editor "ed" and admin "ada"


def violations(page):
    page.add_script_tag(path=str(AXE))
    return page.evaluate("""async () => {
      const r = await axe.run(document, {resultTypes: ['violations'], iframes: false});
      return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
        .map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))})); }""")


@pytest.fixture()
def axe_context(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    yield context
    context.close()


def unlabelled(page):
    """Form controls a screen reader could not name."""
    return page.evaluate("""() => [...document.querySelectorAll('input, select, textarea, button')]
      .filter(n => n.type !== 'hidden' && !n.closest('[hidden]') && n.offsetParent !== null)
      .filter(n => !(n.labels && n.labels.length) && !n.getAttribute('aria-label') && !n.getAttribute('aria-labelledby')
                   && !(n.tagName === 'BUTTON' && n.textContent.trim()))
      .map(n => n.outerHTML.slice(0, 120))""")


def test_studio_pages_have_no_serious_violations(axe_context, studio):
    page = axe_context.new_page()
    page.goto(studio + "/auth/login")
    assert violations(page) == []
    E.sign_in(page, studio, "ada")
    sid = E.create(page, E.PLACES)
    page.reload()
    assert violations(page) == [], "list"

    E.open_editor(page, studio, sid)
    page.wait_for_function("() => !document.querySelector('.ca-studio-place-checking')")
    one = E.row(page, "one")
    one.get_by_role("button", name="Fix place Springfield").click()
    one.locator(".ca-studio-pin").wait_for()
    one.get_by_text("Media and sources").click()
    one.get_by_label("Text (Markdown)").fill("Some *text*")
    one.get_by_role("button", name="Preview text").click()
    one.locator(".ca-studio-md-preview em").wait_for()
    page.get_by_role("button", name="Add era").click()
    assert unlabelled(page) == []
    assert violations(page) == [], "editor"

    one.get_by_label("Headline").fill("A fair in Springfield, Illinois")
    # an era without dates is refused, the problem located; without it the save goes through
    page.get_by_role("button", name="Save", exact=True).click()
    page.locator("#conflict", has_text="eras[0]").wait_for()
    page.get_by_role("button", name="Remove era 1").click()
    E.saved(page, 2)
    page.get_by_label("Compare revision").select_option("1")
    page.get_by_label("with revision").select_option("2")
    page.get_by_role("button", name="Compare", exact=True).click()
    page.locator("#compare-result li").first.wait_for()
    assert "changed one: text, title" in page.locator("#compare-result").inner_text()
    assert violations(page) == [], "history and compare"

    page.goto(studio + "/studio/accounts/")
    assert unlabelled(page) == []
    assert violations(page) == [], "accounts"


def test_the_editor_by_keyboard(browser, studio, new_page):
    page = new_page()
    E.sign_in(page, studio)
    sid = E.create(page, E.PLACES)
    E.open_editor(page, studio, sid)
    for _ in range(400):  # Tab from the top of the page to "Add event"
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "add-event":
            break
    else:
        pytest.fail("Tab never reached 'Add event'")
    page.keyboard.press("Enter")
    last = page.locator("li.ca-studio-event").last
    assert last.get_by_label("Headline").input_value() == "New event"
    last.get_by_label("Headline").focus()
    page.keyboard.press("Control+a")
    page.keyboard.type("Typed by keyboard")
    page.keyboard.press("Tab")  # to Start
    page.keyboard.type("c. 1200")
    page.locator(".ca-studio-date", has_text="✓").last.wait_for()
    page.keyboard.press("Control+s")
    page.wait_for_function("() => /Saved revision 2/.test(document.getElementById('story-state').textContent)")
    events = E.stored(page, sid)["story"]["events"]
    assert any(e["title"] == "Typed by keyboard" and e.get("start") for e in events)


@pytest.mark.parametrize("path", ["/auth/login", "/studio/", "editor", "/studio/accounts/"])
def test_390_px_wide_needs_no_sideways_scrolling(browser, studio, new_page, path):
    page = new_page(viewport={"width": 390, "height": 844})
    if path == "/auth/login":
        page.goto(studio + path)
    else:
        E.sign_in(page, studio, "ada")
        if path == "editor":
            sid = E.create(page, E.PLACES)
            E.open_editor(page, studio, sid)
            one = E.row(page, "one")
            one.get_by_role("button", name="Fix place Springfield").click()
            one.locator(".ca-studio-pin").wait_for()
            one.get_by_text("Media and sources").click()
        else:
            page.goto(studio + path)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390, path

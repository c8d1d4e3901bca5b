"""The embed's postMessage API from a host page: own commands only."""
from __future__ import annotations

INHERITED = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf",
             "__defineGetter__", "isPrototypeOf"]


def _host(page, live_server, query="event=khalkhin-gol"):
    host = f"{live_server}/__host"  # served by the test, same origin as the app
    page.route(host, lambda route: route.fulfill(status=200, content_type="text/html", body=(
        '<!doctype html><title>host</title>'
        f'<iframe id="f" title="story" src="{live_server}/embed/sample?{query}" width="900" '
        'height="600"></iframe>')))
    page.goto(host)
    page.frame_locator("#f").locator("html[data-chronoatlas=ready]").wait_for(state="attached")
    page.evaluate("""() => { window.got = [];
      window.addEventListener('message', e => window.got.push(e.data)); }""")
    return page.frames[1]


def test_inherited_names_are_not_commands(page, live_server):
    """Regression: {chronoatlas: "__proto__"} looked the name up on a plain object and
    called Object.prototype, an uncaught TypeError in the embed."""
    embed = _host(page, live_server)
    page.evaluate("""(names) => { const f = document.getElementById('f').contentWindow;
      names.forEach((n, i) => f.postMessage({chronoatlas: n, args: [1, 2], requestId: 100 + i}, '*'));
      f.postMessage({chronoatlas: 'current', requestId: 7}, '*'); }""", INHERITED)
    page.wait_for_function("() => window.got.some(m => m.chronoatlas === 'result' && m.requestId === 7)")
    page.wait_for_timeout(200)  # any late answer to the others would have arrived
    results = [m for m in page.evaluate("window.got") if m.get("chronoatlas") == "result"]
    assert [(m["command"], m["value"]) for m in results] == [("current", "khalkhin-gol")]
    assert embed.evaluate("chronoatlas.current()") == "khalkhin-gol"
    # the page fixture fails the test on any uncaught error or console error


def test_bad_arguments_answer_without_throwing(page, live_server):
    _host(page, live_server)
    page.evaluate("""() => { const f = document.getElementById('f').contentWindow;
      f.postMessage({chronoatlas: 'goTo', args: [{toString: null}], requestId: 1}, '*');
      f.postMessage({chronoatlas: 'goTo', args: 'marathon', requestId: 2}, '*');
      f.postMessage({chronoatlas: 'goTo', args: ['marathon'], requestId: 3}, '*'); }""")
    page.wait_for_function("() => window.got.some(m => m.chronoatlas === 'result' && m.requestId === 3)")
    results = {m["requestId"]: m["value"] for m in page.evaluate("window.got") if m.get("chronoatlas") == "result"}
    assert results == {1: None, 2: None, 3: "marathon"}

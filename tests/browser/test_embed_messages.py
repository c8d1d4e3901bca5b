"""The embed's postMessage API from a host page: own commands only."""
from __future__ import annotations

from pathlib import Path

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


def test_embed_posts_its_height_for_pym_amp_and_datawrapper(page, live_server):
    host = f"{live_server}/__host2"
    page.route(host, lambda route: route.fulfill(status=200, content_type="text/html", body=(
        '<!doctype html><title>host</title><script>window.got = [];'
        'addEventListener("message", e => window.got.push(e.data));</script>'
        f'<iframe id="f" title="story" src="{live_server}/embed/sample?childId=ca1&initialWidth=900" '
        'width="900" height="300"></iframe>')))
    page.goto(host)
    page.frame_locator("#f").locator("html[data-chronoatlas=ready]").wait_for(state="attached")
    page.wait_for_function("() => window.got.some(m => typeof m === 'string' && m.startsWith('pymxPYMxca1xPYMxheightxPYMx'))")
    got = page.evaluate("window.got")
    pym = [int(m.rsplit("xPYMx", 1)[1]) for m in got if isinstance(m, str) and m.startswith("pymxPYMx")]
    amp = [m["height"] for m in got if isinstance(m, dict) and m.get("sentinel") == "amp" and m.get("type") == "embed-size"]
    dw = [m["datawrapper-height"]["sample"] for m in got if isinstance(m, dict) and "datawrapper-height" in m]
    assert pym and amp and dw and pym[-1] == amp[-1] == dw[-1] > 300
    # a change of content height is posted again
    page.frames[1].evaluate("document.body.classList.add('ca-no-list')")
    page.wait_for_function(f"() => window.got.filter(m => m && m.sentinel === 'amp').slice(-1)[0].height < {amp[-1]}")


PYM = Path(__file__).resolve().parent / "vendor" / "pym.js-1.3.2" / "pym.v1.min.js"


def test_a_pym_host_page_resizes_the_embed(page, live_server):
    """A news page using pym.js (vendored from npm, MIT) frames the embed with
    pym.Parent: the iframe takes the height the embed posts."""
    host = f"{live_server}/__pym"
    body = ('<!doctype html><title>article</title><p>Text.</p><div id="ca"></div><script>'
            + PYM.read_text(encoding="utf-8") +
            f'</script><script>window.parentPym = new pym.Parent("ca", "{live_server}/embed/sample", {{}});</script>')
    page.route(host, lambda route: route.fulfill(status=200, content_type="text/html", body=body))
    page.goto(host)
    page.wait_for_function("() => document.querySelector('#ca iframe') !== null")
    page.frame_locator("#ca iframe").locator("html[data-chronoatlas=ready]").wait_for(state="attached")
    page.wait_for_function("() => document.querySelector('#ca iframe').getBoundingClientRect().height > 400")
    framed = page.evaluate("document.querySelector('#ca iframe').getBoundingClientRect().height")
    inner = page.frames[1].evaluate("Math.ceil(document.documentElement.getBoundingClientRect().height)")
    assert abs(framed - inner) <= 2, (framed, inner)

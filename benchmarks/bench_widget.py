"""Single-file widget benchmark: size (raw and gzipped) and time to first draw in Chromium,
beside the same story served by the app.

* size of ``chronoatlas export demo --to html`` and of generated stories, raw and gzip -9,
  with the parts that make it up (vendored scripts, styles, basemap, story data, spec);
  the goal for the demo is at most 1.5 MB raw and 450 KB gzipped;
* export time (the story resolved already; the gazetteer's load is not counted);
* browser: the widget opened from ``file://`` with every other request aborted, and the
  story page ``/stories/<slug>`` from a local server: time from navigation until the map's
  basemap and markers and the timeline are drawn (``data-chronoatlas="ready"`` and the
  ``chronoatlas:basemap`` mark), median of ``--repeat`` runs.

Run: ``python benchmarks/bench_widget.py [--sizes 1000,10000] [--repeat 5]``.
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from browser_timing import READY, launch, open_page, time_to_ready  # noqa: E402

GOAL_RAW, GOAL_GZ = 1_500_000, 450_000
# ready includes the basemap since the glue draws it with the markers; checked anyway
DRAWN = f"() => ({READY})() && performance.getEntriesByName('chronoatlas:basemap').length > 0"


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 9))


def parts(html: str) -> dict[str, tuple[int, int]]:
    """Raw and gzipped bytes of each inline block, by what it is."""
    from web.vendor import STATIC
    from web.exports.widget import _script_text, widget_scripts

    vendored = {}
    for rel in widget_scripts(True):
        vendored[_script_text((STATIC / rel).read_text(encoding="utf-8"))] = rel.split("/")[1]
    from web.exports.jsbundle import viewer_bundle

    glue = _script_text(viewer_bundle())
    out: dict[str, list[bytes]] = {}
    for m in re.finditer(r"<(script|style)([^>]*)>(.*?)</\1>", html, re.S):
        tag, attrs, body = m.groups()
        ident = re.search(r'id="([^"]+)"', attrs)
        if tag == "style":
            key = "styles (Leaflet, chronoatlas)"
        elif ident:
            key = {"ca-basemap": "basemap, 110m (JSON)", "ca-data": "story data (JSON)",
                   "ca-config": "config + compiled Vega spec (JSON)"}.get(ident.group(1), ident.group(1))
        elif body in vendored:
            key = vendored[body]
        elif body == glue:
            key = "viewer (js/*.js bundled)"
        else:
            key = "folium map script"
        out.setdefault(key, []).append(body.encode())
    return {k: (sum(map(len, v)), gz(b"".join(v))) for k, v in out.items()}


def kb(n: int) -> str:
    return f"{n / 1000:,.1f} KB"


def time_page(browser, url: str, allow) -> float:
    context, page, blocked = open_page(browser, allow)
    elapsed = time_to_ready(page, url, condition=DRAWN)
    context.close()
    if blocked:
        raise SystemExit(f"requests attempted by {url}: {blocked[:5]}")
    return elapsed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000", help="generated story sizes (events)")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--no-browser", action="store_true")
    args = ap.parse_args()

    import logging

    from timeline.exports.places import ensure_resolved
    from timeline.formats import load
    from web.samples import generated_story
    from web.exports.widget import prepare, widget_html

    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    demo, _ = ensure_resolved(load("demo").story)
    stories = [("demo", prepare(demo, resolve=False, slug="demo"))]
    for n in [int(s) for s in args.sizes.split(",") if s]:
        stories.append((f"gen-{n}", prepare(generated_story(n, slug=f"gen-{n}"), resolve=False)))

    tmp = Path(tempfile.mkdtemp(prefix="bench-widget-"))
    results = {}
    for name, prepared in stories:
        t0 = time.perf_counter()
        html = widget_html(prepared, resolve=False)
        elapsed = time.perf_counter() - t0
        raw = html.encode()
        path = tmp / f"{name}.html"
        path.write_bytes(raw)
        results[name] = {"raw": len(raw), "gzip": gz(raw), "export_s": round(elapsed, 3),
                         "path": str(path), "parts": parts(html)}
        goal = ""
        if name == "demo":
            ok = len(raw) <= GOAL_RAW and gz(raw) <= GOAL_GZ
            goal = f"  goal ≤ {kb(GOAL_RAW)} / {kb(GOAL_GZ)} gz: {'met' if ok else 'MISSED'}"
        print(f"{name:>10}: {kb(len(raw))} raw, {kb(gz(raw))} gzipped, exported in {elapsed:.2f} s{goal}")
    print("\ndemo widget, by part (raw / gzipped alone):")
    for key, (r, g) in sorted(results["demo"]["parts"].items(), key=lambda kv: -kv[1][0]):
        print(f"  {key:<36} {kb(r):>11} {kb(g):>11}")

    if not args.no_browser:
        from playwright.sync_api import sync_playwright
        from werkzeug.serving import make_server

        from web import create_app

        from dataclasses import replace

        app = create_app({"TESTING": False, "RESOLVE_PLACES": False,
                          "STORIES": [replace(p.story, slug=p.slug) for _, p in stories]})
        server = make_server("127.0.0.1", 0, app, threaded=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_port}"
        print(f"\ntime to first draw (map basemap + markers + timeline), median of {args.repeat}:")
        with sync_playwright() as p:
            browser = launch(p)
            for name, prepared in stories:
                url = Path(results[name]["path"]).as_uri()
                time_page(browser, url, lambda u: u.startswith("file:"))  # warm-up
                widget = statistics.median(time_page(browser, url, lambda u: u.startswith("file:"))
                                           for _ in range(args.repeat))
                page_url = f"{base}/stories/{prepared.slug}"
                time_page(browser, page_url, lambda u: u.startswith(base))
                served = statistics.median(time_page(browser, page_url, lambda u: u.startswith(base))
                                           for _ in range(args.repeat))
                results[name].update(widget_s=round(widget, 3), served_s=round(served, 3))
                print(f"{name:>10}: widget (file:) {widget:.2f} s, served page {served:.2f} s "
                      f"(ratio {widget / served:.2f})")
            browser.close()
        server.shutdown()
    for r in results.values():
        r["parts"] = {k: list(v) for k, v in r["parts"].items()}
    print("\n" + json.dumps({k: {kk: vv for kk, vv in v.items() if kk != "path"} for k, v in results.items()}))


if __name__ == "__main__":
    main()

"""What the browser benchmarks share: Debian's Chromium, and timing a page from navigation
until the glue says it is drawn, with every request outside an allowed set reported.

Used by bench_web.py (story pages, beside plain folium) and bench_widget.py (the
single-file widget from ``file://``, beside the served page).
"""
from __future__ import annotations

import time
from typing import Callable

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
VIEWPORT = {"width": 1280, "height": 900}
# the glue sets data-chronoatlas="ready" once the map (markers and basemap) and the
# timeline are drawn
READY = "() => document.documentElement.dataset.chronoatlas === 'ready'"


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)


def open_page(browser, allow: Callable[[str], bool], *, timeout_ms: int = 120_000):
    """A fresh context and page (nothing cached), and the list of requests ``allow``
    refuses, for the caller to fail on.

    Requests are watched, not intercepted: routing each one through Playwright adds a
    round trip to every script and stylesheet and would be counted as page load time
    (a 1,000-event story page, eight files, measured ~0.16 s slower that way: median of
    10 alternating runs). The machine has no route out, so a stray request fails rather
    than leaks; the tests, which intercept and abort, are where a leak is prevented.
    """
    context = browser.new_context(viewport=VIEWPORT)
    refused: list[str] = []
    context.on("request", lambda request: None if allow(request.url) else refused.append(request.url))
    page = context.new_page()
    page.set_default_timeout(timeout_ms)
    return context, page, refused


def time_to_ready(page, url: str, *, condition: str = READY) -> float:
    """Seconds from navigation until ``condition`` holds (polled every 20 ms)."""
    t0 = time.perf_counter()
    page.goto(url, wait_until="commit")
    page.wait_for_function(condition, polling=20)
    return time.perf_counter() - t0


def watch_cpu(page):
    """Start counting the page's renderer CPU time (call before navigating)."""
    session = page.context.new_cdp_session(page)
    session.send("Performance.enable", {"timeDomain": "threadTicks"})
    return session


def cpu_seconds(session) -> tuple[float, float]:
    """(main thread, whole renderer process) CPU seconds so far: on a shared machine these
    move much less with the load than wall time does."""
    metrics = {m["name"]: m["value"] for m in session.send("Performance.getMetrics")["metrics"]}
    return metrics.get("ThreadTime", float("nan")), metrics.get("ProcessTime", float("nan"))

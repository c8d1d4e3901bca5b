"""Slow clients: do 200 of them stop everyone else from reading?

A real server process on 127.0.0.1 serves the demo (``web.wsgi:app``). 200 slow clients
connect and stay: three in four send a request one header byte a second and never finish
it (slowloris), one in four sends a whole request for the story page and never reads the
answer (a phone on a bad line). Meanwhile a fast client asks for ``/api/stories`` and
``/stories/demo`` one after the other; its latencies (median, p99, and how many did not
answer within the timeout) are what a reader would see.

Servers compared:

* ``waitress`` (what the README recommends): one event loop reads each request whole and
  buffers each answer before and after the worker threads, so a slow client costs a
  socket and a buffer, not a thread;
* the peer, the README's former line: ``gunicorn --workers 2`` with sync workers, where
  each worker serves one connection at a time and a slow client holds it;
* optionally (``--servers waitress,gunicorn-gthread,gunicorn-sync``) gunicorn's threaded
  workers, 2 x 8 threads, where a thread still waits for a slow client's request.

Goal: with 200 slow clients connected, fast clients are answered with p99 <= 100 ms.
Run: ``python benchmarks/bench_slow_clients.py [--slow 200] [--seconds 10]``.
"""
from __future__ import annotations

import argparse
import http.client
import os
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOAL_P99_MS = 100.0
FAST_PATHS = ("/api/stories", "/stories/demo")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_command(kind: str, port: int) -> list[str]:
    bin_dir = Path(sys.executable).parent
    if kind == "waitress":
        return [sys.executable, "-m", "waitress", f"--listen=127.0.0.1:{port}", "--threads=8",
                "--connection-limit=1000", "--channel-timeout=60", "web.wsgi:app"]
    if kind == "gunicorn-sync":
        return [str(bin_dir / "gunicorn"), "--preload", "--workers", "2", "--bind",
                f"127.0.0.1:{port}", "--log-level", "warning", "web.wsgi:app"]
    if kind == "gunicorn-gthread":
        return [str(bin_dir / "gunicorn"), "--preload", "--workers", "2", "--worker-class",
                "gthread", "--threads", "8", "--bind", f"127.0.0.1:{port}", "--log-level",
                "warning", "web.wsgi:app"]
    raise ValueError(kind)


def start(kind: str) -> tuple[subprocess.Popen, int]:
    port = free_port()
    env = dict(os.environ, PYTHONPATH=str(ROOT), CHRONOATLAS_STORIES='["demo"]',
               CHRONOATLAS_RESOLVE_PLACES="false")
    proc = subprocess.Popen(server_command(kind, port), env=env, cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"{kind} exited: {proc.stderr.read().decode()[-2000:]}")
        try:
            if get(port, "/api/stories", timeout=2.0) is not None:
                return proc, port
        except OSError:
            pass
        time.sleep(0.3)
    stop(proc)
    raise SystemExit(f"{kind} did not answer within 120 s")


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)  # its own session: the server and its workers
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    if proc.stderr:
        proc.stderr.close()


def get(port: int, path: str, *, timeout: float) -> float | None:
    """Seconds for one whole answer, or None when it did not come within ``timeout``."""
    started = time.perf_counter()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path, headers={"Connection": "close"})
        response = conn.getresponse()
        response.read()
        if response.status != 200:
            raise OSError(f"{path}: HTTP {response.status}")
    except (TimeoutError, socket.timeout, ConnectionError):
        return None
    finally:
        conn.close()
    elapsed = time.perf_counter() - started
    return elapsed if elapsed <= timeout else None


class SlowClients:
    """``n`` slow connections held open by one thread until :meth:`close`."""

    def __init__(self, port: int, n: int) -> None:
        self.port, self.n = port, n
        self.socks: list[tuple[socket.socket, bool]] = []
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> "SlowClients":
        for i in range(self.n):
            s = socket.socket()
            s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)  # a reader that barely reads
            s.settimeout(5)
            try:
                s.connect(("127.0.0.1", self.port))
            except OSError:
                s.close()
                continue
            s.setblocking(False)
            reader = i % 4 == 3
            try:
                if reader:  # a whole request, then never read the answer
                    s.send(b"GET /stories/demo HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                else:  # the request line, then a header byte a second
                    s.send(b"GET /stories/demo HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
            except OSError:
                pass
            self.socks.append((s, reader))
        self.thread.start()
        time.sleep(1.0)  # let the server take them all in
        return self

    def _run(self) -> None:
        while not self.stopping.wait(1.0):
            for s, reader in self.socks:
                if not reader:
                    try:
                        s.send(b"a")
                    except OSError:
                        pass

    def __exit__(self, *exc) -> None:
        self.stopping.set()
        self.thread.join(timeout=5)
        for s, _ in self.socks:
            s.close()

    @property
    def connected(self) -> int:
        return len(self.socks)


def fast_phase(port: int, seconds: float, timeout: float, limit: int = 400) -> dict:
    times: list[float] = []
    missed = 0
    deadline = time.monotonic() + seconds
    i = 0
    while time.monotonic() < deadline and i < limit:
        t = get(port, FAST_PATHS[i % len(FAST_PATHS)], timeout=timeout)
        i += 1
        if t is None:
            missed += 1
        else:
            times.append(t * 1000)
    return {"asked": i, "answered": len(times), "missed": missed, "times": times}


def p99(values: list[float], asked: int, timeout_ms: float) -> float:
    """The 99th percentile over every request asked; one that never came counts as the
    timeout (so p99 > timeout means 'more than 1 in 100 never answered')."""
    filled = sorted(values + [float("inf")] * (asked - len(values)))
    if not filled:
        return float("nan")
    value = filled[min(len(filled) - 1, int(round(0.99 * (len(filled) - 1))))]
    return value if value != float("inf") else timeout_ms * 1.0001


def fmt(ms: float, timeout_ms: float) -> str:
    return f">{timeout_ms:.0f} ms (no answer)" if ms > timeout_ms else f"{ms:.1f} ms"


def run(kind: str, slow: int, seconds: float, timeout: float) -> dict:
    proc, port = start(kind)
    try:
        for _ in range(5):
            get(port, "/stories/demo", timeout=30)  # warm
        idle = fast_phase(port, min(seconds, 5), timeout)
        with SlowClients(port, slow) as clients:
            loaded = fast_phase(port, seconds, timeout)
            connected = clients.connected
    finally:
        stop(proc)
    timeout_ms = timeout * 1000
    out = {"kind": kind, "connected": connected}
    for label, r in (("idle", idle), ("slow", loaded)):
        out[label] = {
            "asked": r["asked"], "missed": r["missed"],
            "median": statistics.median(r["times"]) if r["times"] else float("inf"),
            "p99": p99(r["times"], r["asked"], timeout_ms),
        }
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--slow", type=int, default=200, help="slow clients held open")
    parser.add_argument("--seconds", type=float, default=10.0, help="fast-client phase length")
    parser.add_argument("--timeout", type=float, default=2.0, help="a fast request's timeout (s)")
    parser.add_argument("--servers", default="waitress,gunicorn-sync")
    args = parser.parse_args()
    timeout_ms = args.timeout * 1000
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())} "
          f"({os.cpu_count()} cores)")
    results = [run(kind, args.slow, args.seconds, args.timeout) for kind in args.servers.split(",")]
    print(f"{'server':<15} {'slow':>5} {'asked':>6} {'missed':>7} {'median':>22} {'p99':>22}")
    for r in results:
        for label in ("idle", "slow"):
            row = r[label]
            n = 0 if label == "idle" else r["connected"]
            print(f"{r['kind']:<15} {n:>5} {row['asked']:>6} {row['missed']:>7} "
                  f"{fmt(row['median'], timeout_ms):>22} {fmt(row['p99'], timeout_ms):>22}")
    ours, peer = results[0], results[-1]
    if len(results) > 1:
        ratio = peer["slow"]["p99"] / ours["slow"]["p99"] if ours["slow"]["p99"] else float("nan")
        print(f"p99 under {args.slow} slow clients: {ours['kind']} {fmt(ours['slow']['p99'], timeout_ms)}, "
              f"{peer['kind']} {fmt(peer['slow']['p99'], timeout_ms)} "
              f"(peer/ours >= {ratio:.0f}x; the peer's figure is capped by the timeout)")
    ok = ours["slow"]["p99"] <= GOAL_P99_MS and ours["slow"]["missed"] == 0
    print(f"goal p99 <= {GOAL_P99_MS:.0f} ms with {args.slow} slow clients ({ours['kind']}): "
          f"{'met' if ok else 'NOT met'}")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()

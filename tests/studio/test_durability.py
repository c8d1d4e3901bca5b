"""kill -9 of a real server process during a stream of saves: every acknowledged
revision is in the store, and the story is whole (its current revision exists and loads).
"""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from web.auth.accounts import add_user, new_token
from web.store import Store, repository as repo

ROOT = Path(__file__).resolve().parents[2]
SERVER = """
import sys
from web import create_app
from werkzeug.serving import make_server
app = create_app({"STORIES": [], "RESOLVE_PLACES": False, "DATABASE_URL": sys.argv[1],
                  "SECRET_KEY": "durability"})
server = make_server("127.0.0.1", int(sys.argv[2]), app, threaded=True)
print("ready", flush=True)
server.serve_forever()
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def document(n: int) -> dict:
    return {"title": "Durable", "events": [
        {"id": f"e{i}", "title": f"save {n} event {i}", "start": "1939-05-11",
         "text": "x" * 200} for i in range(50)]}


def call(url, method, body, token, etag=None):
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    if etag:
        headers["If-Match"] = etag
    req = urllib.request.Request(url, data=json.dumps(body).encode(), method=method,
                                 headers=headers)
    with urllib.request.urlopen(req, timeout=10) as r:
        return json.loads(r.read())


def test_kill_9_during_saves_loses_no_acknowledged_revision(database_url):
    store = Store(database_url)
    with store.session() as s:
        add_user(s, "ed", "correct horse battery")
        token = new_token(s, "ed")
    port = free_port()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, "-c", SERVER, database_url, str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, cwd=ROOT)
    try:
        assert proc.stdout.readline().strip() == b"ready"
        base = f"http://127.0.0.1:{port}/api/studio/stories"
        made = call(base, "POST", {"story": document(0)}, token)
        url = f"{base}/{made['id']}"
        acknowledged: dict[int, int] = {}  # revision -> save number
        stop = threading.Event()

        def writers():
            revision, n = made["revision"], 0
            while not stop.is_set() and n < 2000:
                n += 1
                try:
                    revision = call(url, "PUT", {"story": document(n)}, token,
                                    f'"{revision}"')["revision"]
                except (urllib.error.URLError, ConnectionError, OSError):
                    return  # the server is gone: this save was never acknowledged
                acknowledged[revision] = n

        thread = threading.Thread(target=writers)
        thread.start()
        deadline = time.monotonic() + 60
        while len(acknowledged) < 25 and time.monotonic() < deadline:
            time.sleep(0.01)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
        stop.set()
        thread.join(30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(10)
        proc.stdout.close()
    assert len(acknowledged) >= 25
    with store.session() as s:
        row, current = repo.current(s, made["id"])
        assert current.document["events"][0]["title"].startswith("save ")
        assert row.revision >= max(acknowledged)
        for number, n in acknowledged.items():
            kept = repo.revision(s, made["id"], number).document
            titles = {e["id"]: e["title"] for e in kept["events"]}
            assert len(titles) == 50 and titles["e49"] == f"save {n} event 49"
        numbers = [r.number for r in repo.revisions(s, made["id"])]
        assert numbers == list(range(row.revision, 0, -1))  # no gap, nothing beyond current
    store.dispose()

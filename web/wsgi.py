"""The app for a WSGI server, with every story prepared before the first request.

    CHRONOATLAS_STORIES='["story.yaml"]' waitress-serve --listen=127.0.0.1:8000 \
        --threads=8 --connection-limit=1000 web.wsgi:app

(waitress buffers slow clients in its event loop; gunicorn's sync workers are held by
them: see benchmarks/bench_slow_clients.py.)

``create_app()`` prepares a story's page when it is first asked for (for a large story,
seconds: its page data, map and the timeline's compile, whose engine starts once per
process). Imported here, that work is done once at start-up. A story file with problems,
or one that fails while being prepared, is left out and listed on ``/``; the others are
served. ``settle`` then opens the store and freezes start-up's objects (web/startup.py).
"""
from __future__ import annotations

from . import create_app
from .startup import settle

app = create_app()
app.extensions["chronoatlas"].warm()
settle(app)  # the store opened, start-up's objects out of the collector's way

"""The app for a WSGI server, with every story prepared before the first request.

    CHRONOATLAS_STORIES='["story.yaml"]' gunicorn --preload --workers 2 web.wsgi:app

``create_app()`` prepares a story's page when it is first asked for (for a large story,
seconds: its page data, map and the timeline's compile, whose engine starts once per
process). Imported here, that work is done once at start-up; with ``--preload`` the
workers share it. A story file with problems is left out and listed on ``/``, as with
``create_app()``.
"""
from __future__ import annotations

from . import create_app

app = create_app()
app.extensions["chronoatlas"].warm()

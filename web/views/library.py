"""``/``: the library of stories."""
from __future__ import annotations

from flask import Blueprint, render_template

from .common import library

bp = Blueprint("library", __name__)


@bp.get("/")
def index():
    """The stories, and what could not be served: a left-out file or a skipped row is
    listed here, so whoever runs the site sees what is missing."""
    stories = library()
    return render_template("library.html", stories=list(stories), errors=stories.errors,
                           skipped=stories.skipped, archive=stories.archive)

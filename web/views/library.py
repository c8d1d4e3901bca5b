"""``/``: the library of stories."""
from __future__ import annotations

from flask import Blueprint, render_template

from .common import library

bp = Blueprint("library", __name__)


@bp.get("/")
def index():
    return render_template("library.html", stories=list(library()), errors=library().errors)

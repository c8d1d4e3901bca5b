"""``/auth/login`` and ``/auth/logout``, ``g.user`` per request, and the CSRF gate."""
from __future__ import annotations

import functools
from urllib.parse import urlsplit

from flask import (Blueprint, abort, flash, g, redirect, render_template, request, session,
                   url_for)

from ..errors import api_error
from ..store import get_store
from .csrf import SAFE_METHODS, csrf_token, valid_csrf

bp = Blueprint("auth", __name__, url_prefix="/auth")

API_PREFIX = "/api/studio/"


def _is_api() -> bool:
    return request.path.startswith(API_PREFIX)


@bp.before_app_request
def load_user() -> None:
    """``g.user``: from a Bearer token (scripts, CMSs) or the session cookie; else None."""
    g.user = None
    g.token_auth = False
    header = request.headers.get("Authorization", "")
    if header[:7].lower() == "bearer ":
        from .accounts import user_for_token
        with get_store().session() as s:
            user = user_for_token(s, header[7:].strip())
        if user is None:
            return api_error("That API token is not valid.", 401) if _is_api() else abort(401)
        g.user, g.token_auth = user, True
        return None
    user_id = session.get("user_id")
    if user_id is not None:
        from ..store.models import User
        from .accounts import session_stamp
        with get_store().session() as s:
            user = s.get(User, user_id)
        if user is None or user.disabled or session.get("stamp") != session_stamp(user):
            session.clear()
        else:
            g.user = user
    return None


@bp.before_app_request
def check_csrf():
    """The one gate for writes: cookie-authorised (or anonymous) unsafe requests need the
    session's token. Signed-out API writes answer 401 before that (nothing to forge)."""
    if request.method in SAFE_METHODS or g.get("token_auth"):
        return None
    if request.routing_exception is not None:  # no such route or method: 404/405 as usual
        return None
    if g.get("user") is None and _is_api():
        return api_error("Sign in, or send an API token as 'Authorization: Bearer ...'.", 401)
    sent = request.headers.get("X-CSRF-Token") or request.form.get("csrf_token")
    if not valid_csrf(sent):
        message = "Missing or wrong CSRF token: reload the page and try again."
        if request.path.startswith("/api/"):
            return api_error(message, 403)
        abort(403, description=message)
    return None


@bp.app_context_processor
def _template_values():
    return {"csrf_token": csrf_token, "current_user": g.get("user")}


def login_required(view):
    """Signed-out: pages redirect to sign-in, the API answers 401 JSON."""
    @functools.wraps(view)
    def wrapped(**kwargs):
        if g.get("user") is None:
            if _is_api():
                return api_error("Sign in, or send an API token as "
                                 "'Authorization: Bearer ...'.", 401)
            return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))
        return view(**kwargs)
    return wrapped


def _safe_next(target: str | None) -> str:
    """Only a path on this site: never an open redirect."""
    if target:
        parts = urlsplit(target)
        if not parts.scheme and not parts.netloc and target.startswith("/") \
                and not target.startswith("//") and "\\" not in target:
            return target
    return url_for("studio.index")


@bp.route("/login", methods=("GET", "POST"))
def login():
    from .accounts import Throttled, authenticate, session_stamp

    error, status = None, 200
    name = ""
    if request.method == "POST":
        name = (request.form.get("name") or "").strip()[:80]
        password = (request.form.get("password") or "")[:1024]
        try:
            with get_store().session() as s:
                user = authenticate(s, name, password, request.remote_addr or "?")
        except Throttled:
            error, status = "Too many failed sign-ins: wait 15 minutes and try again.", 429
        else:
            if user is not None:
                target = _safe_next(request.args.get("next"))
                session.clear()
                session["user_id"] = user.id
                session["stamp"] = session_stamp(user)
                csrf_token()
                return redirect(target)
            error, status = "Wrong name or password, or the account is disabled.", 401
    csrf_token()
    response = render_template("studio/login.html", error=error, name=name)
    if status == 429:
        return response, status, {"Retry-After": str(Throttled.retry_after)}
    return response, status


@bp.post("/logout")
def logout():
    session.clear()
    flash("Signed out.")
    return redirect(url_for("auth.login"))

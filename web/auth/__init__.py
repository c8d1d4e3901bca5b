"""Accounts for the studio: sign-in (flaskr's auth blueprint), ``g.user``, CSRF, tokens.

Every request first loads ``g.user`` from its session cookie or its
``Authorization: Bearer`` token; every state-changing request authorised by a cookie (or
signing in) must carry the session's CSRF token, or it is refused with 403.
"""
from __future__ import annotations

from flask import Flask

__all__ = ["init_app", "login_required"]

from .views import login_required  # noqa: E402


def init_app(app: Flask) -> None:
    from .sessions import InstanceKeySessions
    from .views import bp

    app.session_interface = InstanceKeySessions()
    if app.config.get("SESSION_COOKIE_SAMESITE") is None:  # Flask's default is unset
        app.config["SESSION_COOKIE_SAMESITE"] = "Lax"
    app.config["SESSION_COOKIE_HTTPONLY"] = True
    if app.config.get("SESSION_COOKIE_NAME") == "session":
        app.config["SESSION_COOKIE_NAME"] = "chronoatlas_session"
    app.register_blueprint(bp)

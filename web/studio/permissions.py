"""Who may do what in the studio: the one place every studio view is checked.

All editors of an instance may edit all its stories (a newsroom); admins may do
everything editors may, and manage accounts.
"""
from __future__ import annotations

import functools

from flask import g, redirect, request, url_for

from ..errors import api_error

ALLOWED = {
    "read": {"editor", "admin"},
    "create": {"editor", "admin"},
    "edit": {"editor", "admin"},
    "publish": {"editor", "admin"},
    "manage-accounts": {"admin"},
}


def allowed(user, action: str) -> bool:
    return user is not None and not user.disabled and user.role in ALLOWED[action]


def require(action: str):
    """Signed out: 401 JSON from the API, a redirect to sign-in from pages; signed in
    without the role: 403."""
    def decorate(view):
        @functools.wraps(view)
        def wrapped(**kwargs):
            user = g.get("user")
            api = request.path.startswith("/api/")
            if user is None:
                if api:
                    return api_error("Sign in, or send an API token as "
                                     "'Authorization: Bearer ...'.", 401)
                return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))
            if not allowed(user, action):
                return api_error(f"Your role may not {action}.", 403) if api else ("Forbidden", 403)
            return view(**kwargs)
        wrapped.studio_action = action
        return wrapped
    return decorate

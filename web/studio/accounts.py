"""``/studio/accounts/``: an admin lists, adds, resets and disables accounts in the
browser, as ``chronoatlas users`` does on the command line (the same functions).
Plain forms (keyboard first, no script needed); every write carries the CSRF token and
is checked by ``permissions.require("manage-accounts")`` like every studio view."""
from __future__ import annotations

from flask import Blueprint, flash, g, redirect, render_template, request, url_for
from sqlalchemy import select

from ..store import get_store
from .pages import _page
from .permissions import require

bp = Blueprint("studio_accounts", __name__, url_prefix="/studio/accounts")


def _back():
    return redirect(url_for(".index"))


def _run(action, done: str):
    from ..auth.accounts import AccountError
    try:
        with get_store().session() as s:
            action(s)
    except AccountError as exc:
        flash(f"Not done: {exc}.", "error")
    else:
        flash(done, "done")
    return _back()


@bp.get("/")
@require("manage-accounts")
def index():
    from ..store.models import User
    with get_store().session() as s:
        users = [{"name": u.name, "role": u.role, "disabled": u.disabled,
                  "created_at": u.created_at} for u in s.scalars(select(User).order_by(User.name))]
    return _page(render_template("studio/accounts.html", users=users))


@bp.post("/")
@require("manage-accounts")
def add():
    from ..auth.accounts import add_user
    name = (request.form.get("name") or "").strip()[:80]
    role = request.form.get("role") or "editor"
    password = (request.form.get("password") or "")[:1024]
    return _run(lambda s: add_user(s, name, password, role), f"Added {role} {name}.")


@bp.post("/<name>/password")
@require("manage-accounts")
def reset(name: str):
    from ..auth.accounts import reset_password
    password = (request.form.get("password") or "")[:1024]
    return _run(lambda s: reset_password(s, name, password),
                f"Password of {name} reset: its sessions are signed out.")


@bp.post("/<name>/disabled")
@require("manage-accounts")
def disable(name: str):
    from ..auth.accounts import set_disabled
    disabled = request.form.get("disabled") != "0"
    if disabled and name == g.user.name:
        flash("Not done: you cannot disable your own account (another admin can).", "error")
        return _back()
    return _run(lambda s: set_disabled(s, name, disabled),
                f"{name} {'disabled: no sign-in, sessions and API tokens stopped' if disabled else 'enabled'}.")

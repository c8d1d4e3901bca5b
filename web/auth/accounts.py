"""Accounts in the store: add, reset, disable, sign-in checks with throttling, API tokens."""
from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from datetime import timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from ..store.models import ROLES, ApiToken, SignInFailure, User, utcnow
from .passwords import check_password, dummy_check, hash_password

__all__ = ["AccountError", "add_user", "reset_password", "set_disabled", "new_token",
           "user_for_token", "authenticate", "Throttled", "session_stamp"]

NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,79}$")
# At most this many failed sign-ins per name, and per address, in the window.
MAX_FAILURES = 5
WINDOW = timedelta(minutes=15)
TOKEN_PREFIX = "ca_"


class AccountError(ValueError):
    pass


class Throttled(Exception):
    retry_after = int(WINDOW.total_seconds())


def _user(session: Session, name: str) -> User:
    user = session.scalar(select(User).where(User.name == name))
    if user is None:
        raise AccountError(f"no user called {name!r}")
    return user


def add_user(session: Session, name: str, password: str, role: str = "editor") -> User:
    if not NAME.match(name):
        raise AccountError("a user name is 1-80 letters, digits or . _ @ - (starting with a "
                           "letter or digit)")
    if role not in ROLES:
        raise AccountError(f"role must be one of {', '.join(ROLES)}")
    if session.scalar(select(User.id).where(User.name == name)) is not None:
        raise AccountError(f"a user called {name!r} exists already")
    try:
        user = User(name=name, role=role, password_hash=hash_password(password), disabled=False)
    except ValueError as exc:
        raise AccountError(str(exc)) from None
    session.add(user)
    session.flush()
    return user


def reset_password(session: Session, name: str, password: str) -> User:
    user = _user(session, name)
    try:
        user.password_hash = hash_password(password)
    except ValueError as exc:
        raise AccountError(str(exc)) from None
    return user


def set_disabled(session: Session, name: str, disabled: bool = True) -> User:
    user = _user(session, name)
    user.disabled = disabled
    if disabled:
        session.execute(delete(ApiToken).where(ApiToken.user_id == user.id))
    return user


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_token(session: Session, name: str) -> str:
    user = _user(session, name)
    if user.disabled:
        raise AccountError(f"{name!r} is disabled")
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    session.add(ApiToken(user_id=user.id, token_hash=_digest(token)))
    return token


def user_for_token(session: Session, token: str) -> User | None:
    if not token.startswith(TOKEN_PREFIX) or len(token) > 200:
        return None
    return session.scalar(select(User).join(ApiToken, ApiToken.user_id == User.id).where(
        ApiToken.token_hash == _digest(token), User.disabled.is_(False)))


def session_stamp(user: User) -> str:
    """Changes when the password does: a reset signs out every session."""
    return hashlib.sha256(user.password_hash.encode()).hexdigest()[:16]


def authenticate(session: Session, name: str, password: str, address: str) -> User | None:
    """The user for a right name and password; None otherwise. Throttled after
    MAX_FAILURES failures per name or per address within WINDOW."""
    keys = [f"name:{name.lower()[:80]}", f"ip:{address[:100]}"]
    since = utcnow() - WINDOW
    session.execute(delete(SignInFailure).where(SignInFailure.at < since))
    for key in keys:
        failures = session.scalar(select(func.count()).select_from(SignInFailure).where(
            SignInFailure.key == key, SignInFailure.at >= since))
        if failures >= MAX_FAILURES:
            raise Throttled()
    user = session.scalar(select(User).where(User.name == name)) if NAME.match(name) else None
    if user is None:
        dummy_check(password)
    ok = user is not None and check_password(user.password_hash, password) and not user.disabled
    if not ok:
        for key in keys:
            session.add(SignInFailure(key=key))
        return None
    return user


def constant_time_equal(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode(), b.encode())

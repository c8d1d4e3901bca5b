"""CSRF tokens: one per session, sent back in ``X-CSRF-Token`` or a ``csrf_token`` field
on every state-changing request that a cookie authorises."""
from __future__ import annotations

import hmac
import secrets

from flask import session

__all__ = ["csrf_token", "valid_csrf", "SAFE_METHODS"]

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def csrf_token() -> str:
    token = session.get("csrf")
    if not token:
        token = session["csrf"] = secrets.token_urlsafe(32)
    return token


def valid_csrf(sent: str | None) -> bool:
    expected = session.get("csrf")
    return bool(sent and expected) and hmac.compare_digest(sent.encode(), expected.encode())

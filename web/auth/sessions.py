"""Signed session cookies whose key is generated into the instance folder, never a
constant, and only when a session is first needed: a reader's request writes nothing."""
from __future__ import annotations

import os
import secrets
import threading

from flask import request
from flask.sessions import SecureCookieSessionInterface

__all__ = ["InstanceKeySessions", "instance_secret_key"]

_lock = threading.Lock()


def instance_secret_key(instance_path: str) -> str:
    """The key in ``<instance>/secret_key``, made (mode 0600) on first use."""
    path = os.path.join(instance_path, "secret_key")
    with _lock:
        try:
            with open(path, encoding="ascii") as f:
                key = f.read().strip()
            if key:
                return key
        except FileNotFoundError:
            pass
        os.makedirs(instance_path, exist_ok=True)
        key = secrets.token_hex(32)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as f:
            f.write(key + "\n")
        return key


class InstanceKeySessions(SecureCookieSessionInterface):
    def _ensure_key(self, app) -> None:
        if not app.secret_key:
            app.secret_key = instance_secret_key(app.instance_path)

    def open_session(self, app, request):
        if not app.secret_key and self.get_cookie_name(app) not in request.cookies:
            return self.session_class()
        self._ensure_key(app)
        return super().open_session(app, request)

    def save_session(self, app, session, response):
        if session:
            self._ensure_key(app)
        return super().save_session(app, session, response)

    def get_cookie_secure(self, app) -> bool:
        """Secure whenever the request came over https (or the operator says so)."""
        return bool(app.config.get("SESSION_COOKIE_SECURE")) or request.is_secure

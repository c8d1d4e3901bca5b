"""One JSON error shape for every API error; HTML error pages for everything else."""
from __future__ import annotations

import logging

from flask import Flask, jsonify, render_template, request
from werkzeug.exceptions import HTTPException, InternalServerError, SecurityError

from .security import api_csp

__all__ = ["register_error_handlers", "api_error"]

log = logging.getLogger(__name__)


def api_error(message: str, status: int):
    """``{"ok": false, "error": "...", "status": 404}`` with that HTTP status."""
    response = jsonify({"ok": False, "error": message, "status": status})
    response.status_code = status
    response.headers["Content-Security-Policy"] = api_csp()
    return response


def _wants_json() -> bool:
    return request.path in ("/api", "/oembed") or request.path.startswith("/api/")


def register_error_handlers(app: Flask) -> None:
    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        status = exc.code or 500
        if isinstance(exc, SecurityError):  # an untrusted Host: never echo it back
            exc = SecurityError("This server does not answer for that host name.")
        if _wants_json():
            response = api_error(exc.description or exc.name, status)
        else:
            response = app.make_response(
                (render_template("error.html", status=status, title=exc.name,
                                 message=exc.description), status))
        if status == 405 and hasattr(exc, "valid_methods") and exc.valid_methods:
            response.headers["Allow"] = ", ".join(exc.valid_methods)
        return response

    @app.errorhandler(Exception)
    def unexpected(exc: Exception):
        if isinstance(exc, HTTPException):  # pragma: no cover - handled above
            return http_error(exc)
        log.exception("unhandled error on %s", request.path)
        return http_error(InternalServerError())

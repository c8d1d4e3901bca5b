"""The app on a real store (SQLite file, and PostgreSQL when one is given) with an
editor account, and flaskr's AuthActions for signing in with the CSRF token."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest


def _load(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


db_fixtures = sys.modules.get("chronoatlas_db_fixtures") or _load(
    "chronoatlas_db_fixtures", Path(__file__).parents[1] / "store" / "db_fixtures.py")
database_url = db_fixtures.database_url

PASSWORD = "correct horse battery"


@pytest.fixture()
def app(database_url, tmp_path):
    from web import create_app
    from web.samples import sample_story
    from web.store import get_store
    from web.auth.accounts import add_user

    app = create_app({"TESTING": True, "STORIES": [sample_story()], "RESOLVE_PLACES": False,
                      "DATABASE_URL": database_url, "SECRET_KEY": "test-" + tmp_path.name,
                      "GEOCODER": lambda q: {"query": q, "status": "resolved",
                                             "best": {"name": q, "lat": 52.08, "lon": 4.31},
                                             "candidates": []}})
    with get_store(app).session() as s:
        add_user(s, "ed", PASSWORD, "editor")
        add_user(s, "ada", PASSWORD, "admin")
    yield app
    get_store(app).dispose()


@pytest.fixture()
def client(app):
    return app.test_client()


class AuthActions:
    def __init__(self, client):
        self._client = client

    def csrf(self) -> str:
        self._client.get("/auth/login")
        with self._client.session_transaction() as session:
            return session["csrf"]

    def login(self, name="ed", password=PASSWORD):
        token = self.csrf()
        return self._client.post("/auth/login", data={"name": name, "password": password,
                                                      "csrf_token": token})

    def headers(self) -> dict:
        with self._client.session_transaction() as session:
            return {"X-CSRF-Token": session["csrf"]}


@pytest.fixture()
def auth(client):
    return AuthActions(client)

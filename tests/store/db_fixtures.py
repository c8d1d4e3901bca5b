"""Databases for the store tests: a SQLite file per test, and PostgreSQL when a server
is given in CHRONOATLAS_TEST_POSTGRES_URL (``.ci/run`` starts one). Without it the
PostgreSQL cases skip, unless CI is set, where they fail."""
from __future__ import annotations

import os
import uuid

import pytest

PG_ENV = "CHRONOATLAS_TEST_POSTGRES_URL"
BACKENDS = ["sqlite", "postgresql"]


def postgres_admin_url() -> str:
    url = os.environ.get(PG_ENV)
    if not url:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL store tests cannot run in CI: {PG_ENV} is not set")
        pytest.skip(f"no PostgreSQL server ({PG_ENV} not set)")
    return url


def fresh_url(backend: str, tmp_path) -> tuple[str, callable]:
    """A URL of an empty database and a function that drops it."""
    if backend == "sqlite":
        return f"sqlite:///{tmp_path / 'store.sqlite3'}", lambda: None
    from sqlalchemy import create_engine, text

    admin = postgres_admin_url()
    name = f"ca_test_{uuid.uuid4().hex[:12]}"
    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:
        if os.environ.get("CI"):
            raise
        pytest.skip(f"PostgreSQL at {PG_ENV} is not reachable: {exc}")
    base, _, _ = admin.rpartition("/")

    def drop():
        with engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        engine.dispose()

    return f"{base}/{name}", drop


@pytest.fixture(params=BACKENDS)
def database_url(request, tmp_path):
    url, drop = fresh_url(request.param, tmp_path)
    yield url
    drop()

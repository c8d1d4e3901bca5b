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
    "chronoatlas_db_fixtures", Path(__file__).with_name("db_fixtures.py"))
database_url = db_fixtures.database_url


@pytest.fixture()
def store(database_url):
    from web.store import Store

    s = Store(database_url)
    yield s
    s.dispose()

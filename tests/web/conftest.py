import pytest

from web import create_app
from web.samples import empty_story, generated_story, hostile_story, sample_story


@pytest.fixture(scope="session")
def stories():
    return [sample_story(), hostile_story(), empty_story(), generated_story(300, slug="gen")]


@pytest.fixture()
def app(stories):
    app = create_app({
        "TESTING": True,
        "STORIES": stories,
        "RESOLVE_PLACES": False,
        "GEOCODER": lambda q: {"query": q, "status": "resolved",
                               "best": {"name": q, "lat": 1.0, "lon": 2.0}, "candidates": []},
    })
    yield app


@pytest.fixture()
def client(app):
    return app.test_client()


@pytest.fixture()
def runner(app):
    return app.test_cli_runner()

"""A story's own theme (settings.theme, set in the studio) is how readers first see it, on
the story page and in the embed; the embed's ?theme= still overrides it."""
from __future__ import annotations

import re

from timeline.formats import load_text


def _app(theme):
    from web import create_app

    text = f"title: Dark story\nslug: dark\nsettings:\n  theme: {theme}\nevents:\n" \
           "  - title: Battle of Marathon\n    start: 490 BCE\n"
    story = load_text(text, name="dark.yaml").story
    return create_app({"TESTING": True, "STORIES": [story], "RESOLVE_PLACES": False})


def _body_class(html: str) -> str:
    return re.search(r'<body class="([^"]*)"', html).group(1)


def test_the_story_theme_is_the_default_on_the_page_and_in_the_embed():
    client = _app("dark").test_client()
    assert "theme-dark" in _body_class(client.get("/stories/dark").get_data(as_text=True))
    assert "theme-dark" in _body_class(client.get("/embed/dark").get_data(as_text=True))
    light = client.get("/embed/dark?theme=light").get_data(as_text=True)
    assert "theme-light" in _body_class(light)


def test_an_unknown_theme_falls_back_to_light():
    client = _app("'neon\" onload=x'").test_client()
    page = client.get("/stories/dark").get_data(as_text=True)
    assert "theme-" not in _body_class(page) and "neon" not in _body_class(page)
    assert "theme-light" in _body_class(client.get("/embed/dark").get_data(as_text=True))

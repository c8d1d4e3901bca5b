"""Blueprints, one per area: the library, the story view, the embed view, the JSON API."""

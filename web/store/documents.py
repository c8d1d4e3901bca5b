"""Story documents: the native JSON, validated by the shipped schema before it is kept.

A document is checked by the same reader as ``chronoatlas validate`` (every problem
located by field), then written back in its normal form, so every stored event has an
id the studio and the revision diffs can name.
"""
from __future__ import annotations

from typing import Any

from timeline.errors import StoryFormatError
from timeline.formats._collect import Collector
from timeline.formats.native import story_from_data, story_to_data
from timeline.model import Story

__all__ = ["normalise", "story_of", "StoryFormatError"]


def story_of(document: Any, *, name: str = "story") -> Story:
    """The Story a document holds; StoryFormatError with every problem otherwise."""
    return story_from_data(document, Collector(name)).story


def normalise(document: Any, *, name: str = "story") -> tuple[dict[str, Any], Story]:
    """The document in normal form and its Story (ids filled, dates in machine form)."""
    story = story_of(document, name=name)
    data = story_to_data(story)
    # Keep what the reader leaves aside but the schema allows (x- members of the story).
    if isinstance(document, dict):
        for key, value in document.items():
            if key.startswith("x-"):
                data[key] = value
    return data, story

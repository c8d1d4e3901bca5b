"""What a story is called on the site: its slug (URL- and file-safe, unique) and the name
its source is shown under (a file's name, never the server's path)."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Iterable

from timeline.model import Story, slugify

__all__ = ["story_slug", "source_name"]

_SAFE_SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]{0,79}$")


def story_slug(story: Story, hint: str | None = None, taken: Iterable[str] = ()) -> str:
    """The slug a story is served under: its own when that is already URL- and file-safe,
    else one made from it (or the hint, or the title), unique among ``taken``. The same
    rule for every source, so a slug such as ``a/b`` is never listed and then 404."""
    slug = story.slug or ""
    if not _SAFE_SLUG.match(slug):
        slug = slugify(story.slug or hint or story.title or "", fallback="story")
    base, n, taken = slug, 2, set(taken)
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def source_name(source: Any) -> str:
    """How a source is named to readers of ``/`` and the terminal: a file's name, never
    the server's absolute path; a Story value by its title."""
    if isinstance(source, Story):
        return source.title or "story"
    text = str(source)
    if text in ("-", ""):
        return "<stdin>"
    return Path(text).name or text

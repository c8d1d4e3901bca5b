"""New story documents: from article text (the CLI's extraction), an uploaded story
file (the CLI's readers, every problem located), or nothing."""
from __future__ import annotations

from pathlib import PurePath

from timeline.formats import load_text
from timeline.formats.native import story_to_data

ARTICLE_SUFFIXES = {".txt", ".html", ".htm"}
STORY_SUFFIXES = {".csv", ".json", ".yaml", ".yml"}


class DraftError(ValueError):
    """Bad input that is not a story file's problem (no text, a bad date)."""


def from_article(raw: str | bytes, published: str | None,
                 title: str | None = None) -> tuple[dict, list[str], str]:
    """The draft, the extractor's notes, and the article text as the extractor read it
    (events' ``provenance`` offsets point into that text, kept beside the story)."""
    from timeline.dates import DateError, parse_date
    from timeline.extract import ArticleError, extract
    from timeline.extract.article import read_article

    date = None
    if published:
        try:
            date = parse_date(str(published)[:100])
        except DateError as exc:
            raise DraftError(f"published: {exc}") from None
    try:
        result = extract(raw, published=date, title=title or None)
        text = read_article(raw).text
    except ArticleError as exc:
        raise DraftError(str(exc)) from None
    return story_to_data(result.story), list(result.notes), text


def from_file(name: str, data: bytes) -> dict:
    """A story file's document; StoryFormatError (every problem located) when it is bad."""
    from timeline.errors import Problem, StoryFormatError
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise StoryFormatError([Problem("not UTF-8 text", file=name, line=line,
                                        expected="a UTF-8 encoded text file")], name) from None
    return story_to_data(load_text(text, name=name).story)


def blank(title: str | None = None) -> dict:
    return {"title": (title or "Untitled story").strip()[:500] or "Untitled story", "events": []}


def suffix(name: str) -> str:
    return PurePath(name or "").suffix.lower()

"""An article's parts: title, byline, dateline, body and hashtags, found in plain text.

Journalists paste what they have: a headline line, a source line, a "MOSCOW:" dateline,
sometimes HTML. This module finds those parts so that event extraction reads the body
only, and so that a dateline can stand in as the article's main place.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from gazetteer.text import TextInputError, prepare_text

from .segment import Span, paragraphs

# Everything the extractor reads is bounded; larger input is refused with a message.
MAX_ARTICLE_CHARS = 5_000_000


class ArticleError(ValueError):
    """Input that is not article text (binary data, too large)."""


@dataclass
class Article:
    text: str
    title: Span | None = None
    byline: Span | None = None
    dateline: Span | None = None  # the place name, e.g. "MOSCOW"
    body: list[Span] = field(default_factory=list)  # paragraphs after the headers
    hashtags: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’\- ]{1,40}?[A-Z.])(?:\s*,\s*[A-Z][\w.'’\- ]{0,40}?)?"
    r"(?:\s*\([^)]{1,40}\))?\s*(?::|—|–|--| - )\s*"
)
_BYLINE = re.compile(r"^(?:by\s+\S.*|[A-Z][\w.&’'\- ]{1,60})$", re.I)
_HASHTAGS = re.compile(r"^(?:\s*#\w+[,;]?\s*)+$")
def read_article(raw: str | bytes) -> Article:
    """Split raw input into an :class:`Article`; binary junk raises ArticleError."""
    if len(raw) > MAX_ARTICLE_CHARS:
        raise ArticleError(f"the article is {len(raw):,} characters; at most "
                           f"{MAX_ARTICLE_CHARS:,} are read")
    try:
        raw, notes = prepare_text(raw)
    except TextInputError as exc:
        raise ArticleError(str(exc)) from None
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    article = Article(text=text, notes=notes)

    paras = paragraphs(text)
    # Trailing hashtag lines are metadata, not prose.
    while paras and _HASHTAGS.match(paras[-1].text):
        article.hashtags[:0] = re.findall(r"#(\w+)", paras[-1].text)
        paras.pop()
    index = 0
    if paras and _is_heading(paras[0].text) and len(paras) > 1:
        article.title = paras[0]
        index = 1
    if index < len(paras) and _is_byline(paras[index].text) and len(paras) > index + 1:
        article.byline = paras[index]
        index += 1
    body = paras[index:]
    if body:
        m = _DATELINE.match(body[0].text)
        if m and len(m.group("place").split()) <= 4 and m.group("place").upper() == m.group("place"):
            start = body[0].start + m.start("place")
            article.dateline = Span(start, start + len(m.group("place")), m.group("place"))
    article.body = body
    return article


def _is_heading(text: str) -> bool:
    return "\n" not in text and len(text) <= 250 and not text.rstrip().endswith((".", "!", "?"))


def _is_byline(text: str) -> bool:
    return "\n" not in text and len(text) <= 80 and not text.rstrip().endswith(".") \
        and bool(_BYLINE.match(text.strip())) and not _DATELINE.match(text)


def place_name(dateline: str) -> str:
    """"MOSCOW" -> "Moscow", "NEW YORK" -> "New York", "ST. PETERSBURG" -> "St. Petersburg"."""
    return " ".join(w.capitalize() if w.isupper() else w for w in html.unescape(dateline).split())

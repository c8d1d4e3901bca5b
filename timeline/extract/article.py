"""An article's parts: title, byline, dateline, body and hashtags, found in plain text.

Journalists paste what they have: a headline line, a source line, a "MOSCOW:" dateline,
sometimes HTML. This module finds those parts so that event extraction reads the body
only, and so that a dateline can stand in as the article's main place.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

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
_TAG = re.compile(r"</?(?:p|div|span|a|b|i|em|strong|br|h[1-6]|ul|ol|li|html|body|head|"
                  r"article|section|script|style|table|tr|td|img|meta|title)\b[^>]*>", re.I)


class _TextOnly(HTMLParser):
    """HTML to text: block elements become line breaks; script and style vanish."""

    _BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "article",
               "section", "title", "header", "footer", "blockquote"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "noscript", "template"):
            self._skip += 1
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style", "noscript", "template"):
            self._skip = max(0, self._skip - 1)
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    parser = _TextOnly()
    parser.feed(markup)
    parser.close()
    text = "".join(parser.parts)
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    return re.sub(r"\n\s*\n+", "\n\n", "\n".join(line.strip() for line in text.split("\n"))).strip()


def read_article(raw: str | bytes) -> Article:
    """Split raw input into an :class:`Article`; binary junk raises ArticleError."""
    notes: list[str] = []
    if isinstance(raw, bytes):
        if b"\x00" in raw[:4096]:
            raise ArticleError("this looks like binary data, not article text")
        try:
            raw = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raw = raw.decode("latin-1")
            notes.append("the input was not UTF-8; read it as Latin-1")
    if len(raw) > MAX_ARTICLE_CHARS:
        raise ArticleError(f"the article is {len(raw):,} characters; at most "
                           f"{MAX_ARTICLE_CHARS:,} are read")
    sample = raw[:20000]
    if sample:
        odd = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\n\r\t") or ch == "\ufffd")
        if odd / len(sample) > 0.05:
            raise ArticleError("this looks like binary data, not article text")
    if len(_TAG.findall(raw[:200000])) >= 3:
        raw = html_to_text(raw)
        notes.append("HTML tags were stripped; offsets refer to the text without them")
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

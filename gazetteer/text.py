"""Untrusted text in: decoding, binary detection and HTML stripping, in one place.

Both ``chronoatlas geoparse`` and article extraction take whatever a user pastes or
pipes; this module turns it into text (or refuses it clearly) and says what it did, so
that character offsets are understood to refer to the cleaned text.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

_TAG = re.compile(r"</?(?:p|div|span|a|b|i|em|strong|br|h[1-6]|ul|ol|li|html|body|head|article|"
                  r"section|script|style|table|tr|td|img|meta|title)\b[^>]*>", re.I)
_HIDDEN = ("script", "style", "noscript", "template")


class TextInputError(ValueError):
    """Input that is not text (binary data) or is not readable as such."""


class _TextOnly(HTMLParser):
    """HTML to text: block elements become line breaks; script and style vanish."""

    _BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "article",
               "section", "title", "header", "footer", "blockquote"}

    def __init__(self, blocks=None, hidden=None) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0
        self._blocks = self._BLOCKS if blocks is None else blocks
        self._hidden = _HIDDEN if hidden is None else hidden

    def handle_starttag(self, tag, attrs):
        if tag in self._hidden:
            self._skip += 1
        elif tag in self._blocks:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self._hidden:
            self._skip = max(0, self._skip - 1)
        elif tag in self._blocks:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def html_text(markup: str, *, blocks=None, hidden=None) -> str:
    """The text of HTML with a line break at each block element's edges and hidden
    elements left out; callers tidy the white space their own way."""
    parser = _TextOnly(blocks, hidden)
    parser.feed(markup)
    parser.close()
    return "".join(parser.parts)


def html_to_text(markup: str) -> str:
    """The readable text of an HTML document, paragraphs separated by blank lines."""
    text = re.sub(r"[ \t\r\f\v]+", " ", html_text(markup))
    lines = "\n".join(line.strip() for line in text.split("\n"))
    return re.sub(r"\n\s*\n+", "\n\n", lines).strip()


def looks_like_html(text: str) -> bool:
    return len(_TAG.findall(text[:200_000])) >= 3


def prepare_text(raw: str | bytes) -> tuple[str, list[str]]:
    """Text from raw input, and notes on what was done to it.

    Raises TextInputError for binary data. HTML is reduced to its text (offsets then
    refer to that text, which the notes say).
    """
    notes: list[str] = []
    if isinstance(raw, bytes):
        if b"\x00" in raw[:65536]:
            raise TextInputError("this looks like binary data, not text")
        try:
            raw = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raw = raw.decode("latin-1")
            notes.append("the input was not UTF-8; read it as Latin-1")
    if not isinstance(raw, str):
        raise TextInputError("expected text")
    sample = raw[:65536]
    if sample:
        odd = sum(1 for ch in sample
                  if (ord(ch) < 32 and ch not in "\n\r\t\f") or ch == "\ufffd" or "\x7f" <= ch <= "\x9f")
        if odd / len(sample) > 0.05:
            raise TextInputError("this looks like binary data, not text")
    if looks_like_html(raw):
        raw = html_to_text(raw)
        notes.append("HTML tags were stripped; offsets refer to the text without them")
    return raw, notes

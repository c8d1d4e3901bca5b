"""TimelineJS and StoryMapJS text is HTML: plain text from it, for titles, search,
geoparsing and the PDF handout. The stored text is never changed; this is a view of it.
"""
from __future__ import annotations

import html
import re

from gazetteer.text import html_text

__all__ = ["looks_like_html", "plain_text", "title_from"]

_BLOCK = {"p", "div", "br", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "tr",
          "ul", "ol", "cite", "hr"}
_SKIP = {"script", "style", "iframe", "object", "template"}
_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9-]*(\s[^<>]*)?/?>")


def looks_like_html(text: str | None) -> bool:
    return bool(text) and _TAG.search(text) is not None


def plain_text(text: str | None) -> str:
    """The words of an HTML fragment, paragraphs on their own lines; text without tags
    comes back with only its entities decoded."""
    if not text:
        return ""
    if not looks_like_html(text):
        return html.unescape(text)
    joined = html_text(text, blocks=_BLOCK, hidden=_SKIP)
    lines = [" ".join(line.split()) for line in joined.split("\n")]
    return "\n".join(line for line in lines if line)


def title_from(*candidates: str | None, limit: int = 80) -> str | None:
    """A one-line name from the first non-empty HTML candidate (headline, text, caption).

    Text without tags only has its entities decoded, so a title written out as escaped
    HTML ("AT&amp;T") comes back exactly ("AT&T")."""
    for candidate in candidates:
        if not candidate or not candidate.strip():
            continue
        if looks_like_html(candidate):
            words = " ".join(plain_text(candidate).split())
        else:
            words = html.unescape(candidate).strip()
        if words:
            return words if len(words) <= limit else words[: limit - 1].rstrip() + "…"
    return None

"""Event text for readers: TimelineJS and StoryMapJS text is HTML, chronoatlas's own is
Markdown. Either becomes sanitised HTML here, on the server, so the viewer only ever
inserts trusted markup.

The allow-list keeps what a story's prose needs (paragraphs, links, line breaks, emphasis,
lists, blockquotes) and nothing that runs or loads: no script, style, iframe, SVG, form,
event handler or ``style`` attribute. Pictures and embeds inside the text are not shown
inline: :func:`embedded_media` lifts them out so they go through the media rules
(:mod:`web.content.media`) like the event's own media, never as a silent request.
"""
from __future__ import annotations

import re
from functools import lru_cache
from html.parser import HTMLParser

import nh3
from markdown_it import MarkdownIt

from timeline.htmltext import looks_like_html

from .markdown import render_markdown

__all__ = ["render_text", "render_inline", "clean_html", "embedded_media", "is_html", "LINK_REL"]

LINK_REL = "noopener noreferrer nofollow"
SCHEMES = {"http", "https", "mailto"}

_BLOCK_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "cite", "code", "dd", "del", "div", "dl", "dt",
    "em", "h3", "h4", "h5", "h6", "hr", "i", "ins", "li", "mark", "ol", "p", "pre", "q", "s",
    "small", "span", "strong", "sub", "sup", "u", "ul",
}
_INLINE_TAGS = {"a", "abbr", "b", "br", "cite", "code", "em", "i", "mark", "q", "s", "small",
                "span", "strong", "sub", "sup", "u"}
_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "q": {"cite"}}
# Removed with everything inside them (the rest lose only their tags).
_DROP_CONTENT = {"script", "style", "template", "iframe", "object", "embed", "svg", "math",
                 "noscript", "textarea", "select", "title", "head"}


def _clean(html: str, tags: set[str]) -> str:
    return nh3.clean(
        html,
        tags=tags,
        clean_content_tags=_DROP_CONTENT,
        attributes=_ATTRIBUTES,
        url_schemes=SCHEMES,
        link_rel=LINK_REL,
        set_tag_attribute_values={"a": {"target": "_blank"}},
        strip_comments=True,
    )


def clean_html(html: str) -> str:
    """``html`` kept to the text allow-list, as it is (no Markdown reading)."""
    return _clean(html, _BLOCK_TAGS).strip()


# Markdown a writer mixes with inline HTML: emphasis, links, headings, lists, quotes, code.
_MARKDOWN = re.compile(r"\*\*\S|__\S|\]\([^)\s]+\)|`[^`\n]+`|^\s{0,3}(?:#{1,6}\s|[-*+]\s|>\s?|\d+[.)]\s)",
                       re.MULTILINE)
_md_html = MarkdownIt("commonmark", {"html": True, "linkify": False}).enable(["table", "strikethrough"])


def is_html(text: str | None) -> bool:
    """Whether text is HTML (TimelineJS, StoryMapJS) rather than Markdown: it has tags
    and no Markdown syntax. Markdown with some inline HTML stays Markdown."""
    return looks_like_html(text) and not _MARKDOWN.search(text)


@lru_cache(maxsize=4096)
def render_text(text: str | None) -> str:
    """Sanitised HTML for an event's text: HTML (TimelineJS) is cleaned as it is,
    Markdown is rendered (its inline HTML too), then cleaned the same way."""
    if not text or not text.strip():
        return ""
    if is_html(text):
        return clean_html(text)
    if looks_like_html(text):
        return clean_html(_md_html.render(text))
    return render_markdown(text)


@lru_cache(maxsize=4096)
def render_inline(text: str | None) -> str:
    """Sanitised inline HTML for a headline, caption or credit (no paragraphs or lists;
    text without tags is escaped)."""
    if not text or not text.strip():
        return ""
    return _clean(text, _INLINE_TAGS).strip()


class _Embeds(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[dict[str, str]] = []

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        if tag in ("img", "iframe", "video", "audio", "source", "embed") and a.get("src"):
            self.found.append({"url": a["src"].strip(), "alt": a.get("alt") or a.get("title") or ""})


_MD_IMAGE = re.compile(r"!\[([^\]\n]{0,300})\]\(\s*<?([^)\s>]{1,2000})>?(?:\s+\"[^\"]*\")?\s*\)")


def embedded_media(text: str | None, limit: int = 20) -> list[dict[str, str]]:
    """``[{url, alt}]`` of pictures and embeds inside the text (HTML tags, or Markdown
    ``![alt](url)``), in order (at most ``limit``), so the viewer can offer them as
    media instead of dropping them."""
    if not text:
        return []
    if not looks_like_html(text):
        return [{"url": m.group(2), "alt": m.group(1)} for m in _MD_IMAGE.finditer(text)][:limit]
    parser = _Embeds()
    try:
        parser.feed(text)
        parser.close()
    except Exception:  # html.parser is lenient; a pathological fragment just yields nothing
        return []
    seen, out = set(), []
    for item in parser.found:
        if item["url"] not in seen:
            seen.add(item["url"])
            out.append(item)
    return out[:limit]

"""Event text for readers: TimelineJS and StoryMapJS text is HTML, chronoatlas's own is
Markdown. Either becomes sanitised HTML here, on the server, so the viewer only ever
inserts trusted markup.

The allow-list keeps what a story's prose needs (paragraphs, links, line breaks, emphasis,
lists, blockquotes) and nothing that runs or loads: no script, style, iframe, SVG, form,
event handler or ``style`` attribute. Pictures and embeds inside the text are not shown
inline: :func:`embedded_media` lifts them out so they go through the media rules
(:mod:`web.media`) like the event's own media, never as a silent request.
"""
from __future__ import annotations

from functools import lru_cache
from html.parser import HTMLParser

import nh3

from timeline.htmltext import looks_like_html

from .markdown import render_markdown

__all__ = ["render_text", "render_inline", "clean_html", "embedded_media", "LINK_REL"]

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


@lru_cache(maxsize=4096)
def render_text(text: str | None) -> str:
    """Sanitised HTML for an event's text: HTML (TimelineJS) is cleaned as it is,
    anything without tags is read as Markdown."""
    if not text or not text.strip():
        return ""
    if looks_like_html(text):
        return clean_html(text)
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


def embedded_media(text: str | None, limit: int = 20) -> list[dict[str, str]]:
    """``[{url, alt}]`` of pictures and embeds inside HTML text, in order (at most
    ``limit``), so the viewer can offer them as media instead of dropping them."""
    if not text or not looks_like_html(text):
        return []
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

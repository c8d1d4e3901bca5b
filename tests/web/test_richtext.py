"""Event text for readers: TimelineJS HTML kept to an allow-list, Markdown rendered."""
from __future__ import annotations

import re

import pytest

from web.exports.handout import plain_text
from web.content.richtext import embedded_media, render_inline, render_text

HOSTILE = [
    '<script>window.__pwned=1</script>',
    '<img src=x onerror="window.__pwned=2">',
    '<a href="javascript:window.__pwned=3">x</a>',
    '<a href="JaVaScRiPt&colon;window.__pwned=4">x</a>',
    '<a href=" javascript:alert(5)">x</a>',
    '<svg onload="window.__pwned=6"><script>alert(6)</script></svg>',
    '<iframe src="https://evil.example/" srcdoc="<script>alert(7)</script>"></iframe>',
    '<style>body{background:url(https://evil.example/)}</style><p style="background:url(https://evil.example/)">s</p>',
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(8)>',
    '<form action="https://evil.example/"><input name=q><button>go</button></form>',
    '<object data="https://evil.example/x.swf"></object><embed src="https://evil.example/e">',
    '<p onclick="alert(9)" class="lead" id="x">para</p>',
    '<a href="data:text/html,<script>alert(10)</script>">d</a>',
    '<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=https://evil.example/">',
    '<noscript><p title="</noscript><img src=x onerror=alert(11)>"></noscript>',
]
_BAD = re.compile(r"<(script|style|iframe|svg|math|img|form|input|object|embed|base|meta)\b|\son\w+=|javascript:|"
                  r"srcdoc|style=|data:text", re.I)


@pytest.mark.parametrize("html", HOSTILE)
def test_hostile_html_keeps_nothing_that_runs_or_loads(html):
    for out in (render_text(html), render_inline(html), render_text(html + "\n\n" + html)):
        assert not _BAD.search(out), out


def test_timelinejs_text_keeps_paragraphs_links_breaks_emphasis_lists_quotes():
    html = ('<p class="lead">Take <a href="https://en.wikipedia.org/wiki/Ada_Lovelace">Ada</a>,'
            '<br/> <em>first</em> <strong>programmer</strong></p><ul><li>one</li></ul>'
            '<ol><li>two</li></ol><blockquote>said <cite>her</cite></blockquote><span class="tl-note">n</span>')
    out = render_text(html)
    assert '<a href="https://en.wikipedia.org/wiki/Ada_Lovelace" target="_blank" rel="noopener noreferrer nofollow">Ada</a>' in out
    for tag in ("<p>", "<br>", "<em>", "<strong>", "<ul><li>", "<ol><li>", "<blockquote>", "<cite>"):
        assert tag in out
    assert "class=" not in out


def test_markdown_text_is_still_markdown():
    out = render_text("Read **this**: [site](https://example.org)\n\nsecond")
    assert "<strong>this</strong>" in out and out.count("<p>") == 2
    assert 'href="https://example.org"' in out


def test_markdown_with_inline_html_is_markdown_and_its_html_is_cleaned():
    out = render_text("**bold** and [a link](https://x.org) <b onclick='x'>tag</b><script>alert(1)</script>")
    assert out == ('<p><strong>bold</strong> and <a href="https://x.org" target="_blank" '
                   'rel="noopener noreferrer nofollow">a link</a> <b>tag</b></p>')


def test_headline_html_is_inline_only():
    assert render_inline("Whitney Houston<br/> 1963 - 2012") == "Whitney Houston<br> 1963 - 2012"
    assert render_inline("<p>a</p><ul><li>b</li></ul>") == "ab"
    assert render_inline("AT&T <3") == "AT&amp;T &lt;3"


def test_pictures_in_text_become_media_not_inline_requests():
    html = '<p>x <img src="https://upload.wikimedia.org/a.jpg" alt="A"></p><iframe src="https://www.youtube.com/embed/aPweFhhXFvY"></iframe>'
    assert embedded_media(html) == [{"url": "https://upload.wikimedia.org/a.jpg", "alt": "A"},
                                    {"url": "https://www.youtube.com/embed/aPweFhhXFvY", "alt": ""}]
    assert "<img" not in render_text(html) and "<iframe" not in render_text(html)
    assert embedded_media("no tags here") == []
    assert embedded_media('A ![the pic](https://evil.example/p.png "t") b') == [
        {"url": "https://evil.example/p.png", "alt": "the pic"}]


def test_handout_prints_html_as_text():
    text = plain_text('<p>Take <a href="https://x.org">Ada</a> &amp; <b>Babbage</b></p>'
                      '<script>alert(1)</script><p>Second</p>')
    assert text == "Take Ada & Babbage\n\nSecond"

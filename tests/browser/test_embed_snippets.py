"""The Embed dialog's responsive code (pym.js, or no library) makes a host page's frame
take the story's height; the oEmbed answer survives what WordPress does to an embed from
a provider it does not trust (discovery in the page's first 150 KB of <head>, kses down
to a bare iframe, its own sandbox, "#?secret=" on the src and wp-embed.js' height
messages, clamped to 200-1000 px)."""
from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote

import pytest

PYM = Path(__file__).resolve().parent / "vendor" / "pym.js-1.3.2" / "pym.v1.min.js"
PYM_CDN = "https://pym.nprapps.org/pym.v1.min.js"


def _snippet(page, live_server, kind):
    page.goto(f"{live_server}/stories/sample")
    page.wait_for_function("() => document.documentElement.dataset.chronoatlas === 'ready'")
    page.click("#ca-embed-open")
    page.select_option("#ca-embed-kind", kind)
    page.fill("#ca-embed-height", "300")
    code = page.input_value("#ca-embed-code")
    page.click("#ca-embed-close")
    return code


def _host(page, url, body):
    page.route(url, lambda route: route.fulfill(status=200, content_type="text/html",
                                                body=f"<!doctype html><title>article</title><p>Text.</p>{body}"))
    page.goto(url)


def _framed_vs_inner(page):
    page.wait_for_function("() => document.querySelector('iframe') !== null")
    page.frame_locator("iframe").locator("html[data-chronoatlas=ready]").wait_for(state="attached")
    page.wait_for_function("() => document.querySelector('iframe').getBoundingClientRect().height > 400")
    framed = page.evaluate("document.querySelector('iframe').getBoundingClientRect().height")
    inner = page.frames[1].evaluate("Math.ceil(document.documentElement.getBoundingClientRect().height)")
    return framed, inner


@pytest.mark.parametrize("kind", ["pym", "script"])
def test_responsive_snippets_size_the_frame(page, live_server, kind):
    code = _snippet(page, live_server, kind)
    assert 'height="300"' not in code or kind == "script"  # the script one starts at the chosen height
    if kind == "pym":
        assert PYM_CDN in code and "data-pym-src=" in code and 'data-pym-sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"' in code
        # the host page's copy of pym.js, served from the test (no network)
        code = code.replace(PYM_CDN, f"{live_server}/__vendor/pym.js")
        page.route(f"{live_server}/__vendor/pym.js", lambda route: route.fulfill(
            status=200, content_type="application/javascript", body=PYM.read_text(encoding="utf-8")))
    _host(page, f"{live_server}/__article-{kind}", code)
    framed, inner = _framed_vs_inner(page)
    assert abs(framed - inner) <= 2, (framed, inner)


def _wp_discover(html: str) -> str:
    """WordPress's WP_oEmbed::discover: the first 150 KB, up to </head>, a <link> with
    type application/json+oembed; the href's entities decoded."""
    head = html.encode()[:153600].decode(errors="ignore")
    assert "</head>" in head.lower()
    head = head[:head.lower().index("</head>")]
    for tag in re.findall(r"<link([^<>]+)>", head, re.I):
        if re.search(r"type=([\"'])application/json\+oembed\1", tag, re.I):
            return re.search(r"href=([\"'])([^\"']+)\1", tag).group(2).replace("&amp;", "&")
    raise AssertionError("no oEmbed discovery link in the page's head")


def _wp_filter(html: str, secret: str) -> str:
    """wp_filter_oembed_result for an untrusted provider: only an iframe with src, width,
    height, frameborder, marginwidth, marginheight, scrolling, title; WordPress's own class,
    sandbox and security; "#?secret=" on the src and data-secret."""
    m = re.search(r"<iframe\b([^>]*)>\s*</iframe>", html)
    assert m, html
    keep = dict(re.findall(r'\b(src|width|height|frameborder|marginwidth|marginheight|scrolling|title)="([^"]*)"', m.group(1)))
    keep["src"] = keep["src"].replace("&amp;", "&") + "#?secret=" + secret
    attrs = " ".join(f'{k}="{v}"' for k, v in keep.items())
    return (f'<iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted" '
            f'{attrs} data-secret="{secret}"></iframe>')


# wp-embed.js' receiver, in short: a height message with the frame's secret sets its height
WP_EMBED = """<script>window.addEventListener('message', function (e) {
  var d = e.data; if (!d || !d.secret || /[^a-zA-Z0-9]/.test(d.secret) || d.message !== 'height') return;
  document.querySelectorAll('iframe[data-secret="' + d.secret + '"]').forEach(function (f) {
    if (f.contentWindow !== e.source) return;
    var h = parseInt(d.value, 10); if (h > 1000) h = 1000; else if (~~h < 200) h = 200;
    f.height = h; });
});</script>"""


def test_oembed_works_as_wordpress_consumes_it(page, live_server):
    import urllib.request

    story_url = f"{live_server}/stories/sample"
    with urllib.request.urlopen(story_url) as r:
        endpoint = _wp_discover(r.read().decode())
    # WordPress asks with its content width: maxwidth=600, maxheight=min(1.5 x 600, 1000)
    with urllib.request.urlopen(endpoint + "&maxwidth=600&maxheight=900&dnt=1") as r:
        assert r.headers.get_content_type() == "application/json"
        data = json.load(r)
    assert data["type"] == "rich" and data["version"] == "1.0"
    assert isinstance(data["html"], str) and data["provider_name"] and data["provider_url"].startswith(live_server)
    assert data["width"] <= 600 and data["height"] <= 900 and data["title"]
    wp_html = _wp_filter(data["html"], "Ab12Cd34Ef")
    assert f'width="{data["width"]}"' in wp_html and f'height="{data["height"]}"' in wp_html
    assert unquote(re.search(r'src="([^"]+)"', wp_html).group(1)).startswith(f"{live_server}/embed/sample")

    _host(page, f"{live_server}/__wordpress-post", wp_html + WP_EMBED)
    page.frame_locator("iframe").locator("html[data-chronoatlas=ready]").wait_for(state="attached")
    # wp-embed takes the story's height (within its 1000 px cap)
    page.wait_for_function("() => document.querySelector('iframe').getAttribute('height') !== '%d'" % data["height"])
    inner = page.frames[1].evaluate("Math.ceil(document.documentElement.getBoundingClientRect().height)")
    assert int(page.get_attribute("iframe", "height")) == min(1000, max(200, inner))

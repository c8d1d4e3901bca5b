"""The single-file widget and the static site, as files: size, policy, inertness, links."""
from __future__ import annotations

import base64
import gzip
import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from web.samples import hostile_story, sample_story
from web.exports.widget import build_site, widget_html

MB = 1_000_000


class Tags(HTMLParser):
    """Start tags with attributes, and the text of every <script>/<style> element."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.tags: list[tuple[str, dict]] = []
        self.blocks: list[tuple[str, dict, str]] = []
        self._open = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag in ("script", "style"):
            self._open = (tag, attrs, [])

    def handle_data(self, data):
        if self._open:
            self._open[2].append(data)

    def handle_endtag(self, tag):
        if self._open and tag == self._open[0]:
            self.blocks.append((self._open[0], self._open[1], "".join(self._open[2])))
            self._open = None


def parse(html: str) -> Tags:
    p = Tags()
    p.feed(html)
    p.close()
    return p


def csp_of(tags: Tags) -> dict[str, list[str]]:
    metas = [a for t, a in tags.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert len(metas) == 1
    out = {}
    for part in metas[0]["content"].split(";"):
        words = part.split()
        out[words[0]] = words[1:]
    return out


def sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


@pytest.fixture(scope="module")
def sample_html():
    return widget_html(sample_story(), resolve=False)


@pytest.fixture(scope="module")
def hostile_html():
    return widget_html(hostile_story(), resolve=False)


def test_demo_widget_within_size_goal(demo_widget):
    raw = demo_widget.read_bytes()
    assert len(raw) <= 1.5 * MB, len(raw)
    assert len(gzip.compress(raw, 9)) <= 450_000
    # the viewer's parts, all inline: data, config, basemap and the glue
    html = raw.decode()
    for marker in ('id="ca-data"', 'id="ca-config"', 'id="ca-basemap"', "window.chronoatlas = api"):
        assert marker in html
    data = json.loads(re.search(r'id="ca-data">(.*?)</script>', html, re.S).group(1))
    assert any(e["id"] == "khalkhin-gol" and e["p"][0][0] for e in data["events"])
    assert all("x" in e for e in data["events"]), "event text must be inline (no server to ask)"


def test_widget_policy_hashes_every_inline_block(sample_html):
    tags = parse(sample_html)
    csp = csp_of(tags)
    assert csp["default-src"] == ["'none'"]
    assert csp["connect-src"] == ["'none'"]
    assert csp["img-src"] == ["data:"]
    flat = " ".join(w for words in csp.values() for w in words)
    assert "unsafe-inline" not in flat and "unsafe-eval" not in flat and "http" not in flat
    scripts = [(a, text) for t, a, text in tags.blocks if t == "script"]
    code = [text for a, text in scripts if a.get("type") != "application/json"]
    assert len(code) >= 5  # Leaflet, Vega, vega-interpreter, map, glue
    assert sorted(csp["script-src"]) == sorted({sha(t) for t in code})
    styles = [text for t, a, text in tags.blocks if t == "style"]
    assert sorted(csp["style-src"]) == sorted({sha(t) for t in styles})
    assert "frame-ancestors" not in csp  # ignored (and logged) in a <meta>


def test_widget_links_nothing(sample_html):
    tags = parse(sample_html)
    for tag, attrs in tags.tags:
        assert "style" not in attrs and not [a for a in attrs if a.startswith("on")], (tag, attrs)
        assert not (tag == "script" and "src" in attrs)
        assert not (tag == "link" and attrs.get("rel") == "stylesheet")
        for key in ("src", "href"):
            value = attrs.get(key)
            if value is not None:
                assert value.startswith(("data:", "#")), (tag, attrs)
    assert "/api/" not in sample_html
    # Leaflet's control images travel inline too
    assert "url(images/" not in sample_html and "url(\"data:image/png;base64," in sample_html


def test_widget_ships_only_what_the_viewer_runs(sample_html):
    from web.vendor import STATIC, VEGA_LITE_SCRIPT
    vega_lite = (STATIC / VEGA_LITE_SCRIPT).read_text(encoding="utf-8")
    assert vega_lite[1000:1200] not in sample_html  # compiled on the server: not shipped
    assert "MarkerClusterGroup" not in sample_html  # the glue clusters: never the plugin's script
    assert ".marker-cluster-small" not in sample_html  # 8 places: no clustering, no cluster styles
    from web.samples import generated_story
    big = widget_html(generated_story(400, slug="big"), resolve=False)
    assert "MarkerClusterGroup" not in big and ".marker-cluster-small" in big


def test_hostile_story_stays_inert(hostile_html):
    tags = parse(hostile_html)
    csp = csp_of(tags)
    # every executable block is one the exporter wrote (its hash is in the policy)...
    for tag, attrs, text in tags.blocks:
        if tag == "script" and attrs.get("type") != "application/json":
            assert sha(text) in csp["script-src"]
            assert "__pwned" not in text  # story text never becomes code
    assert [t for t, _ in tags.tags].count("script") == len([b for b in tags.blocks if b[0] == "script"])
    # ...and none of them carries the payloads as code
    outside = re.sub(r'<script type="application/json" id="ca-(data|config|basemap)">.*?</script>', "",
                     hostile_html, flags=re.S)
    assert "<script>window.__pwned" not in outside and "<b onmouseover" not in outside
    assert not [t for t, _ in tags.tags if t in ("img", "iframe", "svg", "object", "embed")]
    for _, attrs in tags.tags:
        for key in ("href", "src"):
            assert not (attrs.get(key) or "").lower().startswith("javascript:")
    for block in re.findall(r'<script type="application/json" id="ca-\w+">(.*?)</script>', hostile_html, re.S):
        assert "</" not in block and "<script" not in block and "<!--" not in block
    # the story asked for a tile layer: the widget draws no tiles at all
    assert "evil.example" not in outside and "L.tileLayer" not in outside
    assert "<title>&lt;/script&gt;&lt;script&gt;window.__pwned=10&lt;/script&gt; ${window.__pwned=11}</title>" \
        in hostile_html


def test_cli_export_html(tmp_path):
    from web.cli import main

    out = tmp_path / "sample.html"
    result = CliRunner().invoke(main, ["export", "demo", "--to", "html", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("<!doctype html>")
    result = CliRunner().invoke(main, ["export", "demo", "--to", "html"])
    assert result.exit_code == 0 and result.output.startswith("<!doctype html>")
    assert 'id="ca-basemap"' in result.output


def test_cli_export_site(tmp_path):
    from web.cli import main

    result = CliRunner().invoke(main, ["export", "demo", "--to", "site"])
    assert result.exit_code != 0 and "folder" in result.output
    result = CliRunner().invoke(main, ["export", "demo", "--to", "site", "-o", str(tmp_path / "site")])
    assert result.exit_code == 0, result.output
    for rel in ("index.html", "stories/demo.html", "embed/demo.html", "data/demo.json",
                "assets/basemap.js", "assets/maps/demo.js", "assets/chronoatlas.js"):
        assert (tmp_path / "site" / rel).is_file(), rel


def _refs(html: str) -> list[str]:
    return [v for t, a in parse(html).tags for k, v in a.items() if k in ("src", "href") and v]


def test_site_structure_and_relative_urls(site_dir: Path):
    index = (site_dir / "index.html").read_text(encoding="utf-8")
    slugs = ["demo", "sample", "hostile", "gen"]
    for slug in slugs:
        assert f'href="stories/{slug}.html"' in index and f'href="embed/{slug}.html"' in index
        data = json.loads((site_dir / "data" / f"{slug}.json").read_text(encoding="utf-8"))
        assert data["slug"] == slug and data["events"]
    pages = [index] + [(site_dir / d / f"{s}.html").read_text(encoding="utf-8")
                       for s in slugs for d in ("stories", "embed")]
    for html in pages:
        assert "/api/" not in html
        for ref in _refs(html):
            assert not ref.startswith(("/", "http:", "https:", "javascript:")), ref
            target = ref.split("#")[0].split("?")[0]
            if target and not ref.startswith("data:"):
                base = site_dir if html is index else site_dir / "stories"
                assert (base / target).resolve().is_file(), ref
        csp = csp_of(parse(html))
        assert "'unsafe-inline'" not in str(csp) and "'unsafe-eval'" not in str(csp)
    story = (site_dir / "stories" / "sample.html").read_text(encoding="utf-8")
    data = json.loads(re.search(r'id="ca-data">(.*?)</script>', story, re.S).group(1))
    assert all("x" in e for e in data["events"] + data["undated"])  # text inline
    config = json.loads(re.search(r'id="ca-config">(.*?)</script>', story, re.S).group(1))
    assert config["basemapUrl"] is None  # the basemap is a script of the site
    assert '<script src="../assets/basemap.js"></script>' in story
    # the generated story clusters: the plugin's cluster styles and its licence are shipped,
    # not its script (the glue clusters)
    assert (site_dir / "assets/vendor/leaflet.markercluster-1.5.3/MarkerCluster.Default.css").is_file()
    assert not (site_dir / "assets/vendor/leaflet.markercluster-1.5.3/leaflet.markercluster.js").exists()
    assert (site_dir / "assets/vendor/leaflet-1.9.4/LICENSE").is_file()
    assert not (site_dir / "assets/vendor/vega-lite-6.4.1").exists()


def test_site_hostile_story_escaped(site_dir: Path):
    for folder in ("stories", "embed"):
        html = (site_dir / folder / "hostile.html").read_text(encoding="utf-8")
        outside = re.sub(r'<script type="application/json" id="ca-(data|config)">.*?</script>', "", html,
                         flags=re.S)
        assert "<script>window.__pwned" not in outside and "<b onmouseover" not in outside
        assert all(t != "script" or "src" in a or a.get("type") == "application/json"
                   for t, a in parse(html).tags)
    map_js = (site_dir / "assets" / "maps" / "hostile.js").read_text(encoding="utf-8")
    assert "__pwned" not in map_js


def test_site_builder_takes_many_stories_with_clashing_slugs(tmp_path):
    from dataclasses import replace
    a = sample_story()
    b = replace(sample_story(), title="Another", slug="sample")
    c = replace(sample_story(), title="../../etc/passwd", slug="../../etc/passwd")
    build_site([a, b, c], tmp_path, resolve=False)
    names = sorted(p.name for p in (tmp_path / "stories").iterdir())
    assert names == ["etc-passwd.html", "sample-2.html", "sample.html"]
    assert not (tmp_path.parent / "etc").exists()

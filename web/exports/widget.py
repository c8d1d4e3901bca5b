"""Exports of the linked view that need no server: one self-contained HTML file (the
widget) and a static site.

The widget carries every script, style, the story's data and the offline basemap inline,
under a ``<meta>`` Content-Security-Policy that allows exactly those inline blocks by
their SHA-256 hashes: no ``'unsafe-inline'``, no ``'unsafe-eval'``, ``connect-src
'none'``. The static site links the same files relatively, so any static host serves it.

Both render the web app's own ``_viewer.html`` and run the same viewer modules
(``web/static/js/``), joined into one classic script by :mod:`web.exports.jsbundle`, so a
journalist's copy behaves as the story page does. Story text stays data: JSON blocks
written with Jinja's htmlsafe ``tojson``, event text rendered and sanitised on the
server (nh3), never a folium Popup/Tooltip nor ``Chart.to_html``.
"""
from __future__ import annotations

import base64
import hashlib
import re
import shutil
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, Iterable, Sequence

from markupsafe import Markup
from werkzeug.datastructures import MultiDict

from timeline.model import Story, slugify

from ..views import data as story_data
from .mapbuilder import MapParts, build_map
from ..stories import PreparedStory, _htmlsafe_json
from ..vendor import STATIC, VERSIONS, static_path

__all__ = ["widget_html", "export_html", "build_site", "export_site", "ExportedStory",
           "widget_csp", "CLUSTER_THRESHOLD"]

# The viewer clusters markers above this many located places (js/map.js, CLUSTER_ABOVE);
# below it the cluster plugin is not shipped at all.
CLUSTER_THRESHOLD = 150

_SCRIPT_CLOSE = re.compile(r"<(?=/script|!--|script)", re.IGNORECASE)
_CSS_URL = re.compile(r"url\((['\"]?)(images/[^)'\"]+)\1\)")
_SAFE_SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]{0,79}$")


class ExportedStory(PreparedStory):
    """A prepared story for pages with no server behind them: every event's text inline
    (no detail endpoint to fetch from) and no tile layers (nothing leaves the page)."""

    @cached_property
    def media_policy(self):
        """No remote host loads (the CSP has none); local images beside a file story
        are inlined as data: URIs within the budget of web.content.localmedia."""
        from ..content.localmedia import Inliner
        from ..content.media import MediaPolicy

        return MediaPolicy(local=Inliner(self.media_root) if self.media_root else None)

    @cached_property
    def page(self) -> dict[str, Any]:
        return story_data.page_data(self.story, self.slug, inline_text=True,
                                    media=self.media_policy)

    @cached_property
    def map_parts(self) -> MapParts:
        return build_map(self.story, tiles=(), static_url=self.static_url)

    @property
    def tile_sources(self) -> tuple:
        return ()

    @cached_property
    def located_places(self) -> int:
        return sum(1 for rows in (self.page["events"], self.page["undated"])
                   for row in rows for p in row["p"] if p[0] is not None and p[1] is not None)

    @property
    def clustered(self) -> bool:
        return self.located_places > CLUSTER_THRESHOLD


def _slug_for(story: Story, taken: Iterable[str] = ()) -> str:
    """A slug that is also a safe file name; unique among ``taken``."""
    slug = story.slug or ""
    if not _SAFE_SLUG.match(slug):
        slug = slugify(story.slug or story.title or "", fallback="story")
    base, n, taken = slug, 2, set(taken)
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def prepare(story: Story | PreparedStory, *, resolve: bool = True, slug: str | None = None,
            taken: Iterable[str] = (), media_root: Path | None = None) -> ExportedStory:
    """An :class:`ExportedStory`; places are resolved through the offline gazetteer first
    when some are not yet (a loaded file), and left as they are otherwise."""
    if isinstance(story, ExportedStory):
        return story
    if isinstance(story, PreparedStory):
        slug = slug or story.slug
        media_root = media_root or story.media_root
        story = story.story
    if resolve:
        from timeline.exports.output import warn
        from timeline.exports.places import ensure_resolved

        story, problem = ensure_resolved(story)
        if problem:
            warn([problem])
    return ExportedStory(story, slug if slug and _SAFE_SLUG.match(slug) else _slug_for(story, taken),
                         static_url="", media_root=media_root)


# ------------------------------------------------------------------ rendering -----

@lru_cache(maxsize=1)
def _app():
    """The web app, only for its Jinja environment and ``viewer_context``: the pages are
    rendered by the same templates the server uses."""
    from .. import create_app

    return create_app({"STORIES": [], "RESOLVE_PLACES": False, "SERVER_NAME": "export.invalid"})


def _viewer_context(prepared: ExportedStory, *, embed: bool, options: dict | None,
                    urls: dict[str, Any]) -> dict[str, Any]:
    from ..views.common import viewer_context

    app = _app()
    with app.test_request_context("/"):
        ctx = viewer_context(prepared, embed=embed, args=MultiDict(), options=options)
    ctx["config"].update(urls)
    ctx["config"]["initial"] = {}
    return ctx


def _render(template: str, **ctx) -> str:
    app = _app()
    with app.test_request_context("/"):
        return app.jinja_env.get_template(template).render(**ctx)


def _read(rel: str) -> str:
    return (STATIC / rel).read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def _data_uri(path: Path) -> str:
    mime = {".png": "image/png", ".svg": "image/svg+xml"}[path.suffix]
    return f"data:{mime};base64,{base64.b64encode(path.read_bytes()).decode()}"


def _inline_css(rel: str) -> str:
    """A vendored stylesheet with its relative images turned into data: URIs."""
    folder = (STATIC / rel).parent
    return _CSS_URL.sub(lambda m: f'url("{_data_uri(folder / m.group(2))}")', _read(rel))


def _script_text(text: str) -> str:
    """Script text that cannot end its ``<script>`` element early. The vendored files have
    none of these sequences; in folium's script they can only be inside JSON strings,
    where ``\\u003c`` means the same ``<``."""
    return _SCRIPT_CLOSE.sub(r"\\u003c", text)


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def widget_scripts(clustered: bool) -> list[str]:
    """The vendored scripts the viewer runs, in load order (Vega-Lite is not among them:
    the timeline arrives compiled to Vega)."""
    # clustering is the glue's own (a grid over the view): only the plugin's stylesheet,
    # for the cluster icons, is shipped, in widget_styles
    scripts = [static_path("leaflet", "leaflet.js")]
    scripts += [static_path("vega", "vega.min.js"),
                static_path("vega-interpreter", "vega-interpreter.js")]
    return scripts


def widget_styles(clustered: bool) -> list[str]:
    styles = [static_path("leaflet", "leaflet.css")]
    if clustered:
        styles += [static_path("leaflet.markercluster", "MarkerCluster.css"),
                   static_path("leaflet.markercluster", "MarkerCluster.Default.css")]
    return styles


def widget_csp(scripts: Sequence[str], styles: Sequence[str]) -> str:
    """The policy of a single-file export: only these inline blocks, nothing fetched.
    (``frame-ancestors`` cannot be set from a ``<meta>``; Chromium would log an error.)"""
    return "; ".join([
        "default-src 'none'",
        "script-src " + " ".join(_sha256(s) for s in scripts),
        "style-src " + " ".join(_sha256(s) for s in styles),
        "img-src data:",
        "connect-src 'none'",
        "font-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
        "object-src 'none'",
    ])


FAVICON = STATIC / "favicon.svg"


def widget_html(story: Story | PreparedStory, *, theme: str = "light",
                resolve: bool = True, media_root: Path | None = None) -> str:
    """The single-file widget: the linked map and timeline, the panel, the event list,
    keyboard use and ``window.chronoatlas``, with no request to anywhere. Remote media
    are links that open on their host; local images (relative paths under
    ``media_root``, the story file's folder) are inlined within a size budget."""
    from ..basemap import basemap_geojson
    from .jsbundle import viewer_bundle
    from ..views.embed import THEMES

    prepared = prepare(story, resolve=resolve, media_root=media_root)
    clustered = prepared.clustered
    ctx = _viewer_context(prepared, embed=False, options={"theme": theme if theme in THEMES else "light"},
                          urls={"basemapUrl": None, "detailUrl": None})
    scripts = [_script_text(_read(s)) for s in widget_scripts(clustered)]
    scripts.append(_script_text(prepared.map_parts.script))
    scripts.append(_script_text(viewer_bundle()))
    styles = [_inline_css(s) for s in widget_styles(clustered)] + [_read("chronoatlas.css")]
    ctx.update(
        csp=widget_csp(scripts, styles),
        inline_scripts=[Markup(s) for s in scripts],
        inline_styles=[Markup(s) for s in styles],
        basemap_json=_htmlsafe_json(basemap_geojson()),
        favicon=_data_uri(FAVICON),
        theme=ctx["options"]["theme"],
        json_url=None,
        versions=VERSIONS,
    )
    return _render("widget.html", **ctx)


def export_html(story: Story, out: Path | None) -> None:
    """``chronoatlas export STORY --to html [-o FILE]`` (stdout without ``-o``)."""
    from timeline.exports.output import write_text

    write_text(widget_html(story), out)


# ------------------------------------------------------------------ static site ---

def _site_vendor_files(clustered: bool) -> list[str]:
    files = widget_scripts(clustered) + widget_styles(clustered)
    folders = sorted({f.rsplit("/", 1)[0] for f in files})
    for folder in folders:  # licences, and Leaflet's control images
        for path in sorted((STATIC / folder).rglob("*")):
            rel = path.relative_to(STATIC).as_posix()
            if path.is_file() and (path.suffix == ".png" or "LICEN" in path.name.upper()):
                files.append(rel)
    return files


def _copy(rel: str, root: Path) -> None:
    target = root / "assets" / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(STATIC / rel, target)


def _write(path: Path, text: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")


def site_csp() -> str:
    """A static host sends no headers, so the policy travels in a ``<meta>``: every script
    and style is a file of the site (the basemap too, as a script)."""
    return "; ".join([
        "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:",
        "connect-src 'self'", "font-src 'self'", "base-uri 'none'", "form-action 'none'",
        "object-src 'none'",
    ])


@dataclass
class SitePage:
    slug: str
    title: str
    events: int
    summary: str | None


def build_site(stories: Iterable[Story | PreparedStory], out: Path, *, title: str = "Stories",
               resolve: bool = True) -> list[Path]:
    """Write a static site for ``stories`` into ``out``; return the files written.

    ``index.html`` lists the stories; ``stories/<slug>.html`` is the full view and
    ``embed/<slug>.html`` the chrome-less one for iframes (options in its query string,
    read by the glue: ``theme``, ``height``, ``event``, ``date``, ``from``, ``to``,
    ``hide``); ``data/<slug>.json`` is the story as the API serves it; ``assets/`` holds
    the vendored scripts with their licences, the stylesheet, the basemap and each
    story's map script. Every URL is relative.
    """
    from ..basemap import basemap_script
    from .jsbundle import viewer_bundle

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    prepared: list[ExportedStory] = []
    for story in stories:
        prepared.append(prepare(story, resolve=resolve, taken=[p.slug for p in prepared]))
    written: list[Path] = []
    clustered = any(p.clustered for p in prepared)
    for rel in _site_vendor_files(clustered) + ["chronoatlas.css", "favicon.svg"]:
        _copy(rel, out)
        written.append(out / "assets" / rel)
    # the viewer's modules as one classic script: a site opened from file:// cannot load modules
    _write(out / "assets" / "chronoatlas.js", viewer_bundle())
    written.append(out / "assets" / "chronoatlas.js")
    _write(out / "assets" / "basemap.js", basemap_script())
    written.append(out / "assets" / "basemap.js")
    notice = Path(__file__).resolve().parents[2] / "NOTICE"
    if notice.exists():
        _write(out / "assets" / "NOTICE.txt", notice.read_bytes())
        written.append(out / "assets" / "NOTICE.txt")

    scripts = ["../assets/" + s for s in widget_scripts(clustered)]
    styles = ["../assets/" + s for s in widget_styles(clustered)] + ["../assets/chronoatlas.css"]
    pages = []
    for p in prepared:
        map_js = out / "assets" / "maps" / f"{p.slug}.js"
        _write(map_js, p.map_parts.script)
        data_json = out / "data" / f"{p.slug}.json"
        _write(data_json, p.api_bytes)
        written += [map_js, data_json]
        for embed in (False, True):
            folder = "embed" if embed else "stories"
            ctx = _viewer_context(p, embed=embed, options={"theme": "light", "panel": True,
                                                           "list": True, "timeline": True},
                                  urls={"basemapUrl": None, "detailUrl": None,
                                        "queryOptions": embed})
            ctx.update(csp=site_csp(), site_scripts=scripts + ["../assets/basemap.js",
                                                              f"../assets/maps/{p.slug}.js",
                                                              "../assets/chronoatlas.js"],
                       site_styles=styles, json_url=f"../data/{p.slug}.json",
                       story_url=f"../stories/{p.slug}.html", embed_url=f"../embed/{p.slug}.html",
                       index_url="../index.html", favicon="../assets/favicon.svg")
            path = out / folder / f"{p.slug}.html"
            _write(path, _render("site_story.html", **ctx))
            written.append(path)
        pages.append(SitePage(p.slug, p.story.title, len(p.story.events), p.story.summary))
    index = out / "index.html"
    _write(index, _render("site_index.html", pages=pages, title=title, csp=site_csp(),
                          favicon="assets/favicon.svg", stylesheet="assets/chronoatlas.css"))
    written.append(index)
    return written


def export_site(story: Story, out: Path | None) -> None:
    """``chronoatlas export STORY --to site DIR``."""
    import click

    if out is None:
        raise click.UsageError("--to site writes a folder: give it with -o DIR")
    if out.exists() and not out.is_dir():
        raise click.UsageError(f"{out} exists and is not a folder")
    files = build_site([story], out)
    click.echo(f"wrote {len(files)} files to {out} (open {out / 'index.html'})", err=True)

"""Vendored browser libraries: pinned versions, local paths, and folium pointed at them.

folium declares its JavaScript and CSS as class-level named lists; :func:`localize_folium`
replaces them once so that no rendered folium element links to a CDN.
"""
from __future__ import annotations

from pathlib import Path

__all__ = ["VERSIONS", "SCRIPTS", "STYLES", "localize_folium", "static_path"]

STATIC = Path(__file__).resolve().parent / "static"

VERSIONS = {
    "leaflet": "1.9.4",
    "leaflet.markercluster": "1.5.3",
    "vega": "6.2.0",
    "vega-lite": "6.4.1",
    "vega-embed": "7.1.0",
    "vega-interpreter": "2.3.2",
}


def static_path(name: str, file: str) -> str:
    """Path under ``static/`` of a vendored file, e.g. ``vendor/leaflet-1.9.4/leaflet.js``."""
    return f"vendor/{name}-{VERSIONS[name]}/{file}"


# In load order; the page template links these with url_for("static", ...). Vega-Lite
# is vendored but not loaded by the pages: the server compiles the timeline to Vega
# (vl-convert, the same Vega-Lite version), which saves the browser 250 KB and a compile.
VEGA_LITE_SCRIPT = static_path("vega-lite", "vega-lite.min.js")
SCRIPTS = [
    static_path("leaflet", "leaflet.js"),
    static_path("vega", "vega.min.js"),
    static_path("vega-interpreter", "vega-interpreter.js"),
]
STYLES = [
    static_path("leaflet", "leaflet.css"),
    static_path("leaflet.markercluster", "MarkerCluster.css"),
    static_path("leaflet.markercluster", "MarkerCluster.Default.css"),
]

_done = False


def localize_folium(static_url: str = "/static/") -> None:
    """Point folium's dependency lists at the vendored files, dropping what is unused.

    jQuery, Bootstrap, Font Awesome and awesome-markers are not needed: markers and
    popups are drawn by our own script.
    """
    global _done
    if _done:
        return
    import folium
    from folium import plugins

    leaflet_js = static_url + static_path("leaflet", "leaflet.js")
    leaflet_css = static_url + static_path("leaflet", "leaflet.css")
    folium.Map.default_js = [("leaflet", leaflet_js)]
    folium.Map.default_css = [("leaflet_css", leaflet_css)]
    plugins.MarkerCluster.default_js = [
        ("markerclusterjs", static_url + static_path("leaflet.markercluster", "leaflet.markercluster.js"))]
    plugins.MarkerCluster.default_css = [
        ("markerclustercss", static_url + static_path("leaflet.markercluster", "MarkerCluster.css")),
        ("markerclusterdefaultcss",
         static_url + static_path("leaflet.markercluster", "MarkerCluster.Default.css")),
    ]
    # Any other element class that declares CDN links gets them removed: nothing we
    # render should ever link elsewhere.
    from branca.element import MacroElement
    for cls in _subclasses(MacroElement):
        for attr in ("default_js", "default_css"):
            links = cls.__dict__.get(attr)
            if links and cls not in (folium.Map, plugins.MarkerCluster):
                setattr(cls, attr, [(n, u) for n, u in links if u.startswith(static_url)])
    _done = True


def _subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)

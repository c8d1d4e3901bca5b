"""What the web package adds to the ``chronoatlas`` command: the server, the studio's
accounts and database, and the exports that need the web side's builders (charts, the
map, the widget, the handout). Plain names, so reading them imports nothing."""

COMMANDS = {
    "serve": "web.serve:serve",
    "users": "web.auth.cli:users",
    "init-db": "web.store.cli:init_db",
}

# --to FORMAT -> "module:function(story, out)"
EXPORTERS = {
    "svg": "web.exports.static_export:export_timeline_svg",
    "png": "web.exports.static_export:export_timeline_png",
    "map-svg": "web.exports.static_export:export_map_svg",
    "map-png": "web.exports.static_export:export_map_png",
    "pdf": "web.exports.handout:export_pdf",
    "html": "web.exports.widget:export_html",
    "site": "web.exports.widget:export_site",
}

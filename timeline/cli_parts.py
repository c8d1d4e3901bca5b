"""What the timeline package adds to the ``chronoatlas`` command (see timeline/registry.py
and web/cli.py): plain names, so reading them imports nothing."""

COMMANDS = {
    "validate": "timeline.cli:validate",
    "export": "timeline.cli:export",
    "examples": "timeline.cli:examples",
    "extract": "timeline.cli:extract",
    "timex": "timeline.timex.cli:timex",
    "archive": "timeline.archive.cli:archive",
}

# --to FORMAT -> "module:function(story, out)"
EXPORTERS = {
    "geojson": "timeline.exports:export_geojson",
    "kml": "timeline.exports:export_kml",
}

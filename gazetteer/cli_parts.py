"""What the gazetteer package adds to the ``chronoatlas`` command (assembled by
web/cli.py): plain names, so reading them imports nothing."""

COMMANDS = {
    "geocode": "gazetteer.cli:geocode",
    "geoparse": "gazetteer.geoparse_cli:geoparse",
    "gazetteer": "gazetteer.cli:gazetteer_group",
}

EXPORTERS: dict[str, str] = {}

"""The ``chronoatlas`` command: one entry point composed from each package's commands.

Commands load lazily so that ``chronoatlas timex`` never pays for importing Flask or
opening the gazetteer index.
"""
from __future__ import annotations

import importlib

import click

# command name -> "module:attribute"; each package owns its own commands.
COMMANDS = {
    "validate": "timeline.cli:validate",
    "export": "timeline.cli:export",
    "examples": "timeline.cli:examples",
    "timex": "timeline.timex.cli:timex",
    "extract": "timeline.cli:extract",
    "geocode": "gazetteer.cli:geocode",
    "geoparse": "gazetteer.geoparse_cli:geoparse",
    "gazetteer": "gazetteer.cli:gazetteer_group",
    "serve": "web.serve:serve",
    "archive": "timeline.archive.cli:archive",
    "users": "web.auth.cli:users",
    "init-db": "web.store.cli:init_db",
}


class LazyGroup(click.Group):
    """A click group whose subcommands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(name for name in COMMANDS if self._load(name) is not None)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        return self._load(name)

    @staticmethod
    def _load(name: str) -> click.Command | None:
        target = COMMANDS.get(name)
        if target is None:
            return None
        module_name, attr = target.split(":")
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            # A command whose module has not been written yet is simply absent.
            if exc.name == module_name:
                return None
            raise
        return getattr(module, attr, None)

    def invoke(self, ctx: click.Context):
        """A gazetteer that cannot be opened or built (a read-only or full cache) is one
        line saying which directory and which setting moves it, from any command."""
        from gazetteer.errors import IndexBuildError, IndexCorruptError

        try:
            return super().invoke(ctx)
        except (IndexBuildError, IndexCorruptError) as exc:
            raise click.ClickException(str(exc)) from None


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="chronoatlas")
def main() -> None:
    """chronoatlas: dated events with place names as a linked map and timeline."""


if __name__ == "__main__":  # pragma: no cover
    main()

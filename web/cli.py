"""The ``chronoatlas`` command, composed above the packages: each of timeline, gazetteer
and web names its own commands and export formats in its ``cli_parts`` module; this one
assembles them (commands here, exporters in timeline.registry) and knows no command's
module itself.

Commands load lazily so that ``chronoatlas timex`` never pays for importing Flask or
opening the gazetteer index.
"""
from __future__ import annotations

import importlib

import click

from timeline import registry

PACKAGES = ("timeline", "gazetteer", "web")


def assemble(packages=PACKAGES) -> dict[str, str]:
    """``{command: "module:attribute"}`` from every package's parts (their exporters go
    to timeline.registry); a name two packages claim is an error, not a silent pick."""
    commands: dict[str, str] = {}
    for package in packages:
        parts = importlib.import_module(f"{package}.cli_parts")
        for name, target in parts.COMMANDS.items():
            if name in commands and commands[name] != target:
                raise ValueError(f"two packages add the command {name!r}: {commands[name]} and {target}")
            commands[name] = target
        registry.add_exporters(getattr(parts, "EXPORTERS", {}))
    return commands


# command name -> "module:attribute"
COMMANDS = assemble()


class LazyGroup(click.Group):
    """A click group whose subcommands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(name for name in COMMANDS if self._load(name) is not None)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        return self._load(name)

    @staticmethod
    def _load(name: str) -> click.Command | None:
        target = COMMANDS.get(name)
        # a command whose module has not been written yet is simply absent; any other
        # import error is a bug and is raised
        return registry.resolve(target, optional=False) if target else None

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

"""Write docs/cli.md from the CLI's own --help, so the reference cannot drift.

    python docs/generate_cli_docs.py          # rewrite docs/cli.md
    python docs/generate_cli_docs.py --check  # exit 1 when docs/cli.md is stale

tests/test_docs.py runs the check.
"""
from __future__ import annotations

import sys
from pathlib import Path

import click
from click.testing import CliRunner

OUT = Path(__file__).with_name("cli.md")


def _help(args: list[str]) -> str:
    from web.cli import main

    result = CliRunner().invoke(main, [*args, "--help"], prog_name="chronoatlas",
                                terminal_width=90)
    if result.exit_code != 0:
        raise RuntimeError(f"chronoatlas {' '.join(args)} --help failed: {result.output}")
    return result.output.rstrip() + "\n"


def render() -> str:
    from web.cli import main

    parts = ["# chronoatlas command reference\n",
             "Generated from `--help` by `docs/generate_cli_docs.py`; do not edit by hand.\n",
             "```\n$ chronoatlas --help\n" + _help([]) + "```\n"]
    ctx = click.Context(main)
    for name in main.list_commands(ctx):
        command = main.get_command(ctx, name)
        parts.append(f"## chronoatlas {name}\n")
        parts.append(f"```\n$ chronoatlas {name} --help\n" + _help([name]) + "```\n")
        if isinstance(command, click.Group):
            for sub in command.list_commands(ctx):
                parts.append(f"### chronoatlas {name} {sub}\n")
                parts.append(f"```\n$ chronoatlas {name} {sub} --help\n" + _help([name, sub]) + "```\n")
    return "\n".join(parts)


def main(argv: list[str]) -> int:
    text = render()
    if "--check" in argv:
        if not OUT.exists() or OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT} is out of date: run python docs/generate_cli_docs.py", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

"""``chronoatlas users``: accounts of the studio (the database from CHRONOATLAS_DATABASE_URL,
or the SQLite file in the instance folder)."""
from __future__ import annotations

import sys

import click

__all__ = ["users"]


def _store():
    from web import create_app
    from web.store import get_store

    app = create_app()
    return get_store(app)


def _password(from_stdin: bool) -> str:
    if from_stdin:
        line = sys.stdin.readline()
        return line.rstrip("\r\n")
    return click.prompt("Password", hide_input=True, confirmation_prompt=True)


def _run(action):
    from .accounts import AccountError
    try:
        with _store().session() as s:
            return action(s)
    except AccountError as exc:
        raise click.ClickException(str(exc)) from None


@click.group("users", context_settings={"help_option_names": ["-h", "--help"]})
def users() -> None:
    """Manage the accounts that may sign in to the studio."""


@users.command("add")
@click.argument("name")
@click.option("--role", type=click.Choice(["editor", "admin"]), default="editor",
              show_default=True, help="Editors make and publish stories; admins also manage accounts.")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
def add(name: str, role: str, password_stdin: bool) -> None:
    """Add an account NAME (asks for its password)."""
    from .accounts import add_user
    password = _password(password_stdin)
    _run(lambda s: add_user(s, name, password, role))
    click.echo(f"added {role} {name}")


@users.command("reset")
@click.argument("name")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
def reset(name: str, password_stdin: bool) -> None:
    """Set a new password for NAME (signs out its sessions)."""
    from .accounts import reset_password
    password = _password(password_stdin)
    _run(lambda s: reset_password(s, name, password))
    click.echo(f"password of {name} reset")


@users.command("disable")
@click.argument("name")
@click.option("--enable", is_flag=True, help="Enable the account again instead.")
def disable(name: str, enable: bool) -> None:
    """Disable NAME: no sign-in, its sessions and API tokens stop working."""
    from .accounts import set_disabled
    _run(lambda s: set_disabled(s, name, not enable))
    click.echo(f"{name} {'enabled' if enable else 'disabled'}")


@users.command("token")
@click.argument("name")
def token(name: str) -> None:
    """Print a new API token for NAME on the last line (send it as 'Authorization: Bearer')."""
    from .accounts import new_token
    value = _run(lambda s: new_token(s, name))
    click.echo(f"New API token for {name} (shown once; keep it secret):", err=True)
    click.echo(value)

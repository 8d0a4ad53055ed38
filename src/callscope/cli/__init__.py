"""The ``callscope`` command: a click group whose verbs are thin shells over the Python API.

Any :class:`~callscope.errors.CallscopeError` becomes one line on stderr and exit code 1;
bad arguments exit 2 (click's convention). No traceback reaches the user.
"""

from __future__ import annotations

import sys
from typing import Any

import click

from callscope.errors import CallscopeError

__all__ = ["cli", "main"]


class _Group(click.Group):
    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except CallscopeError as e:
            click.echo(f"callscope: error: {e}", err=True)
            sys.exit(1)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="callscope")
def cli() -> None:
    """Earnings-call transcripts into structured, searchable, checkable facts."""


def _register() -> None:
    from callscope.cli import (
        commitments,
        compare,
        demo,
        eval,
        export,
        ingest,
        parse,
        search,
        serve,
        show,
    )

    for module in (parse, eval, ingest, search, show, compare, commitments, export, serve, demo):
        cli.add_command(module.command)
    cli.add_command(show.calls_command)


_register()


def main() -> None:
    cli(prog_name="callscope")

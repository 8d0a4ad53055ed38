"""Options shared by verbs that use the store."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from callscope.store import DEFAULT_DB

F = TypeVar("F", bound=Callable[..., Any])

__all__ = ["db_option"]


def db_option(fn: F) -> F:
    return click.option(
        "--db",
        "db_url",
        envvar="CALLSCOPE_DB",
        default=DEFAULT_DB,
        show_default=True,
        help="Database: a SQLite file path or a postgresql:// URL (or set CALLSCOPE_DB).",
    )(fn)

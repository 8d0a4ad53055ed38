"""``callscope serve``: the REST API and web UI (needs the ``[web]`` extra)."""

from __future__ import annotations

import os

import click

from callscope.cli._options import db_option
from callscope.errors import CallscopeError
from callscope.store import redact

__all__ = ["command"]

_HINT = "the server needs the web extra: pip install 'callscope[web]'"


@click.command("serve")
@db_option
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Interface to bind; anything but 127.0.0.1 exposes the corpus to others.",
)
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option(
    "--token",
    envvar="CALLSCOPE_TOKEN",
    show_envvar=True,
    help="Token that uploads must carry (made up and printed when not given).",
)
def command(db_url: str, host: str, port: int, token: str | None) -> None:
    """Serve the REST API (/api, documented at /docs) and the web UI over a corpus."""
    try:
        import uvicorn

        from callscope.api import Settings, create_app
    except ModuleNotFoundError as e:
        raise CallscopeError(f"{_HINT} ({e.name} is missing)") from None
    settings = Settings(db_url=db_url, token=token) if token else Settings(db_url=db_url)
    if not token:
        click.echo(f"write token (send as 'Authorization: Bearer …'): {settings.token}", err=True)
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"warning: serving on {host}: reachable from other machines", err=True)
    click.echo(f"callscope on http://{host}:{port}/ (API docs at /docs), database {redact(db_url)}",
               err=True)  # fmt: skip
    uvicorn.run(create_app(settings), host=host, port=port, log_level=os.environ.get(
        "CALLSCOPE_LOG_LEVEL", "warning"))  # fmt: skip

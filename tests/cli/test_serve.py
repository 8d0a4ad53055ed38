"""``callscope serve``: binds to 127.0.0.1 by default and refuses a weak token."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from callscope.cli import cli

pytest.importorskip("fastapi", reason="the [web] extra is not installed")


def test_binds_to_localhost_by_default() -> None:
    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0
    assert "[default: 127.0.0.1]" in result.output
    assert "CALLSCOPE_TOKEN" in result.output


def test_a_short_token_is_one_line_error() -> None:
    result = CliRunner().invoke(cli, ["serve", "--token", "short"])
    assert result.exit_code == 1
    assert result.output.strip() == (
        "callscope: error: the server token must be at least 16 characters long"
    )

"""Docs keep step with the code: every CLI verb has help and appears in the README."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from callscope.cli import cli

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_readme_opens_with_the_two_setup_commands() -> None:
    code = README.split("```")[1]
    assert "make demo" in code and "make test" in code


@pytest.mark.parametrize("verb", sorted(cli.commands))
def test_every_verb_has_help(verb: str) -> None:
    result = CliRunner().invoke(cli, [verb, "--help"])
    assert result.exit_code == 0
    assert (cli.commands[verb].help or "").strip()


@pytest.mark.parametrize("verb", sorted(set(cli.commands) - {"demo"}))
def test_every_verb_is_in_the_readme(verb: str) -> None:
    assert f"callscope {verb}" in README

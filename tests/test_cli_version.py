"""`govsim --version` prints the package's version and runs no command."""

from __future__ import annotations

from typer.testing import CliRunner

import govsim
from govsim.cli import app


def test_version_prints_the_package_version():
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == f"govsim {govsim.__version__}"

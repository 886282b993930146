"""`govsim --version` prints the package's version and runs no command; `python -m govsim` works."""

from __future__ import annotations

import subprocess
import sys

from typer.testing import CliRunner

import govsim
from govsim.cli import app


def test_version_prints_the_package_version():
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == f"govsim {govsim.__version__}"


def test_python_m_govsim_is_the_govsim_command() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "govsim", "--help"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "govsim [OPTIONS] COMMAND" in done.stdout

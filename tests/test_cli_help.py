"""The commands' help keeps the placeholders it shows (markdown help once dropped ``<name>``)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from govsim.cli import app

runner = CliRunner()


@pytest.mark.parametrize(
    ("command", "default"),
    [
        ("run", "results/<scenario name>"),
        ("attribute", "results/attribute_<scenario>_<players>"),
        ("sweep", "results/<experiment name>"),
    ],
)
def test_the_default_results_folder_reads_in_full(command, default):
    result = runner.invoke(app, [command, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert default in result.stdout

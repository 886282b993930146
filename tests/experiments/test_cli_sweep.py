"""govsim sweep at the command line: refusals with exit status 2, and the message that helps."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from govsim.cli import app
from tests.experiments.builders import experiment_file

runner = CliRunner()
GOVSIM = str(Path(sys.executable).with_name("govsim"))
"""The installed command, as a user runs it (a real process: its warnings reach stderr)."""


def test_a_malformed_experiment_exits_2_with_file_line_and_fix(tmp_path: Path) -> None:
    path = experiment_file(tmp_path, outcomes=["net_los"])
    result = runner.invoke(app, ["sweep", str(path), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert f"{path}:" in result.stderr
    assert "did you mean 'net_loss'?" in result.stderr
    assert not (tmp_path / "out").exists(), "nothing is written before the file is valid"


def test_a_changed_experiment_is_refused_at_the_command_line(tmp_path: Path) -> None:
    out = str(tmp_path / "out")
    first = runner.invoke(app, ["sweep", str(experiment_file(tmp_path)), "--out", out])
    assert first.exit_code == 0, first.output
    changed = experiment_file(tmp_path, seed=12)
    refused = runner.invoke(app, ["sweep", str(changed), "--out", out])
    assert refused.exit_code == 2
    assert "--restart" in refused.stderr
    restarted = runner.invoke(app, ["sweep", str(changed), "--out", out, "--restart"])
    assert restarted.exit_code == 0, restarted.output
    assert "8 ok, 0 failed; 8 of 8 recorded" in restarted.stdout


def test_a_scheduler_needs_the_dask_backend(tmp_path: Path) -> None:
    path = experiment_file(tmp_path)
    result = runner.invoke(app, ["sweep", str(path), "--scheduler", "tcp://localhost:8786"])
    assert result.exit_code == 2
    assert "needs --backend dask" in result.output


def test_an_unknown_backend_is_refused(tmp_path: Path) -> None:
    result = runner.invoke(app, ["sweep", str(experiment_file(tmp_path)), "--backend", "slurm"])
    assert result.exit_code == 2
    assert "local, dask" in result.output


def test_another_librarys_warning_is_printed_once_and_the_sweep_goes_on(tmp_path: Path) -> None:
    # SALib warns when Sobol samples are not a power of 2; printing that warning used to
    # record it again while it was printed, and the command grew without end.
    path = experiment_file(
        tmp_path,
        levers={"cooperation.links.police-bank": {"range": [0.0, 1.0]}},
        uncertainties={},
        design="sobol",
        samples=3,
        replications=1,
    )
    result = subprocess.run(
        [GOVSIM, "sweep", str(path), "--out", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("power of 2") == 1, result.stderr
    assert "12 ok, 0 failed; 12 of 12 recorded" in result.stdout


def test_printing_warnings_ends_on_a_plain_warning() -> None:
    code = (
        "import warnings\n"
        "from govsim.cli import printing_warnings\n"
        "with printing_warnings():\n"
        "    warnings.warn('from another library', UserWarning)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("from another library") == 1

"""govsim sweep at the command line: refusals with exit status 2, and the message that helps."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from govsim.cli import app
from tests.experiments.builders import experiment_file

runner = CliRunner()


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

"""govsim sweep at the command line: refusals with exit status 2, and the message that helps."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import dask
from typer.testing import CliRunner

from govsim.cli import app
from govsim.experiments import backends
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


def test_an_unreachable_scheduler_is_named_with_how_to_start_it(tmp_path: Path) -> None:
    """One line that says what to do, not Dask's traceback (a closed port refuses at once)."""
    # Set on distributed's own defaults, loaded first: set on an empty config, the key would
    # stand for them, and be taken away with them when the block ends.
    import distributed  # noqa: F401

    with dask.config.set({"distributed.comm.timeouts.connect": "2s"}):
        sweep = ["sweep", str(experiment_file(tmp_path)), "--out", str(tmp_path / "out")]
        dask_at = ["--backend", "dask", "--scheduler", "tcp://127.0.0.1:1", "--lang", "zh"]
        result = runner.invoke(app, [*sweep, *dask_at])
    assert result.exit_code == 2
    assert "无法连接位于 tcp://127.0.0.1:1 的 Dask 调度器" in result.stderr
    assert "dask scheduler" in result.stderr
    assert "Traceback" not in result.output


def test_a_scheduler_file_that_never_appears_ends_the_wait_with_the_fix(
    tmp_path: Path, monkeypatch
) -> None:
    """Dask alone would wait for the file for ever, without a word."""
    monkeypatch.setattr(backends, "SCHEDULER_FILE_SECONDS", 0.5)
    missing = tmp_path / "scheduler.json"
    sweep = ["sweep", str(experiment_file(tmp_path)), "--out", str(tmp_path / "out")]
    result = runner.invoke(app, [*sweep, "--backend", "dask", "--scheduler-file", str(missing)])
    assert result.exit_code == 2
    assert "waiting up to" in result.stderr
    assert f"--scheduler-file: {missing} did not appear within 0 s" in result.stderr
    assert f"dask scheduler --scheduler-file {missing}" in result.stderr

"""govsim sweep at the command line: refusals (exit status 2) with the fix; failed runs retried."""

from __future__ import annotations

import json
import subprocess
import sys
from functools import partial
from pathlib import Path

import dask
import pandas as pd
import pytest
from typer.testing import CliRunner

from govsim import cli
from govsim.cli import app
from govsim.experiments import SweepFolderError, backends, load_experiment, read_results, sweep
from govsim.experiments.store import MANIFEST, Store
from tests.experiments.builders import TINY, experiment_file
from tests.experiments.stand_ins import BROKEN_WHILE, run_failing_while_broken
from tests.helpers import SCENARIOS

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


def test_sobol_samples_not_a_power_of_2_are_one_caution_in_sweep_and_analyze(tmp_path) -> None:
    # scipy, under SALib, warns when Sobol samples are not a power of 2, with a line of its
    # code, on every sweep and analyze. Printing that warning used to record it again while it
    # was printed, and the command grew without end; it is now a caution at samples: instead.
    path = experiment_file(
        tmp_path,
        levers={"cooperation.links.police-bank": {"range": [0.0, 1.0]}},
        uncertainties={},
        design="sobol",
        samples=3,
        replications=1,
    )
    out = tmp_path / "out"
    commands = [[GOVSIM, "sweep", str(path), "--out", str(out)], [GOVSIM, "analyze", str(out)]]
    swept, analyzed = (
        subprocess.run(command, capture_output=True, text=True, timeout=300) for command in commands
    )
    assert swept.returncode == 0, swept.stderr
    assert "12 ok, 0 failed; 12 of 12 recorded" in swept.stdout
    assert analyzed.returncode == 0, analyzed.stderr
    for result, file in ((swept, path), (analyzed, out / "experiment.yaml")):
        assert result.stderr.count("power of 2") == 1, result.stderr
        assert f"Warning: {file}:" in result.stderr
        assert "samples: 3 is not a power of 2" in result.stderr
        assert "write samples: 4" in result.stderr
        assert "UserWarning" not in result.stderr


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


def test_a_sweep_shows_the_cautions_its_fixed_keys_bring_in_chinese(tmp_path: Path) -> None:
    path = experiment_file(
        tmp_path,
        scenario=str(SCENARIOS / "data_breach.yaml"),
        fixed={**TINY, "days": 20},
        levers={},
        uncertainties={},
        replications=1,
    )
    out = str(tmp_path / "out")
    result = runner.invoke(app, ["sweep", str(path), "--out", out], env={"GOVSIM_LANG": "zh"})
    assert result.exit_code == 0, result.output
    caution = "fixed.days：情景中的 events[0].day：第 60 天晚于最后一个统计日（第 20 天）"
    assert result.stderr.count(caution) == 1, result.stderr
    assert result.stderr.index("警告：") < result.stderr.index("个参数点"), "before the runs"


def test_experiment_problems_are_explained_in_chinese(tmp_path: Path) -> None:
    levers = {"days": {"range": [20, 10]}}
    path = experiment_file(tmp_path, levers=levers, uncertainties={}, design="lhs", samples=2)
    result = runner.invoke(app, ["sweep", str(path), "--lang", "zh"])
    assert result.exit_code == 2
    assert "levers.days.range：范围 [20.0, 10.0] 为空：下限必须小于上限；请交换上下限" in (
        result.stderr
    )


def test_a_folder_of_other_files_is_refused_in_chinese(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    args = ["sweep", str(experiment_file(tmp_path)), "--out", str(out)]
    result = runner.invoke(app, args, env={"GOVSIM_LANG": "zh"})
    assert result.exit_code == 2
    assert f"{out}/ 中有文件，但不是参数扫描的结果：请用 --out 另选文件夹" in result.stderr
    assert "holds files" not in result.stderr


def test_results_of_another_experiment_are_refused_in_chinese(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / MANIFEST).write_text(json.dumps({"experiment": "old", "fingerprint": "0" * 16}))
    args = ["sweep", str(experiment_file(tmp_path)), "--out", str(out), "--lang", "zh"]
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert f"{out}/ 中是另一个实验的结果" in result.stderr
    assert "或加上 --restart 丢弃这些结果" in result.stderr


def test_a_folder_another_sweep_writes_into_is_refused_in_both_languages(tmp_path) -> None:
    experiment = load_experiment(experiment_file(tmp_path))
    with Store.open(tmp_path / "out", experiment), pytest.raises(SweepFolderError) as caught:
        Store.open(tmp_path / "out", experiment)
    assert str(caught.value) == (
        f"another sweep is writing into {tmp_path / 'out'}/: wait for it, or choose another --out"
    )
    assert caught.value.render("zh") == (
        f"另一个参数扫描正在写入 {tmp_path / 'out'}/：请等它结束，或用 --out 另选文件夹"
    )


def test_a_damaged_part_is_named_with_how_to_recover_and_nothing_else_is_lost(
    tmp_path: Path,
) -> None:
    out = tmp_path / "out"
    first = runner.invoke(app, ["sweep", str(experiment_file(tmp_path)), "--out", str(out)])
    assert first.exit_code == 0, first.output
    (part, *_) = sorted((out / "runs").iterdir())
    kept = len(pd.read_parquet(part))
    part.write_bytes(b"")  # a copy cut short
    resume = ["sweep", str(experiment_file(tmp_path)), "--out", str(out)]
    for command in (resume, ["analyze", str(out)]):
        refused = runner.invoke(app, command)
        assert refused.exit_code == 2, refused.output
        assert f"{part}: cannot be read" in refused.stderr
        assert "move it out of the runs folder" in refused.stderr
        assert "Traceback" not in refused.output
    part.rename(tmp_path / part.name)
    again = runner.invoke(app, resume)
    assert again.exit_code == 0, again.output
    assert f"{kept} ok, 0 failed; 8 of 8 recorded" in again.stdout


def test_failed_runs_are_run_again_when_the_same_command_is_run_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bug fails half the runs; kept, retried while unfixed, then fixed: in both languages."""
    broken = tmp_path / "broken"
    broken.touch()
    monkeypatch.setenv(BROKEN_WHILE, str(broken))  # inherited by the spawned worker
    monkeypatch.setattr(cli, "sweep_experiment", partial(sweep, run=run_failing_while_broken))
    out = tmp_path / "out"
    command = ["sweep", str(experiment_file(tmp_path)), "--out", str(out)]
    first = runner.invoke(app, command)
    assert first.exit_code == 1, first.output
    assert "4 ok, 4 failed; 8 of 8 recorded" in first.stdout
    kept = runner.invoke(app, [*command, "--keep-failed"])
    assert kept.exit_code == 1, kept.output
    assert "keeping the 4 run(s) recorded as failed (--keep-failed)" in kept.stderr
    assert "0 runs in" in kept.stdout
    assert "4 runs were already done" in kept.stdout  # the 4 ok; the 4 kept failed are not
    assert "4 run(s) recorded as failed were kept failed and not run" in kept.stdout
    unfixed = runner.invoke(app, command)
    assert unfixed.exit_code == 1, unfixed.output
    assert "running again the 4 run(s) recorded as failed" in unfixed.stderr
    assert "4 runs were already done and were skipped" in unfixed.stdout
    assert "4 runs in" in unfixed.stdout
    assert "0 ok, 4 failed; 8 of 8 recorded" in unfixed.stdout
    broken.unlink()  # the bug is fixed
    fixed = runner.invoke(app, [*command, "--lang", "zh"])
    assert fixed.exit_code == 0, fixed.output
    assert "重新运行此前记录为失败的 4 次运行" in fixed.stderr
    assert "成功 4，失败 0；共 8 次中已记录 8 次" in fixed.stdout
    results = read_results(out)
    assert results[["point", "replication"]].drop_duplicates().shape[0] == len(results) == 8
    assert (results["status"] == "ok").all()
    analyzed = runner.invoke(app, ["analyze", str(out)])
    assert analyzed.exit_code == 0, analyzed.output
    assert "8 runs finished, 0 failed" in analyzed.stdout

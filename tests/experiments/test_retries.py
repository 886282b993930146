"""Failed runs are run again by a resumed sweep, and a retry reads as a run that never failed."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import govsim
from govsim.experiments import Experiment, load_experiment, read_results, store, sweep
from govsim.experiments.analysis import analyze
from govsim.experiments.store import MANIFEST, RUNS
from govsim.experiments.sweep import RunFunction, SweepReport
from tests.experiments.builders import experiment_file
from tests.experiments.stand_ins import FAILING_LINK, run_failing_at_strong_link

LEVER = "cooperation.links.police-bank"


class Crash(BaseException):
    """The sweep's process dying: nothing after it runs but ``finally`` blocks."""


def failing_with(message: str) -> RunFunction:
    """A run that fails at strong links with ``message``, and runs as usual elsewhere."""

    def run(scenario: govsim.Scenario, seed: int, replication: int) -> govsim.RunResult:
        if scenario.cooperation.links.get("police-bank") == FAILING_LINK:
            raise RuntimeError(message)
        return govsim.run_once(scenario, seed, replication)

    return run


@pytest.fixture
def experiment(tmp_path: Path) -> Experiment:
    """8 runs: points 2 and 3 (runs 4 to 7) have the strong link that stand-ins fail at."""
    return load_experiment(experiment_file(tmp_path))


def test_a_resumed_sweep_runs_the_failed_runs_again(experiment, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = sweep(experiment, out, run=run_failing_at_strong_link)
    assert (first.ok, first.failed, first.complete) == (4, 4, False)
    announced: list[SweepReport] = []
    resumed = sweep(experiment, out, started=lambda plan: announced.append(replace(plan)))
    assert (resumed.skipped, resumed.retried, resumed.ok, resumed.failed) == (4, 4, 4, 0)
    assert (resumed.done, resumed.runs, resumed.complete) == (8, 8, True)
    assert [(report.skipped, report.retried, report.ok) for report in announced] == [(4, 4, 0)]
    results = read_results(out)
    assert results[["point", "replication"]].drop_duplicates().shape[0] == len(results) == 8
    assert (results["status"] == "ok").all()
    assert results["error"].isna().all()
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert (manifest["runs_done"], manifest["runs_failed"]) == (8, 0)
    analysis = analyze(out, outcomes=["victims"])
    assert (analysis.swept.failed, len(analysis.swept.ok)) == (0, 8)
    assert sweep(experiment, out).skipped == 8, "nothing is left to run again"


def test_a_retried_run_is_bit_identical_to_one_that_never_failed(experiment, tmp_path) -> None:
    sweep(experiment, tmp_path / "retried", run=run_failing_at_strong_link)
    sweep(experiment, tmp_path / "retried")
    sweep(experiment, tmp_path / "fresh")
    retried, fresh = read_results(tmp_path / "retried"), read_results(tmp_path / "fresh")
    pd.testing.assert_frame_equal(retried, fresh, check_exact=True)
    assert (retried.loc[retried[LEVER] == FAILING_LINK, "attempts"] > 0).all(), "real runs"


def test_a_run_that_fails_again_stays_failed_with_its_newest_traceback(experiment, tmp_path):
    out = tmp_path / "out"
    sweep(experiment, out, run=failing_with("first try"))
    again = sweep(experiment, out, run=failing_with("second try"))
    assert (again.retried, again.ok, again.failed, again.complete) == (4, 0, 4, False)
    results = read_results(out)
    assert len(results) == 8
    failed = results[results["status"] == "failed"]
    assert len(failed) == 4
    assert failed["error"].str.contains("RuntimeError: second try").all()
    assert not failed["error"].str.contains("first try").any()
    assert analyze(out, outcomes=["victims"]).swept.failed == 4


def test_keep_failed_leaves_the_failed_runs_as_they_are(experiment, tmp_path: Path) -> None:
    out = tmp_path / "out"
    sweep(experiment, out, run=run_failing_at_strong_link)
    before = read_results(out)
    kept = sweep(experiment, out, retry_failed=False)
    assert (kept.skipped, kept.kept_failed, kept.retried, kept.ok) == (8, 4, 0, 0)
    assert not kept.complete, "failed runs are still in the folder"
    pd.testing.assert_frame_equal(read_results(out), before)


def test_a_crash_in_the_retry_pass_leaves_a_folder_the_next_resume_completes(
    experiment, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The sweep dies writing its third part of retried runs, leaving a part cut short."""
    out = tmp_path / "out"
    sweep(experiment, out, run=run_failing_at_strong_link)
    monkeypatch.setattr(store, "_atomic_parquet", _dying_at_part(3, store._atomic_parquet))
    with pytest.raises(Crash):
        sweep(experiment, out)
    monkeypatch.undo()
    assert any(path.name.startswith(".part-") for path in (out / RUNS).iterdir()), "half a part"
    results = read_results(out)
    assert results[["point", "replication"]].drop_duplicates().shape[0] == len(results) == 8
    assert results["status"].value_counts().to_dict() == {"ok": 6, "failed": 2}
    assert analyze(out, outcomes=["victims"]).swept.failed == 2
    resumed = sweep(experiment, out)
    assert (resumed.skipped, resumed.retried, resumed.ok, resumed.complete) == (6, 2, 2, True)
    sweep(experiment, tmp_path / "fresh")
    pd.testing.assert_frame_equal(read_results(out), read_results(tmp_path / "fresh"))


def _dying_at_part(fatal: int, write: Any) -> Any:
    """``write``, but at the ``fatal``-th part it leaves a temporary file cut short, and dies."""
    parts = 0

    def dying(frame: pd.DataFrame, path: Path) -> Path:
        nonlocal parts
        parts += path.parent.name == RUNS
        if parts >= fatal:
            (path.parent / f".{path.name}.cut").write_bytes(b"PAR1 cut short")
            raise Crash
        return write(frame, path)

    return dying

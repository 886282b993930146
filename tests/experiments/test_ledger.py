"""A run recorded more than once (failed, then run again) is read as its standing record."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from govsim.experiments import load_experiment, read_results, sweep
from govsim.experiments.ledger import Ledger, standing
from govsim.experiments.store import MANIFEST, RUNS, Store
from govsim.experiments.sweep import failed_row, perform, tasks
from tests.experiments.builders import experiment_file
from tests.experiments.stand_ins import run_failing_at_strong_link


def test_an_ok_record_stands_before_or_after_failed_ones_else_the_newest_failure() -> None:
    records = pd.DataFrame(
        {
            "run": [1, 2, 1, 3, 2, 3, 4],
            "status": ["failed", "ok", "failed", "failed", "failed", "ok", "ok"],
        }
    )
    assert standing(records).tolist() == [False, True, True, False, False, True, True]
    ledger = Ledger.of(records)
    assert (ledger.ok, ledger.failed, ledger.runs) == ({2, 3, 4}, {1}, 4)


def test_a_ledger_takes_later_records_whatever_their_order() -> None:
    ledger = Ledger()
    ledger.add([(1, "failed"), (2, "ok"), (3, "failed")])
    planned = ledger.copy()
    ledger.add([(1, "ok"), (2, "failed"), (3, "failed")])
    assert (ledger.ok, ledger.failed) == ({1, 2}, {3})
    assert (planned.ok, planned.failed) == ({2}, {1, 3}), "a copy is left as it was"


def test_records_appended_for_failed_runs_replace_them_for_every_reader(tmp_path: Path) -> None:
    experiment = load_experiment(experiment_file(tmp_path))
    out = tmp_path / "out"
    sweep(experiment, out, run=run_failing_at_strong_link)  # runs 4 to 7 fail
    before = {part: part.read_bytes() for part in (out / RUNS).iterdir()}
    with Store.open(out, experiment) as store:
        recorded = store.recorded()
        assert (recorded.ok, recorded.failed) == ({0, 1, 2, 3}, {4, 5, 6, 7})
        first, *others = tasks(experiment, skip=recorded.ok)
        store.append([perform(first), *(failed_row(task, "newer") for task in others)])
    assert all(part.read_bytes() == data for part, data in before.items()), "none rewritten"
    results = read_results(out)
    assert results[["point", "replication"]].drop_duplicates().shape[0] == len(results) == 8
    assert results["status"].value_counts().to_dict() == {"ok": 5, "failed": 3}
    assert results.loc[results["status"] == "failed", "error"].eq("newer").all()
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert (manifest["runs_done"], manifest["runs_failed"]) == (8, 3)


def test_a_new_part_is_numbered_after_the_newest_even_with_one_moved_aside(tmp_path) -> None:
    """Numbered by count, it would share a number with a part still there: which is newer?"""
    experiment = load_experiment(experiment_file(tmp_path))
    out = tmp_path / "out"
    sweep(experiment, out, run=run_failing_at_strong_link)
    parts = sorted((out / RUNS).iterdir())
    parts[0].rename(tmp_path / parts[0].name)  # a damaged part, moved aside
    with Store.open(out, experiment) as store:
        (last,) = (task for task in tasks(experiment, skip=set()) if task.run == 7)
        store.append([failed_row(last, "newest")])
    (new,) = set((out / RUNS).iterdir()) - set(parts)
    assert new.name.startswith(f"part-{len(parts):06d}-")
    results = read_results(out)
    assert results.set_index(["point", "replication"]).loc[(3, 1), "error"] == "newest"

"""Levels stored as the scenario takes them, and a folder whose set-up a sweep did not finish.

A value that passes ``govsim validate`` must not stop the sweep, and a sweep stopped before its
folder had ``sweep.json`` must not leave a folder that no later sweep takes.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from govsim.experiments import SweepFolderError, load_experiment, read_results, sweep
from govsim.experiments.analysis.effects import main_effects
from govsim.experiments.analysis.swept import read_swept
from govsim.experiments.store import LOCK, MANIFEST, RUNS
from tests.experiments.builders import experiment_file
from tests.helpers import ROOT

CAPABILITY = "agencies.police.capability"


def _written_as_yaml_reads_it(folder: Path) -> Path:
    """Levels ``[0, 1e-3, 0.01]`` as a researcher types them: YAML reads ``1e-3`` as text."""
    levers = {CAPABILITY: {"levels": [0, "1e-3", 0.01]}}
    path = experiment_file(folder, levers=levers, uncertainties={}, replications=1)
    path.write_text(path.read_text().replace("'1e-3'", "1e-3"))
    return path


def test_validation_gives_the_points_as_the_scenario_takes_them(tmp_path: Path) -> None:
    experiment = load_experiment(_written_as_yaml_reads_it(tmp_path))
    taken = [point[CAPABILITY] for point in experiment.points]
    assert taken == [0.0, 0.001, 0.01]
    assert all(type(value) is float for value in taken)
    assert experiment.parameters[0].levels == (0.0, 0.001, 0.01)


def test_a_level_yaml_reads_as_text_is_swept_and_stored_as_the_number(tmp_path: Path) -> None:
    experiment = load_experiment(_written_as_yaml_reads_it(tmp_path))
    report = sweep(experiment, tmp_path / "out")
    assert (report.ok, report.failed) == (3, 0)
    results = read_results(tmp_path / "out")
    assert results[CAPABILITY].tolist() == [0.0, 0.001, 0.01]
    manifest = json.loads((tmp_path / "out" / MANIFEST).read_text())
    assert manifest["levels"] == {CAPABILITY: [0.0, 0.001, 0.01]}
    effects = main_effects(read_swept(tmp_path / "out"), ["victims"])
    assert effects["level"].tolist() == [0.0, 0.001, 0.01]
    assert effects["runs"].tolist() == [1, 1, 1]


def test_a_level_written_as_another_number_keeps_the_fingerprint_of_the_file(
    tmp_path: Path,
) -> None:
    """Folders swept when levels were stored as written still resume: the drawn points count."""
    as_int = load_experiment(
        experiment_file(tmp_path, name="a", levers={CAPABILITY: {"levels": [0, 1]}})
    )
    as_float = load_experiment(
        experiment_file(tmp_path, name="b", levers={CAPABILITY: {"levels": [0.0, 1.0]}})
    )
    assert as_int.points == as_float.points
    assert as_int.fingerprint() != as_float.fingerprint()
    assert as_int.drawn[0][CAPABILITY] == 0


def test_the_folder_a_failed_set_up_left_is_taken_by_the_next_sweep(tmp_path: Path) -> None:
    """What a sweep that stopped at points.parquet left: the lock, runs/ and two descriptions."""
    out = tmp_path / "out"
    (out / RUNS).mkdir(parents=True)
    (out / LOCK).touch()
    (out / "experiment.yaml").write_text("levers: {}\n")
    (out / "scenario.resolved.yaml").write_text("days: 10\n")
    experiment = load_experiment(experiment_file(tmp_path, uncertainties={}, seed=5))
    report = sweep(experiment, out)
    assert (report.ok, report.failed) == (4, 0)
    assert json.loads((out / MANIFEST).read_text())["seed"] == 5


KILLED_WRITING_POINTS = """
import os, signal, sys
from pathlib import Path
import pandas as pd
from govsim.experiments import load_experiment
from govsim.experiments.store import Store

def killed(*args, **kwargs):  # the first Parquet file a sweep writes is points.parquet
    os.kill(os.getpid(), signal.SIGKILL)

pd.DataFrame.to_parquet = killed
Store.open(Path(sys.argv[2]), load_experiment(sys.argv[1]))
"""


def test_a_sweep_killed_while_setting_up_leaves_a_folder_the_next_sweep_takes(
    tmp_path: Path,
) -> None:
    path = experiment_file(tmp_path, uncertainties={}, replications=1)
    out = tmp_path / "out"
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    ended = subprocess.run(
        [sys.executable, "-c", KILLED_WRITING_POINTS, str(path), str(out)],
        env=environment,
        capture_output=True,
        check=False,
    )
    assert ended.returncode == -signal.SIGKILL, ended.stderr
    assert not (out / MANIFEST).exists()
    assert any(entry.name.startswith(".points.parquet.") for entry in out.iterdir())
    report = sweep(load_experiment(path), out)
    assert (report.ok, report.failed) == (2, 0)


@pytest.mark.parametrize(
    "left",
    [
        {"notes.txt": "mine"},
        {f"{RUNS}/part-000000-abcdef12.parquet": "a run"},
        {"experiment.yaml": "someone's", "notes.txt": "mine"},
    ],
    ids=["a file of someone's", "a run recorded", "descriptions beside a file of someone's"],
)
def test_a_folder_with_more_than_a_set_up_is_refused_and_kept(
    tmp_path: Path, left: dict[str, str]
) -> None:
    out = tmp_path / "out"
    (out / RUNS).mkdir(parents=True)
    (out / LOCK).touch()
    for name, text in left.items():
        (out / name).write_text(text)
    experiment = load_experiment(experiment_file(tmp_path, uncertainties={}, replications=1))
    with pytest.raises(SweepFolderError, match="holds files but no sweep"):
        sweep(experiment, out)
    for name, text in left.items():
        assert (out / name).read_text() == text


def test_descriptions_without_the_lock_are_someone_elses(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / RUNS).mkdir(parents=True)
    (out / "experiment.yaml").write_text("someone's")
    experiment = load_experiment(experiment_file(tmp_path, uncertainties={}, replications=1))
    with pytest.raises(SweepFolderError, match="holds files but no sweep"):
        sweep(experiment, out)
    assert (out / "experiment.yaml").read_text() == "someone's"

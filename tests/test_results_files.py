"""Results on disk: the seed recorded and reproducible, no silent overwrite, usual permissions."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pandas as pd
import pytest
import yaml
from typer.testing import CliRunner

from govsim.cli import app
from govsim.results import (
    ResultsFolderError,
    check_results_folder,
    write_parquet_atomically,
    write_text_atomically,
)
from tests.helpers import SCENARIOS

runner = CliRunner()
SMALL = ["--days", "20", "--residents", "2000", "-r", "2"]
PARQUETS = ("summary", "timeseries", "by_scam", "market", "by_region", "by_institution")


def govsim_run(*args: str):
    return runner.invoke(app, ["run", *args])


def test_seed_is_recorded_and_the_resolved_file_reproduces_the_run(tmp_path):
    first, again = tmp_path / "first", tmp_path / "again"
    scenario = str(SCENARIOS / "bilateral.yaml")
    result = govsim_run(scenario, "--seed", "7", *SMALL, "--out", str(first))
    assert result.exit_code == 0, result.output
    resolved = yaml.safe_load((first / "scenario.resolved.yaml").read_text(encoding="utf-8"))
    assert (resolved["seed"], resolved["days"], resolved["population"]["size"]) == (7, 20, 2000)
    record = json.loads((first / "run.json").read_text(encoding="utf-8"))
    summary = pd.read_parquet(first / "summary.parquet")
    assert record["seed"] == 7
    assert record["seeds"] == summary["seed"].tolist()

    result = govsim_run(str(first / "scenario.resolved.yaml"), "-r", "2", "--out", str(again))
    assert result.exit_code == 0, result.output
    for name in PARQUETS:
        pd.testing.assert_frame_equal(
            pd.read_parquet(first / f"{name}.parquet"),
            pd.read_parquet(again / f"{name}.parquet"),
            check_exact=True,
        )
    again_record = json.loads((again / "run.json").read_text(encoding="utf-8"))
    assert again_record["scenario_hash"] == record["scenario_hash"]
    assert again_record["seeds"] == record["seeds"]


def test_an_existing_results_folder_is_refused_before_the_run_unless_forced(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "summary.parquet").write_bytes(b"earlier results")
    (out / "notes.md").write_text("the analyst's own notes\n", encoding="utf-8")
    args = [str(SCENARIOS / "baseline.yaml"), "--days", "5", "--residents", "1000", "-r", "1"]
    result = govsim_run(*args, "--out", str(out))
    assert result.exit_code == 2
    assert str(out) in result.output
    assert "--force" in result.output
    assert (out / "summary.parquet").read_bytes() == b"earlier results"
    result = govsim_run(*args, "--out", str(out), "--force")
    assert result.exit_code == 0, result.output
    assert len(pd.read_parquet(out / "summary.parquet")) == 1
    assert (out / "notes.md").read_text(encoding="utf-8") == "the analyst's own notes\n"
    assert not [path.name for path in out.iterdir() if path.name.startswith(".")]


def test_an_empty_results_folder_is_used(tmp_path):
    check_results_folder(tmp_path)  # exists and is empty: no error


def test_a_file_as_results_folder_is_refused_before_the_run(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text("notes\n", encoding="utf-8")
    args = [str(SCENARIOS / "baseline.yaml"), "--residents", "2000", "-r", "1"]
    result = govsim_run(*args, "--out", str(readme))
    assert result.exit_code == 2
    assert "is a file" in result.output
    assert "replication(s) in" not in result.output  # refused before simulating
    assert readme.read_text(encoding="utf-8") == "notes\n"
    with pytest.raises(ResultsFolderError, match="is a file"):
        check_results_folder(readme / "inside", force=True)


def test_a_read_only_parent_is_refused(tmp_path, monkeypatch):
    # Root writes into read-only folders, and CI runs as root: the permission check is what a
    # non-root user meets, so the test makes the folder read-only for that check.
    locked = tmp_path / "locked"
    locked.mkdir()
    real_access = os.access
    monkeypatch.setattr(
        "govsim.results.os.access",
        lambda path, mode: False if Path(path) == locked.absolute() else real_access(path, mode),
    )
    with pytest.raises(ResultsFolderError, match="read-only"):
        check_results_folder(locked / "out")
    check_results_folder(tmp_path / "free" / "out")


def test_a_scenario_without_a_name_writes_to_its_own_folder(tmp_path, monkeypatch):
    child = tmp_path / "weak_banks.yaml"
    child.write_text(f"extends: {SCENARIOS / 'baseline.yaml'}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = govsim_run(str(child), "--days", "5", "--residents", "1000", "-r", "1")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "results" / "weak_banks" / "summary.parquet").exists()
    assert not (tmp_path / "results" / "baseline").exists()


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_result_files_follow_the_umask(tmp_path, umask, mode):
    out = tmp_path / "out"
    previous = os.umask(umask)
    try:
        args = [str(SCENARIOS / "baseline.yaml"), "--days", "5", "--residents", "1000", "-r", "1"]
        result = govsim_run(*args, "--out", str(out))
    finally:
        os.umask(previous)
    assert result.exit_code == 0, result.output
    files = sorted(out.iterdir())
    assert len(files) >= 8
    for path in files:
        assert stat.S_IMODE(path.stat().st_mode) == mode, path.name
    assert stat.S_IMODE(out.stat().st_mode) == 0o777 & ~umask


def test_run_record_names_the_versions_results_depend_on(tmp_path):
    out = tmp_path / "out"
    args = [str(SCENARIOS / "baseline.yaml"), "--days", "5", "--residents", "1000", "-r", "1"]
    assert govsim_run(*args, "--out", str(out)).exit_code == 0
    record = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert {"govsim_version", "numpy_version", "scipy_version", "python_version"} <= set(record)


def test_a_refused_folder_is_explained_in_chinese(tmp_path):
    out = tmp_path / "taken"
    out.mkdir()
    (out / "summary.parquet").write_bytes(b"")
    args = [str(SCENARIOS / "baseline.yaml"), "--out", str(out), "--lang", "zh"]
    result = govsim_run(*args)
    assert result.exit_code == 2
    assert "中已有结果" in result.output
    assert "--force" in result.output


@pytest.mark.parametrize("kind", ["text", "parquet"])
def test_a_write_that_fails_leaves_the_earlier_file_whole_and_no_temporary(
    tmp_path, kind, monkeypatch
):
    """Results are written to a temporary name and renamed: a crash mid-write loses nothing."""
    target = tmp_path / ("report.html" if kind == "text" else "summary.parquet")
    target.write_bytes(b"earlier file")

    def crash_half_way(first, second, *args, **kwargs):
        """Write the start of the file, then fail, as a full disk or a kill would."""
        path = first if kind == "text" else second
        with open(path, "wb") as handle:
            handle.write(b"<html><bo")
        raise OSError("disk full")

    if kind == "text":
        monkeypatch.setattr(Path, "write_text", crash_half_way)
        with pytest.raises(OSError, match="disk full"):
            write_text_atomically("<html></html>", target)
    else:
        monkeypatch.setattr(pd.DataFrame, "to_parquet", crash_half_way)
        with pytest.raises(OSError, match="disk full"):
            write_parquet_atomically(pd.DataFrame({"a": [1]}), target)
    assert target.read_bytes() == b"earlier file"
    assert [path.name for path in tmp_path.iterdir()] == [target.name]

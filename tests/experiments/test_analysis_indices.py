"""Sensitivity indices on an analytic experiment whose answer is known."""

from __future__ import annotations

import pandas as pd
import pytest

from govsim.experiments.analysis import AnalysisError, analyze
from govsim.experiments.store import RUNS
from tests.experiments.analytic import BANKS, POLICE, analytic_sweep


def _row(table: pd.DataFrame, outcome: str, parameter: str) -> pd.Series:
    return table[(table["outcome"] == outcome) & (table["parameter"] == parameter)].iloc[0]


def test_sobol_gives_the_dominant_parameter_all_the_variance(tmp_path):
    folder = analytic_sweep(tmp_path, "sobol", 64)
    table = analyze(folder, outcomes=["net_loss"]).indices
    police, banks = _row(table, "net_loss", POLICE), _row(table, "net_loss", BANKS)
    assert police["S1"] == pytest.approx(1.0, abs=0.05)
    assert police["ST"] == pytest.approx(1.0, abs=0.05)
    assert abs(banks["S1"]) < 0.01
    assert banks["ST"] < 0.01
    assert 0 < police["S1_conf"] < 0.5, "a 95% interval's half width is reported"


def test_morris_mu_star_is_the_slope(tmp_path):
    folder = analytic_sweep(tmp_path, "morris", 10)
    table = analyze(folder, outcomes=["net_loss"]).indices
    police, banks = _row(table, "net_loss", POLICE), _row(table, "net_loss", BANKS)
    assert police["mu_star"] == pytest.approx(1000.0, rel=1e-6)
    assert banks["mu_star"] == pytest.approx(1.0, rel=1e-6)
    assert police["sigma"] == pytest.approx(0.0, abs=1e-6), "a linear effect does not vary"
    assert {"mu", "mu_star_conf"} <= set(table.columns)


def test_a_grid_has_no_indices_and_asking_for_them_says_so(tmp_path):
    folder = analytic_sweep(
        tmp_path,
        "grid",
        None,
        levers={POLICE: {"levels": [0.2, 0.8]}},
        uncertainties={BANKS: {"levels": [0.2, 0.8]}},
    )
    assert analyze(folder).indices is None
    with pytest.raises(AnalysisError, match="design: grid has no sensitivity indices"):
        analyze(folder, indices=True)


def test_a_point_without_a_finished_run_stops_sobol_with_the_fix(tmp_path):
    folder = analytic_sweep(tmp_path, "sobol", 8)
    for part in sorted((folder / RUNS).glob("part-*.parquet")):
        runs = pd.read_parquet(part)
        runs.loc[runs["point"] == 3, "status"] = "failed"
        runs.to_parquet(part)
    with pytest.raises(AnalysisError, match=r"every replication of 1 point\(s\) failed") as error:
        analyze(folder, outcomes=["net_loss"])
    assert "run the same govsim sweep command again: it runs the failed runs" in str(error.value)


def test_an_unfinished_sweep_is_named_so(tmp_path):
    folder = analytic_sweep(tmp_path, "sobol", 8)
    for part in sorted((folder / RUNS).glob("part-*.parquet"))[1:]:
        part.unlink()
    with pytest.raises(AnalysisError, match="run the same govsim sweep command again"):
        analyze(folder, outcomes=["net_loss"])


def test_an_outcome_without_a_value_at_a_point_is_named_not_blamed_on_runs(tmp_path):
    folder = analytic_sweep(tmp_path, "sobol", 8)
    part = sorted((folder / RUNS).glob("part-*.parquet"))[0]
    runs = pd.read_parquet(part)
    runs.loc[runs["point"] == runs["point"].iloc[0], "net_loss"] = float("nan")
    runs.to_parquet(part)
    with pytest.raises(AnalysisError, match="net_loss has no value in any run of 1 point"):
        analyze(folder, outcomes=["net_loss"])


def test_a_sweep_whose_runs_all_failed_says_so(tmp_path):
    folder = analytic_sweep(tmp_path, "lhs", 4)
    for part in (folder / RUNS).glob("part-*.parquet"):
        runs = pd.read_parquet(part)
        runs["status"] = "failed"
        runs.to_parquet(part)
    with pytest.raises(AnalysisError, match="all 8 runs recorded failed") as error:
        analyze(folder)
    assert "run the same govsim sweep command again" in str(error.value)
    assert "再次运行同一条 govsim sweep 命令：失败的运行会重新运行" in error.value.render("zh")

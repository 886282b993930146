"""The analysis's table and report for indexed designs, failed runs, and its wording."""

from __future__ import annotations

import re
import string

import pandas as pd
import pytest

from govsim.experiments.analysis import analyze, write_analysis
from govsim.experiments.analysis.wording import WORDS
from govsim.experiments.store import RUNS
from tests.comparison.html_check import check_offline_html
from tests.experiments.analytic import POLICE, analytic_sweep

HAN = re.compile(r"[\u4e00-\u9fff]")


@pytest.mark.parametrize(
    ("design", "samples", "names"),
    [("sobol", 16, {"S1", "ST"}), ("morris", 6, {"mu", "mu_star", "sigma"})],
)
def test_indices_are_rows_of_the_table_and_bars_of_the_report(tmp_path, design, samples, names):
    folder = analytic_sweep(tmp_path, design, samples)
    analysis = analyze(folder, outcomes=["net_loss", "victims"])
    table_path, report_path = write_analysis(analysis, tmp_path / "analysis")
    table = pd.read_parquet(table_path)
    indices = table[table["section"] == design]
    assert set(indices["statistic"]) == names
    first = indices[(indices["parameter"] == POLICE) & (indices["outcome"] == "net_loss")]
    interval = first[first["statistic"] == sorted(names)[0 if design == "sobol" else 1]].iloc[0]
    assert interval["low"] <= interval["value"] <= interval["high"]
    assert interval["high"] > interval["low"] or design == "morris", "a linear effect is exact"
    page = report_path.read_text(encoding="utf-8")
    check_offline_html(page)
    assert "Sensitivity indices" in page
    assert "Victims does not vary over the points: it has no indices." in page


def test_failed_runs_are_counted_and_left_out(tmp_path):
    folder = analytic_sweep(tmp_path, "sobol", 8)
    part = sorted((folder / RUNS).glob("part-*.parquet"))[0]
    runs = pd.read_parquet(part)
    runs.loc[runs["replication"] == 1, "status"] = "failed"
    runs.loc[runs["replication"] == 1, "net_loss"] = 1e12  # a failed run's value must not count
    runs.to_parquet(part)
    failed = int((runs["replication"] == 1).sum())
    analysis = analyze(folder, outcomes=["net_loss"])
    assert analysis.swept.failed == failed
    _, report = write_analysis(analysis, tmp_path / "analysis")
    page = report.read_text(encoding="utf-8")
    assert f"{failed} failed" in page
    assert "Failed runs are left out" in page
    assert analysis.effects["mean"].max() < 2000


def test_every_phrase_has_english_and_chinese_with_the_same_fields():
    for key, (english, chinese) in WORDS.items():
        assert HAN.search(chinese), key
        fields = [
            {f for _, f, _, _ in string.Formatter().parse(text) if f} for text in (english, chinese)
        ]
        assert fields[0] == fields[1], key

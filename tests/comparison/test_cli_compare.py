"""`govsim compare` end to end, into a temporary folder, with tiny cities; and its refusals."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from govsim.cli import app
from govsim.comparison.frames import DIFFERENCE_COLUMNS, OUTCOMES
from govsim.comparison.running import RESERVED
from tests.comparison.html_check import check_offline_html
from tests.helpers import SCENARIOS

runner = CliRunner()
POLICE = str(SCENARIOS / "police_only.yaml")
HUB = str(SCENARIOS / "multi_party_hub.yaml")
TINY = ["--residents", "2000", "--days", "20", "--set", "warmup_days=5", "--seed", "3"]


def compare(*args: str) -> object:
    return runner.invoke(app, ["compare", *args])


@pytest.fixture(scope="module", params=["en", "zh"])
def compared(request, tmp_path_factory) -> tuple[str, Path, str]:
    """One tiny comparison per language: (language, results folder, what it printed)."""
    out = tmp_path_factory.mktemp("compare") / "out"
    result = compare(POLICE, HUB, "-r", "3", *TINY, "--out", str(out), "--lang", request.param)
    assert result.exit_code == 0, result.output
    return request.param, out, result.output


def test_compare_writes_each_run_the_tables_and_the_report(compared):
    _, out, _ = compared
    for name in ("police_only", "multi_party_hub"):
        summary = pd.read_parquet(out / name / "summary.parquet")
        assert len(summary) == 3
        assert (out / name / "run.json").exists()
    for name in ("comparison.parquet", "differences.parquet", "cost_effectiveness.parquet"):
        assert (out / name).exists(), name
    assert (out / "report.html").exists()
    files = {path.name for path in out.iterdir() if path.is_file()}
    assert files == RESERVED - {"differences_between.parquet"}  # two scenarios: no other pair


def test_every_scenario_ran_with_the_same_seeds(compared):
    _, out, _ = compared
    seeds = [
        json.loads((out / n / "run.json").read_text())["seeds"]
        for n in ("police_only", "multi_party_hub")
    ]
    assert seeds[0] == seeds[1]
    assert json.loads((out / "comparison.json").read_text())["seeds"] == seeds[0]


def test_the_tables_have_their_columns(compared):
    _, out, _ = compared
    outcomes = pd.read_parquet(out / "comparison.parquet")
    assert list(outcomes.columns) == ["scenario", "outcome", "mean", "ci_low", "ci_high"]
    assert set(outcomes["outcome"]) == set(OUTCOMES)
    found = pd.read_parquet(out / "differences.parquet")
    assert list(found.columns) == list(DIFFERENCE_COLUMNS)
    assert set(found["scenario"]) == {"multi_party_hub"}
    assert (found["replications"] <= 3).all()


def test_the_console_shows_the_table_and_the_verdicts(compared):
    language, _, output = compared
    assert (
        "multi_party_hub vs police_only" if language == "en" else "multi_party_hub 对比 police_only"
    ) in output
    if language == "en":
        assert "Verdicts" in output
        assert "governance cost" in output
        assert "raises governance cost by" in output
    else:
        assert "结论" in output
        assert "治理成本增加" in output


def test_the_report_is_offline_valid_html_with_the_verdicts(compared):
    language, out, output = compared
    text = (out / "report.html").read_text(encoding="utf-8")
    check_offline_html(text)
    marker = "raises governance cost by" if language == "en" else "治理成本增加"
    verdict = next(line.strip() for line in output.splitlines() if marker in line)
    assert verdict in text
    assert ("Pairing efficiency" if language == "en" else "配对效率") in text
    assert ("not a funnel" if language == "en" else "并非逐级漏斗") in text


def test_the_default_folder_names_the_scenarios(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = compare(
        POLICE, HUB, "-r", "2", "--residents", "1000", "--days", "5", "--set", "warmup_days=5"
    )
    assert result.exit_code == 0, result.output
    assert (
        tmp_path / "results" / "compare_police_only_vs_multi_party_hub" / "report.html"
    ).exists()


def test_one_scenario_is_refused(tmp_path):
    result = compare(POLICE, "--out", str(tmp_path / "o"))
    assert result.exit_code == 2
    assert "at least two scenario files" in result.output
    assert not (tmp_path / "o").exists()


def test_a_missing_file_is_refused(tmp_path):
    result = compare(POLICE, str(tmp_path / "nowhere.yaml"), "--out", str(tmp_path / "o"))
    assert result.exit_code == 2
    assert "nowhere.yaml" in result.output
    assert not (tmp_path / "o").exists()


def test_a_bad_setting_is_refused(tmp_path):
    result = compare(
        POLICE, HUB, "--set", "agencies.police.capability", "--out", str(tmp_path / "o")
    )
    assert result.exit_code == 2
    assert "key.path=value" in result.output


def test_a_misspelt_setting_is_refused(tmp_path):
    result = compare(
        POLICE, HUB, "--set", "agencies.police.capabilty=0.5", "--out", str(tmp_path / "o")
    )
    assert result.exit_code == 2
    assert "capability" in result.output


def test_two_scenarios_of_one_name_are_refused(tmp_path):
    result = compare(POLICE, POLICE, "--out", str(tmp_path / "o"))
    assert result.exit_code == 2
    assert "two scenarios are named police_only" in result.output


def test_a_folder_with_results_is_refused_without_force(tmp_path):
    out = tmp_path / "o"
    out.mkdir()
    (out / "old.txt").write_text("x")
    result = compare(POLICE, HUB, "--out", str(out))
    assert result.exit_code == 2
    assert "--force" in result.output


@pytest.mark.parametrize(
    "page",
    [
        '<script src="https://cdn.plot.ly/plotly.min.js"></script>',
        '<link rel="stylesheet" href="//fonts.example.com/a.css">',
        '<img src="http://example.com/a.png">',
        "<style>@import url(https://fonts.example.com/x.css);</style>",
        "<div><p></div>",
    ],
)
def test_the_html_check_catches_remote_loads_and_broken_nesting(page):
    head = "<head><meta charset=utf-8><title>t</title></head>"
    text = f"<!DOCTYPE html><html>{head}<body>{page}</body></html>"
    with pytest.raises(AssertionError):
        check_offline_html(text)


def test_precision_says_what_happened(tmp_path):
    args = [POLICE, HUB, "-r", "2", *TINY, "--precision", "1e-9", "--max-replications", "4"]
    result = compare(*args, "--out", str(tmp_path / "o"))
    assert result.exit_code == 0, result.output
    assert "Stopped at --max-replications 4" in result.output
    record = json.loads((tmp_path / "o" / "comparison.json").read_text())
    assert record["replications"] == 4
    assert record["precision"]["reached"] is False


def test_a_precision_of_zero_is_refused(tmp_path):
    result = compare(POLICE, HUB, "--precision", "0", "--out", str(tmp_path / "o"))
    assert result.exit_code == 2
    assert "--precision must be above 0" in result.output


def test_each_outcome_is_one_line_of_the_console_table(compared):
    _, _, output = compared
    rows = [line for line in output.splitlines() if line.startswith("│")]
    assert len(rows) == len(OUTCOMES)


def test_refusals_follow_the_language(tmp_path):
    result = compare(POLICE, "--lang", "zh", "--out", str(tmp_path / "o"))
    assert result.exit_code == 2
    assert "比较至少需要两个情景文件" in result.output
    result = compare(POLICE, POLICE, "--lang", "zh", "--out", str(tmp_path / "o"))
    assert result.exit_code == 2
    assert "有多个情景都名为 police_only" in result.output


def test_the_options_that_changed_the_files_are_recorded_and_said(compared):
    language, out, _ = compared
    record = json.loads((out / "comparison.json").read_text(encoding="utf-8"))
    found = {(o["scenario"], o["key"], o["run"], o["option"]) for o in record["overrides"]}
    for name in ("police_only", "multi_party_hub"):
        assert (name, "population.size", 2000, "--residents") in found
        assert (name, "days", 20, "--days") in found
        assert (name, "warmup_days", 5, "--set") in found
    page = (out / "report.html").read_text(encoding="utf-8")
    said = "this run: " if language == "en" else "本次运行："
    assert said in page

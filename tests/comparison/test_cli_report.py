"""`govsim report`: a comparison's or an attribution's report again, in another language.

Nothing is run: the report is drawn from the folder, and says what the first one said.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from govsim.attribution.files import read_attribution
from govsim.cli import app
from govsim.comparison.files import read_comparison
from govsim.comparison.frames import KEY_OUTCOMES
from govsim.comparison.verdicts import verdicts
from tests.comparison.html_check import check_offline_html
from tests.helpers import SCENARIOS

runner = CliRunner()
TINY = ["--residents", "2000", "--days", "20", "--set", "warmup_days=5", "--seed", "3"]


@pytest.fixture(scope="module")
def compared(tmp_path_factory) -> Path:
    """A tiny comparison in English, with its report."""
    out = tmp_path_factory.mktemp("compare") / "out"
    args = [str(SCENARIOS / "police_only.yaml"), str(SCENARIOS / "multi_party_hub.yaml")]
    result = runner.invoke(app, ["compare", *args, "-r", "3", *TINY, "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


def test_the_comparison_read_back_has_the_tables_it_wrote(compared: Path) -> None:
    comparison = read_comparison(compared)
    for frame, file in (
        (comparison.outcomes, "comparison.parquet"),
        (comparison.differences, "differences.parquet"),
        (comparison.cost_effectiveness, "cost_effectiveness.parquet"),
    ):
        pd.testing.assert_frame_equal(
            frame.reset_index(drop=True), pd.read_parquet(compared / file)
        )
    record = json.loads((compared / "comparison.json").read_text(encoding="utf-8"))
    assert [run.scenario.name for run in comparison.runs] == record["scenarios"]
    assert comparison.reference.seeds == record["seeds"]
    assert comparison.precision is None
    assert {(o.key, o.option) for o in comparison.overrides} == {
        ("population.size", "--residents"),
        ("days", "--days"),
        ("warmup_days", "--set"),
    }


def test_a_report_in_chinese_says_what_the_english_one_said(compared: Path) -> None:
    original = (compared / "report.html").read_text(encoding="utf-8")
    result = runner.invoke(app, ["report", str(compared), "--lang", "zh"])
    assert result.exit_code == 0, result.output
    written = compared / "report_zh.html"
    assert f"{written}" in result.output
    page = written.read_text(encoding="utf-8")
    check_offline_html(page)
    differences = pd.read_parquet(compared / "differences.parquet")
    for language, text in (("zh", page), ("en", original)):
        for line in verdicts(differences, KEY_OUTCOMES, language):
            assert line in text, (language, line)
    assert "结论" in result.output, "the verdicts are printed in the chosen language"
    assert (compared / "report.html").read_text(encoding="utf-8") == original, "left as it was"


def test_the_report_goes_where_output_says(compared: Path, tmp_path: Path) -> None:
    target = tmp_path / "for the bureau" / "报告.html"
    result = runner.invoke(app, ["report", str(compared), "--output", str(target), "--lang", "zh"])
    assert result.exit_code == 0, result.output
    check_offline_html(target.read_text(encoding="utf-8"))


def test_an_output_that_is_a_folder_is_refused(compared: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["report", str(compared), "--output", str(tmp_path)])
    assert result.exit_code == 2
    assert "is a folder" in result.output


def test_a_folder_without_a_comparison_is_refused(tmp_path: Path) -> None:
    result = runner.invoke(app, ["report", str(tmp_path)])
    assert result.exit_code == 2
    assert "holds no comparison (no comparison.json)" in result.output
    assert "Traceback" not in result.output


def test_a_run_missing_a_file_is_named(compared: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(compared, copy)
    (copy / "multi_party_hub" / "timeseries.parquet").unlink()
    result = runner.invoke(app, ["report", str(copy), "--lang", "zh"])
    assert result.exit_code == 2
    assert "timeseries.parquet" in result.output
    assert "缺少" in result.output


def test_a_comparison_to_precision_keeps_what_happened(tmp_path: Path) -> None:
    out = tmp_path / "precise"
    args = [str(SCENARIOS / "police_only.yaml"), str(SCENARIOS / "multi_party_hub.yaml")]
    precision = ["--precision", "0.0001", "--max-replications", "4", "-r", "2"]
    result = runner.invoke(app, ["compare", *args, *precision, *TINY, "--out", str(out)])
    assert result.exit_code == 0, result.output
    comparison = read_comparison(out)
    assert comparison.precision is not None
    assert (comparison.precision.target, comparison.precision.reached) == (0.0001, False)
    assert comparison.replications == 4


def test_an_attribution_report_in_another_language(tmp_path: Path) -> None:
    out = tmp_path / "attribution"
    args = [str(SCENARIOS / "multi_party_hub.yaml"), "--players", "hub", "-r", "2"]
    small = ["--residents", "1000", "--days", "20", "--set", "warmup_days=5", "--seed", "3"]
    result = runner.invoke(app, ["attribute", *args, *small, "--out", str(out)])
    assert result.exit_code == 0, result.output
    attribution = read_attribution(out)
    pd.testing.assert_frame_equal(attribution.values, pd.read_parquet(out / "attribution.parquet"))
    assert attribution.game.players[0] == "one_intake"
    result = runner.invoke(app, ["report", str(out), "--lang", "zh"])
    assert result.exit_code == 0, result.output
    page = (out / "report_zh.html").read_text(encoding="utf-8")
    check_offline_html(page)
    assert "multi_party_hub" in page
    assert "归因" in page


def test_an_attribution_written_without_its_scenario_says_what_to_do(tmp_path: Path) -> None:
    (tmp_path / "attribution.json").write_text("{}", encoding="utf-8")
    result = runner.invoke(app, ["report", str(tmp_path)])
    assert result.exit_code == 2
    assert "scenario.resolved.yaml is missing" in result.output

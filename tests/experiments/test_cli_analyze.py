"""govsim analyze at the command line, on a real tiny sweep: table, report, languages, refusals."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest
from typer.testing import CliRunner

from govsim.cli import app
from tests.comparison.html_check import check_offline_html
from tests.experiments.builders import experiment_file

runner = CliRunner()
SMALL_CITY = {"population.size": 2000, "days": 30, "warmup_days": 5}


@pytest.fixture(scope="module")
def swept(tmp_path_factory):
    """A real 2 x 2 grid of the baseline city, 2,000 residents for 30 days, 2 replications."""
    folder = tmp_path_factory.mktemp("analyze")
    path = experiment_file(folder, fixed=SMALL_CITY)
    out = folder / "sweep"
    result = runner.invoke(app, ["sweep", str(path), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def analysed(swept):
    # So small a city has few victims: attempts and contacts move with the rings' density.
    arguments = ["analyze", str(swept), "--discover", "attempts > 1000", "--outcomes", "attempts"]
    result = runner.invoke(app, [*arguments, "--outcomes", "contacts_reached"])
    assert result.exit_code == 0, result.output
    return swept / "analysis", result


def test_analyze_writes_the_tidy_table_and_the_report(analysed):
    folder, _ = analysed
    table = pd.read_parquet(folder / "analysis.parquet")
    assert {"section", "outcome", "parameter", "level", "statistic", "value", "low", "high"} <= set(
        table.columns
    )
    assert set(table["section"]) == {"point", "main_effect", "discovery"}
    effects = table[table["section"] == "main_effect"]
    assert set(effects["parameter"]) == {"cooperation.links.police-bank", "fraud.rings_per_million"}
    assert set(effects["outcome"]) == {"attempts", "contacts_reached"}
    assert len(effects) == 2 * 2 * 2, "two levels of two parameters for two outcomes"
    assert (table[table["section"] == "point"]["runs"] == 2).all()


def test_prim_finds_that_many_attempts_come_with_dense_rings(analysed):
    folder, _ = analysed
    table = pd.read_parquet(folder / "analysis.parquet")
    limits = table[(table["section"] == "discovery") & (table["statistic"] == "limits")]
    assert set(limits["parameter"]) == {"fraud.rings_per_million"}
    assert limits["low"].iloc[0] > 8, "the box keeps the denser rings only"
    density = table[(table["section"] == "discovery") & (table["statistic"] == "density")]
    assert density["value"].iloc[0] == 1.0


def test_the_report_is_offline_with_surface_effects_and_discovery(analysed):
    folder, _ = analysed
    page = (folder / "analysis.html").read_text(encoding="utf-8")
    check_offline_html(page)
    for heading in ("Main effects", "Response surfaces", "Distributions per point"):
        assert heading in page
    assert "Scenario discovery: attempts &gt; 1000" in page


def test_the_console_shows_the_spans_and_where_it_wrote(analysed):
    _, result = analysed
    assert "tiny" not in result.stderr
    assert "Main-effect span" in result.stdout
    assert "cooperation.links.police-bank" in result.stdout
    assert "analysis.parquet and analysis.html" in result.stdout


def test_chinese_labels_with_lang_zh(swept, tmp_path):
    out = tmp_path / "zh"
    arguments = ["analyze", str(swept), "--lang", "zh", "--out", str(out), "--outcomes", "attempts"]
    result = runner.invoke(app, arguments)
    assert result.exit_code == 0, result.output
    assert "主效应幅度" in result.stdout
    page = (out / "analysis.html").read_text(encoding="utf-8")
    check_offline_html(page)
    assert '<html lang="zh-CN">' in page
    for words in ("参数扫描分析", "主效应", "响应曲面", "诈骗联络次数"):
        assert words in page


def test_a_folder_that_is_not_a_sweep_is_refused(tmp_path):
    result = runner.invoke(app, ["analyze", str(tmp_path)])
    assert result.exit_code == 2
    assert "holds no sweep (no sweep.json)" in result.stderr
    assert "govsim sweep" in result.stderr


def test_an_unknown_column_in_the_condition_is_refused_with_a_suggestion(swept, tmp_path):
    arguments = ["analyze", str(swept), "--discover", "net_los > 2e6", "--out", str(tmp_path)]
    result = runner.invoke(app, arguments)
    assert result.exit_code == 2
    assert "--discover: net_los is not an outcome column" in result.stderr
    assert "did you mean 'net_loss'?" in result.stderr
    assert not (tmp_path / "analysis.html").exists()


def test_code_in_the_condition_is_refused(swept, tmp_path):
    expression = "__import__('os').system('touch pwned')"
    result = runner.invoke(app, ["analyze", str(swept), "--discover", expression])
    assert result.exit_code == 2
    assert "Call is not allowed" in result.stderr


def test_indices_of_a_grid_are_refused_with_the_fix(swept):
    result = runner.invoke(app, ["analyze", str(swept), "--indices"])
    assert result.exit_code == 2
    assert "experiment.yaml: design: grid has no sensitivity indices" in result.stderr
    assert "design: sobol" in result.stderr


def test_an_unknown_outcome_is_refused(swept):
    result = runner.invoke(app, ["analyze", str(swept), "--outcomes", "victim"])
    assert result.exit_code == 2
    assert "--outcomes: victim is not an outcome column" in result.stderr


def test_refusals_follow_the_language(tmp_path):
    result = runner.invoke(app, ["analyze", str(tmp_path), "--lang", "zh"])
    assert result.exit_code == 2
    assert "中没有参数扫描结果" in result.stderr


def test_an_out_that_is_a_file_is_refused(swept, tmp_path):
    blocker = tmp_path / "taken"
    blocker.write_text("", encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(swept), "--out", str(blocker)])
    assert result.exit_code == 2
    assert f"--out: cannot write the analysis into {blocker}/" in result.stderr


def test_an_earlier_analysis_is_kept_unless_forced(swept, tmp_path):
    """A second analysis into the same folder is refused: the first is not lost without a word."""
    sweep = shutil.copytree(swept, tmp_path / "sweep", ignore=shutil.ignore_patterns("analysis"))
    folder = sweep / "analysis"
    first = runner.invoke(app, ["analyze", str(sweep), "--outcomes", "attempts"])
    assert first.exit_code == 0, first.output
    earlier = (folder / "analysis.html").read_bytes()
    (folder / "notes.md").write_text("mine\n", encoding="utf-8")
    arguments = ["analyze", str(sweep), "--outcomes", "victims"]
    result = runner.invoke(app, arguments)
    assert result.exit_code == 2
    assert f"--out: {folder}/ already holds files" in result.stderr
    assert "--force" in result.stderr
    assert (folder / "analysis.html").read_bytes() == earlier
    result = runner.invoke(app, [*arguments, "--force"])
    assert result.exit_code == 0, result.output
    assert (folder / "analysis.html").read_bytes() != earlier
    assert set(pd.read_parquet(folder / "analysis.parquet")["outcome"].dropna()) == {"victims"}
    assert (folder / "notes.md").read_text(encoding="utf-8") == "mine\n"

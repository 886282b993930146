"""`govsim attribute` end to end into a temporary folder, with tiny cities; and its refusals."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from govsim.attribution.running import ATTRIBUTED, INTERACTION_COLUMNS, VALUE_COLUMNS
from govsim.attribution.sentences import player_sentence
from govsim.cli import app
from govsim.comparison.frames import OUTCOMES
from tests.comparison.html_check import check_offline_html
from tests.helpers import SCENARIOS

runner = CliRunner()
HUB = str(SCENARIOS / "multi_party_hub.yaml")
BILATERAL = str(SCENARIOS / "bilateral.yaml")
TINY = ["--residents", "1000", "--days", "20", "--set", "warmup_days=5", "--seed", "3"]


def attribute(*args: str) -> object:
    return runner.invoke(app, ["attribute", *args])


@pytest.fixture(scope="module", params=["en", "zh"])
def attributed(request, tmp_path_factory) -> tuple[str, Path, str]:
    """One tiny attribution of the hub's mechanisms per language: (language, folder, output)."""
    out = tmp_path_factory.mktemp("attribute") / "out"
    args = ["--players", "hub", "-r", "2", *TINY, "--out", str(out), "--lang", request.param]
    result = attribute(HUB, *args)
    assert result.exit_code == 0, result.output
    return request.param, out, result.output


def test_attribute_writes_the_tables_the_record_and_the_report(attributed):
    language, out, output = attributed
    values = pd.read_parquet(out / "attribution.parquet")
    assert tuple(values.columns) == VALUE_COLUMNS
    assert set(values["outcome"]) == set(ATTRIBUTED)
    assert (values["player"] == "grand_coalition").sum() == len(ATTRIBUTED)
    pairs = pd.read_parquet(out / "interactions.parquet")
    assert tuple(pairs.columns) == INTERACTION_COLUMNS
    assert len(pairs) == 10 * len(ATTRIBUTED)
    coalitions = pd.read_parquet(out / "coalitions.parquet")
    assert coalitions["mask"].nunique() == 32
    record = json.loads((out / "attribution.json").read_text(encoding="utf-8"))
    assert record["players"] == [
        "one_intake",
        "data_desk",
        "joint_operations",
        "colocation",
        "capacity",
    ]
    assert record["method"] == "exact"
    assert record["replications"] == 2
    report = (out / "report.html").read_text(encoding="utf-8")
    check_offline_html(report)
    assert report.count("Plotly.newPlot") >= len(ATTRIBUTED) + 2
    expected = (
        "32 coalitions x 2 replication(s)" if language == "en" else "32 个联盟各 2 次重复运行"
    )
    assert expected in output


def test_the_console_and_report_speak_the_chosen_language(attributed):
    language, out, output = attributed
    report = (out / "report.html").read_text(encoding="utf-8")
    if language == "en":
        # 2 replications of a 1,000-resident city: the cost's interval spans zero, and the
        # sentence says so rather than "raise" (it once stated a direction regardless).
        assert "All together make no clear difference to governance cost" in output
        assert "No pair shows synergy for net loss" in output
        assert re.search(r"(Largest|No clear) overlap for net loss|No pair overlaps", output)
        # So is the capacity's own part in it: not an "adds" whose interval spans zero.
        assert "Centre's call capacity: no clear part in the change in governance cost" in output
        assert '<html lang="en">' in report
        assert "Synergy between pairs" in report
    else:
        assert "全体合计对治理成本无明显影响" in output
        assert "中心劝阻能力 对治理成本变化的作用不明确" in output
        assert "净损失方面" in output
        assert "重叠" in output
        assert '<html lang="zh-CN">' in report
        assert "两两协同效应" in report


@pytest.mark.slow
def test_parties_end_to_end(tmp_path):
    out = tmp_path / "out"
    result = attribute(HUB, "-r", "2", *TINY, "--out", str(out))
    assert result.exit_code == 0, result.output
    values = pd.read_parquet(out / "attribution.parquet")
    assert set(values["player"]) == {
        "police",
        "banks",
        "telecoms",
        "platforms",
        "judiciary",
        "education",
        "grand_coalition",
    }
    assert len(pd.read_parquet(out / "interactions.parquet")) == 15 * len(ATTRIBUTED)
    assert "64 coalitions x 2 replication(s)" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([BILATERAL, "--players", "hub"], "has no one-stop centre"),
        ([HUB, "--players", "agencies"], "--players must be one of parties, links, hub"),
        ([HUB, "--set", "agencies.polise.capability=0.5"], "agencies.polise.capability"),
        ([HUB, "--set", "agencies.police.capability=2"], "agencies.police.capability"),
        ([HUB, "-r", "1"], "--replications"),
        ([str(SCENARIOS / "missing.yaml")], "missing.yaml"),
    ],
)
def test_malformed_input_exits_2_with_a_clear_message(tmp_path, args, message):
    result = attribute(*args, *TINY, "--out", str(tmp_path / "out"))
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert not (tmp_path / "out").exists()


def test_a_refusal_in_chinese(tmp_path):
    result = attribute(BILATERAL, "--players", "hub", "--lang", "zh", "--out", str(tmp_path))
    assert result.exit_code == 2
    assert "没有合成中心" in result.output


def test_results_already_there_are_kept_without_force(tmp_path):
    (tmp_path / "attribution.parquet").write_text("earlier results")
    result = attribute(HUB, "--players", "hub", *TINY, "--out", str(tmp_path))
    assert result.exit_code == 2
    assert "--force" in result.output
    assert (tmp_path / "attribution.parquet").read_text() == "earlier results"


DOC = Path(__file__).resolve().parents[2] / "docs" / "attribution.md"


def documented_columns() -> dict[str, list[str]]:
    """Each file's section of docs/attribution.md and the columns its table lists."""
    parts = re.split(r"^## `([^`]+)`\s*$", DOC.read_text(encoding="utf-8"), flags=re.MULTILINE)
    rows = re.compile(r"^\| `([^`]+)` \|", re.MULTILINE)
    return {name: rows.findall(body) for name, body in zip(parts[1::2], parts[2::2], strict=True)}


@pytest.mark.parametrize("table", ["attribution.parquet", "interactions.parquet"])
def test_the_page_lists_exactly_the_columns_written(attributed, table):
    _, out, _ = attributed
    assert documented_columns()[table] == list(pd.read_parquet(out / table).columns)


def test_the_page_lists_the_coalitions_leading_columns(attributed):
    _, out, _ = attributed
    leading = documented_columns()["coalitions.parquet"]
    columns = list(pd.read_parquet(out / "coalitions.parquet").columns)
    assert columns[: len(leading)] == leading
    assert set(columns[len(leading) :]) == set(OUTCOMES)


def test_a_player_against_the_direction_of_the_whole_gets_no_negative_share():
    row = {"player": "police", "outcome": "collateral", "shapley": 135.0}
    row |= {"ci_low": 116.0, "ci_high": 154.0, "share": -0.29}
    assert player_sentence(row, "en") == (
        "Police lowers collateral burden on legitimate users by 135 (95% CI 116 to 154)"
    )
    assert player_sentence({**row, "shapley": -20.0, "ci_low": -30.0, "ci_high": -10.0}, "zh") == (
        "公安 使对正常用户的误伤增加 20（95%置信区间 10 至 30）"
    )


def test_a_player_whose_interval_spans_zero_has_no_clear_part():
    """Found by a policy-staff walkthrough: 'the centre's capacity raises victims' was said of
    a value whose interval was -0.219 to 1.05."""
    row = {"player": "police", "outcome": "victims", "shapley": -0.417, "share": -0.1}
    row |= {"ci_low": -1.05, "ci_high": 0.219}
    assert player_sentence(row, "en") == (
        "Police: no clear part in the change in the number of victims (value -0.417, "
        "95% CI -1.05 to 0.219)"
    )
    assert "作用不明确" in player_sentence(row, "zh")


def test_no_share_of_a_whole_that_may_be_zero():
    row = {"player": "banks", "outcome": "victims", "shapley": 5.0, "share": 1.43}
    row |= {"ci_low": 1.0, "ci_high": 9.0}
    assert "143%" in player_sentence(row, "en")
    unclear_whole = player_sentence(row, "en", whole_is_clear=False)
    assert "143%" not in unclear_whole
    assert unclear_whole.startswith("Banks and payments lowers the number of victims by 5")

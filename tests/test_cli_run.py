"""`govsim run` end to end, into a temporary folder."""

from __future__ import annotations

import json

import pandas as pd
import yaml
from typer.testing import CliRunner

from govsim.cli import app
from tests.helpers import SCENARIOS

runner = CliRunner()


def test_run_writes_all_outputs_and_prints_summary(tmp_path):
    out = tmp_path / "hub"
    args = [
        "run",
        str(SCENARIOS / "multi_party_hub.yaml"),
        "--replications",
        "2",
        "--days",
        "20",
        "--residents",
        "2000",
        "--seed",
        "4",
        "--out",
        str(out),
    ]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "Victims" in result.output
    assert "95% CI" in result.output
    for name in (
        "summary.parquet",
        "timeseries.parquet",
        "by_scam.parquet",
        "scenario.resolved.yaml",
        "run.json",
    ):
        assert (out / name).exists(), name
    summary = pd.read_parquet(out / "summary.parquet")
    assert list(summary["replication"]) == [0, 1]
    assert (summary["residents"] == 2000).all()
    assert (summary["days"] == 20).all()
    timeseries = pd.read_parquet(out / "timeseries.parquet")
    assert len(timeseries) == 40
    record = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert record["seeds"] == summary["seed"].tolist()
    assert len(record["scenario_hash"]) == 16
    assert record["wall_seconds"] >= 0


def test_run_resolved_scenario_reloads(tmp_path):
    out = tmp_path / "r"
    args = [
        "run",
        str(SCENARIOS / "data_breach.yaml"),
        "-r",
        "1",
        "--days",
        "5",
        "--residents",
        "1000",
        "--out",
        str(out),
    ]
    assert runner.invoke(app, args).exit_code == 0
    again = runner.invoke(app, ["validate", str(out / "scenario.resolved.yaml")])
    assert again.exit_code == 0, again.output


def test_run_in_chinese(tmp_path):
    args = [
        "run",
        str(SCENARIOS / "baseline.yaml"),
        "-r",
        "2",
        "--days",
        "5",
        "--residents",
        "1000",
        "--out",
        str(tmp_path),
        "--lang",
        "zh",
    ]
    result = runner.invoke(app, args)
    assert result.exit_code == 0
    assert "受害人数" in result.output


def test_run_bad_scenario_exits_2_without_traceback(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: bad\nagencys: {}\n", encoding="utf-8")
    result = runner.invoke(app, ["run", str(bad), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert "did you mean 'agencies'" in result.output
    assert "Traceback" not in result.output


def test_a_scenario_named_as_a_path_writes_nothing_outside_the_results(tmp_path, monkeypatch):
    """The default folder is results/<name>/: `name: ../x` must not escape it."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "escape.yaml").write_text(
        f"extends: {SCENARIOS / 'baseline.yaml'}\nname: ../escaped\n", encoding="utf-8"
    )
    result = runner.invoke(app, ["run", "escape.yaml", "--days", "2", "--residents", "500"])
    assert result.exit_code == 2
    assert "'../escaped' cannot name a results folder" in result.output
    assert not (tmp_path / "escaped").exists()
    assert not (tmp_path / "results").exists()


def test_run_refuses_out_of_range_override(tmp_path):
    args = [
        "run",
        str(SCENARIOS / "baseline.yaml"),
        "--residents",
        "50000000",
        "--out",
        str(tmp_path),
    ]
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert "population.size" in result.output


def test_set_changes_the_run_and_is_recorded(tmp_path):
    out = tmp_path / "set"
    args = ["run", str(SCENARIOS / "baseline.yaml"), "-r", "1", "--days", "10"]
    args += ["--residents", "2000", "--out", str(out)]
    args += [
        "--set",
        "agencies.police.capability=0.9",
        "--set",
        "events=[{type: campaign, day: 5}]",
    ]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    resolved = yaml.safe_load((out / "scenario.resolved.yaml").read_text(encoding="utf-8"))
    assert resolved["agencies"]["police"]["capability"] == 0.9
    assert [event["type"] for event in resolved["events"]] == ["campaign"]
    assert pd.read_parquet(out / "timeseries.parquet")["campaign_reached"].sum() > 0


def test_set_with_a_misspelt_key_is_refused_before_the_run(tmp_path):
    out = tmp_path / "typo"
    args = ["run", str(SCENARIOS / "baseline.yaml"), "--out", str(out)]
    result = runner.invoke(app, [*args, "--set", "agencies.police.capabilty=0.9"])
    assert result.exit_code == 2
    assert "did you mean 'agencies.police.capability'" in result.output
    assert not out.exists()

"""Levers whose levels are lists or empty: swept, read back as written, and analysed."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from typer.testing import CliRunner

from govsim.cli import app
from govsim.experiments import read_results
from govsim.experiments.analysis.swept import level_key
from govsim.experiments.points import POINTS, read_points
from tests.experiments.builders import TINY, experiment_file
from tests.helpers import SCENARIOS

runner = CliRunner()
GROUPS = "events.0.groups"
OWN_CAPABILITY = "agencies.banks.institutions.0.capability"
"""A bank's own capability: a share, or empty (null) for its sector's."""


@pytest.fixture(scope="module")
def swept(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 2 x 2 grid of a campaign's target groups and a capability that may be empty."""
    folder = tmp_path_factory.mktemp("lists")
    path = experiment_file(
        folder,
        scenario=str(SCENARIOS / "education_only.yaml"),
        fixed={**TINY, "events.0.day": 2},
        levers={GROUPS: {"levels": [["elderly"], ["elderly", "working"]]}},
        uncertainties={OWN_CAPABILITY: {"levels": [None, 0.5]}},
        replications=1,
    )
    out = folder / "out"
    result = runner.invoke(app, ["sweep", str(path), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


def test_list_and_empty_levels_read_back_as_written(swept: Path) -> None:
    results = read_results(swept)
    assert results[GROUPS].tolist() == [["elderly"], ["elderly"], *[["elderly", "working"]] * 2]
    assert results[OWN_CAPABILITY].tolist() == [None, 0.5, None, 0.5]


def test_govsim_analyze_groups_runs_by_list_and_empty_levels(swept: Path) -> None:
    result = runner.invoke(app, ["analyze", str(swept)])
    assert result.exit_code == 0, result.output
    table = pd.read_parquet(swept / "analysis" / "analysis.parquet")
    effects = table[(table["section"] == "main_effect") & (table["statistic"] == "mean")]
    victims = effects[effects["outcome"] == "victims"].set_index(["parameter", "level"])["runs"]
    assert victims.to_dict() == {
        (GROUPS, "[elderly]"): 2,
        (GROUPS, "[elderly, working]"): 2,
        (OWN_CAPABILITY, "null"): 2,
        (OWN_CAPABILITY, "0.5"): 2,
    }
    assert "[elderly, working]" in (swept / "analysis" / "analysis.html").read_text()


def test_a_list_stored_as_parquet_lists_reads_back_as_a_list(tmp_path: Path) -> None:
    """Folders swept before lists were stored as JSON text hold them as Parquet lists."""
    pd.DataFrame({"point": [0, 1], GROUPS: [["elderly"], ["elderly", "working"]]}).to_parquet(
        tmp_path / POINTS
    )
    assert read_points(tmp_path)[GROUPS].tolist() == [["elderly"], ["elderly", "working"]]


@pytest.mark.parametrize(
    ("value", "key"),
    [
        (["elderly", "working"], "[elderly, working]"),
        ({"b": 1, "a": [1, 2]}, "{a: [1, 2], b: 1}"),
        (None, "null"),
        (np.float64(0.5), 0.5),
        ("word", "word"),
    ],
)
def test_a_level_is_keyed_by_its_yaml_text_when_pandas_cannot_group_by_it(
    value: object, key: object
) -> None:
    assert level_key(value) == key

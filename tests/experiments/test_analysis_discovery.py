"""Scenario discovery: PRIM finds a planted box; conditions are checked before evaluation."""

from __future__ import annotations

import pandas as pd
import pytest

from govsim.experiments.analysis import AnalysisError, analyze, write_analysis
from govsim.experiments.analysis.discovery import checked_names, condition
from tests.experiments.analytic import BANKS, PLANTED, POLICE, analytic_sweep, structure_run


@pytest.fixture(scope="module")
def lhs_sweep(tmp_path_factory):
    return analytic_sweep(tmp_path_factory.mktemp("lhs"), "lhs", 400, replications=1)


def test_prim_finds_the_planted_box(lhs_sweep):
    found = analyze(lhs_sweep, outcomes=["net_loss"], expression="arrests > 0.5").discovery
    assert found.share == pytest.approx(0.4 * 0.4, abs=0.05)
    box = found.boxes[0]
    assert set(box.limits) == {POLICE, BANKS}
    assert box.limits[POLICE][0] == pytest.approx(PLANTED[POLICE][0], abs=0.05)
    assert box.limits[BANKS][1] == pytest.approx(PLANTED[BANKS][1], abs=0.05)
    assert box.coverage > 0.9
    assert box.density > 0.9
    assert box.trajectory["coverage"].iloc[0] == 1.0, "the trajectory starts from every run"
    assert len(found.boxes) == 1, "the few cases at the box's edges make no box of their own"


def test_prim_finds_a_second_box_among_the_cases_the_first_leaves(lhs_sweep):
    found = analyze(lhs_sweep, expression="cases_linked > 0.5").discovery
    assert len(found.boxes) >= 2
    strong, weak = found.boxes[:2]
    assert strong.limits[POLICE][0] == pytest.approx(0.7, abs=0.05)
    # About 25 runs fall in the small box: its edges are found more loosely.
    assert weak.limits[POLICE][1] == pytest.approx(0.3, abs=0.08)
    assert weak.limits[BANKS][0] == pytest.approx(0.8, abs=0.08)
    assert strong.density > 0.9
    assert weak.density > 0.8
    assert strong.coverage + weak.coverage > 0.9


def test_levels_in_words_are_kept_in_their_order_and_boxed_as_sets(tmp_path):
    structures = ["none", "bilateral", "hub"]
    folder = analytic_sweep(
        tmp_path,
        "grid",
        None,
        run=structure_run,
        levers={"cooperation.structure": {"levels": structures}},
        uncertainties={POLICE: {"levels": [0.2, 0.5, 0.8]}},
    )
    analysis = analyze(folder, outcomes=["net_loss"], expression="net_loss > 450")
    effects = analysis.effects[analysis.effects["parameter"] == "cooperation.structure"]
    assert effects["level"].tolist() == structures
    assert effects["mean"].tolist()[0] == pytest.approx(effects["mean"].tolist()[1] + 500)
    limits = [box.limits for box in analysis.discovery.boxes]
    assert {"cooperation.structure": ("none",)} in limits
    write_analysis(analysis, tmp_path / "analysis")  # levels of words go into the table too


def test_a_condition_that_never_holds_gives_no_box(lhs_sweep):
    found = analyze(lhs_sweep, expression="net_loss < -1").discovery
    assert found.cases == 0
    assert found.boxes == []


def test_a_condition_naming_an_unknown_column_says_which_and_suggests(lhs_sweep):
    with pytest.raises(AnalysisError, match=r"net_los is not an outcome column.*'net_loss'"):
        analyze(lhs_sweep, expression="net_los > 2e6")


@pytest.mark.parametrize(
    "expression",
    [
        "__import__('os').system('true')",
        "net_loss.__class__",
        "net_loss[0] > 1",
        "@net_loss > 1",
        "net_loss > 'a'",
        "lambda: 1",
        "net_loss >",
    ],
)
def test_anything_but_a_condition_over_columns_is_refused(expression):
    with pytest.raises(AnalysisError, match="--discover: cannot read"):
        checked_names(expression)


def test_a_number_is_not_a_condition():
    frame = pd.DataFrame({"net_loss": [1.0, 3.0]})
    with pytest.raises(AnalysisError, match="is not true or false"):
        condition(frame, "net_loss * 2", ["net_loss"])


def test_conditions_combine_with_and_or_not():
    frame = pd.DataFrame({"net_loss": [1.0, 3.0, 5.0], "victims": [1.0, 0.0, 1.0]})
    held = condition(frame, "net_loss > 2 and not victims > 0.5", ["net_loss", "victims"])
    assert held.tolist() == [False, True, False]

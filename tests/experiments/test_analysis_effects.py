"""Main effects count the runs behind each value, and the console ranks parameters by span."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pandas as pd

from govsim.experiments.analysis.console import ranked_by_span
from govsim.experiments.analysis.effects import main_effects
from govsim.experiments.designs import Parameter

LINK = "cooperation.links.police-bank"


def test_runs_counts_only_runs_with_a_value_of_the_outcome():
    runs = pd.DataFrame(
        {
            LINK: [0.0, 0.0, 0.8, 0.8, 0.8],
            "victims": [10.0, 12.0, 5.0, 6.0, 7.0],
            # A run in which nothing was frozen has no median hours to freeze.
            "median_hours_to_freeze": [np.nan, np.nan, 3.0, np.nan, 5.0],
        }
    )
    swept = SimpleNamespace(ok=runs, parameters=(Parameter(LINK, levels=(0.0, 0.8)),))
    effects = main_effects(swept, ["victims", "median_hours_to_freeze"]).set_index(
        ["outcome", "level"]
    )
    assert effects.loc[("victims", 0.8), "runs"] == 3
    assert effects.loc[("median_hours_to_freeze", 0.8), "runs"] == 2
    assert effects.loc[("median_hours_to_freeze", 0.8), "mean"] == 4.0
    assert effects.loc[("median_hours_to_freeze", 0.0), "runs"] == 0


def test_the_span_table_ranks_parameters_by_the_first_outcome_largest_first():
    wide = pd.DataFrame(
        {"victims": [1.0, 30.0, np.nan, 30.0], "net_loss": [900.0, 1.0, 5.0, 2.0]},
        index=["a", "b", "c", "d"],
    )
    assert ranked_by_span(["a", "b", "c", "d"], wide, "victims") == ["b", "d", "a", "c"]
    assert ranked_by_span(["a", "b", "c", "d"], wide, "net_loss") == ["a", "c", "d", "b"]


def test_a_shares_span_is_in_percentage_points_as_run_prints_shares():
    from govsim.experiments.analysis.console import _span

    assert _span(0.03121, "recovered_share") == "3.12 pp"
    assert _span(1234.5, "victims") == "1234"
    assert _span(float("nan"), "recovered_share") == "-"

"""The side by side's views: both day counters, the charts of A, B and B minus A, key outcomes.

The table says what ``govsim compare`` would say of one pair of runs so far, in its own cells
(:mod:`govsim.comparison.console`): a share's change in percentage points, no relative change
for a share, and no interval from a single pair.
"""

from __future__ import annotations

import math

import reacton.ipyvuetify as rv
import solara

from govsim.comparison.console import POINTS, difference_cell, relative_cell
from govsim.comparison.wording import outcome_label
from govsim.dashboard import pair_figures
from govsim.dashboard.labels import say
from govsim.dashboard.lockstep import PairSnapshot, key_outcomes
from govsim.dashboard.plot import Plot
from govsim.labels import is_share
from govsim.tables import format_value

PAIR_CHARTS = (("pair_victims", pair_figures.victims), ("pair_loss", pair_figures.net_loss))
"""Each chart's key (its caption is ``caption_<key>``) and the function that draws it."""


@solara.component
def PairDays(snapshot: PairSnapshot, language: str) -> None:
    """Each scenario's day counter, under its name."""
    with solara.Columns([1, 1]):
        for side, name, one in (
            ("a", snapshot.a_name, snapshot.a),
            ("b", snapshot.b_name, snapshot.b),
        ):
            with solara.Column(classes=[f"govsim-pair-{side}"]):
                solara.Text(f"{side.upper()}: {name}", style={"font-weight": "bold"})
                solara.Text(
                    say("day", language, day=one.day, days=one.days),
                    classes=["govsim-day"],
                    style={"font-size": "1.3em", "font-weight": "bold"},
                )
    if snapshot.finished:
        solara.Info(say("finished", language))


def outcome_rows(snapshot: PairSnapshot, language: str) -> list[list[str]]:
    """The key outcomes table's rows: outcome, A, B, B - A, change."""
    rows = []
    for change in key_outcomes(snapshot):
        found, outcome = change.paired, change.outcome
        relative = "-" if is_share(outcome) else relative_cell(found.relative, math.nan, math.nan)
        rows.append(
            [
                outcome_label(outcome, language),
                format_value(found.mean_a, outcome),
                format_value(found.mean_b, outcome),
                difference_cell(found.difference, math.nan, math.nan, outcome, POINTS[language]),
                relative,
            ]
        )
    return rows


@solara.component
def KeyOutcomes(snapshot: PairSnapshot, language: str) -> None:
    """A small table of the key outcomes so far: A, B, B minus A and the relative change."""
    header = [
        say("outcome", language),
        "A",
        "B",
        say("difference", language),
        say("relative", language),
    ]
    with solara.Card(
        say("view_pair_table", language), margin=0, classes=["govsim-view-pair-table"]
    ):
        with rv.SimpleTable(dense=True):
            with rv.Html(tag="thead"), rv.Html(tag="tr"):
                for text in header:
                    rv.Html(tag="th", children=[text])
            with rv.Html(tag="tbody"):
                for row in outcome_rows(snapshot, language):
                    with rv.Html(tag="tr", class_="govsim-outcome"):
                        for text in row:
                            rv.Html(tag="td", children=[text])
        solara.Text(say("caption_pair_table", language), style={"font-size": "0.85em"})


@solara.component
def PairViews(snapshot: PairSnapshot, language: str) -> None:
    """Both day counters, the two charts side by side, then the key outcomes."""
    PairDays(snapshot, language)
    solara.Text(say("pair_note", language), style={"font-size": "0.9em"})
    with solara.Columns([1, 1]):
        for key, draw in PAIR_CHARTS:
            with solara.Card(margin=0, classes=[f"govsim-view-{key}"]):
                Plot(
                    lambda draw=draw: draw(snapshot, language),
                    dependencies=[id(snapshot), snapshot.day, language],
                    revision=snapshot.build,
                )
                solara.Text(say(f"caption_{key}", language), style={"font-size": "0.85em"})
    KeyOutcomes(snapshot, language)

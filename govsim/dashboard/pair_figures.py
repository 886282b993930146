"""The side by side's charts: A and B on one set of axes, and the difference B minus A.

Plain Plotly figures from a :class:`.PairSnapshot`, like :mod:`.figures`, so that each can be
checked without a browser. A is drawn blue and B red throughout; the difference is grey.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from govsim.dashboard.figures import STEPS, chart, day_axis, day_hover, line
from govsim.dashboard.labels import say
from govsim.dashboard.lockstep import PairSnapshot

COLOURS = {"a": "#29629b", "b": "#c0392b", "difference": "rgba(90, 90, 90, 0.45)"}


def _common_days(snapshot: PairSnapshot, column: str) -> pd.DataFrame:
    """Day, A's and B's values of ``column`` on the days both have measured."""
    a, b = snapshot.a.daily, snapshot.b.daily
    if a.empty or b.empty or column not in a or column not in b:
        return pd.DataFrame(columns=["day", "a", "b"])
    joined = pd.merge(
        a[["day", column]], b[["day", column]], on="day", suffixes=("_a", "_b"), how="inner"
    )
    return joined.rename(columns={f"{column}_a": "a", f"{column}_b": "b"})


def _names(snapshot: PairSnapshot) -> tuple[str, str]:
    return f"A: {snapshot.a_name}", f"B: {snapshot.b_name}"


def victims(snapshot: PairSnapshot, language: str = "en") -> go.Figure:
    """Victims each day in A and B (lines) and B minus A (filled steps, one path: see STEPS)."""
    days = _common_days(snapshot, "victims")
    name_a, name_b = _names(snapshot)
    difference = days["b"] - days["a"]
    traces = [
        line(
            days["day"],
            difference,
            say("difference", language),
            line={**STEPS, "color": COLOURS["difference"]},
            fill="tozeroy",
        ),
        line(days["day"], days["a"], name_a, line={"color": COLOURS["a"]}),
        line(days["day"], days["b"], name_b, line={"color": COLOURS["b"]}),
    ]
    for trace in traces:
        trace["hovertemplate"] = day_hover(trace["name"], language)
    title = say("view_pair_victims", language)
    return chart(traces, title, language, xaxis=day_axis(days["day"]))


def net_loss(snapshot: PairSnapshot, language: str = "en") -> go.Figure:
    """Net loss so far in A and B (lines) and their gap B minus A (shaded area)."""
    days = _common_days(snapshot, "net_loss")
    a, b = days["a"].cumsum(), days["b"].cumsum()
    name_a, name_b = _names(snapshot)
    traces = [
        line(
            days["day"],
            b - a,
            say("difference", language),
            fill="tozeroy",
            line={"color": COLOURS["difference"]},
        ),
        line(days["day"], a, name_a, line={"color": COLOURS["a"]}),
        line(days["day"], b, name_b, line={"color": COLOURS["b"]}),
    ]
    loss, yuan = say("hover_net_loss", language), say("unit_yuan", language)
    for trace in traces:
        series = say("hover_of", language, measure=loss, series=trace["name"])
        trace["hovertemplate"] = day_hover(series, language, unit=yuan)
    title = say("view_pair_loss", language)
    return chart(traces, title, language, xaxis=day_axis(days["day"]))

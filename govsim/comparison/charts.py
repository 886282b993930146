"""The report's figures (plotly), built from the runs' frames only: nothing is run again.

Each figure shows every scenario in the same colour throughout, the mean over replications
and its 95% interval (a band for a daily series, whiskers for a bar).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd
import plotly.graph_objects as go

from govsim.axis_numbers import axis_numbers
from govsim.comparison.wording import PARTIES, outcome_label, word
from govsim.labels import label
from govsim.results import measure_ci
from govsim.runner import RunResults

COLOURS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#17becf")
DAILY = ("victims", "net_loss")
LAYERS = (
    "attempts",
    "contacts_reached",
    "blocked_telecom",
    "blocked_platform",
    "dissuaded",
    "held_by_bank",
    "victims",
)
LOSSES = ("gross_loss", "frozen", "net_loss")
COLLATERAL_PARTS = ("legit_calls_blocked", "legit_transfers_delayed", "legit_content_removed")
COSTS = (
    "cost_police",
    "cost_banks",
    "cost_telecoms",
    "cost_platforms",
    "cost_judiciary",
    "cost_education",
    "cost_cooperation",
)


SMOOTHING_DAYS = 7
"""Days a daily series is averaged over: a week, so that weekdays weigh alike."""


def colour(index: int) -> str:
    """The colour of the index-th scenario."""
    return COLOURS[index % len(COLOURS)]


def daily_figure(runs: Sequence[RunResults], measure: str, language: str) -> go.Figure:
    """A measure's 7-day average per scenario with its 95% band, over the faint daily mean.

    A city's day holds a handful of victims: the daily means jump from day to day, and two
    scenarios' lines cross and recross. Each replication's days are averaged over the week
    ending on the day (:data:`SMOOTHING_DAYS`; fewer at the start), then the mean and its
    interval are taken over replications, so the band is the averages' own.
    """
    figure = go.Figure()
    for index, results in enumerate(runs):
        daily = _daily_statistics(results.timeseries, measure)
        weekly = _daily_statistics(_smoothed(results.timeseries, measure), measure)
        name = results.scenario.name
        band_x = [*weekly["day"], *weekly["day"][::-1]]
        band_y = [*weekly["high"], *weekly["low"][::-1]]
        figure.add_trace(
            go.Scatter(
                x=daily["day"],
                y=daily["mean"],
                name=f"{name} ({word('daily_mean', language)})",
                line={"color": colour(index), "width": 1},
                opacity=0.35,
                legendgroup=name,
                showlegend=False,
            )
        )
        figure.add_trace(
            go.Scatter(
                x=band_x,
                y=band_y,
                fill="toself",
                fillcolor=colour(index),
                opacity=0.2,
                line={"width": 0},
                hoverinfo="skip",
                showlegend=False,
                legendgroup=name,
            )
        )
        figure.add_trace(
            go.Scatter(
                x=weekly["day"],
                y=weekly["mean"],
                name=name,
                line={"color": colour(index), "width": 2.5},
                legendgroup=name,
            )
        )
    title = outcome_label(measure, language)
    axis = f"{title} ({word('weekly_average', language)})"
    return _laid_out(figure, title, word("day", language), axis, language)


def _smoothed(timeseries: pd.DataFrame, measure: str) -> pd.DataFrame:
    """Each replication's ``measure`` averaged over the :data:`SMOOTHING_DAYS` ending each day."""
    ordered = timeseries.sort_values(["replication", "day"])
    rolling = ordered.groupby("replication")[measure].rolling(SMOOTHING_DAYS, min_periods=1)
    smoothed = ordered[["replication", "day"]].copy()
    smoothed[measure] = rolling.mean().reset_index(level=0, drop=True)
    return smoothed


def _daily_statistics(timeseries: pd.DataFrame, measure: str) -> pd.DataFrame:
    rows = []
    for day, values in timeseries.groupby("day")[measure]:
        mean, low, high = measure_ci(values, measure)  # a day's net loss can be negative
        rows.append({"day": day, "mean": mean, "low": low, "high": high})
    frame = pd.DataFrame(rows)
    frame["low"] = frame["low"].fillna(frame["mean"])
    frame["high"] = frame["high"].fillna(frame["mean"])
    return frame


def bars_figure(
    runs: Sequence[RunResults],
    frames: Sequence[pd.DataFrame],
    measures: Sequence[str],
    title: str,
    language: str,
    log: bool = False,
    unit: str = "",
) -> go.Figure:
    """Grouped bars: one group per measure, one bar per scenario, whiskers for the 95% interval.

    ``frames`` hold one row per replication and a column per measure, one frame per run.
    """
    figure = go.Figure()
    labels = [outcome_label(measure, language).strip() for measure in measures]
    for index, (results, frame) in enumerate(zip(runs, frames, strict=True)):
        stats = [measure_ci(frame[measure], measure) for measure in measures]
        means = [mean for mean, _, _ in stats]
        figure.add_trace(
            go.Bar(
                x=labels,
                y=means,
                name=results.scenario.name,
                marker_color=colour(index),
                error_y=_whiskers(stats),
            )
        )
    figure.update_layout(barmode="group")
    if log:
        figure.update_yaxes(type="log")
    return _laid_out(figure, title, "", unit, language)


def costs_figure(runs: Sequence[RunResults], title: str, language: str) -> go.Figure:
    """Each scenario's mean governance cost, stacked by party.

    The total's interval is in the outcome table; a stack has no room for whiskers.
    """
    figure = go.Figure()
    names = [results.scenario.name for results in runs]
    for index, part in enumerate(COSTS):
        means = [float(results.summary[part].mean()) for results in runs]
        name = label(part, language, PARTIES)
        figure.add_trace(go.Bar(x=names, y=means, name=name, marker_color=colour(index)))
    figure.update_layout(barmode="stack")
    return _laid_out(figure, title, "", word("yuan", language), language)


def by_place_figure(
    runs: Sequence[RunResults],
    frame_name: str,
    place: str,
    title: str,
    language: str,
    names: Mapping[object, str] | None = None,
    order: Sequence[object] = (),
) -> go.Figure:
    """Net loss per scam type (``by_scam``) or district (``by_region``), mean and 95% interval.

    ``names`` gives each place its label (a scam type's name in the language, not its key);
    ``order`` the order of the bars, as the scenario lists the places (a table sorts them by
    name, and districts have no order of their names); places it leaves out follow.
    """
    figure = go.Figure()
    names = names or {}
    for index, results in enumerate(runs):
        frame = getattr(results, frame_name)
        per_replication = frame.groupby(["replication", place])["net_loss"].sum().unstack(place)
        columns = list(per_replication.columns)
        ordered = [p for p in order if p in columns] + [p for p in columns if p not in order]
        per_replication = per_replication[ordered]
        stats = [
            measure_ci(per_replication[column], "net_loss") for column in per_replication.columns
        ]
        figure.add_trace(
            go.Bar(
                x=[names.get(column, str(column)) for column in per_replication.columns],
                y=[mean for mean, _, _ in stats],
                name=results.scenario.name,
                marker_color=colour(index),
                error_y=_whiskers(stats),
            )
        )
    figure.update_layout(barmode="group")
    return _laid_out(figure, title, "", word("yuan", language), language)


def _whiskers(stats: list[tuple[float, float, float]]) -> dict[str, object]:
    """Asymmetric error bars from (mean, low, high), none where there is no interval."""
    above = [0.0 if high != high else high - mean for mean, _, high in stats]
    below = [0.0 if low != low else mean - max(low, 0.0) for mean, low, _ in stats]
    return {"type": "data", "symmetric": False, "array": above, "arrayminus": below}


def _laid_out(
    figure: go.Figure, title: str, x_title: str, y_title: str, language: str
) -> go.Figure:
    numbers = axis_numbers(language)
    figure.update_layout(
        title=title,
        xaxis={"title": {"text": x_title}, **numbers},
        yaxis={"title": {"text": y_title}, **numbers},
        template="plotly_white",
        height=380,
        margin={"l": 60, "r": 20, "t": 50, "b": 60},
        legend={"orientation": "h", "x": 1.0, "xanchor": "right", "y": 1.02, "yanchor": "bottom"},
    )
    return figure

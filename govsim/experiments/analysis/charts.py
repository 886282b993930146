"""The analysis report's figures (plotly), built from the analysis's frames only.

Key paths stay as the experiment file spells them, in either language; outcomes are named
by :data:`govsim.labels.MEASURES`.
"""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from govsim.comparison.charts import colour
from govsim.experiments.analysis.discovery import Discovery
from govsim.experiments.analysis.wording import word
from govsim.labels import label

COLUMNS_OF_PANELS = 3
"""Main-effect panels side by side."""
PANEL_HEIGHT = 260
MAX_BOXED_POINTS = 40
"""Up to this many points, each gets its own box plot; beyond, a histogram of point means."""
BAND = "rgba(31, 119, 180, 0.2)"


def index_figure(indices: pd.DataFrame, outcome: str, design: str, language: str) -> go.Figure:
    """Sobol's S1 and ST, or Morris's mu* and sigma, per parameter, with 95% whiskers."""
    rows = indices[indices["outcome"] == outcome].iloc[::-1]
    bars = (
        [("S1", "S1_conf"), ("ST", "ST_conf")]
        if design == "sobol"
        else [("mu_star", "mu_star_conf"), ("sigma", None)]
    )
    figure = go.Figure()
    for index, (name, half) in enumerate(bars):
        whiskers = None if half is None else {"type": "data", "array": rows[half].tolist()}
        figure.add_trace(
            go.Bar(
                x=rows[name],
                y=rows["parameter"],
                orientation="h",
                name="mu*" if name == "mu_star" else name,
                marker_color=colour(index),
                error_x=whiskers,
            )
        )
    figure.update_layout(
        title=label(outcome, language),
        barmode="group",
        height=max(300, 40 * len(rows) + 120),
        margin={"l": 280},
    )
    return figure


def effects_figure(
    effects: pd.DataFrame, outcome: str, parameters: list[str], language: str
) -> go.Figure:
    """One panel per parameter: the outcome's mean per level with its 95% band."""
    columns = min(COLUMNS_OF_PANELS, len(parameters))
    rows = math.ceil(len(parameters) / columns)
    figure = make_subplots(rows=rows, cols=columns, subplot_titles=parameters)
    for index, parameter in enumerate(parameters):
        shown = effects[(effects["outcome"] == outcome) & (effects["parameter"] == parameter)]
        x = [level_text(level) for level in shown["level"]]
        where = {"row": index // columns + 1, "col": index % columns + 1}
        band = go.Scatter(
            x=[*x, *x[::-1]],
            y=[*shown["high"], *shown["low"][::-1]],
            fill="toself",
            fillcolor=BAND,
            mode="lines",
            line={"width": 0},
            hoverinfo="skip",
            showlegend=False,
        )
        figure.add_trace(band, **where)
        line = go.Scatter(x=x, y=shown["mean"], mode="lines+markers", showlegend=False)
        figure.add_trace(line.update(line_color=colour(0), name=parameter), **where)
    figure.update_layout(
        title=label(outcome, language), height=PANEL_HEIGHT * rows + 100, showlegend=False
    )
    figure.update_annotations(font_size=11)
    return figure


def level_text(level: object) -> str:
    """A level as an axis shows it: numbers to four significant digits (bin midpoints)."""
    if isinstance(level, float):
        return f"{level:.4g}"
    return str(level)


def surface_figure(table: pd.DataFrame, outcome: str, language: str) -> go.Figure:
    """A heatmap of the point means over a two-parameter grid."""
    figure = go.Figure(
        go.Heatmap(
            z=table.to_numpy(),
            x=[level_text(level) for level in table.columns],
            y=[level_text(level) for level in table.index],
            colorscale="Viridis",
            colorbar={"title": word("mean", language)},
        )
    )
    figure.update_layout(
        title=label(outcome, language),
        xaxis_title=str(table.columns.name),
        yaxis_title=str(table.index.name),
        xaxis_type="category",
        yaxis_type="category",
        height=480,
    )
    return figure


def distribution_figure(runs: pd.DataFrame, outcome: str, language: str) -> go.Figure:
    """Each point's runs as a box plot, or a histogram of the point means for large designs."""
    figure = go.Figure()
    points = runs["point"].nunique()
    if points <= MAX_BOXED_POINTS:
        for point, values in runs.groupby("point")[outcome]:
            figure.add_trace(
                go.Box(y=values, name=str(point), marker_color=colour(0), boxpoints="all")
            )
        figure.update_layout(xaxis_title=word("point", language), showlegend=False)
    else:
        means = runs.groupby("point")[outcome].mean()
        figure.add_trace(go.Histogram(x=means, marker_color=colour(0)))
        figure.update_layout(yaxis_title=word("count", language))
    figure.update_layout(title=label(outcome, language), height=380)
    return figure


def trajectory_figure(found: Discovery, language: str) -> go.Figure:
    """Each box's peeling trajectory, coverage against density, its chosen step marked."""
    figure = go.Figure()
    for box in found.boxes:
        name = word("box", language, number=box.number)
        steps = box.trajectory
        hover = [f"{word('restricted', language)}: {count}" for count in steps["restricted"]]
        figure.add_trace(
            go.Scatter(
                x=steps["coverage"],
                y=steps["density"],
                mode="lines+markers",
                name=name,
                text=hover,
                marker_color=colour(box.number - 1),
            )
        )
        figure.add_trace(
            go.Scatter(
                x=[box.coverage],
                y=[box.density],
                mode="markers",
                marker={"size": 16, "symbol": "star", "color": colour(box.number - 1)},
                showlegend=False,
                hoverinfo="skip",
            )
        )
    figure.update_layout(
        title=word("trajectory_title", language),
        xaxis_title=word("coverage", language),
        yaxis_title=word("density", language),
        xaxis_range=[0, 1.05],
        yaxis_range=[0, 1.05],
        height=420,
    )
    return figure

"""The dashboard's charts as plain Plotly figures, built from a snapshot in one language.

Kept apart from the Solara components so that each chart can be checked without a browser:
what it plots, and that its titles and legends follow the language.
"""

from __future__ import annotations

import plotly.graph_objects as go

from govsim.dashboard.labels import measure, say
from govsim.dashboard.simulation import GROUP_COLUMNS, LAYERS, Snapshot

HEIGHT = 300
"""Pixels per chart: six fit a laptop screen in two columns."""


def _layout(figure: go.Figure, title: str) -> go.Figure:
    """A compact chart with its title and the legend under it."""
    figure.update_layout(
        title={"text": title, "font": {"size": 15}},
        height=HEIGHT,
        margin={"l": 50, "r": 50, "t": 40, "b": 30},
        legend={"orientation": "h", "y": -0.2},
    )
    return figure


def daily_and_cumulative(snapshot: Snapshot, column: str, title: str, language: str) -> go.Figure:
    """One count each day (bars) and its running total (line, right axis)."""
    daily = snapshot.daily
    figure = go.Figure()
    if column in daily:
        days, values = daily["day"], daily[column]
        figure.add_bar(x=days, y=values, name=say("daily", language), marker_color="#8fb3d9")
        figure.add_scatter(
            x=days,
            y=values.cumsum(),
            name=say("cumulative", language),
            yaxis="y2",
            line={"color": "#c0392b"},
        )
    figure.update_layout(yaxis2={"overlaying": "y", "side": "right", "rangemode": "tozero"})
    return _layout(figure, title)


def victims(snapshot: Snapshot, language: str = "en") -> go.Figure:
    """Victims each day and so far."""
    return daily_and_cumulative(snapshot, "victims", say("view_victims", language), language)


def net_loss(snapshot: Snapshot, language: str = "en") -> go.Figure:
    """Net loss each day and so far."""
    return daily_and_cumulative(snapshot, "net_loss", say("view_loss", language), language)


def layers(snapshot: Snapshot, language: str = "en") -> go.Figure:
    """What each layer stopped so far, as separate bars (deliberately not drawn as a funnel)."""
    names = [measure(column, language) for column in LAYERS]
    totals = [snapshot.total(column) for column in LAYERS]
    figure = go.Figure(go.Bar(x=totals, y=names, orientation="h", marker_color="#5d8aa8"))
    figure.update_layout(yaxis={"autorange": "reversed"})
    return _layout(figure, say("view_layers", language))


def rings(snapshot: Snapshot, language: str = "en") -> go.Figure:
    """Rings active in the market, and market arrests so far (right axis)."""
    market = snapshot.market
    figure = go.Figure()
    if not market.empty:
        figure.add_scatter(
            x=market["day"], y=market["rings_active"], name=say("rings_active", language)
        )
        figure.add_scatter(
            x=market["day"],
            y=market["arrests"].cumsum(),
            name=say("arrests_cumulative", language),
            yaxis="y2",
        )
    figure.update_layout(yaxis2={"overlaying": "y", "side": "right", "rangemode": "tozero"})
    return _layout(figure, say("view_rings", language))


def awareness(snapshot: Snapshot, language: str = "en") -> go.Figure:
    """Each age group's mean awareness, day by day."""
    daily = snapshot.daily
    figure = go.Figure()
    for group, column in GROUP_COLUMNS.items():
        if column in daily:
            name = say(group, language, table="groups")
            figure.add_scatter(x=daily["day"], y=daily[column], name=name)
    figure.update_layout(yaxis={"range": [0, 1], "title": say("awareness", language)})
    return _layout(figure, say("view_awareness", language))


def districts(snapshot: Snapshot, language: str = "en") -> go.Figure:
    """Victims (bars) and net loss (bars on the right axis) so far, by district."""
    table = snapshot.districts
    figure = go.Figure()
    if not table.empty:
        figure.add_bar(
            x=table["district"],
            y=table["victims"],
            name=measure("victims", language),
            offsetgroup=0,
        )
        figure.add_bar(
            x=table["district"],
            y=table["net_loss"],
            name=measure("net_loss", language),
            yaxis="y2",
            offsetgroup=1,
        )
    figure.update_layout(
        barmode="group",
        yaxis2={"overlaying": "y", "side": "right", "rangemode": "tozero"},
        xaxis={"title": say("district", language)},
    )
    return _layout(figure, say("view_districts", language))

"""The dashboard's charts as plain Plotly figures, built from a snapshot in one language.

Kept apart from the Solara components so that each chart can be checked without a browser:
what it plots, and that its titles and legends follow the language.
"""

from __future__ import annotations

import plotly.graph_objects as go

from govsim.dashboard.labels import CHAIN_ROLES, ROLES, measure, say
from govsim.dashboard.simulation import GROUP_COLUMNS, LAYERS, RingChain, Snapshot
from govsim.tables import format_value

HEIGHT = 300
WIDTH = 430
"""Pixels per chart: two columns of them fit beside the sidebar on a 1400-pixel-wide screen. Fixed,
since the figure widget takes Plotly's default width (700) when it is created before its card
has one, and the chart then overflows the card."""
NODE_PLACES: dict[str, tuple[float, float]] = {
    "police": (0.0, 0.0),
    "bank": (-1.0, 0.8),
    "telecom": (0.0, 1.1),
    "platform": (1.0, 0.8),
    "judiciary": (1.0, -0.8),
    "international": (-1.0, -0.8),
    "government": (-0.35, -1.2),
    "public": (0.35, -1.2),
}
"""Fixed places of the cooperation network's parties: the police in the middle, the companies
above, the rest below. Fixed, so that nothing is laid out at run time and the picture never
moves between redraws."""
LIT_COLOUR = "rgba(230, 126, 34, 0.9)"
"""A link that carried something lately: orange against the blue of the quiet links."""


STEPS = {"shape": "hvh", "width": 1}
"""A daily series drawn as steps, each day's value held from half a day before to half a day
after it: it reads as bars without gaps, but is one path where bars are one shape a day. Late in a
run the bar charts held thousands of shapes, and redrawing them was most of a step's time in the
browser."""


def compact(figure: go.Figure, title: str) -> go.Figure:
    """A compact chart with its title and the legend under it."""
    figure.update_layout(
        title={"text": title, "font": {"size": 15}},
        height=HEIGHT,
        width=WIDTH,
        margin={"l": 50, "r": 50, "t": 40, "b": 30},
        legend={"orientation": "h", "y": -0.2, "font": {"size": 10}},
    )
    return figure


def daily_and_cumulative(snapshot: Snapshot, column: str, title: str, language: str) -> go.Figure:
    """One count each day (filled steps) and its running total (line, right axis)."""
    daily = snapshot.daily
    figure = go.Figure()
    if column in daily:
        days, values = daily["day"], daily[column]
        figure.add_scatter(
            x=days,
            y=values,
            name=say("daily", language),
            line={**STEPS, "color": "#8fb3d9"},
            fill="tozeroy",
        )
        figure.add_scatter(
            x=days,
            y=values.cumsum(),
            name=say("cumulative", language),
            yaxis="y2",
            line={"color": "#c0392b"},
        )
    figure.update_layout(yaxis2={"overlaying": "y", "side": "right", "rangemode": "tozero"})
    return compact(figure, title)


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
    return compact(figure, say("view_layers", language))


def rings(snapshot: Snapshot, language: str = "en") -> go.Figure:
    """Market arrests so far by chain role (stacked areas) and rings active (line, on top)."""
    market = snapshot.market
    figure = go.Figure()
    if not market.empty:
        for column in ROLES:
            figure.add_scatter(
                x=market["day"],
                y=market[column].cumsum(),
                name=say(column, language, table="roles"),
                line=STEPS,
                stackgroup="arrests",
            )
        figure.add_scatter(
            x=market["day"],
            y=market["rings_active"],
            name=say("rings_active", language),
            yaxis="y2",
            line={"color": "#c0392b"},
        )
    figure.update_layout(
        yaxis={"rangemode": "tozero"},
        yaxis2={"overlaying": "y", "side": "right"},
    )
    return compact(figure, say("view_rings", language))


def awareness(snapshot: Snapshot, language: str = "en") -> go.Figure:
    """Each age group's mean awareness, day by day."""
    daily = snapshot.daily
    figure = go.Figure()
    for group, column in GROUP_COLUMNS.items():
        if column in daily:
            name = say(group, language, table="groups")
            figure.add_scatter(x=daily["day"], y=daily[column], name=name)
    figure.update_layout(yaxis={"range": [0, 1], "title": say("awareness", language)})
    return compact(figure, say("view_awareness", language))


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
    return compact(figure, say("view_districts", language))


def cooperation(snapshot: Snapshot, language: str = "en") -> go.Figure:
    """The parties as nodes, each link as thick as its level, lit where it carried traffic.

    A link that carried anything of :data:`govsim.metrics.LINK_TRAFFIC` (a stop-payment order,
    a blacklist entry, a lead, a linked case, a suspect, an arrest abroad) in the last
    ``LIT_DAYS`` days (:mod:`.simulation`) is drawn in orange with its count at its middle;
    hovering names what it carried.
    """
    figure = go.Figure()
    for link, level in snapshot.cooperation.items():
        xs, ys = _link_line(link)
        carried = snapshot.traffic.get(link, {})
        lit = sum(carried.values()) > 0
        colour = LIT_COLOUR if lit else f"rgba(41, 98, 155, {0.15 + 0.85 * level})"
        figure.add_scatter(
            x=xs,
            y=ys,
            mode="lines",
            line={"width": 0.5 + 10 * level, "color": colour},
            hoverinfo="text",
            text=_link_hover(level, carried, language),
            showlegend=False,
        )
    _label_lit_links(figure, snapshot)
    names = list(NODE_PLACES)
    figure.add_scatter(
        x=[NODE_PLACES[n][0] for n in names],
        y=[NODE_PLACES[n][1] for n in names],
        mode="markers+text",
        marker={"size": 18, "color": "#c0392b"},
        text=[say(n, language, table="nodes") for n in names],
        textposition=["top center" if n == "telecom" else "bottom center" for n in names],
        hoverinfo="skip",
        showlegend=False,
    )
    hidden = {"visible": False, "range": [-1.5, 1.5]}
    figure.update_layout(xaxis=hidden, yaxis={**hidden, "range": [-1.6, 1.5]})
    return compact(figure, say("view_cooperation", language))


def _link_line(link: str) -> tuple[list[float], list[float]]:
    """The line of a link between its parties' places (a loop for police across regions)."""
    one, other = link.split("-")
    (x0, y0), (x1, y1) = NODE_PLACES[one], NODE_PLACES[other]
    if one == other:
        return [x0, x0 - 0.25, x0 + 0.25, x0], [y0, y0 + 0.35, y0 + 0.35, y0]
    return [x0, x1], [y0, y1]


def _link_hover(level: float, carried: dict[str, float], language: str) -> str:
    """A link's level, then what it carried lately, one kind a line."""
    lines = [f"{say('link_level', language)}: {level:.2f}"]
    lines += [
        f"{say(kind, language, table='traffic')}: {count:,.0f}"
        for kind, count in carried.items()
        if count
    ]
    return "<br>".join(lines)


def _label_lit_links(figure: go.Figure, snapshot: Snapshot) -> None:
    """The count a lit link carried, written at its middle (one trace for all of them)."""
    places, counts = [], []
    for link, carried in snapshot.traffic.items():
        total = sum(carried.values())
        if total > 0 and link in snapshot.cooperation:
            xs, ys = _link_line(link)
            places.append((sum(xs[:2]) / 2, sum(ys[:2]) / 2 + (0.35 if len(xs) > 2 else 0.0)))
            counts.append(f"{total:,.0f}")
    if places:
        figure.add_scatter(
            x=[x for x, _ in places],
            y=[y for _, y in places],
            mode="text",
            text=counts,
            textfont={"color": "#a04000", "size": 11},
            hoverinfo="skip",
            showlegend=False,
        )


def centre(snapshot: Snapshot, language: str = "en") -> go.Figure:
    """The centre's day: leads in, calls made, its callers' capacity, and its queue.

    Leads and calls are filled steps (Plotly fills them half transparent: each shows through the
    other), the capacity a dashed line, the queue a line on the right axis; the title gives the
    staff seated in the centre.
    """
    daily = snapshot.daily
    figure = go.Figure()
    if not daily.empty:
        for column, colour in (("leads", "#8fb3d9"), ("dissuasion_calls", "#27ae60")):
            figure.add_scatter(
                x=daily["day"],
                y=daily[column],
                name=measure(column, language),
                line={**STEPS, "color": colour},
                fill="tozeroy",
            )
        figure.add_scatter(
            x=daily["day"],
            y=[snapshot.call_capacity] * len(daily),
            name=say("call_capacity", language),
            line={"color": "#555555", "dash": "dash"},
        )
        figure.add_scatter(
            x=daily["day"],
            y=daily["leads_waiting"],
            name=measure("leads_waiting", language),
            yaxis="y2",
            line={"color": "#c0392b"},
        )
    figure.update_layout(yaxis2={"overlaying": "y", "side": "right", "rangemode": "tozero"})
    title = say("view_centre", language, staff=format_value(snapshot.centre_staff))
    return compact(figure, title)


def chain(ring: RingChain | None, language: str = "en") -> go.Figure:
    """One ring's members by role, in the country and abroad (stacked), and its full strength."""
    figure = go.Figure()
    if ring is not None:
        roles = [say(role, language, table="chain_roles") for role in CHAIN_ROLES]
        for key, members, colour in (
            ("at_home", ring.home, "#5d8aa8"),
            ("abroad", ring.abroad, "#e67e22"),
        ):
            figure.add_bar(
                x=list(members),
                y=roles,
                orientation="h",
                name=say(key, language),
                marker_color=colour,
            )
        figure.add_scatter(
            x=list(ring.full_strength),
            y=roles,
            mode="markers",
            marker={"symbol": "line-ns-open", "size": 16, "color": "#222222"},
            name=say("full_strength", language),
        )
    figure.update_layout(barmode="stack", yaxis={"autorange": "reversed"})
    return compact(figure, say("view_chain", language))

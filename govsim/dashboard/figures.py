"""The dashboard's charts as plain Plotly figures, built from a snapshot in one language.

Kept apart from the Solara components so that each chart can be checked without a browser:
what it plots, and that its titles and legends follow the language. Each figure is built from
Plotly's trace and layout dictionaries without Plotly's validation (:func:`chart`).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go

from govsim.axis_numbers import axis_numbers
from govsim.dashboard.labels import CHAIN_ROLES, LINKS, ROLES, measure, say
from govsim.dashboard.simulation import GROUP_COLUMNS, LAYERS, RingChain, Snapshot
from govsim.labels import phrase
from govsim.tables import format_value

HEIGHT = 300
"""Pixels of a chart's height. Its width is its card's (the chart follows the card as the window
changes: a projector's 1024 pixels fit as well as a 1920-pixel screen)."""
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


SUBTITLE_MARGIN = 58
"""Pixels above the plot of a chart with a subtitle: its title's two lines clear of the plot."""


def chart(
    traces: Sequence[dict],
    title: str,
    language: str = "en",
    subtitle: str = "",
    **layout: object,
) -> go.Figure:
    """A compact chart of ``traces`` (Plotly's trace dictionaries): its title, the legend under it.

    A title is one line that must fit a chart half a projector wide (Plotly does not wrap it):
    what does not fit goes into ``subtitle``, a smaller second line.

    Built without Plotly's validation, which took most of the server's time a step (about 5 ms a
    chart, against under 1 ms without); ``tests/dashboard/test_figures.py`` builds every chart
    again with it, so that a misspelt property still fails a test. Numbers on the axes follow
    the language (:mod:`govsim.axis_numbers`).
    """
    compact = {
        "title": {"text": title, "font": {"size": 15}},
        "height": HEIGHT,
        "autosize": True,
        "margin": {"l": 50, "r": 50, "t": 40, "b": 30},
        "legend": {"orientation": "h", "y": -0.2, "font": {"size": 10}},
    }
    if subtitle:
        compact["title"]["subtitle"] = {"text": subtitle, "font": {"size": 11}}
        compact["margin"]["t"] = SUBTITLE_MARGIN
    numbers = axis_numbers(language)
    if numbers:
        for axis in AXES:
            if axis in layout or axis in ALWAYS_THERE:
                layout[axis] = {**numbers, **layout.get(axis, {})}  # type: ignore[dict-item]
    return go.Figure(data=list(traces), layout={**compact, **layout}, _validate=False)


WHOLE = ",.0f"
"""Counts and yuan on hover: whole, with thousands separated (no 1234.5678 yuan)."""


def day_hover(series: str, language: str, number: str = WHOLE, unit: str = "") -> str:
    """A hover naming the day, the series and its value with its unit, in the page's language.

    Plotly's default is a bare ``(x, y)`` pair, which tells a class neither the day nor the
    measure; ``<extra></extra>`` drops the trace-name box, since the series is named here.
    """
    colon = phrase("colon", language)
    day = say("hover_day", language)
    return f"{day}<br>{series}{colon}%{{y:{number}}}{unit}<extra></extra>"


def category_hover(series: str, language: str, value: str = "x", unit: str = "") -> str:
    """A hover naming the bar's category (a layer, a role, a district), the series and value."""
    category = "y" if value == "x" else "x"
    colon = phrase("colon", language)
    return f"%{{{category}}}<br>{series}{colon}%{{{value}:{WHOLE}}}{unit}<extra></extra>"


AXES = ("xaxis", "yaxis", "yaxis2")
ALWAYS_THERE = ("xaxis", "yaxis")
"""Every chart has these; a second y axis only where the chart sets one (named, it is drawn)."""


def line(x: object, y: object, name: str, **properties: object) -> dict:
    """A scatter trace (a line, unless ``properties`` say otherwise) of two columns."""
    return {"type": "scatter", "x": np.asarray(x), "y": np.asarray(y), "name": name, **properties}


def bars(x: object, y: object, name: str, **properties: object) -> dict:
    """A bar trace of two columns."""
    return {"type": "bar", "x": np.asarray(x), "y": np.asarray(y), "name": name, **properties}


RIGHT_AXIS = {
    "overlaying": "y",
    "side": "right",
    "rangemode": "tozero",
    "tickmode": "auto",
    "showgrid": False,
}
"""The second y axis, for a running total or a queue beside the daily counts: from zero, with
ticks of its own (Plotly otherwise puts them on the left axis's grid lines, at values such as
6.7 victims) and no grid of its own (two grids would cross)."""
WHOLE_DAYS_UNTIL = 10
"""Until this many days are drawn, the day axis ticks every day: Plotly's automatic ticks would
fall on half days."""


def day_axis(days: object) -> dict:
    """The x axis of a chart by day: whole days only, while there are few."""
    return {"dtick": 1} if len(np.asarray(days)) < WHOLE_DAYS_UNTIL else {}


WHOLE_COUNTS = {"autorangeoptions": {"include": [0, 4]}}
"""A count's axis reaches at least 4, so that its ticks are whole numbers: a run's first days,
with no victim yet or one, would otherwise be drawn on ticks of 0.2 victims."""
COUNT_AXIS = {"rangemode": "tozero", **WHOLE_COUNTS}
"""The y axis of daily counts and sums: from zero, never below (Plotly's automatic range around
a first day of zeros runs from -1 to 1), on whole numbers."""


def daily_and_cumulative(snapshot: Snapshot, column: str, title: str, language: str) -> go.Figure:
    """One count each day (filled steps) and its running total (line, right axis)."""
    daily = snapshot.daily
    traces = []
    days = daily.get("day", ())
    if column in daily:
        values = daily[column]
        steps = {**STEPS, "color": "#8fb3d9"}
        totals = values.cumsum()
        series = say(f"hover_{column}", language)
        unit = say(HOVER_UNITS[column], language) if column in HOVER_UNITS else ""
        hovers = [
            day_hover(
                say("hover_of", language, measure=series, series=say(kind, language)),
                language,
                unit=unit,
            )
            for kind in ("daily", "cumulative")
        ]
        traces = [
            line(days, values, say("daily", language), line=steps, fill="tozeroy"),
            line(
                days,
                totals,
                say("cumulative", language),
                yaxis="y2",
                line={"color": "#c0392b"},
            ),
        ]
        for trace, hover in zip(traces, hovers, strict=True):
            trace["hovertemplate"] = hover
        left, right = zero_aligned(values.to_numpy(), totals.to_numpy())
        if left is not None:
            return chart(traces, title, language, xaxis=day_axis(days), yaxis=left, yaxis2=right)
    running_total = {**RIGHT_AXIS, **WHOLE_COUNTS}
    return chart(
        traces, title, language, xaxis=day_axis(days), yaxis=COUNT_AXIS, yaxis2=running_total
    )


HOVER_UNITS: dict[str, str] = {"net_loss": "unit_yuan"}
"""The unit label of a daily column whose name on hover does not say it (victims are people)."""
PADDING = 0.05
"""Room left above and below the data when a chart's ranges are set rather than automatic."""


def zero_aligned(daily: np.ndarray, totals: np.ndarray) -> tuple[dict | None, dict]:
    """Both y axes with their zero at one height, where some values fall below zero.

    Net loss falls below zero on a day when more is frozen and returned than lost. Left to
    Plotly, each axis would then place its zero at its own height and a running total would
    seem to start below zero. Each range keeps the same share of itself below zero: the larger
    of the two axes' shares. (None for the left axis when nothing is below zero: the automatic
    ranges from zero do.)
    """
    if daily.size == 0 or min(daily.min(), totals.min()) >= 0:
        return None, RIGHT_AXIS
    ranges = []
    below = 0.0
    for values in (daily, totals):
        low, high = min(float(values.min()), 0.0), max(float(values.max()), 0.0)
        if high <= 0:
            high = 1.0  # only losses returned: some room above zero all the same
        ranges.append((low, high))
        below = max(below, -low / (high - low))
    aligned = []
    for low, high in ranges:
        high = max(high, -low * (1 - below) / below) * (1 + PADDING)
        aligned.append([-high * below / (1 - below), high])
    left = {"range": aligned[0]}
    right = {**RIGHT_AXIS, "range": aligned[1]}
    del right["rangemode"]
    return left, right


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
    title = say("view_layers", language)
    # Each bar says its count: beside some 30,000 contacts removed, a few hundred held by
    # banks would not show at all.
    layer_bars = bars(
        totals,
        names,
        title,
        orientation="h",
        marker={"color": "#5d8aa8"},
        texttemplate="%{x:,.0f}",
        textposition="outside",
        cliponaxis=False,
        hovertemplate=category_hover(say("so_far", language), language),
    )
    return chart([layer_bars], title, language, yaxis={"autorange": "reversed"})


def rings(snapshot: Snapshot, language: str = "en") -> go.Figure:
    """Market arrests so far by chain role (stacked areas) and rings active (line, on top)."""
    market = snapshot.market
    traces = []
    days = market.get("day", ())
    if not market.empty:
        traces = [
            line(
                days,
                market[column].cumsum(),
                say(column, language, table="roles"),
                line=STEPS,
                stackgroup="arrests",
                hovertemplate=day_hover(say(column, language, table="roles"), language),
            )
            for column in ROLES
        ]
        traces.append(
            line(
                days,
                market["rings_active"],
                say("rings_active", language),
                yaxis="y2",
                line={"color": "#c0392b"},
                hovertemplate=day_hover(say("rings_active", language), language),
            )
        )
    return chart(
        traces,
        say("view_rings", language),
        language,
        xaxis=day_axis(days),
        yaxis=COUNT_AXIS,
        yaxis2={**RIGHT_AXIS, "tickformat": ",d"},  # whole rings, from none
    )


def awareness(snapshot: Snapshot, language: str = "en") -> go.Figure:
    """Each age group's mean awareness, day by day."""
    daily = snapshot.daily
    traces = [
        line(
            daily["day"],
            daily[column],
            say(group, language, table="groups"),
            hovertemplate=day_hover(say(group, language, table="groups"), language, ".2f"),
        )
        for group, column in GROUP_COLUMNS.items()
        if column in daily
    ]
    axis = {"range": [0, 1], "title": {"text": say("awareness", language)}}
    days = daily.get("day", ())
    view = say("view_awareness", language)
    return chart(traces, view, language, xaxis=day_axis(days), yaxis=axis)


def districts(snapshot: Snapshot, language: str = "en") -> go.Figure:
    """Victims (bars) and net loss (bars on the right axis) so far, by district."""
    table = snapshot.districts
    traces = []
    if not table.empty:
        names = table["district"]
        traces = [
            bars(
                names,
                table["victims"],
                measure("victims", language),
                offsetgroup=0,
                hovertemplate=category_hover(measure("victims", language), language, "y"),
            ),
            bars(
                names,
                table["net_loss"],
                measure("net_loss", language),
                yaxis="y2",
                offsetgroup=1,
                hovertemplate=category_hover(
                    say("hover_net_loss", language), language, "y", say("unit_yuan", language)
                ),
            ),
        ]
    return chart(
        traces,
        say("view_districts", language),
        language,
        barmode="group",
        yaxis=COUNT_AXIS,
        yaxis2=RIGHT_AXIS,
        xaxis={"title": {"text": say("district", language)}},
    )


def cooperation(snapshot: Snapshot, language: str = "en") -> go.Figure:
    """The parties as nodes, each link as thick as its level, lit where it carried traffic.

    A link that carried anything of :data:`govsim.metrics.LINK_TRAFFIC` (a stop-payment order,
    a blacklist entry, a lead, a linked case, a suspect, an arrest abroad) in the last
    ``LIT_DAYS`` days (:mod:`.simulation`) is drawn in orange with its count in a white badge
    on it. Hovering a link's point (its badge, or where the badge would be) names the link,
    its level and what it carried: Plotly hovers a line only at its ends, where several links
    meet, so each link's hover sits at a point of its own.
    """
    traces = []
    for link, level in snapshot.cooperation.items():
        xs, ys = _link_line(link)
        carried = snapshot.traffic.get(link, {})
        lit = sum(carried.values()) > 0
        colour = LIT_COLOUR if lit else f"rgba(41, 98, 155, {0.15 + 0.85 * level})"
        traces.append(
            {
                "type": "scatter",
                "x": xs,
                "y": ys,
                "mode": "lines",
                "line": {"width": 0.5 + 10 * level, "color": colour},
                "hoverinfo": "skip",
                "text": _link_hover(link, level, carried, language),
                "showlegend": False,
            }
        )
    traces += _link_points(snapshot, [trace["text"] for trace in traces])
    names = list(NODE_PLACES)
    nodes = {
        "type": "scatter",
        "x": [NODE_PLACES[n][0] for n in names],
        "y": [NODE_PLACES[n][1] for n in names],
        "mode": "markers+text",
        "marker": {"size": 18, "color": "#c0392b"},
        "text": [say(n, language, table="nodes") for n in names],
        "textposition": ["top center" if n == "telecom" else "bottom center" for n in names],
        "hoverinfo": "skip",
        "showlegend": False,
    }
    hidden = {"visible": False, "range": [-1.5, 1.5]}
    return chart(
        [*traces, nodes],
        say("view_cooperation", language),
        language,
        xaxis=hidden,
        yaxis={**hidden, "range": [-1.6, 1.5]},
        hoverdistance=12,
    )


BADGE_AT: dict[str, float] = {"police-telecom": 0.7}
"""How far along a link, from its first party, its badge and hover point sit (else
:data:`BADGE_AT_DEFAULT`): chosen so that no two come closer than some 30 pixels, where
midpoints would put the banks-platforms badge on the police-telecoms line."""
BADGE_AT_DEFAULT = 0.3


def _link_line(link: str) -> tuple[list[float], list[float]]:
    """The line of a link between its parties' places (a loop for police across regions)."""
    one, other = link.split("-")
    (x0, y0), (x1, y1) = NODE_PLACES[one], NODE_PLACES[other]
    if one == other:
        return [x0, x0 - 0.25, x0 + 0.25, x0], [y0, y0 + 0.35, y0 + 0.35, y0]
    return [x0, x1], [y0, y1]


def link_point(link: str) -> tuple[float, float]:
    """Where a link's badge and hover point sit: along its line, or atop its loop."""
    xs, ys = _link_line(link)
    if len(xs) > 2:
        return (xs[1] + xs[2]) / 2, ys[1]
    along = BADGE_AT.get(link, BADGE_AT_DEFAULT)
    return xs[0] + along * (xs[1] - xs[0]), ys[0] + along * (ys[1] - ys[0])


def _link_hover(link: str, level: float, carried: dict[str, float], language: str) -> str:
    """The link's name and level, then what it carried lately, one kind a line."""
    one, other = link.split("-")
    if link in LINKS:
        name = say(link, language, table="links")
    else:
        name = f"{say(one, language, table='nodes')} - {say(other, language, table='nodes')}"
    lines = [
        f"<b>{name}</b>",
        f"{say('link_level', language)}{phrase('colon', language)}{level:.2f}",
    ]
    lines += [
        f"{say(kind, language, table='traffic')}{phrase('colon', language)}{count:,.0f}"
        for kind, count in carried.items()
        if count
    ]
    return "<br>".join(lines)


def _link_points(snapshot: Snapshot, hovers: list[str]) -> list[dict]:
    """Each link's hover point; a lit link's is a white badge with what it carried lately.

    One trace for the quiet links' points (invisible, hover only), one for the badges.
    """
    quiet: dict[str, list] = {"x": [], "y": [], "hovertext": []}
    lit: dict[str, list] = {"x": [], "y": [], "hovertext": [], "text": []}
    for link, hover in zip(snapshot.cooperation, hovers, strict=True):
        total = sum(snapshot.traffic.get(link, {}).values())
        x, y = link_point(link)
        target = lit if total > 0 else quiet
        target["x"].append(x)
        target["y"].append(y)
        target["hovertext"].append(hover)
        if total > 0:
            lit["text"].append(f"{total:,.0f}")
    common = {
        "type": "scatter",
        "hovertemplate": "%{hovertext}<extra></extra>",
        "showlegend": False,
    }
    traces = [
        {
            **common,
            **quiet,
            "mode": "markers",
            "marker": {"size": 16, "color": "rgba(0, 0, 0, 0)"},
        }
    ]
    if lit["x"]:
        traces.append(
            {
                **common,
                **lit,
                "mode": "markers+text",
                "marker": {
                    "size": 24,
                    "color": "white",
                    "line": {"color": LIT_COLOUR, "width": 1.5},
                },
                "textfont": {"color": "#7a3000", "size": 11},
            }
        )
    return traces


def centre(snapshot: Snapshot, language: str = "en") -> go.Figure:
    """The centre's day: leads in, calls made, its callers' capacity, and its queue.

    Leads and calls are filled steps (Plotly fills them half transparent: each shows through the
    other), the capacity a dashed line, the queue a line on the right axis; the subtitle gives
    the staff seated in the centre per 100,000 residents (in the title, it was cut off).
    """
    daily = snapshot.daily
    traces = []
    days = daily.get("day", ())
    if not daily.empty:
        traces = [
            line(
                days,
                daily[column],
                measure(column, language),
                line={**STEPS, "color": colour},
                fill="tozeroy",
                hovertemplate=day_hover(measure(column, language), language),
            )
            for column, colour in (("leads", "#8fb3d9"), ("dissuasion_calls", "#27ae60"))
        ]
        capacity = np.full(len(daily), snapshot.call_capacity)
        traces += [
            line(
                days,
                capacity,
                say("call_capacity", language),
                line={"color": "#555555", "dash": "dash"},
                hovertemplate=day_hover(say("call_capacity", language), language),
            ),
            line(
                days,
                daily["leads_waiting"],
                measure("leads_waiting", language),
                yaxis="y2",
                line={"color": "#c0392b"},
                hovertemplate=day_hover(measure("leads_waiting", language), language),
            ),
        ]
    seats = say("centre_seats", language, staff=format_value(snapshot.centre_staff_per_100k))
    return chart(
        traces,
        say("view_centre", language),
        language,
        subtitle=seats,
        xaxis=day_axis(days),
        yaxis=COUNT_AXIS,
        yaxis2=RIGHT_AXIS,
    )


def chain(ring: RingChain | None, language: str = "en") -> go.Figure:
    """One ring's members by role, in the country and abroad (stacked), and its full strength."""
    traces = []
    if ring is not None:
        roles = [say(role, language, table="chain_roles") for role in CHAIN_ROLES]
        traces = [
            bars(
                list(members),
                roles,
                say(key, language),
                orientation="h",
                marker={"color": colour},
                hovertemplate=category_hover(say(key, language), language),
            )
            for key, members, colour in (
                ("at_home", ring.home, "#5d8aa8"),
                ("abroad", ring.abroad, "#e67e22"),
            )
        ]
        traces.append(
            line(
                list(ring.full_strength),
                roles,
                say("full_strength", language),
                mode="markers",
                marker={"symbol": "line-ns-open", "size": 16, "color": "#222222"},
                hovertemplate=category_hover(say("full_strength", language), language),
            )
        )
    return chart(
        traces,
        say("view_chain", language),
        language,
        barmode="stack",
        yaxis={"autorange": "reversed"},
    )

"""The dashboard's views: small Solara components, each a chart or a list with its caption.

A trainer explains from the screen, so every view carries a one-line caption in the page's
language saying what it shows. The charts themselves are built in :mod:`.figures`.
"""

from __future__ import annotations

from collections.abc import Callable

import plotly.graph_objects as go
import solara

from govsim.dashboard import figures
from govsim.dashboard.labels import measure, say
from govsim.dashboard.plot import Plot
from govsim.dashboard.simulation import Snapshot

CHARTS: tuple[tuple[str, Callable[[Snapshot, str], go.Figure]], ...] = (
    ("victims", figures.victims),
    ("loss", figures.net_loss),
    ("layers", figures.layers),
    ("rings", figures.rings),
    ("awareness", figures.awareness),
    ("districts", figures.districts),
    ("cooperation", figures.cooperation),
    ("centre", figures.centre),
)
"""Each chart's key (its caption is ``caption_<key>``) and the function that draws it."""
HUB_ONLY = frozenset({"centre"})
"""Charts shown only for a city with a one-stop centre."""


@solara.component
def Chart(
    key: str, draw: Callable[[Snapshot, str], go.Figure], snapshot: Snapshot, language: str
) -> None:
    """One chart in a card, its caption under it."""
    with solara.Card(margin=0, classes=[f"govsim-view-{key}"]):
        Plot(draw(snapshot, language), dependencies=[snapshot.day, language])
        solara.Text(say(f"caption_{key}", language), style={"font-size": "0.85em"})


@solara.component
def EventLog(snapshot: Snapshot, language: str) -> None:
    """The scenario's events so far, newest last, with their caption."""
    with solara.Card(say("event_log", language), margin=0, classes=["govsim-view-events"]):
        solara.Text(say("caption_events", language), style={"font-size": "0.85em"})
        lines = snapshot.event_log(language)
        if not lines:
            solara.Text(say("no_events", language))
        for line in lines:
            solara.Text(line, classes=["govsim-event"])


@solara.component
def DayCounter(snapshot: Snapshot, language: str) -> None:
    """Where the run stands: the day, and the headline totals so far."""
    day = say("day", language, day=snapshot.day, days=snapshot.days)
    solara.Text(day, classes=["govsim-day"], style={"font-size": "1.4em", "font-weight": "bold"})
    totals = "  ·  ".join(
        f"{measure(column, language)} {snapshot.total(column):,.0f}"
        for column in ("victims", "net_loss", "frozen")
    )
    solara.Text(f"{say('so_far', language)}: {totals}", classes=["govsim-totals"])
    if snapshot.finished:
        solara.Info(say("finished", language))


@solara.component
def Views(snapshot: Snapshot, language: str) -> None:
    """The day counter, then the charts two by two, then the event log."""
    DayCounter(snapshot, language)
    shown = [(key, draw) for key, draw in CHARTS if snapshot.hub or key not in HUB_ONLY]
    pairs = [shown[i : i + 2] for i in range(0, len(shown), 2)]
    for pair in pairs:
        with solara.Columns([1] * len(pair)):
            for key, draw in pair:
                Chart(key, draw, snapshot, language)
    EventLog(snapshot, language)

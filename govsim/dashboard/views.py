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
from govsim.dashboard.simulation import RingChain, Snapshot
from govsim.labels import phrase

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
BLOCK = {"display": "block"}
"""The style that puts a text on a line of its own."""


@solara.component
def Chart(
    key: str, draw: Callable[[Snapshot, str], go.Figure], snapshot: Snapshot, language: str
) -> None:
    """One chart in a card, its caption under it."""
    with solara.Card(margin=0, classes=[f"govsim-view-{key}"]):
        Plot(
            lambda: draw(snapshot, language),
            dependencies=[id(snapshot), snapshot.day, language],
            revision=snapshot.build,
        )
        solara.Text(say(f"caption_{key}", language), style={"font-size": "0.85em"})


@solara.component
def EventLog(snapshot: Snapshot, language: str) -> None:
    """The scenario's events so far, newest last, with their caption."""
    with solara.Card(say("event_log", language), margin=0, classes=["govsim-view-events"]):
        # Texts are inline spans: each line is made a block of its own, or they run together.
        solara.Text(say("caption_events", language), style={**BLOCK, "font-size": "0.85em"})
        lines = snapshot.event_log(language)
        if not lines:
            solara.Text(say("no_events", language), style=BLOCK)
        for line in lines:
            solara.Text(line, classes=["govsim-event"], style=BLOCK)


@solara.component
def NoCentre(snapshot: Snapshot, language: str) -> None:
    """Where the centre's chart would be: why this city has none, and how to get one."""
    structure = say(snapshot.structure, language, table="structures")
    with solara.Card(say("no_centre_title", language), margin=0, classes=["govsim-no-centre"]):
        key = "no_centre_none" if snapshot.structure == "none" else "no_centre"
        solara.Text(say(key, language, structure=structure), style={"font-size": "0.85em"})


@solara.component
def ChainView(snapshot: Snapshot, language: str) -> None:
    """One ring's chain, the ring picked from those operating (the first until one is picked).

    A picked ring that is dissolved or leaves gives way to the first ring still operating.
    """
    picked = solara.use_reactive(0)
    rings = {ring.ring: ring for ring in snapshot.rings}
    ring = rings.get(picked.value) or (snapshot.rings[0] if snapshot.rings else None)
    with solara.Card(margin=0, classes=["govsim-view-chain"]):
        if ring is None:
            solara.Text(say("no_rings", language))
        else:
            names = {_ring_name(r, language): r.ring for r in snapshot.rings}
            solara.Select(
                label=say("ring", language),
                value=_ring_name(ring, language),
                values=list(names),
                on_value=lambda name: picked.set(names[name]),
            )
        Plot(
            lambda: figures.chain(ring, language),
            dependencies=[snapshot.day, language, ring],
            revision=snapshot.build,
        )
        solara.Text(say("caption_chain", language), style={"font-size": "0.85em"})


def _ring_name(ring: RingChain, language: str) -> str:
    """A ring as the picker names it: its id, abroad or not, its members now."""
    abroad = say("ring_abroad", language) if ring.cross_border else ""
    return say("ring_choice", language, ring=ring.ring, abroad=abroad, members=ring.members)


@solara.component
def DayCounter(snapshot: Snapshot, language: str) -> None:
    """Where the run stands: the day, and the headline totals so far."""
    day = say("day", language, day=snapshot.day, days=snapshot.days)
    solara.Text(day, classes=["govsim-day"], style={"font-size": "1.4em", "font-weight": "bold"})
    totals = "  ·  ".join(
        f"{measure(column, language)} {snapshot.total(column):,.0f}"
        for column in ("victims", "net_loss", "frozen")
    )
    solara.Text(
        say("so_far", language) + phrase("colon", language) + totals, classes=["govsim-totals"]
    )
    if snapshot.finished:
        solara.Info(say("finished", language))


@solara.component
def Views(snapshot: Snapshot, language: str) -> None:
    """The day counter, then the charts two by two, a ring's chain and the event log.

    Without a one-stop centre, its chart's place says why there is none.
    """
    DayCounter(snapshot, language)
    cards: list[Callable[[], object]] = [
        (lambda key=key, draw=draw: Chart(key, draw, snapshot, language))
        for key, draw in CHARTS
        if snapshot.hub or key not in HUB_ONLY
    ]
    if not snapshot.hub:
        cards.append(lambda: NoCentre(snapshot, language))
    cards.append(lambda: ChainView(snapshot, language))
    cards.append(lambda: EventLog(snapshot, language))
    for i in range(0, len(cards), 2):
        with solara.Columns([1, 1]):
            for card in cards[i : i + 2]:
                card()

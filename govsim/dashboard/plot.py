"""Plotly charts on the page, with Plotly's browser code loaded once per page, not per chart.

``solara.FigurePlotly`` sends Plotly's whole browser bundle (about 5 MB) through the websocket
with every chart: six charts made the first page take over ten seconds here. Instead the
bundle is copied into the folder Solara serves its cached assets from, and each chart's
browser module only imports it from there: the browser fetches it once and caches it. This
also keeps the page working offline, since the bundle comes from the installed Plotly.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import plotly
import plotly.graph_objects as go
import solara
from plotly.basedatatypes import BaseTraceType

BUNDLE = Path(plotly.__file__).parent / "package_data" / "widgetbundle.js"
"""Plotly's browser module for its figure widget, shipped in the Python package."""
BUNDLE_PATH = f"govsim-plotly-widget@{plotly.__version__}/widgetbundle.js"
"""Where the bundle is served, under Solara's asset route (versioned: browsers cache it)."""
# After each drawing, Plotly's view sends the server every default it filled in (the whole
# computed layout, each trace's computed properties), which the server validates and echoes back:
# a round trip per chart and step that nothing on the page reads. Those two messages are not sent;
# a trainer's zoom or legend click still is. They are private methods of Plotly's view: a Plotly
# without them is left as it is (slower, not broken).
LOADER = f"""
const url = new URL(window.solara_cdn + "/{BUNDLE_PATH}", window.location.href);
const bundle = await import(url.href);
const view = bundle.FigureView && bundle.FigureView.prototype;
if (view && view._sendTraceDeltas && view._sendLayoutDelta) {{
  view._sendTraceDeltas = () => {{}};
  view._sendLayoutDelta = () => {{}};
}}
export default bundle.default;
"""
CONFIG = {"displayModeBar": False, "displaylogo": False, "responsive": True}
"""No tool bar: its tooltips are English only, and a trainer zooms by dragging anyway."""


def install_bundle(cache: Path) -> Path:
    """Copy Plotly's bundle into Solara's asset cache (once per Plotly version)."""
    target = cache / BUNDLE_PATH
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        # Copied under another name, then renamed: a page served meanwhile (or a second server
        # starting) never reads half a file.
        partial = target.with_name(f".{target.name}.{os.getpid()}")
        shutil.copyfile(BUNDLE, partial)
        os.replace(partial, target)
    return target


class SharedBundleFigure(go.FigureWidget):
    """Plotly's figure widget whose browser module imports the bundle served by the server."""

    _esm = LOADER

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self._config = CONFIG


@solara.component
def Plot(draw: Callable[[], go.Figure], dependencies: Sequence[object]) -> solara.Element:
    """The figure ``draw`` makes, drawn afresh in place when ``dependencies`` change.

    Takes a function rather than a figure: a figure passed as an argument is compared with the
    last one at every render of the page (Plotly compares figures by converting both to
    dictionaries, about 10 ms a chart), and would be built even when nothing changed.
    """
    element = SharedBundleFigure.element()
    drawn_layout = solara.use_ref(None)
    drawn = solara.use_ref("")

    def redraw() -> None:
        figure = draw()
        # A chart whose figure did not change (a ring's chain most days, the districts on a
        # day without victims) is not sent: the browser would draw it again for nothing.
        as_drawn = figure.to_json()
        if as_drawn == drawn.current:
            return
        drawn.current = as_drawn
        widget: go.FigureWidget = solara.get_widget(element)
        # Setting a layout validates all of it again (about 20 ms a chart, most of a step's
        # redraw); while playing, only the data change, so an unchanged layout is not resent.
        layout = figure.layout.to_plotly_json()
        # One update, one message, one drawing in the browser: the axes' automatic ranges are
        # then computed on the new data.
        with widget.batch_update():
            _replace_traces(widget, figure.data)
            if layout != drawn_layout.current:
                widget.layout = figure.layout
                drawn_layout.current = layout

    solara.use_effect(redraw, list(dependencies))
    return element


def _replace_traces(widget: go.FigureWidget, traces: Sequence[BaseTraceType]) -> None:
    """Put ``traces`` in place of the widget's own, updating them where they match.

    Updated in place (inside a batch update), the browser draws the chart once
    (``Plotly.update``); adding the new traces and deleting the old ones sends two messages and
    draws it twice, which made half of a step's redraw in the browser. Traces of other types,
    number or properties (a lit link's label appearing, a trace hidden from its legend) are
    added and the old ones deleted: an update in place would leave a property the new trace
    does not set as it was.
    """
    new = [trace.to_plotly_json() for trace in traces]
    if _shapes(drawn.to_plotly_json() for drawn in widget.data) == _shapes(new):
        for drawn, properties in zip(widget.data, new, strict=True):
            drawn.update(properties)
        return
    old = len(widget.data)
    widget.add_traces(traces)
    widget.data = list(widget.data)[old:]


def _shapes(traces: Iterable[dict]) -> list[tuple[object, frozenset[str]]]:
    """Each trace's type and the properties it sets (its ``uid``, given by the widget, aside)."""
    return [(trace.get("type"), frozenset(trace) - {"uid"}) for trace in traces]

"""Plotly charts on the page, with Plotly's browser code loaded once per page, not per chart.

``solara.FigurePlotly`` sends Plotly's whole browser bundle (about 5 MB) through the websocket
with every chart: six charts made the first page take over ten seconds here. Instead the
bundle is copied into the folder Solara serves its cached assets from, and each chart's
browser module only imports it from there: the browser fetches it once and caches it. This
also keeps the page working offline, since the bundle comes from the installed Plotly.

Each step, a chart gets its new figure as JSON and the browser draws it with ``Plotly.react``
(:class:`PlotlyChart`), rather than through Plotly's ``FigureWidget``: see docs/dashboard.md,
"Speed".
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Sequence
from pathlib import Path

import anywidget
import plotly
import plotly.graph_objects as go
import solara
import traitlets
from plotly.io.json import to_json_plotly

BUNDLE = Path(plotly.__file__).parent / "package_data" / "widgetbundle.js"
"""Plotly's browser module for its figure widget, shipped in the Python package."""
BUNDLE_PATH = f"govsim-plotly-widget@{plotly.__version__}/widgetbundle.js"
"""Where the bundle is served, under Solara's asset route (versioned: browsers cache it)."""
LOADER = f"""
const url = new URL(window.solara_cdn + "/{BUNDLE_PATH}", window.location.href);
await import(url.href);
const Plotly = window.Plotly;
const CONFIG = {{"displayModeBar": false, "displaylogo": false, "responsive": true}};
const TYPED = {{
  f8: Float64Array, f4: Float32Array, i4: Int32Array, u4: Uint32Array,
  i2: Int16Array, u2: Uint16Array, i1: Int8Array, u1: Uint8Array,
}};

// Plotly's JSON sends a one-dimensional array as base64 ({{dtype, bdata}}); decoded here, so that
// the chart's data holds plain typed arrays (as it did under Plotly's own widget).
function decoded(value) {{
  if (Array.isArray(value)) return value.map(decoded);
  if (value === null || typeof value !== "object") return value;
  if (typeof value.bdata === "string" && TYPED[value.dtype] && !value.shape) {{
    const bytes = Uint8Array.from(atob(value.bdata), (c) => c.charCodeAt(0));
    return new TYPED[value.dtype](bytes.buffer);
  }}
  for (const key of Object.keys(value)) value[key] = decoded(value[key]);
  return value;
}}

function render({{ model, el }}) {{
  const chart = document.createElement("div");
  chart.style.width = "100%";
  el.style.width = "100%";
  el.appendChild(chart);
  const template = JSON.parse(model.get("template"));  // the same object for every redraw
  const draw = () => {{
    const figure = decoded(JSON.parse(model.get("figure")));
    Plotly.react(chart, figure.data || [], {{ ...figure.layout, template }}, CONFIG);
  }};
  model.on("change:figure", draw);
  draw();
  // The chart takes its card's width, which the card may get only after the first drawing
  // (Plotly then falls back to 700 pixels) and which changes with the window.
  let width = chart.clientWidth;
  const fit = new ResizeObserver(() => {{
    if (chart.clientWidth > 0 && chart.clientWidth !== width) {{
      width = chart.clientWidth;
      Plotly.Plots.resize(chart);
    }}
  }});
  fit.observe(chart);
  return () => {{
    fit.disconnect();
    model.off("change:figure", draw);
    Plotly.purge(chart);
  }};
}}
export default {{ render }};
"""
"""The chart's browser module: Plotly's bundle (which sets ``window.Plotly``), then each new
figure drawn with ``Plotly.react``, which redraws only what changed. No tool bar: its tooltips
are English only, and a trainer zooms by dragging anyway."""
TEMPLATE = to_json_plotly(go.Figure().layout.template.to_plotly_json())
"""Plotly's default look (about 6.5 kB of JSON), which every figure of the page takes: sent
once per chart, not with each step's figure."""


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


class PlotlyChart(anywidget.AnyWidget):
    """A chart drawn in the browser from a figure's JSON: no figure kept in the server.

    Plotly's own ``FigureWidget`` keeps a copy of the figure in the server and validates
    every property again when it changes, then sends the change (most of the server's time a
    step); this one sends the figure's JSON, which the browser hands to ``Plotly.react``.
    """

    _esm = LOADER
    figure = traitlets.Unicode("{}").tag(sync=True)
    """The figure as Plotly's JSON (arrays as typed arrays), without its template."""
    template = traitlets.Unicode(TEMPLATE).tag(sync=True)


def figure_json(figure: go.Figure, revision: object = 0) -> str:
    """The figure as the chart takes it: Plotly's JSON without the template (sent once).

    ``revision`` becomes the layout's ``uirevision``: while it stays the same, a trainer's
    zoom or legend click is kept through the redraws (the steps of one run); a new value (a
    new model: another scenario, a reset, a changed control) drops them, or a new run's three
    days would be shown in the old run's zoomed range.
    """
    as_dict = figure.to_plotly_json()
    as_dict["layout"].pop("template", None)
    as_dict["layout"]["uirevision"] = f"govsim-{revision}"
    return to_json_plotly(as_dict)


@solara.component
def Plot(
    draw: Callable[[], go.Figure], dependencies: Sequence[object], revision: object = 0
) -> solara.Element:
    """The figure ``draw`` makes, drawn afresh in place when ``dependencies`` change.

    ``revision`` names the run the figure belongs to (:func:`figure_json`): the same through
    its steps, another for a rebuilt model.

    Takes a function rather than a figure, so that the figure is built only when the
    dependencies change; built after the page's render, so that the day counter and the rest
    of the page reach the browser first, without waiting for nine figures. A figure whose JSON
    did not change (a ring's chain most days, the districts on a day without victims) sends
    nothing: the widget's value stays the same.
    """
    element = PlotlyChart.element()

    def redraw() -> None:
        chart: PlotlyChart = solara.get_widget(element)
        chart.figure = figure_json(draw(), revision)

    solara.use_effect(redraw, [*dependencies, revision])
    return element

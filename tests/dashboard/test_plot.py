"""How a chart takes a step's figure: Plotly's JSON, built only when its dependencies change."""

from __future__ import annotations

import json

import numpy as np
import plotly.graph_objects as go
import solara
from plotly.io.json import to_json_plotly

from govsim.dashboard.plot import TEMPLATE, Plot, PlotlyChart, figure_json


def test_a_figure_is_sent_without_its_template_which_the_chart_holds_once():
    figure = go.Figure(go.Scatter(x=np.arange(3), y=[1.0, 2.0, 3.0], name="a"))
    sent = json.loads(figure_json(figure))
    assert sent["data"][0]["name"] == "a"
    assert "template" not in sent["layout"]
    own = json.loads(to_json_plotly(figure.layout.template.to_plotly_json()))
    assert json.loads(PlotlyChart().template) == json.loads(TEMPLATE) == own


def test_the_figure_is_built_again_only_when_its_dependencies_change():
    built: list[int] = []

    def draw() -> go.Figure:
        built.append(1)
        return go.Figure(go.Bar(x=[1], y=[len(built)]))

    day = solara.reactive(0)
    language = solara.reactive("en")

    @solara.component
    def chart_page() -> solara.Element:
        solara.Text(language.value)
        return Plot(draw, [day.value])

    _, rc = solara.render(chart_page(), handle_error=False)
    chart = rc.find(PlotlyChart).widget
    first = chart.figure
    language.set("zh")  # the component renders again; the dependencies are the same
    assert len(built) == 1
    assert chart.figure == first
    day.set(1)
    assert len(built) == 2
    assert json.loads(chart.figure)["data"][0]["y"] == [2]


def test_a_zoom_is_kept_through_the_steps_of_a_run_and_dropped_with_a_new_run():
    def draw() -> go.Figure:
        return go.Figure(go.Scatter(x=np.arange(day.value + 1), y=np.arange(day.value + 1)))

    day = solara.reactive(0)
    run = solara.reactive(1)

    @solara.component
    def chart_page() -> solara.Element:
        return Plot(draw, [day.value], revision=run.value)

    _, rc = solara.render(chart_page(), handle_error=False)

    def revision() -> str:
        return json.loads(rc.find(PlotlyChart).widget.figure)["layout"]["uirevision"]

    first = revision()
    day.set(1)  # a step
    assert revision() == first
    run.set(2)  # a rebuilt model (a reset, another scenario, a changed control)
    assert revision() != first

"""How a chart's widget takes a step's new figure: in place when it can, in one message."""

from __future__ import annotations

import plotly.graph_objects as go

from govsim.dashboard.plot import SharedBundleFigure, _replace_traces


def _sent(widget: SharedBundleFigure) -> list[str]:
    """The names of the messages the widget sends to the browser, recorded as they go."""
    sent: list[str] = []
    for name in (
        "_send_update_msg",
        "_send_restyle_msg",
        "_send_relayout_msg",
        "_send_addTraces_msg",
        "_send_deleteTraces_msg",
    ):
        setattr(widget, name, lambda *a, name=name, **k: sent.append(name))
    return sent


def test_traces_of_the_same_shape_are_updated_in_one_message():
    widget = SharedBundleFigure(data=[go.Bar(x=[1], y=[2]), go.Scatter(x=[1], y=[2], name="a")])
    uids = [trace.uid for trace in widget.data]
    sent = _sent(widget)
    with widget.batch_update():
        _replace_traces(
            widget, [go.Bar(x=[1, 2], y=[2, 3]), go.Scatter(x=[1, 2], y=[2, 5], name="a")]
        )
    assert [trace.uid for trace in widget.data] == uids
    assert list(widget.data[1].y) == [2, 5]
    assert sent == ["_send_update_msg"]


def test_traces_of_another_shape_replace_the_old_ones():
    widget = SharedBundleFigure(data=[go.Scatter(x=[1], y=[2], mode="lines")])
    _replace_traces(
        widget, [go.Scatter(x=[0], y=[0], mode="text", text=["3"]), go.Bar(x=[1], y=[1])]
    )
    assert [trace.type for trace in widget.data] == ["scatter", "bar"]
    assert list(widget.data[0].text) == ["3"]

"""The charts plot what the snapshot holds and speak the page's language."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go
import pytest

from govsim.dashboard import figures
from govsim.dashboard.catalogue import ScenarioCatalogue
from govsim.dashboard.labels import say
from govsim.dashboard.simulation import Choices, Simulation
from govsim.dashboard.views import CHARTS
from govsim.tables import format_value


@pytest.fixture
def snapshot(lesson):
    simulation = Simulation.of(ScenarioCatalogue([lesson]), Choices("tiny"))
    simulation.step(6)
    return simulation.snapshot()


@pytest.mark.parametrize(("key", "draw"), CHARTS, ids=[key for key, _ in CHARTS])
@pytest.mark.parametrize("language", ["en", "zh"])
def test_each_chart_is_titled_and_has_a_caption_in_the_language(snapshot, key, draw, language):
    figure = draw(snapshot, language)
    assert figure.layout.title.text == say(f"view_{key}", language)
    assert say(f"caption_{key}", language)
    assert figure.data, key


@pytest.mark.parametrize("language", ["en", "zh"])
def test_every_chart_passes_plotlys_validation(snapshot, language):
    built = [draw(snapshot, language) for _, draw in CHARTS]
    built.append(figures.chain(snapshot.rings[0], language))
    for figure in built:
        go.Figure(figure.to_plotly_json())  # raises on a misspelt property or a wrong value


def test_time_charts_have_a_point_per_measured_day(snapshot):
    victims = figures.victims(snapshot)
    assert list(victims.data[0].x) == [1, 2, 3, 4, 5, 6]
    assert victims.data[1].y[-1] == pytest.approx(snapshot.total("victims"))
    assert len(figures.rings(snapshot).data[-1].x) == 6
    roles = figures.rings(snapshot).data[:-1]
    assert len(roles) == 5
    assert sum(trace.y[-1] for trace in roles) == pytest.approx(snapshot.market["arrests"].sum())
    assert len(figures.awareness(snapshot, "zh").data) == 3
    assert {trace.name for trace in figures.awareness(snapshot, "zh").data} == {
        "学生",
        "在职人员",
        "老年人",
    }


@pytest.mark.parametrize("draw", [figures.victims, figures.net_loss, figures.rings, figures.centre])
def test_counts_are_drawn_from_zero_even_on_a_first_day_of_zeros(lesson, draw):
    simulation = Simulation.of(ScenarioCatalogue([lesson]), Choices("tiny"))
    simulation.step(1)
    figure = draw(simulation.snapshot())
    assert figure.layout.yaxis.rangemode == "tozero"
    assert figure.layout.xaxis.dtick == 1, "whole days, not Plotly's half days, on a first day"
    assert 4 in figure.layout.yaxis.autorangeoptions.include, "whole counts, not 0.2 victims"


def test_the_day_axis_ticks_itself_once_there_are_enough_days():
    assert figures.day_axis(range(1, 10)) == {"dtick": 1}
    assert figures.day_axis(range(1, 11)) == {}


def test_layers_are_separate_bars_named_in_the_language(snapshot):
    figure = figures.layers(snapshot, "zh")
    assert figure.data[0].type == "bar"
    assert "通信运营商拦截次数" in figure.data[0].y


def test_an_empty_snapshot_still_draws(lesson):
    empty = Simulation.of(ScenarioCatalogue([lesson]), Choices("broken")).snapshot()
    for _, draw in CHARTS:
        draw(empty, "en")


def test_the_cooperation_network_draws_every_link_as_thick_as_its_level(lesson):
    from govsim.dashboard.server import scenario_folders
    from govsim.scenario.cooperation import KNOWN_LINKS

    catalogue = ScenarioCatalogue(scenario_folders())
    widths = {}
    for name in ("police_only", "multi_party_hub"):
        snapshot = Simulation.of(catalogue, Choices(name, residents=2_000)).snapshot()
        figure = figures.cooperation(snapshot, "zh")
        lines, nodes = figure.data[: len(KNOWN_LINKS)], figure.data[-1]
        assert len(lines) == len(KNOWN_LINKS)
        assert "公安" in nodes.text
        widths[name] = [trace.line.width for trace in lines]
    police_bank = KNOWN_LINKS.index("police-bank")
    assert widths["police_only"][police_bank] < widths["multi_party_hub"][police_bank]


def test_a_link_that_carried_something_lately_is_lit_with_its_count(snapshot):
    from dataclasses import replace

    from govsim.scenario.cooperation import KNOWN_LINKS

    carried = {"police-bank": {"freeze": 2.0}, "police-telecom": {"lead": 3.0, "blacklist": 1.0}}
    figure = figures.cooperation(replace(snapshot, traffic=carried), "zh")
    lines = {link: figure.data[i] for i, link in enumerate(snapshot.cooperation)}
    assert lines["police-bank"].line.color == figures.LIT_COLOUR
    assert lines["police-telecom"].line.color == figures.LIT_COLOUR
    assert all(lines[link].line.color != figures.LIT_COLOUR for link in ("bank-telecom",))
    assert "止付指令：2" in lines["police-bank"].text
    quiet_points, badges = figure.data[len(KNOWN_LINKS)], figure.data[len(KNOWN_LINKS) + 1]
    assert sorted(badges.text) == ["2", "4"]
    assert len(quiet_points.x) == len(KNOWN_LINKS) - 2
    quiet = figures.cooperation(replace(snapshot, traffic={}), "en")
    assert len(quiet.data) == len(KNOWN_LINKS) + 2  # lines, hover points, nodes: no badge


@pytest.mark.parametrize("language", ["en", "zh"])
def test_each_link_is_hovered_at_a_point_of_its_own_that_names_it(snapshot, language):
    import itertools
    import math
    from dataclasses import replace

    from govsim.scenario.cooperation import KNOWN_LINKS

    figure = figures.cooperation(
        replace(snapshot, traffic={"police-bank": {"freeze": 1.0}}), language
    )
    lines = figure.data[: len(KNOWN_LINKS)]
    assert all(line.hoverinfo == "skip" for line in lines), "a line hovers only at its ends"
    points = [t for t in figure.data[len(KNOWN_LINKS) : -1]]
    hovered = {
        text: (x, y) for t in points for text, x, y in zip(t.hovertext, t.x, t.y, strict=True)
    }
    assert len(hovered) == len(KNOWN_LINKS)
    for link, line in zip(snapshot.cooperation, lines, strict=True):
        name = line.text.split("<br>")[0]
        assert name.startswith("<b>"), link
        assert len(name) > len("<b></b>"), link
        assert hovered[line.text] == figures.link_point(link)
    # In the chart's pixels (about 110 a unit across, 74 up), no two points overlap.
    places = [(x * 110, y * 74) for x, y in hovered.values()]
    assert min(math.dist(a, b) for a, b in itertools.combinations(places, 2)) > 24


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_polices_cases_suspects_and_arrests_abroad_light_their_links(language):
    from govsim.dashboard.labels import TRAFFIC
    from govsim.dashboard.server import scenario_folders
    from govsim.metrics import LINK_TRAFFIC

    assert set(TRAFFIC) == set(LINK_TRAFFIC)
    catalogue = ScenarioCatalogue(scenario_folders())
    simulation = Simulation.of(catalogue, Choices("bilateral", residents=100_000))
    lit: dict[str, str] = {}
    for _ in range(90):
        simulation.step(1)
        snapshot = simulation.snapshot()
        figure = figures.cooperation(snapshot, language)
        for link, line in zip(snapshot.cooperation, figure.data, strict=False):
            if line.line.color == figures.LIT_COLOUR:
                lit.setdefault(link, line.text)
    hovers = {
        "police-police": say("case", language, table="traffic"),
        "police-judiciary": say("suspect", language, table="traffic"),
        "police-international": say("arrest", language, table="traffic"),
    }
    for link, hover in hovers.items():
        assert hover in lit.get(link, ""), link


def test_the_centres_chart_has_its_capacity_and_its_seats(snapshot):
    figure = figures.centre(snapshot, "en")
    capacity = next(t for t in figure.data if t.name == say("call_capacity", "en"))
    assert set(capacity.y) == {snapshot.call_capacity}
    assert snapshot.call_capacity > 0
    assert snapshot.centre_staff_per_100k > 0
    staff = format_value(snapshot.centre_staff_per_100k)
    assert figure.layout.title.subtitle.text == say("centre_seats", "en", staff=staff)
    assert staff not in figure.layout.title.text, "the title is short enough for a projector"


@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_rings_chain_by_role_in_the_country_and_abroad(snapshot, language):
    from govsim.dashboard.labels import CHAIN_ROLES
    from govsim.scenario.fraud import ROLES

    assert tuple(CHAIN_ROLES) == ROLES
    ring = snapshot.rings[0]
    figure = figures.chain(ring, language)
    home, abroad, full = figure.data
    assert list(home.x) == list(ring.home)
    assert list(abroad.x) == list(ring.abroad)
    assert list(full.x) == list(ring.full_strength)
    assert home.y[0] == say("leader", language, table="chain_roles")
    assert figure.layout.title.text == say("view_chain", language)
    assert figures.chain(None, language).layout.title.text == say("view_chain", language)


def _zero_height(axis_range) -> float:
    """Where zero sits on an axis, as a share of its height from the bottom."""
    low, high = axis_range
    return -low / (high - low)


@pytest.mark.parametrize(
    ("daily", "totals"),
    [
        ([120.0, -300.0, 50.0], [120.0, -180.0, -130.0]),
        ([500.0, -40.0, 900.0], [500.0, 460.0, 1360.0]),
        ([-10.0, -5.0], [-10.0, -15.0]),
    ],
)
def test_both_axes_put_zero_at_one_height_when_a_day_is_below_zero(daily, totals):
    left, right = figures.zero_aligned(np.array(daily), np.array(totals))
    assert _zero_height(left["range"]) == pytest.approx(_zero_height(right["range"]))
    for values, axis in ((daily, left), (totals, right)):
        low, high = axis["range"]
        assert low <= min(values), "every value stays on the chart"
        assert max(values) <= high, "every value stays on the chart"
    assert right["tickmode"] == "auto"
    assert "rangemode" not in right


def test_axes_stay_automatic_from_zero_when_nothing_is_below_zero():
    left, right = figures.zero_aligned(np.array([0.0, 3.0]), np.array([0.0, 3.0]))
    assert left is None
    assert right == figures.RIGHT_AXIS


@pytest.mark.parametrize("draw", [figures.victims, figures.net_loss, figures.rings, figures.centre])
def test_a_right_axis_has_its_own_ticks_from_zero(snapshot, draw):
    axis = draw(snapshot).layout.yaxis2
    assert axis.tickmode == "auto", "not on the left axis's grid (6.7 victims)"
    assert axis.rangemode == "tozero" or axis.range[0] <= 0


def test_each_layer_bar_says_its_count(snapshot):
    bar = figures.layers(snapshot).data[0]
    assert bar.texttemplate == "%{x:,.0f}"
    assert bar.textposition == "outside"


@pytest.mark.parametrize(("key", "draw"), CHARTS, ids=[key for key, _ in CHARTS])
def test_a_chinese_page_writes_axis_numbers_in_full_not_with_k_or_m(snapshot, key, draw):
    """2,000,000 and 20,000 on a Chinese page; Plotly's 2M and 20k stay on the English one."""
    chinese = draw(snapshot, "zh").to_plotly_json()["layout"]
    english = draw(snapshot, "en").to_plotly_json()["layout"]
    assert ("yaxis2" in chinese) == ("yaxis2" in english), "no second axis where there was none"
    for name in ("xaxis", "yaxis", "yaxis2"):
        if name in chinese:
            assert chinese[name]["exponentformat"] == "none", (key, name)
            assert chinese[name]["separatethousands"], (key, name)
            assert "exponentformat" not in english.get(name, {}), (key, name)


@pytest.mark.parametrize("language", ["en", "zh"])
def test_every_hover_names_its_day_or_category_and_series_not_a_bare_pair(snapshot, language):
    built = {key: draw(snapshot, language) for key, draw in CHARTS}
    built["chain"] = figures.chain(snapshot.rings[0], language)
    for key, figure in built.items():
        for trace in figure.data:
            if trace.hoverinfo == "skip":
                continue  # no tooltip at all (the network's lines and parties)
            assert trace.hovertemplate, (key, trace.name)
            assert trace.hovertemplate.endswith("<extra></extra>"), (key, trace.name)
    day = say("hover_day", language)
    assert built["victims"].data[0].hovertemplate.startswith(day)
    loss = built["loss"].data[1].hovertemplate
    assert "%{y:,.0f}" in loss, "yuan without decimals"
    assert loss.endswith(say("unit_yuan", language) + "<extra></extra>")
    assert say("hover_net_loss", language) in loss

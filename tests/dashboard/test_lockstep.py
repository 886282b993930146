"""Side by side: two scenarios on one city and seed, in lockstep, read as a comparison reads."""

from __future__ import annotations

import pandas as pd
import pytest

from govsim.comparison.frames import KEY_OUTCOMES, outcomes_of
from govsim.dashboard import pair_figures
from govsim.dashboard.catalogue import ScenarioCatalogue
from govsim.dashboard.labels import say
from govsim.dashboard.lockstep import DEFAULT_PAIR, Pair, PairChoices, first_pair, key_outcomes
from govsim.dashboard.pair_views import PAIR_CHARTS, outcome_rows
from govsim.dashboard.server import scenario_folders


@pytest.fixture(scope="module")
def pair() -> Pair:
    """The default pair on a small city, stepped 8 days."""
    catalogue = ScenarioCatalogue(scenario_folders())
    built = Pair.of(catalogue, PairChoices(*DEFAULT_PAIR, residents=3_000, seed=5))
    built.step(8)
    return built


def test_the_default_pair_is_the_police_alone_against_the_hub():
    assert first_pair(["a", "multi_party_hub", "police_only"]) == DEFAULT_PAIR
    assert first_pair(["x", "y", "z"]) == ("x", "y")
    assert first_pair(["x"]) == ("x", "x")


def test_both_step_together_on_one_city_and_seed(pair):
    snapshot = pair.snapshot()
    assert snapshot.a.day == snapshot.b.day == snapshot.day == 8
    assert pair.a.residents == pair.b.residents == 3_000
    assert pair.a.choices.seed == pair.b.choices.seed == 5
    assert (snapshot.a_name, snapshot.b_name) == DEFAULT_PAIR
    assert (snapshot.a.structure, snapshot.b.structure) == ("bilateral", "hub")


def test_a_scenario_set_against_itself_never_differs():
    # What the page says under the pair: the two share their luck, so a difference between
    # them comes from the governance. Set against itself, a scenario differs in nothing.
    catalogue = ScenarioCatalogue(scenario_folders())
    same = Pair.of(catalogue, PairChoices("police_only", "police_only", 20_000, 5))
    same.step(30)
    snapshot = same.snapshot()
    assert snapshot.a.total("victims") > 0, "something happened to compare"
    pd.testing.assert_frame_equal(snapshot.a.daily, snapshot.b.daily)
    pd.testing.assert_frame_equal(snapshot.a.market, snapshot.b.market)
    assert all(change.paired.difference == 0 for change in key_outcomes(snapshot))


def test_b_takes_as_residents_what_a_was_built_with(lesson):
    catalogue = ScenarioCatalogue(scenario_folders([lesson]))
    built = Pair.of(catalogue, PairChoices("lesson/tiny", "police_only"))
    assert built.b.residents == built.a.residents == 3_000


def test_the_pair_reports_a_in_the_first_half_and_b_in_the_second(lesson):
    catalogue = ScenarioCatalogue([lesson])
    shares = []
    Pair.of(catalogue, PairChoices("tiny", "tiny"), shares.append)
    assert shares == sorted(shares)
    assert shares[len(shares) // 2 - 1] == 0.5
    assert shares[-1] == 1.0


def test_key_outcomes_are_the_comparisons_differences_of_the_summaries(pair):
    snapshot = pair.snapshot()
    changes = key_outcomes(snapshot)
    assert [change.outcome for change in changes] == list(KEY_OUTCOMES)
    a = outcomes_of(pd.DataFrame([snapshot.a.summary])).iloc[0]
    b = outcomes_of(pd.DataFrame([snapshot.b.summary])).iloc[0]
    for change in changes:
        found = change.paired
        assert found.n in (0, 1)
        if found.n:
            assert found.mean_a == pytest.approx(a[change.outcome])
            assert found.difference == pytest.approx(b[change.outcome] - a[change.outcome])
    victims = changes[0].paired
    assert victims.mean_a == snapshot.a.total("victims")


def test_no_outcomes_before_the_first_day(lesson):
    catalogue = ScenarioCatalogue([lesson])
    assert key_outcomes(Pair.of(catalogue, PairChoices("tiny", "tiny")).snapshot()) == []


def test_a_broken_scenario_names_itself_and_the_other_still_builds(lesson):
    catalogue = ScenarioCatalogue([lesson])
    built = Pair.of(catalogue, PairChoices("tiny", "broken"))
    assert not built.ready
    assert built.a.ready
    assert built.error_text().startswith("broken: ")
    built.step(2)  # stepping a pair with a broken half does nothing to fail
    assert built.a.snapshot().day == 2


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_pair_charts_show_a_b_and_the_difference(pair, language):
    snapshot = pair.snapshot()
    for key, draw in PAIR_CHARTS:
        figure = draw(snapshot, language)
        assert figure.layout.title.text == say(f"view_{key}", language)
        difference, a, b = figure.data
        assert difference.name == say("difference", language)
        assert list(a.x) == list(range(1, 9))
        assert list(difference.y) == pytest.approx(
            [y_b - y_a for y_a, y_b in zip(a.y, b.y, strict=False)]
        )
    loss = pair_figures.net_loss(snapshot, language)
    assert loss.data[1].y[-1] == pytest.approx(snapshot.a.total("net_loss"))
    for key, draw in PAIR_CHARTS:
        for trace in draw(snapshot, language).data:
            assert trace.hovertemplate.startswith(say("hover_day", language)), (key, trace.name)
            assert trace.name in trace.hovertemplate
    assert all(
        t.hovertemplate.endswith(say("unit_yuan", language) + "<extra></extra>") for t in loss.data
    )


def test_the_table_shows_a_share_in_points_and_no_relative_change_for_it(pair):
    rows = {row[0]: row for row in outcome_rows(pair.snapshot(), "zh")}
    assert "受害人数" in rows
    share = rows["挽损比例"]
    assert share[4] == "-"
    assert share[3] == "-" or share[3].endswith("个百分点")  # the Chinese table: points, not " pp"

"""The attribution report reads without knowing Shapley values, in English and Chinese.

Found by policy staff reading it: no plain explanation of a player's part, headings saying
"reduction" over rises, money without its unit, link players and hub mechanisms unexplained in
Chinese, and a synergy matrix of colours without numbers. Built on made-up attributions
(``synthetic.py``), so no model runs.
"""

from __future__ import annotations

import html
import json
import re

import pytest

from govsim.attribution.players import HUB_MECHANISMS
from govsim.attribution.report import (
    measure_note,
    mechanisms_section,
    report_html,
    synergy_figure,
)
from govsim.attribution.running import ATTRIBUTED
from govsim.attribution.sentences import outcome_sentences
from govsim.comparison.frames import COLLATERAL
from govsim.comparison.wording import player_label
from govsim.results import HEADLINE
from govsim.scenario.cooperation import KNOWN_LINKS
from govsim.scenario.overrides import with_overrides
from tests.attribution.synthetic import synthetic_attribution

HAN = re.compile(r"[\u4e00-\u9fff]")
RISES = {p: (-5_000.0, -8_000.0, -2_000.0) for p in HUB_MECHANISMS}
"""Every mechanism raising every outcome: no heading may then say "reduction"."""


def headings(page: str) -> list[str]:
    return re.findall(r"<h[12]>(.*?)</h[12]>", page)


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", ["every possible order", "add up to the whole effect", "spans zero"]),
        ("zh", ["所有可能的顺序", "相加等于总效果", "区间跨越零"]),
    ],
)
def test_a_plain_explanation_comes_before_the_first_outcome(language, words):
    page = report_html(synthetic_attribution(), language)
    explanation = page.index(words[0])
    assert explanation < page.index(headings(page)[2])  # title, how to read, then the rest
    for text in words:
        assert text in page


def test_a_sampled_attribution_says_its_orders_were_sampled():
    attribution = synthetic_attribution()
    attribution.method, attribution.orders = "sampled", 20
    page = report_html(attribution, "en")
    assert "in 20 random orders" in page
    assert "every possible order" not in page


@pytest.mark.parametrize("language", ["en", "zh"])
def test_no_heading_says_reduction_over_rises(language):
    page = report_html(synthetic_attribution(values=RISES), language)
    for heading in headings(page):
        assert "eduction" not in heading, heading
        assert "减少" not in heading, heading


@pytest.mark.parametrize(
    ("language", "axis"),
    [("en", "Reduction, yuan (below 0: a rise)"), ("zh", "减少量（元；小于 0 为增加）")],
)
def test_the_waterfall_axis_says_which_sign_is_a_rise(language, axis):
    page = report_html(synthetic_attribution(values=RISES), language)
    assert json.dumps(axis)[1:-1] in page  # as plotly writes it in the figure's JSON


@pytest.mark.parametrize(("language", "yuan"), [("en", " yuan"), ("zh", " 元")])
def test_money_is_said_with_its_unit_and_counts_without(language, yuan):
    attribution = synthetic_attribution(values={"data_desk": (52_612.0, 20_000.0, 90_000.0)})
    for outcome in ("net_loss", "governance_cost"):
        assert all(yuan in line for line in outcome_sentences(attribution, outcome, language))
    assert not any(yuan in line for line in outcome_sentences(attribution, "victims", language))
    assert f"52,612{yuan}" in outcome_sentences(attribution, "net_loss", language)[1]


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", {"net_loss": "Unit: yuan", "victims": "Unit: victims", "collateral": "Unit: "}),
        ("zh", {"net_loss": "单位：元", "victims": "单位：人", "collateral": "单位：次"}),
    ],
)
def test_each_outcome_names_its_unit_and_level(language, expected):
    attribution = synthetic_attribution()
    city = "Level: the city, its 10,000 residents" if language == "en" else "本市 10,000 名居民"
    for outcome in ATTRIBUTED:
        note = measure_note(attribution, outcome, language)
        assert city in note
        assert expected.get(outcome, expected["net_loss"]) in note
    page = report_html(attribution, language)
    assert ("Shapley value (yuan)" if language == "en" else "Shapley 值（元）") in page


def test_every_attributed_outcome_is_counted_in_the_city():
    # The notes say "the city": an outcome of the market would need its own wording.
    assert set(ATTRIBUTED) <= {*HEADLINE, COLLATERAL}


@pytest.mark.parametrize("link", KNOWN_LINKS)
def test_every_link_player_has_a_name_in_both_languages(link):
    assert HAN.search(player_label(link, "zh"))
    assert player_label(link, "en") != link


@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_hub_report_defines_each_mechanism_with_the_scenario_settings(language):
    attribution = synthetic_attribution()
    scenario = with_overrides(attribution.game.scenario, {"cooperation.centre.data_desk": 0.35})
    attribution.game = type(attribution.game)("hub", scenario, attribution.game.players)
    glossary = "\n".join(mechanisms_section(attribution, language))
    for mechanism in HUB_MECHANISMS:
        assert html.escape(player_label(mechanism, language)) in glossary
    assert "35%" in glossary
    assert "{" not in glossary
    assert glossary in report_html(attribution, language)


def test_only_a_hub_report_has_the_glossary():
    page = report_html(synthetic_attribution("parties"), "en")
    assert "The centre's mechanisms" not in page


def test_the_synergy_matrix_writes_its_values_in_the_cells():
    pairs = {("one_intake", "data_desk"): (9_000.0, 1_000.0, 17_000.0)}
    figure = synergy_figure(synthetic_attribution(pairs=pairs), "net_loss", "en")
    heatmap = figure.data[0]
    assert heatmap.texttemplate == "%{text}"
    assert heatmap.text[0][1] == heatmap.text[1][0] == "9,000"
    assert heatmap.text[0][0] == ""  # the diagonal stays empty


def test_chinese_sentences_follow_each_other_without_a_space():
    attribution = synthetic_attribution()
    attribution.method, attribution.orders, attribution.pair_samples = "sampled", 20, 12
    text = html.unescape(re.sub(r"<[^>]+>", "\n", report_html(attribution, "zh")))
    assert not re.search(r"[。；：）] +\S", text), re.findall(r".{20}[。；：）] +\S.{10}", text)


def test_no_share_of_the_whole_is_shown_while_the_whole_effect_is_unclear():
    # The whole effect 0.7 [-0.3, 1.7] may be zero: the intake's 2 would read as 286% of it.
    players = dict.fromkeys(HUB_MECHANISMS, (0.0, 0.0, 0.0))
    players[HUB_MECHANISMS[0]] = (2.0, 1.5, 2.5)
    players[HUB_MECHANISMS[1]] = (-1.3, -7.2, 4.6)
    page = report_html(synthetic_attribution(values=players), "en")
    assert "286%" not in page
    assert "-186%" not in page
    clear = dict(players)
    clear[HUB_MECHANISMS[1]] = (1.3, 1.0, 1.6)  # the whole, 3.3 [2.3, 4.3], is clear
    assert "61%" in report_html(synthetic_attribution(values=clear), "en")

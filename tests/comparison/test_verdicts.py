"""Verdicts in words: cut, rise, no clear difference, in English and Chinese."""

from __future__ import annotations

import math
import re
import string

import pytest

from govsim.comparison.verdicts import cost_sentence, percent_of, short_verdict, verdict
from govsim.comparison.wording import (
    COMPARISON_MEASURES,
    NOUNS,
    PARTIES,
    PLAYERS,
    SECTIONS,
    WORDS,
)

HAN = re.compile(r"[\u4e00-\u9fff]")


def row(outcome="net_loss", difference=-41.0, low=-47.0, high=-35.0, relative=-0.41, **extra):
    """A row of the differences frame: the reference's mean 100, so relative = difference %."""
    values = {
        "scenario": "multi_party_hub",
        "reference": "police_only",
        "outcome": outcome,
        "replications": 30,
        "difference": difference,
        "difference_ci_low": low,
        "difference_ci_high": high,
        "relative_change": relative,
        "relative_ci_low": low / 100,
        "relative_ci_high": high / 100,
    }
    return {**values, **extra}


def test_a_cut_reads_as_a_positive_size_with_its_interval():
    assert verdict(row(), "en") == (
        "multi_party_hub cuts net loss by 41% (95% CI 35% to 47%) against police_only"
    )


def test_a_cut_in_chinese():
    assert verdict(row(), "zh") == (
        "multi_party_hub 相比 police_only，净损失减少 41%（95%置信区间 35% 至 47%）"
    )


def test_a_rise():
    text = verdict(row("governance_cost", 117.0, 109.0, 125.0, 1.17), "en")
    assert text == (
        "multi_party_hub raises governance cost by 117% (95% CI 109% to 125%) against police_only"
    )
    assert "治理成本增加 117%" in verdict(row("governance_cost", 117.0, 109.0, 125.0, 1.17), "zh")


def test_an_interval_across_zero_is_no_clear_difference():
    unclear = row("victims", -5.0, -12.0, 2.0, -0.05)
    assert verdict(unclear, "en") == (
        "multi_party_hub against police_only: no clear difference in the number of victims "
        "(difference -5, 95% CI -12 to 2)"
    )
    assert "受害人数无明显差异" in verdict(unclear, "zh")


def test_a_clear_difference_whose_ratio_is_unclear_is_told_as_the_difference():
    # With few replications the relative change's interval can reach across zero while the
    # paired difference's does not: the direction is clear, the size in percent is not. The
    # verdict once said "no clear difference" beside an interval that excluded zero.
    unsure_ratio = {**row(), "relative_ci_high": 0.01}
    assert verdict(unsure_ratio, "en") == (
        "multi_party_hub cuts net loss by 41 (95% CI 35 to 47) against police_only"
    )
    assert short_verdict(unsure_ratio, "en") == short_verdict(row(), "en")


def test_no_clear_difference_is_said_only_beside_an_interval_that_spans_zero():
    for low, high in ((-47.0, -35.0), (-47.0, 3.0), (2.0, 9.0)):
        for relative_high in (-0.35, 0.01):
            case = {**row(low=low, high=high), "relative_ci_high": relative_high}
            spans = low < 0 < high
            assert ("no clear difference" in verdict(case, "en")) is spans, (low, high)


def test_a_share_is_told_in_percentage_points():
    share = row("recovered_share", 0.052, 0.031, 0.073, 0.5)
    assert verdict(share, "en") == (
        "multi_party_hub raises the share of loss recovered by 5.2 points (95% CI 3.1 to 7.3) "
        "against police_only"
    )
    assert "挽损比例增加 5.2 个百分点" in verdict(share, "zh")


def test_a_clear_difference_in_points_is_not_undone_by_a_small_reference_share():
    # Measured: police alone recovered 1.4%, the hub 13.3%; the ratio's interval spanned zero.
    share = row("recovered_share", 0.119, 0.068, 0.170, 8.6, relative_ci_low=-0.59)
    share["relative_ci_high"] = 17.8
    assert verdict(share, "en").startswith(
        "multi_party_hub raises the share of loss recovered by 11.9 points (95% CI 6.8 to 17.0)"
    )
    unclear = row("recovered_share", 0.01, -0.02, 0.04, 0.5)
    assert "no clear difference" in verdict(unclear, "en")


def test_a_small_change_keeps_a_decimal():
    assert "by 4.3% (95% CI 2.1% to 6.5%)" in verdict(row("net_loss", -4.3, -6.5, -2.1, -0.043))


def test_a_clear_interval_never_shows_a_bound_of_zero():
    # The decimals used to follow the estimate alone: "by 12% (95% CI 0% to 24%)".
    assert "by 12.0% (95% CI 0.3% to 24.0%)" in verdict(row("net_loss", -12.0, -24.0, -0.3, -0.12))
    share = row("recovered_share", 0.0004, 0.0002, 0.0009, 0.5)
    assert "by 0.04 points (95% CI 0.02 to 0.09)" in verdict(share, "en")
    unclear = row("recovered_share", 0.0004, -0.0002, 0.0009, 0.5)
    assert "95% CI 0.0 to 0.1" in verdict(unclear, "en")  # never "-0.0"


def test_too_few_pairs_are_said_so():
    few = row(replications=1, low=math.nan, high=math.nan)
    assert "too few paired replications (1)" in verdict(few, "en")
    assert "无法比较" in verdict(few, "zh")


def cost_row(ratio=3.21, low=2.1, high=4.3, extra=5000.0, extra_low=4000.0, extra_high=6000.0):
    return {
        "scenario": "multi_party_hub",
        "reference": "police_only",
        "prevented_per_yuan": ratio,
        "prevented_per_yuan_ci_low": low,
        "prevented_per_yuan_ci_high": high,
        "extra_cost": extra,
        "extra_cost_ci_low": extra_low,
        "extra_cost_ci_high": extra_high,
    }


def test_cost_effectiveness_sentence():
    assert cost_sentence(cost_row(), "en") == (
        "each extra yuan of governance cost in multi_party_hub prevents 3.21 yuan of net loss "
        "(95% CI 2.10 to 4.30) against police_only"
    )
    assert "每多投入 1 元治理成本可减少净损失 3.21 元" in cost_sentence(cost_row(), "zh")


def test_no_cost_effectiveness_without_a_clear_extra_cost():
    nan = math.nan
    text = cost_sentence(cost_row(nan, nan, nan, 100.0, -50.0, 250.0), "en")
    assert text.startswith("multi_party_hub does not clearly cost more than police_only")
    assert "95% CI -50 to 250" in text


def test_a_clearly_cheaper_scenario_is_said_to_cost_less():
    nan = math.nan
    text = cost_sentence(cost_row(nan, nan, nan, -36_906.0, -54_031.0, -19_781.0), "en")
    assert text.startswith("multi_party_hub costs clearly less than police_only")
    assert "明显低于" in cost_sentence(
        cost_row(nan, nan, nan, -36_906.0, -54_031.0, -19_781.0), "zh"
    )


@pytest.mark.parametrize("table", [WORDS, NOUNS, COMPARISON_MEASURES, PARTIES, PLAYERS, SECTIONS])
def test_every_phrase_has_english_and_chinese_with_the_same_fields(table):
    for key, (english, chinese) in table.items():
        assert HAN.search(chinese), key
        fields = [
            {f for _, f, _, _ in string.Formatter().parse(text) if f} for text in (english, chinese)
        ]
        assert fields[0] == fields[1], key


def test_a_ratio_near_zero_is_not_negative_zero():
    assert "95% CI 0.00 to 5.10" in cost_sentence(cost_row(2.55, -0.001, 5.1), "en")


def test_a_cost_effectiveness_interval_across_zero_is_no_clear_effect():
    text = cost_sentence(cost_row(-0.07, -0.37, 0.23), "en")
    assert text == (
        "each extra yuan of governance cost in multi_party_hub prevents no clear amount of net "
        "loss (-0.07 yuan, 95% CI -0.37 to 0.23) against police_only"
    )
    assert "未见明显减少净损失" in cost_sentence(cost_row(-0.07, -0.37, 0.23), "zh")


def test_extra_cost_with_more_loss_is_told_as_a_rise():
    text = cost_sentence(cost_row(-1.5, -2.25, -0.75), "en")
    assert text == (
        "each extra yuan of governance cost in multi_party_hub comes with 1.50 yuan more net "
        "loss (95% CI 0.75 to 2.25) against police_only"
    )
    assert "净损失反而增加 1.50 元（95%置信区间 0.75 至 2.25）" in cost_sentence(
        cost_row(-1.5, -2.25, -0.75), "zh"
    )


def test_without_a_relative_interval_a_clear_difference_is_told_in_units():
    clear = row("victims", 5.0, 4.0, 6.0, 4.0, relative_ci_low=math.nan, relative_ci_high=math.nan)
    assert verdict(clear, "en") == (
        "multi_party_hub raises the number of victims by 5 (95% CI 4 to 6) against police_only"
    )


def test_a_precision_target_is_said_as_given_not_rounded_to_a_whole_percent():
    # "--precision 0.025" was said as "2%", and 0.004 as "0%".
    assert [percent_of(t) for t in (0.025, 0.1, 0.004, 0.0125)] == ["2.5%", "10%", "0.4%", "1.25%"]

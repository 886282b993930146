"""The attribution's sentences state a direction only where the interval shows one."""

from __future__ import annotations

import pandas as pd
import pytest

from govsim.attribution.sentences import synergy_sentences, whole_sentence


def whole(value: float, low: float, high: float) -> dict:
    return {"outcome": "net_loss", "shapley": value, "ci_low": low, "ci_high": high}


@pytest.mark.parametrize(
    ("row", "start"),
    [
        (whole(500.0, 300.0, 700.0), "All together reduce net loss by 500"),
        (whole(-500.0, -700.0, -300.0), "All together raise net loss by 500"),
        (whole(20.0, -25.0, 64.0), "All together make no clear difference to net loss"),
        (whole(-20.0, -64.0, 25.0), "All together make no clear difference to net loss"),
    ],
)
def test_the_whole_effect_has_a_direction_only_when_its_interval_excludes_zero(row, start):
    assert whole_sentence(row, "parties", "en").startswith(start)


def test_the_unclear_whole_effect_speaks_chinese():
    text = whole_sentence(whole(20.0, -25.0, 64.0), "parties", "zh")
    assert "无明显影响" in text


def pairs(index: float, low: float, high: float) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "outcome": "net_loss",
                "player_a": "police",
                "player_b": "banks",
                "index": index,
                "ci_low": low,
                "ci_high": high,
            },
            {
                "outcome": "net_loss",
                "player_a": "police",
                "player_b": "telecoms",
                "index": index / 2 - 1,
                "ci_low": low,
                "ci_high": high,
            },
        ]
    )


@pytest.mark.parametrize(
    ("index", "low", "high", "start"),
    [
        (900.0, 100.0, 1700.0, "Strongest synergy for net loss"),
        (900.0, -100.0, 1700.0, "No clear synergy for net loss"),
        (0.0, 0.0, 0.0, "No pair shows synergy for net loss"),
    ],
)
def test_a_synergy_is_named_strongest_only_when_it_is_clearly_above_zero(index, low, high, start):
    assert synergy_sentences(pairs(index, low, high), "net_loss", "en")[0].startswith(start)


@pytest.mark.parametrize(
    ("index", "low", "high", "start"),
    [
        (-900.0, -1700.0, -100.0, "Largest overlap for net loss: Police with Banks and payments"),
        (-900.0, -1700.0, 100.0, "No clear overlap for net loss"),
        (-900.0, float("nan"), float("nan"), "No clear overlap for net loss"),
        (900.0, 100.0, 1700.0, "No pair overlaps for net loss"),
    ],
)
def test_the_largest_negative_pair_is_an_overlap_only_when_clearly_below_zero(
    index, low, high, start
):
    # The second pair's index is index / 2 - 1: the smallest when index is positive.
    sentences = synergy_sentences(pairs(index, low, high), "net_loss", "en")
    assert len(sentences) == 2
    assert sentences[1].startswith(start)


def test_both_pairs_are_said_in_chinese_with_money_in_yuan():
    positive, negative = synergy_sentences(pairs(-900.0, -1700.0, -100.0), "net_loss", "zh")
    assert "重叠最大的一对：公安 与 银行与支付机构，-900 元" in negative
    assert "协同" in positive


def test_a_share_near_zero_is_zero_percent_not_minus_zero():
    from govsim.attribution.report import share_text

    assert share_text(-0.004) == "0%"
    assert share_text(0.416) == "42%"
    assert share_text(float("nan")) == "-"

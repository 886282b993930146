"""Attributions in words: the whole effect, the largest contributors, the strongest pairs.

A player's value is its share of the *reduction* of an outcome: positive when it lowers the
outcome (fewer victims, less net loss), negative when it raises it (collateral burden and
governance cost rise with governance), and the sentence says which. Money is said with its
unit (yuan, 元).
"""

from __future__ import annotations

import functools
import math
from collections.abc import Mapping
from typing import Any

import pandas as pd

from govsim.attribution.running import GRAND, Attribution
from govsim.attribution.wording import with_unit, word
from govsim.comparison.wording import noun, player_label
from govsim.tables import format_value

LARGEST = 3
"""How many of the largest contributors each outcome's sentences name."""


def amount(value: float) -> str:
    """A yuan or count figure as tables show it, '-' when unknown."""
    return format_value(value)


def quantity(value: float, outcome: str, language: str = "en") -> str:
    """An amount of ``outcome`` as a sentence says it: money with its unit (52,612 yuan)."""
    return with_unit(amount(value), outcome, language)


def whole_sentence(row: Mapping[str, Any], kind: str, language: str = "en") -> str:
    """What all players together change against the empty coalition (a rise said as one).

    As a comparison's verdict, an interval that spans zero is said as no clear change, with the
    reduction and its interval, never as a cut or a rise.
    """
    value, low, high = float(row["shapley"]), float(row["ci_low"]), float(row["ci_high"])
    outcome = str(row["outcome"])
    key = "whole_effect"
    if spans_zero(row):
        key = "whole_unclear"
    elif value < 0:
        key, value, low, high = "whole_rise", -value, -high, -low
    return word(
        key,
        language,
        noun=noun(outcome, language),
        amount=quantity(value, outcome, language),
        low=amount(low),
        high=amount(high),
        empty=word(f"empty_{kind}", language),
    )


def player_sentence(
    row: Mapping[str, Any], language: str = "en", whole_is_clear: bool = True
) -> str:
    """One player's share of the reduction (or what it adds, when it raises the outcome).

    As a comparison's verdict, a value whose interval spans zero is said as no clear part,
    never as a cut or a rise; and a share of the whole is given only when the whole effect is
    clear (``whole_is_clear``): a share of a total that may be zero could read 143%.
    """
    value = float(row["shapley"])
    outcome = str(row["outcome"])
    values = {
        "player": player_label(str(row["player"]), language),
        "noun": noun(outcome, language),
        "low": amount(float(row["ci_low"])),
        "high": amount(float(row["ci_high"])),
    }
    said = functools.partial(quantity, outcome=outcome, language=language)
    if spans_zero(row):
        return word("player_unclear", language, amount=said(value), **values)
    if value < 0:
        low, high = -float(row["ci_high"]), -float(row["ci_low"])
        values.update(low=amount(low), high=amount(high))
        return word("costs", language, amount=said(-value), **values)
    share = float(row["share"])
    if math.isnan(share) or share < 0 or not whole_is_clear:
        # The whole effect goes the other way (governance raises collateral burden): a share
        # of it would read as a negative percentage.
        return word("lowers", language, amount=said(value), **values)
    return word("earns", language, amount=said(value), share=f"{share:.0%}", **values)


def outcome_sentences(attribution: Attribution, outcome: str, language: str = "en") -> list[str]:
    """The whole effect on ``outcome``, then its largest contributors by absolute value.

    Players whose value is exactly 0 (a switch already off, an outcome they cannot touch) are
    left to the table.
    """
    rows = attribution.values[attribution.values["outcome"] == outcome]
    whole = rows[rows["player"] == GRAND].iloc[0].to_dict()
    players = rows[(rows["player"] != GRAND) & (rows["shapley"] != 0.0)]
    largest = players.reindex(players["shapley"].abs().sort_values(ascending=False).index)
    lines = [whole_sentence(whole, attribution.game.kind, language)]
    clear = not spans_zero(whole)
    lines += [
        player_sentence(row, language, whole_is_clear=clear)
        for row in largest.head(LARGEST).to_dict("records")
    ]
    return lines


def spans_zero(row: Mapping[str, Any]) -> bool:
    """Whether a value's 95% interval reaches both sides of zero (or is unknown)."""
    return not (float(row["ci_low"]) > 0.0 or float(row["ci_high"]) < 0.0)


def synergy_sentences(interactions: pd.DataFrame, outcome: str, language: str = "en") -> list[str]:
    """The strongest synergy and the largest overlap for ``outcome`` (a note if none).

    The largest index says whether any pair earns more together than apart; the smallest,
    whether any two partly do the same work. As for a player, a direction is stated only
    where the interval lies on its side of zero.
    """
    rows = interactions[interactions["outcome"] == outcome]
    if rows.empty:
        return [word("no_synergy", language)]
    return [_pair_sentence(rows, outcome, language, largest=flag) for flag in (True, False)]


def _pair_sentence(rows: pd.DataFrame, outcome: str, language: str, largest: bool) -> str:
    """The pair with the largest (or smallest) index, and whether it is clearly on its side.

    A largest index of zero or below is no synergy (together they earn no more than apart),
    and one whose interval reaches down to zero or below is no clear synergy; the smallest
    likewise for an overlap. An unknown interval (one pair draw) is never clear.
    """
    top = rows.loc[rows["index"].idxmax() if largest else rows["index"].idxmin()]
    index, low, high = (float(top[key]) for key in ("index", "ci_low", "ci_high"))
    if largest:
        key = "no_pair_synergy" if index <= 0.0 else "strongest_pair"
        key = "unclear_pair" if key == "strongest_pair" and not low > 0.0 else key
    else:
        key = "no_pair_overlap" if index >= 0.0 else "overlap"
        key = "unclear_overlap" if key == "overlap" and not high < 0.0 else key
    return word(
        key,
        language,
        noun=noun(outcome, language),
        first=player_label(str(top["player_a"]), language),
        second=player_label(str(top["player_b"]), language),
        amount=quantity(index, outcome, language),
        low=amount(low),
        high=amount(high),
    )

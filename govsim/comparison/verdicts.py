"""Verdicts in words: what a scenario changes, by how much and how sure, for a key outcome.

A difference is *clear* when the 95% interval of the paired difference excludes zero;
otherwise the verdict says "no clear difference" and gives that interval, so that the reader
sees how large a difference the data still allow. Counts and money are given as a relative
change ("cuts net loss by 41%") where its interval excludes zero too, else as the difference
itself (with few replications the ratio's interval can span zero while the difference's does
not: the direction is then clear, its size in percent is not). Shares are given as a
difference in percentage points, since a relative change of a share ("recovery up 50%" from 2%
to 3%) misleads.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from govsim.comparison.running import Comparison
from govsim.comparison.wording import noun, word
from govsim.labels import is_share
from govsim.tables import format_value


def direction(row: Mapping[str, Any]) -> str:
    """``cut``, ``rise``, ``same``, ``unclear`` (the interval spans zero) or ``too_few``.

    Judged by the paired difference's interval alone (``too_few``: under two pairs), the one
    the verdict quotes when it finds no clear difference: a verdict never says "no clear
    difference" beside an interval that excludes zero.
    """
    if int(row["replications"]) < 2:
        return "too_few"
    if is_same(row):
        return "same"
    if not _clear(float(row["difference_ci_low"]), float(row["difference_ci_high"])):
        return "unclear"
    return "cut" if float(row["difference"]) < 0 else "rise"


def is_same(row: Mapping[str, Any]) -> bool:
    """Whether every pair is equal: a difference of exactly 0 with an interval of [0, 0].

    Not "no clear difference", which says a difference may exist that the data cannot show.
    """
    values = (row["difference"], row["difference_ci_low"], row["difference_ci_high"])
    return all(float(value) == 0.0 for value in values)


def relative_is_clear(row: Mapping[str, Any]) -> bool:
    """Whether a count's or money's relative change has an interval that excludes zero.

    Never for a share, judged and told in points: a small reference share (police alone
    recover about 1%) makes the ratio's interval wide even when the points are clear.
    """
    if is_share(str(row["outcome"])):
        return False
    return _clear(float(row["relative_ci_low"]), float(row["relative_ci_high"]))


def verdict(row: Mapping[str, Any], language: str = "en") -> str:
    """The verdict of one row of the differences frame, as a sentence in ``language``."""
    outcome = str(row["outcome"])
    names = {
        "scenario": row["scenario"],
        "reference": row["reference"],
        "noun": noun(outcome, language),
    }
    low, high = float(row["difference_ci_low"]), float(row["difference_ci_high"])
    difference = float(row["difference"])
    relative = float(row["relative_change"])
    key = direction(row)
    if key == "too_few":
        return word("too_few", language, count=int(row["replications"]), **names)
    if key == "same":
        return word("same", language, **names)
    if key == "unclear":
        amount, low_text, high_text = _absolute(difference, low, high, outcome, language)
        return word("unclear", language, amount=amount, low=low_text, high=high_text, **names)
    if relative_is_clear(row):
        amounts = _percent(relative, float(row["relative_ci_low"]), float(row["relative_ci_high"]))
    else:
        amounts = _absolute(difference, low, high, outcome, language)
    amount, low_text, high_text = _sized(amounts, key == "cut")
    return word(key, language, amount=amount, low=low_text, high=high_text, **names)


def short_verdict(row: Mapping[str, Any], language: str = "en") -> str:
    """The verdict in a word or two, for a table: lower, higher, the same, no clear difference."""
    return word(f"short_{direction(row)}", language)


def verdicts(differences: pd.DataFrame, outcomes: tuple[str, ...], language: str) -> list[str]:
    """The verdicts of the given outcomes, scenario by scenario, in the order given."""
    lines = []
    # By reference too: among the pairs of other scenarios, one scenario meets several.
    for (_, scenario), rows in differences.groupby(["reference", "scenario"], sort=False):
        by_outcome = rows.set_index("outcome")
        for outcome in outcomes:
            row = {"outcome": outcome, "scenario": scenario, **by_outcome.loc[outcome].to_dict()}
            lines.append(verdict(row, language))
    return lines


def _clear(low: float, high: float) -> bool:
    """Whether an interval lies wholly on one side of zero."""
    return not math.isnan(low) and (low > 0.0 or high < 0.0)


def _sized(amounts: tuple[str, str, str], cut: bool) -> tuple[str, str, str]:
    """A cut is told as a positive size: -41% [-47%, -35%] reads "by 41% (35% to 47%)"."""
    amount, low, high = amounts
    if not cut:
        return amount, low, high
    return amount.lstrip("-"), high.lstrip("-"), low.lstrip("-")


def _percent(value: float, low: float, high: float) -> tuple[str, str, str]:
    digits = _digits(0 if abs(value) >= 0.095 else 1, low * 100, high * 100)
    return tuple(f"{v:.{digits}%}" for v in (value, low, high))  # type: ignore[return-value]


MAX_DIGITS = 3
"""The most decimals a verdict gives a percentage or percentage points."""


def _digits(digits: int, low: float, high: float) -> int:
    """Decimals enough for an interval that excludes zero not to show a bound of 0.

    A clear cut of 12% whose interval starts at 0.3% would otherwise read "0% to 24%".
    """
    if _clear(low, high):
        nearest = min(abs(low), abs(high))
        while digits < MAX_DIGITS and round(nearest, digits) == 0.0:
            digits += 1
    return digits


def _absolute(
    value: float, low: float, high: float, outcome: str, language: str
) -> tuple[str, str, str]:
    """A difference in the outcome's own unit: percentage points for a share."""
    if is_share(outcome):
        points = word("points", language)
        digits = _digits(1, low * 100, high * 100)
        texts = tuple(_fixed(v * 100, digits) for v in (value, low, high))
        return texts[0] + points, texts[1], texts[2]
    return tuple(_signed(v) for v in (value, low, high))  # type: ignore[return-value]


def _fixed(value: float, digits: int) -> str:
    """A number with ``digits`` decimals, "-" if none, never "-0.0"."""
    if math.isnan(value):
        return "-"
    text = f"{value:.{digits}f}"
    return text.lstrip("-") if float(text) == 0.0 else text


def _signed(value: float) -> str:
    """A difference as a table shows a value, keeping its sign."""
    if math.isnan(value):
        return "-"
    text = format_value(abs(value))
    return f"-{text}" if value < 0 else text


def cost_sentence(row: Mapping[str, Any], language: str = "en") -> str:
    """Net loss prevented per extra yuan of governance cost, or why it is not given.

    As the verdicts do, an interval that spans zero is told as no clear effect, and one below
    zero as a rise (more loss for the extra cost), never as a negative amount prevented.
    """
    names = {"scenario": row["scenario"], "reference": row["reference"]}
    ratio = float(row["prevented_per_yuan"])
    if math.isnan(ratio):
        low, high = float(row["extra_cost_ci_low"]), float(row["extra_cost_ci_high"])
        texts = [_signed(float(row["extra_cost"])), _signed(low), _signed(high)]
        key = "cheaper" if high < 0.0 else "no_extra_cost"
        return word(key, language, amount=texts[0], low=texts[1], high=texts[2], **names)
    low, high = float(row["prevented_per_yuan_ci_low"]), float(row["prevented_per_yuan_ci_high"])
    if high < 0.0:  # the extra cost comes with more loss: said as a rise, in positive numbers
        texts = [_ratio(-v) for v in (ratio, high, low)]
        key = "per_yuan_adds"
    else:
        texts = [_ratio(v) for v in (ratio, low, high)]
        key = "per_yuan" if low > 0.0 else "per_yuan_unclear"
    return word(key, language, amount=texts[0], low=texts[1], high=texts[2], **names)


def _ratio(value: float) -> str:
    if math.isnan(value):
        return "-"
    return f"{value:.2f}" if round(value, 2) != 0.0 else "0.00"  # never "-0.00"


def precision_sentence(comparison: Comparison, language: str = "en") -> str:
    """Whether ``--precision`` was reached, or which differences the cap left too wide."""
    precision = comparison.precision
    if precision is None:
        return ""
    values = {"target": percent_of(precision.target), "replications": comparison.replications}
    if precision.reached:
        return word("precision_reached", language, **values)
    wide = ", ".join(
        f"{noun(outcome, language)} ({scenario})" for scenario, outcome in precision.wide
    )
    return word("precision_stopped", language, wide=wide, **values)


def percent_of(share: float) -> str:
    """A share as a percentage to three significant digits: 0.025 is "2.5%", never "2%"."""
    return np.format_float_positional(share * 100, precision=3, fractional=False, trim="-") + "%"

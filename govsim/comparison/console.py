"""What ``govsim compare`` prints: a table per scenario against the reference, and verdicts."""

from __future__ import annotations

import math

import pandas as pd
from rich.table import Table

from govsim.comparison.running import Comparison
from govsim.comparison.verdicts import short_verdict
from govsim.comparison.wording import outcome_label, word
from govsim.labels import HEADERS, is_share, label, phrase
from govsim.metrics import ATTRIBUTED
from govsim.tables import format_interval, format_value


def difference_table(comparison: Comparison, scenario: str, language: str = "en") -> Table:
    """Every outcome of ``scenario`` beside the reference's, with the paired difference."""
    reference = comparison.reference.scenario.name
    caption = word("table_caption", language, scenario=scenario, reference=reference)
    title = word("versus", language, scenario=scenario, reference=reference)
    table = Table(title=title, caption=caption, title_justify="left")
    for index, header in enumerate(difference_header(comparison, scenario, language)):
        table.add_column(header, justify="left" if index == 0 else "right", no_wrap=index > 0)
    # Means without their intervals: a row must fit on one line of a log (the report has them).
    for row in difference_rows(comparison, scenario, language, intervals=False):
        table.add_row(*row)
    return table


def difference_header(comparison: Comparison, scenario: str, language: str) -> list[str]:
    """Column headers of the table of ``scenario`` against the reference."""
    keys = ("difference", "relative", "p_value", "pairing", "verdict")
    names = [comparison.reference.scenario.name, scenario]
    return [label("measure", language, HEADERS), *names, *(word(key, language) for key in keys)]


def difference_rows(
    comparison: Comparison, scenario: str, language: str, intervals: bool = True
) -> list[list[str]]:
    """One row of text per outcome: both means, the paired difference, change, p, verdict.

    A share's change is given in percentage points only (the difference): its relative change
    ("recovery up 1000%" from 2% to 25%) misleads. ``intervals=False`` leaves out the means'.
    """
    reference = comparison.reference.scenario.name
    means = comparison.outcomes.set_index(["scenario", "outcome"])
    found = comparison.differences
    rows = []
    for row in found[found["scenario"] == scenario].to_dict("records"):
        outcome = row["outcome"]
        rows.append(
            [
                row_label(outcome, language),
                mean_cell(means.loc[(reference, outcome)], outcome, intervals),
                mean_cell(means.loc[(scenario, outcome)], outcome, intervals),
                difference_cell(
                    row["difference"], row["difference_ci_low"], row["difference_ci_high"], outcome
                ),
                "-"
                if is_share(outcome)
                else relative_cell(
                    row["relative_change"], row["relative_ci_low"], row["relative_ci_high"]
                ),
                _p_value(row["p_value"]),
                _number(row["pairing_efficiency"], "{:.2f}"),  # "-": constant in both
                short_verdict(row, language),
            ]
        )
    return rows


def row_label(outcome: str, language: str) -> str:
    """An outcome's name in a table; a market count attributed to the city is marked so.

    Arrests and convictions happen to the market's rings: the city's row is the market's
    count times the city's share of its residents, as ``govsim run``'s city table marks it.
    """
    name = outcome_label(outcome, language)
    return name + phrase("attributed_mark", language) if outcome in ATTRIBUTED else name


def mean_cell(row: pd.Series, outcome: str, interval: bool = True) -> str:
    """A mean and its 95% interval in parentheses, as the run's tables show them."""
    mean = format_value(row["mean"], outcome)
    if not interval:
        return mean
    bounds = format_interval(row["ci_low"], row["ci_high"], outcome)
    return f"{mean} ({bounds})" if bounds else mean


POINTS = {"en": " pp", "zh": " 个百分点"}
"""A share's difference, in percentage points: the tables abbreviate (their note says so)."""


def difference_cell(
    value: float, low: float, high: float, outcome: str, points: str = POINTS["en"]
) -> str:
    """A signed difference and its interval in brackets; a share's in percentage points.

    ``points`` is the unit of a share's difference: the abbreviation, where a note explains
    it, or the words (``POINTS["zh"]`` on a Chinese page with no such note).
    """
    if math.isnan(value):
        return "-"
    scale, unit = (100.0, points) if is_share(outcome) else (1.0, "")
    texts = [_signed(v * scale, outcome) for v in (value, low, high)]
    if math.isnan(low):
        return texts[0] + unit
    return f"{texts[0]}{unit} [{texts[1]}, {texts[2]}]"


def _signed(value: float, outcome: str) -> str:
    if math.isnan(value):
        return "-"
    text = f"{abs(value):.1f}" if is_share(outcome) else format_value(abs(value))
    return f"-{text}" if value < 0 else f"+{text}" if value > 0 else text


def relative_cell(value: float, low: float, high: float) -> str:
    """A relative change as a signed percentage, its interval in brackets."""
    if math.isnan(value):
        return "-"
    if math.isnan(low):
        return f"{value:+.1%}"
    return f"{value:+.1%} [{low:+.1%}, {high:+.1%}]"


def _p_value(value: float) -> str:
    """A p-value to three decimals; one below 0.001 as ``<0.001``, not as zero."""
    if not math.isnan(value) and value < 0.0005:
        return "<0.001"
    return _number(value, "{:.3f}")


def _number(value: float, pattern: str) -> str:
    return "-" if math.isnan(value) else pattern.format(value)

"""What ``govsim compare`` prints: a table per scenario against the reference, and verdicts."""

from __future__ import annotations

import math

import pandas as pd
from rich.table import Table

from govsim.comparison.running import Comparison
from govsim.comparison.wording import outcome_label, word
from govsim.labels import HEADERS, is_share, label
from govsim.tables import format_interval, format_value


def difference_table(comparison: Comparison, scenario: str, language: str = "en") -> Table:
    """Every outcome of ``scenario`` beside the reference's, with the paired difference."""
    reference = comparison.reference.scenario.name
    rows = comparison.differences[comparison.differences["scenario"] == scenario]
    caption = word("table_caption", language, scenario=scenario, reference=reference)
    table = Table(title=f"{scenario} vs {reference}", caption=caption, title_justify="left")
    table.add_column(label("measure", language, HEADERS))
    for header in (reference, scenario):
        table.add_column(header, justify="right", no_wrap=True)
    for key in ("difference", "relative", "p_value", "pairing"):
        table.add_column(word(key, language), justify="right", no_wrap=True)
    means = comparison.outcomes.set_index(["scenario", "outcome"])
    for row in rows.itertuples():
        table.add_row(
            outcome_label(row.outcome, language),
            mean_cell(means.loc[(reference, row.outcome)], row.outcome),
            mean_cell(means.loc[(scenario, row.outcome)], row.outcome),
            difference_cell(
                row.difference, row.difference_ci_low, row.difference_ci_high, row.outcome
            ),
            relative_cell(row.relative_change, row.relative_ci_low, row.relative_ci_high),
            _number(row.p_value, "{:.3f}"),
            _number(row.pairing_efficiency, "{:.2f}"),
        )
    return table


def mean_cell(row: pd.Series, outcome: str) -> str:
    """A mean and its 95% interval in parentheses, as the run's tables show them."""
    mean = format_value(row["mean"], outcome)
    interval = format_interval(row["ci_low"], row["ci_high"], outcome)
    return f"{mean} ({interval})" if interval else mean


def difference_cell(value: float, low: float, high: float, outcome: str) -> str:
    """A signed difference and its interval in brackets; a share's in percentage points."""
    if math.isnan(value):
        return "-"
    scale, unit = (100.0, " pp") if is_share(outcome) else (1.0, "")
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


def _number(value: float, pattern: str) -> str:
    return "-" if math.isnan(value) else pattern.format(value)

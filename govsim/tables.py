"""The result tables printed after a run: the city's measures and the market's, in a language.

Shares are shown as percentages (0.295 as 29.5%) in every language, so that a share cannot be
read as a count; counts and money keep three significant digits below 10 and whole numbers with
thousands separators above.
"""

from __future__ import annotations

import math

from rich.table import Table

from govsim.labels import HEADERS, is_share, label, phrase
from govsim.metrics import ATTRIBUTED
from govsim.results import CAN_BE_NEGATIVE, market_statistics, summary_statistics
from govsim.runner import RunResults


def summary_table(results: RunResults, language: str = "en") -> Table:
    """The city's headline measures: mean and 95% CI over replications, and per 100k residents."""
    scenario = results.scenario
    note = phrase("table_note", language, replications=len(results.seeds))
    caption = f"{scenario.describe(language)}\n{note}"
    # The city as run: its description may name the file's size, which --residents changes.
    title = phrase(
        "city_title",
        language,
        name=scenario.name,
        residents=scenario.population.size,
        days=scenario.days,
    )
    table = Table(title=title, caption=caption, title_justify="left")
    _add_columns(table, ("measure", "mean", "ci", "per_100k"), language)
    for row in summary_statistics(results.summary).itertuples():
        per = "" if math.isnan(row.per_100k) else format_value(row.per_100k)
        name = label(row.measure, language)
        if row.measure in ATTRIBUTED:  # the market table has a row of the same name
            name += phrase("attributed_mark", language)
        table.add_row(
            name,
            format_value(row.mean, row.measure),
            format_interval(row.ci_low, row.ci_high, row.measure),
            per,
        )
    return table


def market_table(results: RunResults, language: str = "en") -> Table:
    """Market-wide measures (the whole market the rings serve): mean and 95% CI."""
    market = results.scenario.fraud.market_population
    table = Table(title=phrase("market_title", language, residents=market), title_justify="left")
    _add_columns(table, ("measure", "mean", "ci"), language)
    for row in market_statistics(results.market).itertuples():
        table.add_row(
            label(row.measure, language),
            format_value(row.mean, row.measure),
            format_interval(row.ci_low, row.ci_high, row.measure),
        )
    return table


def _add_columns(table: Table, keys: tuple[str, ...], language: str) -> None:
    for key in keys:
        justify = "left" if key == "measure" else "right"
        table.add_column(label(key, language, HEADERS), justify=justify, no_wrap=key != "measure")


def format_value(value: float, measure: str = "") -> str:
    """A value as shown in a table: a share as a percentage, '-' when there is none."""
    if math.isnan(value):
        return "-"
    if is_share(measure):
        return f"{value:.1%}"
    if abs(value) < 10:
        return f"{value:.3g}"
    return f"{value:,.0f}"


def format_interval(low: float, high: float, measure: str = "") -> str:
    """A 95% interval as ``low - high``, empty when there is none (a single replication).

    The interval is shown cut at zero, except for a measure that can be negative (net loss,
    :data:`govsim.results.CAN_BE_NEGATIVE`), whose bounds are shown as they are; a negative
    bound is joined with " to ", so that its minus sign is not read as the range's dash.
    """
    if math.isnan(low):
        return ""
    if measure not in CAN_BE_NEGATIVE:
        low, high = max(low, 0.0), max(high, 0.0)
    joint = " to " if low < 0.0 or high < 0.0 else " - "
    return f"{format_value(low, measure)}{joint}{format_value(high, measure)}"

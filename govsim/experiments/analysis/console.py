"""The analysis at the command line: rich tables of indices, main-effect spans and boxes."""

from __future__ import annotations

import math

import pandas as pd
from rich.table import Table

from govsim.experiments.analysis.discovery import Discovery
from govsim.experiments.analysis.effects import effect_spans
from govsim.experiments.analysis.report import limit_text
from govsim.experiments.analysis.running import Analysis
from govsim.experiments.analysis.wording import word
from govsim.labels import is_share, label


def index_table(analysis: Analysis, language: str) -> Table | None:
    """Per outcome and parameter: S1 and ST, or mu* and sigma, with 95% half widths."""
    if analysis.indices is None:
        return None
    sobol = analysis.swept.design == "sobol"
    names = ("S1", "ST") if sobol else ("mu_star", "sigma")
    table = Table(title=word("indices_title", language))
    table.add_column(word("outcome", language))
    table.add_column(word("parameter", language))
    for name in names:
        table.add_column("mu*" if name == "mu_star" else name, justify="right")
    for row in analysis.indices.to_dict("records"):
        cells = [_cell(row[name], row.get(f"{name}_conf", math.nan)) for name in names]
        table.add_row(label(row["outcome"], language), row["parameter"], *cells)
    return table


def span_table(analysis: Analysis, language: str) -> Table:
    """Per parameter and outcome: how far the mean moves across the parameter's levels.

    The parameters are ranked by their span in the first outcome, largest first (spans of
    different outcomes are in different units, so one of them has to set the order).
    """
    spans = effect_spans(analysis.effects)
    wide = spans.pivot(index="parameter", columns="outcome", values="span")
    first = label(analysis.outcomes[0], language)
    title = word("spans_title", language) + word("spans_ranked", language, outcome=first)
    table = Table(title=title)
    table.add_column(word("parameter", language))
    for outcome in analysis.outcomes:
        table.add_column(label(outcome, language), justify="right")
    for path in ranked_by_span(analysis.swept.paths, wide, analysis.outcomes[0]):
        values = [
            _span(wide.loc[path, o], o) if path in wide.index else "-" for o in analysis.outcomes
        ]
        table.add_row(path, *values)
    return table


def ranked_by_span(paths: list[str], wide: pd.DataFrame, outcome: str) -> list[str]:
    """The parameters by their span in ``outcome``, largest first; those without one last."""

    def span(path: str) -> float:
        value = wide[outcome].get(path, math.nan) if outcome in wide else math.nan
        return -math.inf if pd.isna(value) else float(value)

    return sorted(paths, key=span, reverse=True)  # a stable sort: ties keep the file's order


def box_table(found: Discovery, language: str) -> Table:
    """Each PRIM box: coverage, density, mass and limits."""
    title = word("discovery_title", language, expression=found.expression)
    table = Table(title=title)
    for key in ("box", "coverage", "density", "mass", "limits"):
        table.add_column(word(key, language, number="").strip(), justify="left")
    for box in found.boxes:
        limits = "\n".join(f"{path}: {limit_text(limit)}" for path, limit in box.limits.items())
        table.add_row(
            str(box.number),
            f"{box.coverage:.0%}",
            f"{box.density:.0%}",
            f"{box.mass:.0%}",
            limits,
        )
    return table


def _cell(value: float, half: float) -> str:
    if pd.isna(value):
        return "-"
    return f"{value:.3g}" if pd.isna(half) else f"{value:.3g} ± {half:.2g}"


def _number(value: float) -> str:
    return "-" if pd.isna(value) else f"{value:.4g}"


def _span(value: float, outcome: str) -> str:
    """A span as ``govsim run`` shows its outcome: a share's in percentage points."""
    if is_share(outcome) and not pd.isna(value):
        return f"{value * 100:.3g} pp"
    return _number(value)

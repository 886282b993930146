"""``analysis.html``: one self-contained page, offline, in English or Chinese.

Built as the comparison's report is (plotly.js embedded once, nothing loaded from the
network), from the analysis's frames only: nothing is run again.
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from govsim.comparison.report import _e, _Figures, _table, page_html
from govsim.experiments.analysis.charts import (
    MAX_BOXED_POINTS,
    distribution_figure,
    effects_figure,
    index_figure,
    surface_figure,
    trajectory_figure,
)
from govsim.experiments.analysis.discovery import MIN_COVERAGE, Box, Discovery
from govsim.experiments.analysis.effects import BINS, effect_spans, surface
from govsim.experiments.analysis.running import Analysis
from govsim.experiments.analysis.wording import word
from govsim.labels import label


def report_html(analysis: Analysis, language: str = "en") -> str:
    """The whole page, as text."""
    title = word("title", language, name=analysis.swept.name)
    figures = _Figures()
    body = [
        f"<h1>{_e(title)}</h1>",
        f"<p>{_e(lead(analysis, language))}</p>",
        *(
            [f'<p class="note">{_e(word("failed_note", language))}</p>']
            if analysis.swept.failed
            else []
        ),
        *_indices_section(analysis, language, figures),
        *_discovery_section(analysis.discovery, language, figures),
        *_effects_section(analysis, language, figures),
        *_surface_section(analysis, language, figures),
        *_distributions_section(analysis, language, figures),
    ]
    return page_html(title, body, language)


def lead(analysis: Analysis, language: str) -> str:
    """What was swept and how many runs finished, failed or are still to run."""
    swept = analysis.swept
    expected = swept.points * swept.spec.replications
    recorded = len(swept.runs)
    missing = word("missing", language, count=expected - recorded) if recorded < expected else ""
    return word(
        "lead",
        language,
        design=swept.design,
        points=swept.points,
        replications=swept.spec.replications,
        ok=len(swept.ok),
        failed=swept.failed,
        missing=missing,
    )


def _indices_section(analysis: Analysis, language: str, figures: _Figures) -> list[str]:
    if analysis.indices is None:
        return []
    design = analysis.swept.design
    parts = [
        f"<h2>{_e(word('indices_title', language))}</h2>",
        f'<p class="note">{_e(word(f"{design}_note", language))}</p>',
    ]
    for outcome in analysis.outcomes:
        rows = analysis.indices[analysis.indices["outcome"] == outcome]
        if rows.drop(columns=["outcome", "parameter"]).isna().all().all():
            note = word("constant_note", language, outcome=label(outcome, language))
            parts.append(f'<p class="note">{_e(note)}</p>')
            continue
        parts.append(figures.html(index_figure(analysis.indices, outcome, design, language)))
        parts.append(_index_table(rows, design, language))
    return parts


def _index_table(rows: pd.DataFrame, design: str, language: str) -> str:
    names = ("S1", "ST") if design == "sobol" else ("mu_star", "sigma")
    header = [word("parameter", language), *("mu*" if n == "mu_star" else n for n in names)]
    body = [
        [(row["parameter"], "key"), *((_with_interval(row, name), "") for name in names)]
        for row in rows.to_dict("records")
    ]
    return _table(header, body)


def _with_interval(row: dict[str, Any], name: str) -> str:
    value = row[name]
    half = row.get(f"{name}_conf", math.nan)
    if math.isnan(half):
        return f"{value:.3g}"
    return f"{value:.3g} ± {half:.2g}"


def _discovery_section(found: Discovery | None, language: str, figures: _Figures) -> list[str]:
    if found is None:
        return []
    note = word(
        "discovery_note",
        language,
        cases=found.cases,
        runs=found.runs,
        share=found.share,
        coverage=MIN_COVERAGE,
    )
    parts = [
        f"<h2>{_e(word('discovery_title', language, expression=found.expression))}</h2>",
        f'<p class="note">{_e(note)}</p>',
    ]
    if not found.boxes:
        return [*parts, f"<p>{_e(word('no_box', language))}</p>"]
    return [
        *parts,
        box_table(found.boxes, language),
        figures.html(trajectory_figure(found, language)),
    ]


def box_table(boxes: list[Box], language: str) -> str:
    """Each box: coverage, density, mass and its limits, a line per restricted parameter."""
    names = ("box", "coverage", "density", "mass", "limits")
    header = [word(key, language, number="").strip() for key in names]
    body = [
        [
            (word("box", language, number=box.number), ""),
            (f"{box.coverage:.0%}", ""),
            (f"{box.density:.0%}", ""),
            (f"{box.mass:.0%}", ""),
            (
                "; ".join(f"{path}: {limit_text(limit)}" for path, limit in box.limits.items()),
                "key",
            ),
        ]
        for box in boxes
    ]
    return _table(header, body)


def limit_text(limit: tuple[Any, ...]) -> str:
    """A box's limit on one parameter: ``[low, high]``, or the levels it keeps."""
    if isinstance(limit[0], str):
        return "{" + ", ".join(limit) + "}"
    return f"[{limit[0]:.4g}, {limit[1]:.4g}]"


def _effects_section(analysis: Analysis, language: str, figures: _Figures) -> list[str]:
    if not analysis.swept.parameters:
        return []
    spans = effect_spans(analysis.effects)
    header = [word("parameter", language), *(label(o, language) for o in analysis.outcomes)]
    body = [
        [
            (path, "key"),
            *((f"{_span(spans, outcome, path):.4g}", "") for outcome in analysis.outcomes),
        ]
        for path in analysis.swept.paths
    ]
    parts = [
        f"<h2>{_e(word('effects_title', language))}</h2>",
        f'<p class="note">{_e(word("effects_note", language, bins=BINS))}</p>',
        f"<h3>{_e(word('spans_title', language))}</h3>",
        _table(header, body),
    ]
    paths = analysis.swept.paths
    parts += [
        figures.html(effects_figure(analysis.effects, o, paths, language))
        for o in analysis.outcomes
    ]
    return parts


def _span(spans: pd.DataFrame, outcome: str, path: str) -> float:
    found = spans[(spans["outcome"] == outcome) & (spans["parameter"] == path)]
    return float(found["span"].iloc[0]) if len(found) else math.nan


def _surface_section(analysis: Analysis, language: str, figures: _Figures) -> list[str]:
    tables = [(o, surface(analysis.swept, o)) for o in analysis.outcomes]
    shown = [figures.html(surface_figure(t, o, language)) for o, t in tables if t is not None]
    if not shown:
        return []
    return [
        f"<h2>{_e(word('surface_title', language))}</h2>",
        f'<p class="note">{_e(word("surface_note", language))}</p>',
        *shown,
    ]


def _distributions_section(analysis: Analysis, language: str, figures: _Figures) -> list[str]:
    runs = analysis.swept.ok
    points = int(runs["point"].nunique())
    note = (
        word("distributions_note", language)
        if points <= MAX_BOXED_POINTS
        else word("histogram_note", language, points=points)
    )
    return [
        f"<h2>{_e(word('distributions_title', language))}</h2>",
        f'<p class="note">{_e(note)}</p>',
        *(figures.html(distribution_figure(runs, o, language)) for o in analysis.outcomes),
    ]

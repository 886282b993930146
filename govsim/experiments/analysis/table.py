"""The analysis as one tidy table: a row per number, named by what it is about.

Columns: ``section`` (``point``, ``main_effect``, ``sobol``, ``morris``, ``discovery``),
``outcome`` (for discovery: the condition), ``parameter`` (a key path), ``point``, ``level``
(as text: levels may be numbers or words), ``box``, ``statistic``, ``value``, ``low`` and
``high`` (the 95% interval where there is one) and ``runs`` (finished runs behind the value).
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from govsim.experiments.analysis.discovery import Discovery
from govsim.experiments.analysis.running import Analysis
from govsim.results import measure_ci

COLUMNS = (
    "section",
    "outcome",
    "parameter",
    "point",
    "level",
    "box",
    "statistic",
    "value",
    "low",
    "high",
    "runs",
)
WITH_INTERVALS = {"S1": "S1_conf", "ST": "ST_conf", "mu_star": "mu_star_conf"}
"""Indices and the column of their interval's half width."""


def tidy_table(analysis: Analysis) -> pd.DataFrame:
    """Every number of the analysis, a row each, in :data:`COLUMNS`."""
    rows = [
        *_point_rows(analysis),
        *_effect_rows(analysis.effects),
        *_index_rows(analysis),
        *(_discovery_rows(analysis.discovery) if analysis.discovery else []),
    ]
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    frame["point"] = frame["point"].astype("Int64")
    frame["box"] = frame["box"].astype("Int64")
    frame["runs"] = frame["runs"].astype("Int64")
    frame["level"] = frame["level"].astype("string")
    return frame


def _row(section: str, statistic: str, value: float, **cells: Any) -> dict[str, Any]:
    return {"section": section, "statistic": statistic, "value": value, **cells}


def _point_rows(analysis: Analysis) -> list[dict[str, Any]]:
    rows = []
    for outcome in analysis.outcomes:
        for point, values in analysis.swept.ok.groupby("point")[outcome]:
            mean, low, high = measure_ci(values, outcome)
            cells = {"outcome": outcome, "point": point, "low": low, "high": high}
            rows.append(_row("point", "mean", mean, runs=len(values), **cells))
    return rows


def _effect_rows(effects: pd.DataFrame) -> list[dict[str, Any]]:
    return [
        _row(
            "main_effect",
            "mean",
            row["mean"],
            outcome=row["outcome"],
            parameter=row["parameter"],
            level=str(row["level"]),
            low=row["low"],
            high=row["high"],
            runs=row["runs"],
        )
        for row in effects.to_dict("records")
    ]


def _index_rows(analysis: Analysis) -> list[dict[str, Any]]:
    if analysis.indices is None:
        return []
    section = analysis.swept.design
    rows = []
    for row in analysis.indices.to_dict("records"):
        names = {"outcome": row["outcome"], "parameter": row["parameter"]}
        for statistic in ("S1", "ST", "mu", "mu_star", "sigma"):
            if statistic not in row:
                continue
            value = row[statistic]
            half = row.get(WITH_INTERVALS.get(statistic, ""), math.nan)
            rows.append(
                _row(section, statistic, value, low=value - half, high=value + half, **names)
            )
    return rows


def _discovery_rows(found: Discovery) -> list[dict[str, Any]]:
    condition = {"outcome": found.expression}
    rows = [_row("discovery", "share", found.share, runs=found.runs, **condition)]
    for box in found.boxes:
        for statistic in ("coverage", "density", "mass"):
            rows.append(_row("discovery", statistic, getattr(box, statistic), box=box.number))
            rows[-1].update(condition)
        for path, limit in box.limits.items():
            cells = {**condition, "box": box.number, "parameter": path}
            if isinstance(limit[0], str):
                rows.append(_row("discovery", "levels", math.nan, level=", ".join(limit), **cells))
            else:
                rows.append(
                    _row("discovery", "limits", math.nan, low=limit[0], high=limit[1], **cells)
                )
    return rows

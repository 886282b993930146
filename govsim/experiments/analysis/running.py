"""One analysis of a sweep: main effects for every design, indices and boxes when asked."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from govsim.experiments.analysis.discovery import Discovery, discover
from govsim.experiments.analysis.effects import main_effects
from govsim.experiments.analysis.errors import AnalysisError
from govsim.experiments.analysis.indices import INDEXED, sensitivity
from govsim.experiments.analysis.swept import Swept, read_swept
from govsim.scenario.errors import suggest


@dataclass(frozen=True)
class Analysis:
    """What ``govsim analyze`` found in a sweep.

    Attributes:
        swept: The sweep, as read from its folder.
        outcomes: The outcomes analysed.
        effects: Main effects, a row per (outcome, parameter, level).
        indices: Sobol or Morris indices per (outcome, parameter), or None for other designs.
        discovery: PRIM's boxes for the ``--discover`` condition, or None.
    """

    swept: Swept
    outcomes: list[str]
    effects: pd.DataFrame
    indices: pd.DataFrame | None = None
    discovery: Discovery | None = None


def analyze(
    folder: str | Path,
    outcomes: list[str] | None = None,
    expression: str | None = None,
    indices: bool | None = None,
) -> Analysis:
    """Analyse a sweep's results folder; nothing is run again.

    Args:
        folder: The sweep's results folder.
        outcomes: Outcome columns to analyse (default: the experiment's ``outcomes``).
        expression: A condition over outcome columns for scenario discovery, or None.
        indices: True to require sensitivity indices (an error for designs without them),
            False to skip them, None for indices whenever the design has them.

    Raises:
        AnalysisError: naming the folder, file or option at fault and the fix.
    """
    swept = read_swept(Path(folder))
    chosen = checked_outcomes(swept, outcomes)
    table = None
    if indices or (indices is None and swept.design in INDEXED):
        table = sensitivity(swept, chosen)
    found = discover(swept, expression) if expression else None
    return Analysis(swept, chosen, main_effects(swept, chosen), table, found)


def checked_outcomes(swept: Swept, outcomes: list[str] | None) -> list[str]:
    """The outcomes asked for, each a numeric column of the runs, or the defaults."""
    names = [name.strip() for text in outcomes or [] for name in text.split(",") if name.strip()]
    columns = swept.outcome_columns
    unknown = [name for name in names if name not in columns]
    if unknown:
        suggestion = suggest(unknown[0], columns)
        hint = f" ({suggestion})" if suggestion else ""
        raise AnalysisError(
            "unknown_outcome", names=", ".join(unknown), hint=hint, columns=", ".join(columns)
        )
    return names or swept.default_outcomes() or columns[:1]

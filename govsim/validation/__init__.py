"""Validation: stylized facts and calibration targets, checked against runs of shipped scenarios.

``python -m govsim.validation --write`` runs every shipped scenario the facts read, with the same
seeds, and writes ``docs/validation.md``: each fact, its source, its target, the model's value
with a 95% interval over replications, and whether the target is met. The facts are data
(:mod:`govsim.validation.facts`); intervals are paired across scenarios
(:mod:`govsim.validation.estimates`); runs can be kept and rendered again
(:mod:`govsim.validation.runs`).
"""

from __future__ import annotations

from govsim.validation.document import render
from govsim.validation.facts import FACTS, Fact, Finding, evaluate, scenarios_of
from govsim.validation.measures import scenario_table
from govsim.validation.outcomes import Outcomes, RunSettings
from govsim.validation.runs import StaleRunsError, ValidationRuns

__all__ = ["FACTS", "Fact", "Finding", "RunSettings", "ValidationRuns", "validation_document"]


def validation_document(runs: ValidationRuns) -> str:
    """docs/validation.md's text: every fact evaluated on the runs, and the scenario table.

    Raises:
        StaleRunsError: if the runs lack a scenario some fact reads (kept runs older than a fact).
    """
    missing = [name for name in scenarios_of(FACTS) if name not in runs.tables]
    if missing:
        raise StaleRunsError(
            f"the runs lack the scenarios {', '.join(missing)}, which facts read; run again"
        )
    outcomes = Outcomes(runs.tables)
    return render(evaluate(outcomes, FACTS), scenario_table(outcomes), runs.record)

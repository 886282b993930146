"""Scenario discovery: the boxes of levers and uncertainties where a condition mostly holds.

The condition is a boolean expression over outcome columns (``net_loss > 2e6``), checked
before it is evaluated: only column names, numbers, comparisons, arithmetic and ``and``,
``or``, ``not`` (or ``&``, ``|``, ``~``) are accepted, so it cannot call or reach anything.
It is evaluated per run, not per point mean: a box's density is then the share of runs in it
for which the condition held, a chance that counts the model's own randomness too.

Boxes come from PRIM (Friedman and Fisher's patient rule induction, as in the EMA Workbench:
:mod:`.peeling`). On each peeling trajectory the box chosen is the densest one that still
covers at least :data:`MIN_COVERAGE` of the cases not in an earlier box; further boxes are
sought among those cases, while they are denser than those cases' share.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from govsim.experiments.analysis.errors import AnalysisError
from govsim.experiments.analysis.peeling import Limit, Trajectory, peel
from govsim.experiments.analysis.swept import Swept
from govsim.scenario.errors import suggest

MIN_COVERAGE = 0.5
"""A chosen box holds at least this share of the runs where the condition held."""
MAX_BOXES = 3
"""Boxes sought at most."""
THRESHOLD = 0.5
"""A peeling whose last box is not denser than this finds no box: the condition is not
concentrated anywhere (PRIM's threshold)."""
ALLOWED = (
    ast.Expression,
    ast.BoolOp,
    ast.And,
    ast.Or,
    ast.UnaryOp,
    ast.Not,
    ast.Invert,
    ast.USub,
    ast.UAdd,
    ast.BinOp,
    ast.BitAnd,
    ast.BitOr,
    ast.Add,
    ast.Sub,
    ast.Mult,
    ast.Div,
    ast.Pow,
    ast.Mod,
    ast.Compare,
    ast.Gt,
    ast.GtE,
    ast.Lt,
    ast.LtE,
    ast.Eq,
    ast.NotEq,
    ast.Name,
    ast.Load,
    ast.Constant,
)
"""Syntax a condition may use: no calls, attributes, subscripts or variables of ours."""


@dataclass(frozen=True)
class Box:
    """One box: its limits on the parameters it restricts, and how good it is.

    Attributes:
        number: 1 for the first box found, 2 for the next, ...
        coverage: Share of all runs where the condition held that fall in the box.
        density: Share of the runs in the box where the condition held.
        mass: Share of all runs that fall in the box.
        limits: Per restricted key path, (low, high) for numbers or the levels kept.
        trajectory: Coverage, density, mass and restricted dimensions of every step peeled.
        chosen: The trajectory step this box is.
    """

    number: int
    coverage: float
    density: float
    mass: float
    limits: dict[str, Limit]
    trajectory: pd.DataFrame
    chosen: int


@dataclass(frozen=True)
class Discovery:
    """The condition, how often it held, and the boxes found (perhaps none)."""

    expression: str
    runs: int
    cases: int
    boxes: list[Box] = field(default_factory=list)

    @property
    def share(self) -> float:
        """Share of the finished runs where the condition held."""
        return self.cases / self.runs if self.runs else float("nan")


def condition(frame: pd.DataFrame, expression: str, columns: list[str]) -> pd.Series:
    """Evaluate a checked boolean expression over the frame's outcome columns, run by run.

    Raises:
        AnalysisError: if it is not a condition over known outcome columns.
    """
    names = checked_names(expression)
    unknown = sorted(names - set(columns))
    if unknown:
        suggestion = suggest(unknown[0], columns)
        hint = f" ({suggestion})" if suggestion else ""
        choices = ", ".join(columns)
        raise AnalysisError("unknown_column", names=", ".join(unknown), hint=hint, columns=choices)
    try:
        result = frame[sorted(names)].eval(expression, engine="python")
    except Exception as error:  # pandas raises many kinds for what the user wrote
        raise AnalysisError("bad_expression", expression=expression, reason=error) from None
    if not isinstance(result, pd.Series) or not pd.api.types.is_bool_dtype(result):
        raise AnalysisError("not_a_condition", expression=expression)
    return result


def checked_names(expression: str) -> set[str]:
    """The column names an expression uses, or AnalysisError if it uses anything else."""
    if "@" in expression or "`" in expression:
        raise AnalysisError("bad_expression", expression=expression, reason="@ and ` are refused")
    try:
        tree = ast.parse(expression.strip(), mode="eval")
    except SyntaxError as error:
        raise AnalysisError("bad_expression", expression=expression, reason=error.msg) from None
    for node in ast.walk(tree):
        if not isinstance(node, ALLOWED):
            reason = f"{type(node).__name__} is not allowed"
            raise AnalysisError("bad_expression", expression=expression, reason=reason)
        if isinstance(node, ast.Constant) and not isinstance(node.value, int | float):
            reason = f"{node.value!r} is not a number"
            raise AnalysisError("bad_expression", expression=expression, reason=reason)
    return {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}


def discover(swept: Swept, expression: str) -> Discovery:
    """Find the boxes of parameters where ``expression`` mostly holds, over finished runs."""
    runs = swept.ok
    holds = condition(runs, expression, swept.outcome_columns).fillna(False).to_numpy(dtype=bool)
    found = Discovery(expression, len(holds), int(holds.sum()))
    if found.cases in (0, found.runs) or not swept.parameters:
        return found
    return Discovery(expression, found.runs, found.cases, _boxes(runs[swept.paths], holds))


def _boxes(x: pd.DataFrame, holds: np.ndarray) -> list[Box]:
    boxes: list[Box] = []
    left = np.ones(len(holds), dtype=bool)
    while len(boxes) < MAX_BOXES and holds[left].any():
        trajectory = peel(x, holds, left)
        if trajectory.steps["density"].iloc[-1] <= THRESHOLD:
            break
        # Coverage counts every case; a later box must cover half of those left.
        chosen = _chosen(trajectory.steps, MIN_COVERAGE * holds[left].sum() / holds.sum())
        box = _box(len(boxes) + 1, trajectory, chosen)
        if not box.limits or box.density <= holds[left].mean():
            break
        boxes.append(box)
        left &= ~trajectory.members[chosen]
    return boxes


def _chosen(trajectory: pd.DataFrame, coverage: float) -> int:
    """The densest step covering at least ``coverage`` of all cases (else the first, all)."""
    covering = trajectory[trajectory["coverage"] >= coverage - 1e-12]
    if covering.empty:
        return 0
    return int(covering["density"].idxmax())


def _box(number: int, trajectory: Trajectory, chosen: int) -> Box:
    """A box from the trajectory's chosen step."""
    step = trajectory.steps.iloc[chosen]
    return Box(
        number=number,
        coverage=float(step["coverage"]),
        density=float(step["density"]),
        mass=float(step["mass"]),
        limits=trajectory.limits[chosen],
        trajectory=trajectory.steps,
        chosen=chosen,
    )

"""Designs: which points of the lever and uncertainty space a sweep visits.

A design turns parameters (each a list of levels or a numeric range) into points, plain
mappings from key path to value, in a fixed order. The same experiment and seed give the same
points on every machine (for the same numpy, scipy and SALib), which is what lets a sweep resume
and what its fingerprint checks. Sobol and Morris samples come from SALib, so that SALib's
analysis can later read them in the order it expects.
"""

from __future__ import annotations

import itertools
import warnings
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np

DesignName = Literal["grid", "random", "lhs", "sobol", "morris"]
DESIGNS: tuple[DesignName, ...] = ("grid", "random", "lhs", "sobol", "morris")
SAMPLED: frozenset[str] = frozenset({"random", "lhs", "sobol", "morris"})
"""Designs that draw ``samples`` points rather than list every combination."""
RANGES_ONLY: frozenset[str] = frozenset({"sobol", "morris"})
"""Designs whose methods need a numeric range for every parameter (SALib's problem bounds)."""
MORRIS_LEVELS = 4
"""Grid levels of a Morris trajectory: SALib's default, and the usual choice in the literature."""
SOBOL_BALANCE_WARNING = "The balance properties of Sobol' points require n to be a power of 2"
"""What scipy (under SALib) warns, with a line of its own code, for samples not a power of 2.

The experiment's check says it instead, at the file's ``samples:`` line and with the fix.
"""
Point = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Parameter:
    """One lever or uncertainty: a key path and the values it may take.

    Exactly one of ``levels`` and ``bounds`` is set; ``integer`` rounds values drawn from
    ``bounds`` to whole numbers (a number of seats, a delay in days).
    """

    path: str
    levels: tuple[Any, ...] | None = None
    bounds: tuple[float, float] | None = None
    integer: bool = False

    def from_unit(self, share: float) -> Any:
        """The value at ``share`` (in [0, 1)) of the way through the levels or the range."""
        if self.levels is not None:
            index = min(int(share * len(self.levels)), len(self.levels) - 1)
            return self.levels[index]
        low, high = self.bounds or (0.0, 1.0)
        return self.typed(low + share * (high - low))

    def typed(self, value: float) -> int | float:
        """A drawn number as the scenario wants it: a plain int or float, never numpy's."""
        return round(value) if self.integer else float(value)


def design_points(
    design: DesignName, parameters: list[Parameter], samples: int | None, seed: int
) -> list[Point]:
    """Return the points of a design, each a mapping from key path to value.

    Args:
        design: The design's name (see :data:`DESIGNS`).
        parameters: Levers then uncertainties, in the experiment file's order.
        samples: Points to draw for sampled designs (base samples N for sobol, trajectories
            for morris); ignored by ``grid``.
        seed: Seed of the design's own random numbers (not of the runs).

    Raises:
        ValueError: if the design cannot take these parameters; the experiment's validation
            checks this first with a located message.
    """
    if not parameters:
        return [{}]
    if design == "grid":
        return _grid(parameters)
    if samples is None:
        raise ValueError(f"the {design} design needs samples")
    return _SAMPLERS[design](parameters, samples, seed)


def _grid(parameters: list[Parameter]) -> list[Point]:
    if any(parameter.levels is None for parameter in parameters):
        raise ValueError("the grid design needs levels for every parameter")
    paths = [parameter.path for parameter in parameters]
    combinations = itertools.product(*(parameter.levels or () for parameter in parameters))
    return [dict(zip(paths, values, strict=True)) for values in combinations]


def _random(parameters: list[Parameter], samples: int, seed: int) -> list[Point]:
    shares = np.random.default_rng(seed).random((samples, len(parameters)))
    return _from_unit(parameters, shares)


def _lhs(parameters: list[Parameter], samples: int, seed: int) -> list[Point]:
    from scipy.stats import qmc  # scipy.stats takes a second to import: only when needed

    shares = qmc.LatinHypercube(d=len(parameters), rng=np.random.default_rng(seed)).random(samples)
    return _from_unit(parameters, shares)


def _from_unit(parameters: list[Parameter], shares: np.ndarray) -> list[Point]:
    return [
        {
            parameter.path: parameter.from_unit(float(share))
            for parameter, share in zip(parameters, row, strict=True)
        }
        for row in shares
    ]


def salib_problem(parameters: list[Parameter]) -> dict[str, Any]:
    """SALib's problem dictionary: the parameters' key paths and ranges."""
    if any(parameter.bounds is None for parameter in parameters):
        raise ValueError("sobol and morris designs need a range for every parameter")
    return {
        "num_vars": len(parameters),
        "names": [parameter.path for parameter in parameters],
        "bounds": [list(parameter.bounds or ()) for parameter in parameters],
    }


def salib_sample(
    design: DesignName, parameters: list[Parameter], samples: int, seed: int
) -> np.ndarray:
    """SALib's sample matrix of a sobol or morris design, before integers are rounded.

    The analysis draws it again to read the points in SALib's order: Morris's elementary
    effects divide by the unrounded steps, which the rounded points no longer hold.
    """
    problem = salib_problem(parameters)
    if design == "sobol":
        from SALib.sample import sobol

        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=SOBOL_BALANCE_WARNING)
            return sobol.sample(problem, samples, seed=seed)
    if design == "morris":
        from SALib.sample import morris

        return morris.sample(problem, samples, num_levels=MORRIS_LEVELS, seed=seed)
    raise ValueError(f"the {design} design is not drawn by SALib")


def _sobol(parameters: list[Parameter], samples: int, seed: int) -> list[Point]:
    return values_to_points(parameters, salib_sample("sobol", parameters, samples, seed))


def _morris(parameters: list[Parameter], samples: int, seed: int) -> list[Point]:
    return values_to_points(parameters, salib_sample("morris", parameters, samples, seed))


def values_to_points(parameters: list[Parameter], values: np.ndarray) -> list[Point]:
    """Points from a sample matrix (a row per point), integers rounded as the scenario wants."""
    return [
        {
            parameter.path: parameter.typed(float(value))
            for parameter, value in zip(parameters, row, strict=True)
        }
        for row in values
    ]


_SAMPLERS: Mapping[str, Callable[[list[Parameter], int, int], list[Point]]] = {
    "random": _random,
    "lhs": _lhs,
    "sobol": _sobol,
    "morris": _morris,
}

"""Designs: which points of the lever and uncertainty space a sweep visits.

A design turns parameters (each a list of levels or a numeric range) into points, plain
mappings from key path to value, in a fixed order. The same experiment and seed give the same
points on every machine (for the same numpy, scipy and SALib), which is what lets a sweep resume
and what its fingerprint checks. Sobol and Morris samples come from SALib, so that SALib's
analysis can later read them in the order it expects.
"""

from __future__ import annotations

import itertools
import math
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
EDGE = 1e-9
"""Rounding error allowed where a share falls on the edge between two whole numbers' shares.

Sobol's points are fractions such as 1/4, which in ``range: [0, 3]`` is the edge between 0's
share and 1's; scaled by SALib and back, it may come out a hair below. It is taken into the
upper one, as exact arithmetic would.
"""


@dataclass(frozen=True, slots=True)
class Parameter:
    """One lever or uncertainty: a key path and the values it may take.

    Exactly one of ``levels`` and ``bounds`` is set; ``integer`` draws whole numbers from
    ``bounds`` (a number of seats, a delay in days): each as often in the designs that draw
    uniformly (:meth:`whole_at`), the nearest to each of Morris's levels (:meth:`at_level`).
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
        if self.integer:
            return self.whole_at(share)
        low, high = self.bounds or (0.0, 1.0)
        return float(low + share * (high - low))

    def drawn(self, value: float) -> int | float:
        """A number Sobol drew uniformly in the range as the scenario wants it: int or float.

        A whole number is the one :meth:`whole_at` gives at the value's share of the range, as
        random and lhs draw it; a plain int or float, never numpy's.
        """
        if not self.integer:
            return float(value)
        low, high = self.bounds or (0.0, 1.0)
        return self.whole_at((value - low) / (high - low))

    def at_level(self, value: float) -> int | float:
        """A Morris level in the range as the scenario wants it: a whole number the nearest.

        Morris does not draw uniformly: it steps between four levels of the range, at 0, 1/3,
        2/3 and 1 of it. The nearest whole numbers keep both ends at the bounds and the levels
        as symmetric as Morris placed them; equal shares would not (0, 1, 2, 2 in ``[0, 2]``).
        """
        return round(value) if self.integer else float(value)

    def whole_at(self, share: float) -> int:
        """The whole number at ``share`` (in [0, 1)) of the way through the range.

        Each of the range's n whole numbers takes an equal share, 1/n, of [0, 1), so each is
        drawn as often and each stratum of a Latin hypercube holds its part of one: rounding
        ``low + share * (high - low)`` instead would give the two ends half a share each (1
        and 5 half as often as 2, 3 and 4 in ``range: [1, 5]``). The bounds are whole numbers
        (validated); a share of 1 would be the top number.
        """
        low, high = (int(bound) for bound in self.bounds or (0, 1))
        return min(low + math.floor(share * (high - low + 1) + EDGE), high)


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
    """SALib's sample matrix of a sobol or morris design, before whole numbers are taken from it.

    The analysis draws it again to read the points in SALib's order, and gives it to SALib as
    drawn: Sobol's indices read only the outcomes, in the sample's order, and Morris's read the
    sample only for which parameter each step moved and which way, which the whole numbers the
    runs used (:func:`values_to_points`: never decreasing in the value, and never equal at the
    two ends of a step) keep.
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
    matrix = salib_sample("sobol", parameters, samples, seed)
    return values_to_points("sobol", parameters, matrix)


def _morris(parameters: list[Parameter], samples: int, seed: int) -> list[Point]:
    matrix = salib_sample("morris", parameters, samples, seed)
    return values_to_points("morris", parameters, matrix)


def values_to_points(
    design: DesignName, parameters: list[Parameter], values: np.ndarray
) -> list[Point]:
    """Points from a sobol or morris sample matrix (a row per point), as the scenario wants them.

    Whole numbers are taken as :meth:`Parameter.drawn` (sobol) or :meth:`Parameter.at_level`
    (morris) take them.
    """
    take = Parameter.at_level if design == "morris" else Parameter.drawn
    return [
        {
            parameter.path: take(parameter, float(value))
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

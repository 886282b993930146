"""Targets: the range a model value must fall in for a fact to hold."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

Format = Callable[[float], str]


@dataclass(frozen=True, slots=True)
class Target:
    """An interval of acceptable values, each end open or closed (infinite ends are open)."""

    low: float = -math.inf
    high: float = math.inf
    low_closed: bool = True
    high_closed: bool = True

    def met(self, value: float) -> bool:
        """Whether ``value`` lies in the target (NaN never does)."""
        if math.isnan(value):
            return False
        above = value >= self.low if self.low_closed else value > self.low
        below = value <= self.high if self.high_closed else value < self.high
        return above and below

    def holds_throughout(self, low: float, high: float) -> bool:
        """Whether every value of the interval [low, high] lies in the target."""
        return self.met(low) and self.met(high)

    def describe(self, fmt: Format) -> str:
        """The target in words and symbols, numbers written with ``fmt``."""
        if self.low == self.high:
            return f"= {fmt(self.low)}"
        if math.isinf(self.high):
            return f"{'≥' if self.low_closed else '>'} {fmt(self.low)}"
        if math.isinf(self.low):
            return f"{'≤' if self.high_closed else '<'} {fmt(self.high)}"
        left = "[" if self.low_closed else "("
        right = "]" if self.high_closed else ")"
        return f"in {left}{fmt(self.low)}, {fmt(self.high)}{right}"


def above(value: float) -> Target:
    """Strictly greater than ``value``."""
    return Target(low=value, low_closed=False)


def at_least(value: float) -> Target:
    """Greater than or equal to ``value``."""
    return Target(low=value)


def below(value: float) -> Target:
    """Strictly less than ``value``."""
    return Target(high=value, high_closed=False)


def between(low: float, high: float, *, open_ends: bool = False) -> Target:
    """From ``low`` to ``high``, both ends included unless ``open_ends``."""
    if low > high:
        raise ValueError(f"a target's low end ({low}) exceeds its high end ({high})")
    return Target(low, high, low_closed=not open_ends, high_closed=not open_ends)


def exactly(value: float) -> Target:
    """Equal to ``value``."""
    return Target(value, value)

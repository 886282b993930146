"""Array helpers for the day loop, where numpy's general functions cost more than the work.

A day makes a few thousand numpy calls on arrays of tens to thousands of items, so a call's
own overhead, not the arithmetic, is most of a run's time.
"""

from __future__ import annotations

import numpy as np


def sorted_unique(values: np.ndarray) -> np.ndarray:
    """The distinct integers in ascending order: ``np.unique(values)``, the same array.

    A sort and one comparison: ``np.unique`` spends several times as long on a few hundred
    items in its own dispatch.
    """
    ordered = np.sort(values, axis=None)
    if ordered.size < 2:
        return ordered
    fresh = np.empty(ordered.size, dtype=bool)
    fresh[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=fresh[1:])
    return ordered[fresh]


def mean_of(values: np.ndarray) -> float:
    """``float(np.mean(values))`` of a non-empty 1-d float array: its sum over its size.

    What ``np.mean`` computes (numpy's sum, then one division), without its dispatch.
    """
    return float(values.sum() / values.size)

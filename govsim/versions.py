"""The versions a run's numbers depend on, as results records name them.

Every draw is keyed to the replication seed (``govsim.randomness``), so the same scenario and
seed give the same numbers on any machine, but only with the same govsim, numpy and scipy:
numpy's bit generators and scipy's distributions may change between versions. Results records
(``run.json``, ``comparison.json``, ``attribution.json``, a sweep's ``sweep.json``) name them,
with Python's, and a sweep refuses to add runs made with other ones.
"""

from __future__ import annotations

import platform

import numpy as np
import scipy

import govsim

NUMBERS_DEPEND_ON = ("govsim", "numpy", "scipy")
"""The packages whose versions decide a run's numbers for a given seed."""


def versions() -> dict[str, str]:
    """This process's versions, keyed as records name them (``numpy_version``, ...)."""
    return {
        "govsim_version": govsim.__version__,
        "numpy_version": np.__version__,
        "scipy_version": scipy.__version__,
        "python_version": platform.python_version(),
    }


def differing(recorded: dict[str, object]) -> dict[str, tuple[object, str]]:
    """The packages of :data:`NUMBERS_DEPEND_ON` whose version in ``recorded`` is not this one.

    A record that does not name a package (written before it was recorded) is not taken to
    differ in it.
    """
    current = versions()
    return {
        package: (recorded[key], current[key])
        for package in NUMBERS_DEPEND_ON
        if (key := f"{package}_version") in recorded and recorded[key] != current[key]
    }


def listed(versions: dict[str, tuple[object, str]]) -> str:
    """``numpy 2.1.0 -> 2.2.0, scipy ...``: :func:`differing`'s pairs, as messages show them."""
    return ", ".join(f"{package} {then} -> {now}" for package, (then, now) in versions.items())

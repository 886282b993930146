"""The versions a run's numbers depend on: recorded with results, compared before mixing runs."""

from __future__ import annotations

import numpy as np

from govsim.versions import differing, versions


def test_the_record_names_the_versions_numbers_depend_on() -> None:
    recorded = versions()
    assert set(recorded) == {"govsim_version", "numpy_version", "scipy_version", "python_version"}
    assert recorded["numpy_version"] == np.__version__
    assert differing(recorded) == {}


def test_another_numpy_differs_and_another_python_does_not() -> None:
    recorded = {**versions(), "numpy_version": "1.0.0", "python_version": "3.0.0"}
    assert differing(recorded) == {"numpy": ("1.0.0", np.__version__)}


def test_a_record_from_before_versions_were_kept_differs_in_nothing_it_does_not_name() -> None:
    assert differing({"govsim_version": versions()["govsim_version"]}) == {}
    assert set(differing({"govsim_version": "0.0.1"})) == {"govsim"}

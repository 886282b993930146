"""Regression: summary statistics of pinned runs must not drift unnoticed.

A deliberate model change re-baselines on purpose:
    GOVSIM_REBASELINE=1 .venv/bin/python -m pytest -p no:xdist tests/test_regression.py
and the diff of tests/regression/expected.json goes into the commit that changed the model.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from govsim.runner import run
from tests.helpers import shipped

EXPECTED = Path(__file__).parent / "regression" / "expected.json"
CASES = ("baseline", "police_only", "multi_party_hub")
MEASURES = (
    "attempts",
    "contacts_reached",
    "blocked_telecom",
    "victims",
    "gross_loss",
    "frozen",
    "reports",
    "arrests",
    "legit_transfers_delayed",
)
# Every pinned case must exercise investigation and freezing, or its pins guard nothing there.
EXERCISED = ("reports", "arrests", "frozen")
# Same code, same numpy: identical; the tolerance only absorbs float summation order.
RELATIVE_TOLERANCE = 1e-6


def measured(name: str) -> dict[str, float]:
    scenario = shipped(name, residents=20_000, days=180, warmup=60)
    results = run(scenario, replications=4, seed=99)
    return {m: float(results.summary[m].mean()) for m in MEASURES}


@pytest.mark.parametrize("name", CASES)
def test_summary_statistics_match_the_baseline(name):
    values = measured(name)
    if os.environ.get("GOVSIM_REBASELINE"):
        stored = json.loads(EXPECTED.read_text()) if EXPECTED.exists() else {}
        stored[name] = values
        EXPECTED.write_text(json.dumps(stored, indent=2, sort_keys=True) + "\n")
    expected = json.loads(EXPECTED.read_text())[name]
    assert values == pytest.approx(expected, rel=RELATIVE_TOLERANCE)
    assert all(expected[m] > 0 for m in EXERCISED), expected

"""PRIM's peeling and pasting on small planted cases (govsim.experiments.analysis.peeling)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from govsim.experiments.analysis.peeling import MASS_MIN, peel


def planted(runs: int = 600, seed: int = 1) -> tuple[pd.DataFrame, np.ndarray]:
    """Two numbers and a constant; the condition holds where a > 0.6 and b < 0.5."""
    rng = np.random.default_rng(seed)
    x = pd.DataFrame({"a": rng.random(runs), "b": rng.random(runs), "c": np.full(runs, 3.0)})
    return x, ((x["a"] > 0.6) & (x["b"] < 0.5)).to_numpy()


def test_peeling_narrows_to_the_planted_box_and_stops_at_the_minimum_mass():
    x, holds = planted()
    found = peel(x, holds, np.ones(len(holds), dtype=bool))
    steps = found.steps
    assert steps.iloc[0].tolist() == pytest.approx([1.0, holds.mean(), 1.0, 0])
    assert (steps["mass"] >= MASS_MIN).all()
    best = int(steps["density"].idxmax())
    assert steps["density"].iloc[best] == 1.0
    assert set(found.limits[best]) <= {"a", "b"}, "a constant is never restricted"
    assert found.limits[best]["a"][0] >= 0.6 - 0.05
    assert found.limits[best]["b"][1] <= 0.5 + 0.05
    for step, members in enumerate(found.members):
        assert members.sum() / len(holds) == pytest.approx(steps["mass"].iloc[step])


def test_peeling_only_looks_at_the_runs_left():
    x, holds = planted()
    left = (x["a"] < 0.6).to_numpy()  # none of the cases
    found = peel(x, holds, left)
    assert found.steps["coverage"].max() == 0.0
    assert len(found.steps) == 1, "no cut can raise a density of zero"
    assert not (found.members[0] & ~left).any()


def test_pasting_takes_back_runs_while_that_raises_the_density():
    # A noisy condition (90% inside the box, 10% outside): peeling stops when no cut helps,
    # and some runs it cut off on the way are worth taking back.
    rng = np.random.default_rng(1)
    x = pd.DataFrame({"a": rng.random(400), "b": rng.random(400)})
    inside = ((x["a"] > 0.6) & (x["b"] < 0.5)).to_numpy()
    holds = np.where(inside, rng.random(400) < 0.9, rng.random(400) < 0.1)
    steps = peel(x, holds, np.ones(400, dtype=bool)).steps
    smallest = int(steps["mass"].idxmin())
    pasted = steps.iloc[smallest:]
    assert len(pasted) > 1, "pasting took nothing back"
    assert (pasted["mass"].diff().iloc[1:] > 0).all()
    assert (pasted["density"].diff().iloc[1:] > 0).all()
    assert (pasted["coverage"].diff().iloc[1:] > 0).all()


def test_levels_in_words_are_peeled_one_at_a_time():
    rng = np.random.default_rng(2)
    levels = np.array(["none", "bilateral", "hub"])[rng.integers(0, 3, 300)]
    x = pd.DataFrame({"structure": levels, "noise": rng.random(300)})
    holds = levels == "hub"
    found = peel(x, holds, np.ones(300, dtype=bool))
    best = int(found.steps["density"].idxmax())
    assert found.limits[best]["structure"] == ("hub",)


def test_true_or_false_is_peeled_as_levels_not_as_a_range():
    """A box over a switch keeps a level (``True``), not the numbers ``[0.5, 1]``."""
    rng = np.random.default_rng(3)
    enabled = rng.random(300) < 0.5
    x = pd.DataFrame({"agencies.banks.enabled": enabled, "noise": rng.random(300)})
    found = peel(x, enabled, np.ones(300, dtype=bool))
    best = int(found.steps["density"].idxmax())
    assert found.limits[best]["agencies.banks.enabled"] == ("True",)

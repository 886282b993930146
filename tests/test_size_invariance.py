"""City size: the city is a sample of the rings' market, so counts per resident do not depend on it.

The same scenario at two sizes 10x apart (the market unchanged), each after the default warm-up
as users run it: every count of the summary, per resident, agrees within the noise of the
replications. The rest of the market is extrapolated from expected values, not from the city's
few victims (govsim.extrapolation); this is the test that the rings' economy does not feel the
size of the sample. baseline holds from 20,000 residents; multi_party_hub, whose city sees far
fewer victims, from 50,000: below that its rings, which learn from their city contacts, adapt
less (at 20,000 residents 15% fewer telecom blocks per resident than at 200,000, seed 12;
benchmarks/bench_city_size.py, docs/ODD.md 7.17)."""

from __future__ import annotations

import numpy as np
import pytest

from govsim.metrics import ATTRIBUTED, DAILY_COUNTS
from govsim.runner import run
from tests.helpers import shipped

pytestmark = pytest.mark.slow  # cities of up to 500,000 residents, many replications

SIZES = {"baseline": (20_000, 200_000), "multi_party_hub": (50_000, 500_000)}
DAYS = 180
# Poisson-scale counts with fewer than this many events in the large city say little; they are
# still compared, at their own (wide) noise.
Z = 4.0
HEAVY_TAILED_FEW = ("reported_loss", "frozen_reported")
"""Left out: the money of the victims who report, about four a run in the hub's small city
(50,000 residents, 180 days). A sum of four heavy-tailed losses is usually far below its
mean, now and then far above, and its standard error over 16 runs understates that (measured:
0.83 yuan per resident at 50,000 against 1.69 at 500,000, seed 11). The same money is
compared within ``gross_loss`` and ``frozen``, and the counts of reports within ``reports``."""


def per_resident(name: str, residents: int, replications: int) -> dict[str, np.ndarray]:
    scenario = shipped(name, residents=residents, days=DAYS, warmup=None)
    summary = run(scenario, replications, seed=11).summary
    return {
        column: summary[column].to_numpy() / residents
        for column in (*DAILY_COUNTS, *ATTRIBUTED)
        if column in summary and column not in HEAVY_TAILED_FEW
    }


@pytest.mark.parametrize("name", sorted(SIZES))
def test_counts_per_resident_agree_at_two_city_sizes(name):
    small_size, large_size = SIZES[name]
    small = per_resident(name, small_size, replications=16)
    large = per_resident(name, large_size, replications=4)
    assert small.keys() == large.keys()
    assert {"victims", "attempts", "gross_loss", "arrests", "reports"} <= small.keys()
    disagree = {}
    for column in small:
        a, b = small[column], large[column]
        if a.mean() == 0 and b.mean() == 0:
            continue
        noise = np.sqrt(a.var(ddof=1) / a.size + b.var(ddof=1) / b.size)
        gap = abs(a.mean() - b.mean())
        if gap > Z * noise + 1e-12:
            disagree[column] = (a.mean(), b.mean(), gap / max(noise, 1e-300))
    assert not disagree, disagree

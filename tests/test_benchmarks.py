"""Every benchmark still runs: each script, at a tiny size, exits cleanly and prints its table.

The figures in the README and docs/ODD.md come from these scripts, and nothing else calls
them: a signature change elsewhere once broke one silently, found only when its figures were
next wanted. Here each runs as a user runs it (a fresh process from the project's root), at
sizes that take seconds; what they print is checked for the line that carries the figures,
not for the figures themselves (at these sizes they mean nothing).
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from types import ModuleType

import pytest

from tests.helpers import ROOT

TINY = ["--residents", "2000", "--days", "30"]
SMOKE_RUNS: dict[str, tuple[list[str], str]] = {
    # A short warm-up: the smoke run checks that the script runs to its table, and 128
    # attribution runs with the shipped two-year warm-up took over 10 minutes on a loaded CI.
    "bench_attribute.py": (
        [*TINY, "--replications", "2", "--workers", "1", "--warmup-days", "10"],
        "48 run",
    ),
    "bench_compare.py": (
        [*TINY, "--replications", "2", "--workers", "1", "--warmup-days", "10"],
        "wall",
    ),
    "bench_city_size.py": (
        [
            *["--sizes", "2000", "4000", "--replications", "2", "--days", "30"],
            *["--warmup-days", "10", "--workers", "1", "--learning-reference", "50000"],
        ],
        "targeted share",
    ),
    "bench_extrapolation.py": (
        ["--residents", "2000", "--days", "20", "--replications", "1", "--scenarios", "baseline"],
        "transfers x",
    ),
    "bench_hub.py": ([*TINY, "--replications", "3", "--workers", "1"], "victims"),
    "bench_market.py": (
        ["--scenarios", "baseline", *TINY, "--replications", "2", "--workers", "1"],
        "baseline",
    ),
    "bench_model.py": (["--sizes", "2000", "--days", "30", "--warmups", "0", "20"], "ms/day"),
    "bench_pairing.py": ([*TINY, "--replications", "3", "--workers", "1"], "explained by"),
    "bench_pairing_sources.py": ([*TINY, "--replications", "2"], "victims"),
    "bench_ring_profit.py": (
        ["--residents", "2000", "--days", "20", "--replications", "1", "--rings", "3"],
        "profit a ring-month",
    ),
    "bench_ring_cap.py": (
        ["--scenarios", "no_governance", *TINY, "--replications", "2", "--workers", "1"],
        "lifted - shipped",
    ),
    "bench_settling.py": (
        [
            "--scenario",
            "baseline",
            "--residents",
            "2000",
            "--days",
            "400",
            "--workers",
            "1",
            "--replications",
            "2",
            "--against",
            "no_governance",
        ],
        "cut of baseline against no_governance",
    ),
    "bench_shared_warmup.py": (
        [*TINY, "--replications", "2", "--workers", "1", "--scenarios", "baseline", "epidemic"],
        "every summary the same either way: yes",
    ),
    "bench_sweep.py": (
        ["--runs", "8", "--workers", "1", "--backends", "sequential", "--memory-runs", "100"],
        "ms a run",
    ),
    "bench_sweep_speedup.py": (
        ["--runs", "2", *TINY, "--backends", "local"],
        "a run of wall time",
    ),
    "bench_takings_credit.py": (
        [*TINY, "--warmup-days", "20", "--replications", "2", "--workers", "1"],
        "cut in victims",
    ),
    "bench_tipping.py": ([*TINY, "--replications", "2", "--every", "10"], "correlation"),
    "inert_parameters.py": (
        ["--residents", "1000", "--days", "5", "--warmup", "0", "--replications", "1"],
        "inert",
    ),
}
"""Each script's tiny arguments and a phrase its output must contain."""
NOT_HERE = {"bench_dashboard.py": "needs the dashboard server and Chromium: its browser tests"}
"""Scripts left out of this test, and why."""


def benchmark(name: str) -> ModuleType:
    """A benchmark script loaded as a module (its ``main`` is not run).

    A script imports what it shares with another by the other's name (bench_pairing from
    bench_city_size), as it can when run, from its own folder: that folder is made importable.
    """
    folder = str(ROOT / "benchmarks")
    if folder not in sys.path:
        sys.path.append(folder)
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_benchmark_is_covered() -> None:
    """A new benchmark joins the smoke runs (or says why it cannot)."""
    scripts = {path.name for path in (ROOT / "benchmarks").glob("*.py")}
    assert scripts == set(SMOKE_RUNS) | set(NOT_HERE)


@pytest.mark.slow
@pytest.mark.parametrize("script", sorted(SMOKE_RUNS))
def test_benchmark_runs_at_a_tiny_size(script: str) -> None:
    arguments, phrase = SMOKE_RUNS[script]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONWARNINGS": "ignore"}
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / script), *arguments],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert phrase in done.stdout, done.stdout[-3000:]


def test_the_city_size_diagnostics_reach_the_memories_they_name(monkeypatch) -> None:
    """bench_city_size's --ratio-reference and --learning-reference change what they say.

    The ODD's account of a small city's bias rests on them: were a refactor to read the
    reference once at import, or under another name, the options would silently do nothing.
    """
    from types import SimpleNamespace

    import numpy as np

    import govsim.agents.rings as rings
    import govsim.extrapolation as extrapolation

    for module in (rings, extrapolation):  # restored after the test
        monkeypatch.setattr(module, "MEMORY_REFERENCE_RESIDENTS", 100_000)
    bench = benchmark("bench_city_size")
    small = extrapolation.MarketExtrapolation(scale=250.0, residents=20_000)
    assert small.memory_days == 5 * extrapolation.RATIO_MEMORY_DAYS
    book = SimpleNamespace(**{name: np.ones(1) for pair in rings.WINDOWS for name in pair})
    rings.remember_windows(book, np.array([0]), 100_000)
    assert book.learned_blocked[0] == 1.0  # one window at the reference size: no memory
    bench.set_references(20_000, 1_000_000)
    assert small.memory_days == extrapolation.RATIO_MEMORY_DAYS
    rings.remember_windows(book, np.array([0]), 100_000)
    assert book.learned_blocked[0] == pytest.approx(0.9 * 1.0 + 1.0)  # ten windows: 9/10 kept


def test_the_city_size_oracle_holds_the_ratios_it_names_and_releases_them(monkeypatch) -> None:
    """bench_city_size --oracle-ratios: held ratios are what the rings' revenue reads.

    The ODD's account of where a small city's extra spread comes from rests on it: a patch
    that missed the method the extrapolation calls would print the shipped spread as the
    oracle's.
    """
    import pandas as pd

    import govsim.extrapolation as extrapolation

    shipped = extrapolation.MarketExtrapolation.ratio
    monkeypatch.setattr(extrapolation.MarketExtrapolation, "ratio", shipped)  # restored after
    bench = benchmark("bench_city_size")
    market = extrapolation.MarketExtrapolation(scale=100.0, residents=50_000)
    market.observe(paid_expected=1.0, engaged_takings=4.0)
    assert market.ratio("paid_per_expected") == pytest.approx(0.25)
    estimated = market.takings_elsewhere(1_000.0, 1.0)
    bench.set_references(None, None, {"paid_per_expected": 0.5})
    assert market.ratio("paid_per_expected") == 0.5
    assert market.ratio("amount_share") == 1.0  # not held: the city's own (no payment yet)
    assert market.takings_elsewhere(1_000.0, 1.0) == pytest.approx(2.0 * estimated)
    bench.set_references(None, None)
    assert market.ratio("paid_per_expected") == pytest.approx(0.25)
    frame = pd.DataFrame(
        {"victims": [90.0, 110.0], "rings_active": [0.0, 0.0]}
        | {name: [0.4, 0.6] for name in bench.RATIOS}
    )
    cells = bench.spread(frame)
    assert cells["victims: CV between replications"] == f"{200**0.5 / 100:.3f}"  # sd 14.1 on 100
    assert cells["rings active: CV between replications"] == "n/a"  # no mean to divide by
    assert cells["amount share (sd)"] == "0.5 (0.14)"


def test_the_pairing_oracle_holds_each_scenarios_ratios_while_it_runs(monkeypatch) -> None:
    """bench_pairing --oracle-ratios: a scenario's runs read its held ratios, and only they.

    A hold that outlived its run would hold B at A's values; one that missed the method the
    extrapolation calls would print the shipped pairing as the oracle's.
    """
    import govsim
    import govsim.extrapolation as extrapolation

    shipped = extrapolation.MarketExtrapolation.ratio
    monkeypatch.setattr(extrapolation.MarketExtrapolation, "ratio", shipped)  # restored after
    bench = benchmark("bench_pairing")
    market = extrapolation.MarketExtrapolation(scale=100.0, residents=50_000)
    market.observe(paid_expected=1.0, engaged_takings=4.0, reports=1.0, expected_engaged=5.0)
    seen = []

    def fake_run(scenario, replications, seed, workers):
        seen.append((market.ratio("paid_per_expected"), market.ratio("reports_per_engaged")))
        return scenario

    monkeypatch.setattr(govsim, "run", fake_run)
    assert bench.run_held("A", 2, 7, 1, {"paid_per_expected": 0.5}) == "A"
    assert bench.run_held("B", 2, 7, 1, {"reports_per_engaged": 0.125}) == "B"
    assert seen == [(0.5, pytest.approx(0.2)), (pytest.approx(0.25), 0.125)]
    assert market.ratio("paid_per_expected") == pytest.approx(0.25)  # released
    assert bench.held_label({"amount_share": 0.40412}) == "amount_share 0.4041"


def test_the_takings_diagnostic_scales_what_rings_earn_elsewhere_and_restores_it() -> None:
    """bench_takings_credit's "at par" runs must change the rings' takings, and only them.

    The README's account of the over-credit's weight rests on it: a patch that missed the
    method the model calls would print "at par" figures equal to the shipped ones.
    """
    from govsim.extrapolation import MarketExtrapolation

    bench = benchmark("bench_takings_credit")
    market = MarketExtrapolation(scale=50.0)
    shipped = market.takings_elsewhere(1_000.0, 1.0)
    assert shipped > 0
    try:
        bench.credit_takings_by(0.8)
        assert market.takings_elsewhere(1_000.0, 1.0) == pytest.approx(0.8 * shipped)
    finally:
        bench.credit_takings_by(1.0)
    assert MarketExtrapolation.takings_elsewhere is bench.SHIPPED_TAKINGS_ELSEWHERE
    assert market.takings_elsewhere(1_000.0, 1.0) == shipped


def test_the_pairing_diagnostics_split_the_variance_they_name() -> None:
    """bench_pairing's block ratios and the rings' share of Var(B - A) compute what they say.

    The README's account of how far a 30-replication pairing ratio can be trusted rests on
    them (a ratio is a share of variances: 1 for independent runs, 0 in lockstep).
    """
    import numpy as np
    import pandas as pd

    bench = benchmark("bench_pairing")
    generator = np.random.default_rng(5)
    a = generator.normal(100.0, 10.0, 90)
    assert bench.block_ratios(a, a + 3.0) == pytest.approx([0.0, 0.0, 0.0])  # lockstep
    independent = bench.block_ratios(a, generator.normal(100.0, 10.0, 90))
    assert len(independent) == 3
    assert all(0.4 < ratio < 1.8 for ratio in independent)
    assert bench.block_ratios(a[:29], a[:29]) == []  # fewer than one block
    assert np.isnan(bench.block_ratios(np.ones(30), np.ones(30))[0])  # nothing varies
    rings_a = generator.normal(80.0, 10.0, 60)
    rings_b = rings_a - generator.normal(30.0, 5.0, 60)
    frame_a = pd.DataFrame({"victims": 2.0 * rings_a, bench.RINGS: rings_a})
    driven = pd.DataFrame({"victims": 2.0 * rings_b, bench.RINGS: rings_b})
    assert bench.explained_by_rings(frame_a, driven) == pytest.approx(1.0)
    unrelated = driven.assign(victims=generator.normal(100.0, 10.0, 60))
    assert bench.explained_by_rings(frame_a, unrelated) < 0.2
    # Precision: the paired interval's width over A's mean, and the replications for 10%.
    b = a - 20.0 + generator.normal(0.0, 5.0, 90)  # sd(B - A) = 5 on a mean of 100
    assert bench.relative_width(90.0, 110.0, np.full(3, 200.0)) == pytest.approx(0.1)
    assert np.isnan(bench.relative_width(0.0, 1.0, np.zeros(3)))
    needed = bench.replications_for_width(a, b, 0.1)  # (2 * 1.96 * 5 / 10)^2 = 3.8, about
    assert 2 <= needed <= 7
    assert bench.replications_for_width(a, b, 0.05) == pytest.approx(4 * needed, abs=4)
    widths = bench.block_widths(a, b)
    assert len(widths) == 3
    assert all(0.02 < width < 0.06 for width in widths)  # 2 * 2.05 * 5 / sqrt(30) / 100
    assert np.isnan(bench.thinning_floor(np.zeros(30), np.zeros(30)))


def test_the_settling_benchmark_cuts_year_by_year_against_each_other_scenario() -> None:
    """bench_settling's yearly table: years of 365 days from day 1, cuts of the first scenario.

    The README's claim that comparisons depend on the measured year far less than levels do
    rests on this table.
    """
    import pandas as pd

    bench = benchmark("bench_settling")
    days = pd.Series(range(1, 731))
    series = pd.DataFrame({"day": days, "victims": (days > 365).astype(float) + 1.0})
    assert bench.yearly_victims(series).tolist() == [1.0, 2.0]
    table = bench.by_year(
        {"hub": pd.Series([1.0, 3.0], index=[1, 2]), "police": pd.Series([4.0, 4.0], index=[1, 2])}
    )
    assert list(table.columns) == ["year 1", "year 2"]
    assert table.loc["cut of hub against police (%)"].tolist() == pytest.approx([75.0, 25.0])

"""Benchmark: where two paired scenarios stop sharing their victims, and the floor that leaves.

Common random numbers pair two scenarios only where the same contact meets the same fate in
both. This benchmark runs A and B with the same replication seeds, records every measured-day
contact of each (by its slot key) and every victim, and sorts the victims of one scenario that
are not victims in the other by the first stage at which the other scenario parted from them:

- ``ring not working``: the other scenario made no attempt with that key because the ring was
  not working its market that day (entered later, exited or dissolved earlier, or never entered);
- ``fewer attempts``: the ring worked there that day but its cell (scam type, mode) held fewer
  attempts (its staff, handles and portfolio differ);
- ``blocked``: the other scenario's telecoms or platforms blocked it (different blacklists,
  hence different handles found, or a different blocking chance);
- ``not seen``: the resident did not see it there (cannot happen with equal exposure);
- ``would not engage``: the same draw fell above the other scenario's engagement chance
  (the resident grown warier there, through contacts resisted, warnings or campaigns);
- ``stopped``: early warning stopped the resident there;
- ``engaged, not paid``: the resident engaged but never paid (interrupted or held).

It also prints the *nesting floor* of the victims' pairing ratio
``Var(B - A) / (Var A + Var B)``: its value if B's victims were a random subset of A's, the
best any coupling can do when B has fewer victims. With ``p = mean B / mean A``, thinning gives
``Var(A - B) = (1 - p)^2 Var A + p (1 - p) mean A``. Prints tables; asserts nothing.

Usage: python benchmarks/bench_pairing_sources.py [--residents 50000] [--replications 8]
       [--a bilateral] [--b multi_party_hub] [--seed 2026]
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

import numpy as np

import govsim
from govsim.contact import ContactBatch
from govsim.runner import replication_seeds
from govsim.scenario.overrides import with_overrides

ROOT = Path(__file__).resolve().parents[1]
STAGES = (
    "ring not working",
    "fewer attempts",
    "blocked",
    "not seen",
    "would not engage",
    "stopped",
    "engaged, not paid",
)


LOGGED = ("ring_day", "attempt", "blocked", "reached", "would", "stopped", "victim")


class RecordingModel(govsim.GovernanceModel):
    """The model, keeping the slot keys of every contact by stage, and of the victims."""

    def __init__(self, *args, **kwargs) -> None:
        self.log: dict[str, list[np.ndarray]] = {}
        self.ring_of: dict[int, int] = {}
        super().__init__(*args, **kwargs)

    def _keep(self, stage: str, keys: np.ndarray) -> None:
        # Contacts of the warm-up too: a victim of a measured day may have been groomed there.
        if stage != "victim" or self.day >= 1:
            self.log.setdefault(stage, []).append(np.asarray(keys))

    def filter_contacts(self, batch: ContactBatch, rings: list) -> None:
        """Record the attempts and those blocked."""
        super().filter_contacts(batch, rings)
        self._keep("attempt", batch.key)
        ring_days = np.array([_ring_day(ring.key, self.day) for ring in rings], dtype=np.int64)
        self._keep("ring_day", ring_days)
        if rings:
            contact_ring_days = ring_days[batch.ring].tolist()
            self.ring_of.update(zip(batch.key.tolist(), contact_ring_days, strict=True))
        self._keep("blocked", batch.key[batch.blocked_telecom | batch.blocked_platform])
        self._keep("reached", batch.key[batch.reached])

    def warn_contacts(self, batch: ContactBatch, in_progress: np.ndarray) -> np.ndarray:
        """Record who would engage and who was stopped."""
        stopped = super().warn_contacts(batch, in_progress)
        self._keep("would", batch.key[in_progress])
        self._keep("stopped", batch.key[stopped])
        return stopped

    def record_payments(self, paid, amounts: np.ndarray, reported: np.ndarray) -> None:
        """Record first payments: the victims."""
        super().record_payments(paid, amounts, reported)
        self._keep("victim", paid.episode[paid.stage == 0])

    def keys(self) -> dict[str, np.ndarray]:
        """Each stage's keys, unique and sorted."""
        return {
            stage: np.unique(np.concatenate(self.log.get(stage, [np.empty(0, np.int64)])))
            for stage in LOGGED
        }


def _ring_day(ring_key: int, day: int) -> int:
    """One integer for (ring, day): rings' keys are (entry day << 16 | order), in int64."""
    return (int(ring_key) << 10) ^ day


def simulate(scenario: govsim.Scenario, seed: int) -> dict[str, np.ndarray]:
    """One replication's contact keys by stage, and the (ring, day) of its victims' contacts."""
    model = RecordingModel(scenario, rng=seed)
    for _ in range(model.total_days):
        model.step()
    keys = model.keys()
    victims = keys["victim"].tolist()
    keys["victim_ring_day"] = np.array([model.ring_of[key] for key in victims], dtype=np.int64)
    return keys


def parted(run: dict[str, np.ndarray], other: dict[str, np.ndarray]) -> Counter:
    """For each victim of ``run`` not a victim in ``other``, the stage where the other parted."""
    lost_mask = ~np.isin(run["victim"], other["victim"])
    lost = run["victim"][lost_mask]
    ring_working = np.isin(run["victim_ring_day"][lost_mask], other["ring_day"])
    attempted = np.isin(lost, other["attempt"])
    blocked = attempted & np.isin(lost, other["blocked"])
    unseen = attempted & ~blocked & ~np.isin(lost, other["reached"])
    reached = attempted & ~blocked & ~unseen
    resisted = reached & ~np.isin(lost, other["would"])
    stopped = reached & ~resisted & np.isin(lost, other["stopped"])
    engaged = reached & ~resisted & ~stopped
    masks = (~ring_working, ring_working & ~attempted, blocked, unseen, resisted, stopped, engaged)
    return Counter({stage: int(mask.sum()) for stage, mask in zip(STAGES, masks, strict=True)})


def nesting_floor(a: np.ndarray, b: np.ndarray) -> float:
    """The pairing ratio of victims if B's were a random subset of A's (see the docstring)."""
    low, high = (b, a) if a.mean() >= b.mean() else (a, b)
    p = low.mean() / high.mean()
    thinned = (1 - p) ** 2 * high.var(ddof=1) + p * (1 - p) * high.mean()
    return float(thinned / (a.var(ddof=1) + b.var(ddof=1)))


def main() -> None:
    """Run the pairs, print the victims' sources of divergence and the pairing figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--a", default="bilateral")
    parser.add_argument("--b", default="multi_party_hub")
    parser.add_argument("--residents", type=int, default=50_000)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--replications", type=int, default=8)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    scenarios = [
        with_overrides(
            govsim.load_scenario(ROOT / "scenarios" / f"{name}.yaml"),
            days=args.days,
            residents=args.residents,
        )
        for name in (args.a, args.b)
    ]
    started = time.perf_counter()
    only_a: Counter = Counter()
    only_b: Counter = Counter()
    victims_a, victims_b, shared = [], [], []
    for seed in replication_seeds(args.seed, args.replications):
        run_a, run_b = (simulate(scenario, seed) for scenario in scenarios)
        only_a += parted(run_a, run_b)
        only_b += parted(run_b, run_a)
        victims_a.append(run_a["victim"].size)
        victims_b.append(run_b["victim"].size)
        shared.append(np.intersect1d(run_a["victim"], run_b["victim"]).size)
    a, b = np.array(victims_a, float), np.array(victims_b, float)
    print(
        f"A = {args.a}, B = {args.b}: {args.replications} replications (master seed "
        f"{args.seed}), {args.residents:,} residents x {args.days} days, "
        f"{time.perf_counter() - started:.0f} s"
    )
    print(
        f"victims per replication: A {a.mean():.1f}, B {b.mean():.1f}, shared {np.mean(shared):.1f}"
    )
    print(f"{'where the other run parted':<28}{'A only':>8}{'B only':>8}")
    for stage in STAGES:
        print(f"{stage:<28}{only_a[stage]:>8}{only_b[stage]:>8}")
    print(f"{'total':<28}{sum(only_a.values()):>8}{sum(only_b.values()):>8}")
    ratio = (b - a).var(ddof=1) / (a.var(ddof=1) + b.var(ddof=1))
    print(f"victims' pairing ratio: {ratio:.3f}; nesting floor: {nesting_floor(a, b):.3f}")


if __name__ == "__main__":
    main()

"""Side by side: two scenarios on one city and one seed, stepped day by day together.

The pair's state logic, free of Solara like :mod:`.simulation`. Each scenario is a session's
own :class:`Simulation`; the pair only keeps them in step. What B changes against A is read as
``govsim compare`` reads it (:func:`govsim.comparison.frames.outcomes_of`,
:func:`govsim.comparison.paired.paired_difference`), here over the one pair of runs so far.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from govsim.comparison.frames import KEY_OUTCOMES, outcomes_of
from govsim.comparison.paired import PairedDifference, paired_difference
from govsim.dashboard.catalogue import ScenarioCatalogue
from govsim.dashboard.chosen import Choices
from govsim.dashboard.simulation import Progress, Simulation, Snapshot

DEFAULT_PAIR = ("police_only", "multi_party_hub")
"""What a trainer compares first: the police alone against a city with a one-stop centre."""


def first_pair(keys: list[str]) -> tuple[str, str]:
    """The pair a session opens: :data:`DEFAULT_PAIR` when offered, else the first two listed."""
    if all(key in keys for key in DEFAULT_PAIR):
        return DEFAULT_PAIR
    listed = [*keys[:2], *keys[:1], ""][:2] if keys else ["", ""]
    return listed[0], listed[1]


@dataclass(frozen=True, slots=True)
class PairChoices:
    """The two scenarios and the city they share: hashable, a change rebuilds both."""

    a: str
    b: str
    residents: int | None = None
    seed: int = 0


@dataclass(frozen=True, slots=True)
class PairSnapshot:
    """Both simulations at the end of the same day."""

    a: Snapshot
    b: Snapshot
    a_name: str = "A"
    b_name: str = "B"

    @property
    def day(self) -> int:
        """The day both have reached."""
        return min(self.a.day, self.b.day)

    @property
    def build(self) -> str:
        """Both builds' numbers: either rebuilt is a new run, whose charts drop the old zoom."""
        return f"{self.a.build}-{self.b.build}"

    @property
    def finished(self) -> bool:
        """Whether neither has a day left to simulate."""
        return self.a.finished and self.b.finished


class Pair:
    """Two simulations of the same city and seed, stepped in lockstep.

    B is built with A's number of residents, so that a scenario's own size (capped for the
    page) cannot make the two cities differ. Each keeps its own lock; stepping advances A then
    B one day at a time, so a snapshot taken between updates never shows them days apart.
    """

    def __init__(
        self, catalogue: ScenarioCatalogue, choices: PairChoices, report: Progress | None = None
    ) -> None:
        """Build A then B, telling ``report`` how far both are (A the first half, B the second)."""
        self.choices = choices
        heard = report or (lambda _share: None)
        a_choices = Choices(choices.a, choices.residents, choices.seed)
        self.a = Simulation.of(catalogue, a_choices, lambda share: heard(share / 2))
        residents = choices.residents
        if residents is None and self.a.ready:
            residents = self.a.residents
        b_choices = Choices(choices.b, residents, choices.seed)
        self.b = Simulation.of(catalogue, b_choices, lambda share: heard(0.5 + share / 2))

    @property
    def ready(self) -> bool:
        """Whether both models were built."""
        return self.a.ready and self.b.ready

    @property
    def residents(self) -> int:
        """The residents of the city both run."""
        return self.a.residents

    def error_text(self, language: str = "en") -> str:
        """The errors that stopped either build, each after its scenario's key."""
        failed = [(s.choices.scenario, s) for s in (self.a, self.b) if not s.ready]
        return "\n".join(f"{key}: {s.error_text(language)}" for key, s in failed)

    def step(self, days: int = 1) -> None:
        """Simulate up to ``days`` more days in both, one day at a time."""
        for _ in range(days):
            self.a.step(1)
            self.b.step(1)

    def snapshot(self) -> PairSnapshot:
        """Both simulations' snapshots."""
        return PairSnapshot(self.a.snapshot(), self.b.snapshot(), self.choices.a, self.choices.b)


@dataclass(frozen=True, slots=True)
class OutcomeChange:
    """One key outcome so far in A and B, and what B changes against A."""

    outcome: str
    paired: PairedDifference


def key_outcomes(snapshot: PairSnapshot) -> list[OutcomeChange]:
    """The outcomes ``govsim compare`` judges, A against B over the days so far.

    Empty before the first measured day. One pair of runs: the difference and the relative
    change, with no interval (``paired_difference`` leaves them NaN below two pairs).
    """
    if snapshot.day == 0 or not (snapshot.a.summary and snapshot.b.summary):
        return []
    a = outcomes_of(pd.DataFrame([snapshot.a.summary]))
    b = outcomes_of(pd.DataFrame([snapshot.b.summary]))
    return [
        OutcomeChange(name, paired_difference(a[name].to_numpy(), b[name].to_numpy()))
        for name in KEY_OUTCOMES
    ]

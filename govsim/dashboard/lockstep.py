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
from govsim.dashboard.chosen import Choices, ChosenScenario, choose
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


def chosen_pair(
    catalogue: ScenarioCatalogue, choices: PairChoices
) -> tuple[ChosenScenario, ChosenScenario]:
    """The two scenarios ``choices`` make, B of A's number of residents.

    A scenario's own size (capped for the page) cannot then make the two cities differ.
    """
    a = choose(catalogue, Choices(choices.a, choices.residents, choices.seed))
    residents = choices.residents
    if residents is None and a.valid:
        residents = a.residents
    return a, choose(catalogue, Choices(choices.b, residents, choices.seed))


def pair_error_text(sides: tuple[ChosenScenario, ...], language: str = "en") -> str:
    """The errors that stop either scenario, each after its scenario's key."""
    failed = [side for side in sides if not side.valid]
    return "\n".join(f"{side.choices.scenario}: {side.error_text(language)}" for side in failed)


class Pair:
    """Two simulations of the same city and seed, stepped in lockstep.

    Each keeps its own lock; stepping advances A then B one day at a time, so a snapshot taken
    between updates never shows them days apart.
    """

    def __init__(
        self, a: ChosenScenario, b: ChosenScenario, report: Progress | None = None
    ) -> None:
        """Build A then B, telling ``report`` how far both are (A the first half, B the second)."""
        heard = report or (lambda _share: None)
        self.a = Simulation(a, lambda share: heard(share / 2))
        self.b = Simulation(b, lambda share: heard(0.5 + share / 2))

    @classmethod
    def of(
        cls, catalogue: ScenarioCatalogue, choices: PairChoices, report: Progress | None = None
    ) -> Pair:
        """The pair ``choices`` make of the catalogue's scenarios, read and built now."""
        return cls(*chosen_pair(catalogue, choices), report)

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
        return pair_error_text((self.a, self.b), language)

    def step(self, days: int = 1) -> None:
        """Simulate up to ``days`` more days in both, one day at a time."""
        for _ in range(days):
            self.a.step(1)
            self.b.step(1)

    def snapshot(self) -> PairSnapshot:
        """Both simulations' snapshots."""
        a, b = self.a, self.b
        return PairSnapshot(a.snapshot(), b.snapshot(), a.choices.scenario, b.choices.scenario)


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

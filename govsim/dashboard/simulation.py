"""One browser session's simulation: the model built from the chosen scenario, and its state.

This is the dashboard's state logic, kept free of Solara so that it can be tested without a
browser. It holds no model logic: a choice becomes a scenario through
:func:`govsim.with_overrides` (validated like a file, in :mod:`.chosen`), the model is
:class:`GovernanceModel`, and what the views show is read from ``model.metrics`` (the columns
of docs/outputs.md).
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from govsim.dashboard.catalogue import ScenarioCatalogue
from govsim.dashboard.chosen import Choices, ChosenScenario, choose
from govsim.dashboard.labels import say
from govsim.dashboard.warmed_up import WARMED_UP, unheard
from govsim.events import inject_event
from govsim.model import GovernanceModel
from govsim.scenario.cooperation import KNOWN_LINKS
from govsim.scenario.fields import AGE_GROUPS, text_in

LAYERS: tuple[str, ...] = (
    "blocked_telecom",
    "blocked_platform",
    "dissuaded",
    "held_by_bank",
    "victims",
)
"""The interception counts shown side by side (not a funnel: see docs/outputs.md)."""
BUILDS = itertools.count(1)
"""Numbers each model build of the server, so that charts can tell a new run from a step."""
LIT_DAYS = 3
"""A link is lit when it carried something in the last this many days: long enough for the
eye to catch it while playing, short enough that a link gone quiet goes dark."""


@dataclass(frozen=True, slots=True)
class RingChain:
    """One ring's members by chain role (:data:`govsim.scenario.fraud.ROLES` order)."""

    ring: int
    cross_border: bool
    home: tuple[int, ...]
    abroad: tuple[int, ...]
    full_strength: tuple[int, ...]

    @property
    def members(self) -> int:
        """Members now, in the country and abroad."""
        return sum(self.home) + sum(self.abroad)


@dataclass(frozen=True, slots=True)
class Snapshot:
    """The simulation at the end of a day, copied so that views never read a model mid-step."""

    day: int
    days: int
    daily: pd.DataFrame
    market: pd.DataFrame
    districts: pd.DataFrame
    events: tuple[tuple[int, object], ...] = field(default=())
    cooperation: Mapping[str, float] = field(default_factory=dict)
    """The effective level of every modelled link (a hub's co-location included)."""
    structure: str = "bilateral"
    """The cooperation structure: ``none``, ``bilateral`` or ``hub`` (a one-stop centre)."""
    traffic: Mapping[str, Mapping[str, float]] = field(default_factory=dict)
    """What each link carried over the last :data:`LIT_DAYS` days: link to kind to count."""
    centre_staff_per_100k: float = 0.0
    """Staff seated in the one-stop centre per 100,000 residents (0 without one): a small
    city's share of them would be a fraction of a person."""
    call_capacity: float = 0.0
    """Dissuasion calls the centre's callers can make a day."""
    summary: Mapping[str, float] = field(default_factory=dict)
    """The run's totals so far, as a finished run's summary row (``Metrics.summary``)."""
    rings: tuple[RingChain, ...] = ()
    """The rings operating in the city's market, by their id."""
    build: int = 0
    """Which model build this is (:attr:`Simulation.build`): a chart keeps a trainer's zoom
    through the steps of one build and drops it with the next (a new scenario, a reset)."""

    @property
    def hub(self) -> bool:
        """Whether the city has a one-stop anti-fraud centre (``cooperation.structure: hub``)."""
        return self.structure == "hub"

    @property
    def finished(self) -> bool:
        """Whether the scenario's last measured day has been simulated."""
        return self.day >= self.days

    def total(self, column: str) -> float:
        """The city's count summed over the measured days so far (0 before day 1)."""
        return float(self.daily[column].sum()) if column in self.daily else 0.0

    def event_log(self, language: str = "en") -> list[str]:
        """One line per event that has happened, e.g. ``day 60: Data breach``."""
        return [
            say("event_line", language, day=day, event=event_name(config, language))
            for day, config in self.events
        ]


def event_name(config: object, language: str = "en") -> str:
    """A scenario event as the log names it: its own label, or its kind and whom it concerns."""
    label = getattr(config, "label", None)
    if label:
        return text_in(label, language)
    kind = say(config.type, language, table="events")
    group = getattr(config, "group", None)
    if not group:
        return kind
    return say("event_of_group", language, event=kind, group=say(group, language, table="groups"))


Progress = Callable[[float], None]
"""Told the share of the warm-up done (0 to 1) after each warm-up day. A build no longer
wanted is stopped by raising from it (:class:`.building.Superseded`)."""


class Simulation(ChosenScenario):
    """The model a chosen scenario builds, stepped by the page, read through snapshots.

    A scenario with an error builds no model (:attr:`ready` is False): the page shows the
    error. Stepping and snapshots take a lock, since the play loop steps in a thread while the
    page renders.
    """

    def __init__(self, chosen: ChosenScenario, report: Progress | None = None) -> None:
        """Build the city of ``chosen`` and run its warm-up, telling ``report`` how far it is."""
        super().__init__(chosen.choices, chosen.scenario, chosen.error, chosen.cautions)
        self.build = next(BUILDS)
        """This build's number, unique in the server: a reset builds anew with new ones."""
        self.model: GovernanceModel | None = None
        self._lock = threading.Lock()
        if self.scenario is not None:
            self.model = self._warmed_up(report or unheard)

    @classmethod
    def of(
        cls, catalogue: ScenarioCatalogue, choices: Choices, report: Progress | None = None
    ) -> Simulation:
        """The simulation ``choices`` make of the catalogue's scenario, read and built now."""
        return cls(choose(catalogue, choices), report)

    def _warmed_up(self, report: Progress) -> GovernanceModel:
        """A new model of the scenario at the end of its warm-up (run once, then copied)."""
        return WARMED_UP.model(self.scenario, self.scenario.seed, report)

    @property
    def ready(self) -> bool:
        """Whether a model was built and can be stepped."""
        return self.model is not None

    def step(self, days: int = 1) -> None:
        """Simulate up to ``days`` more days, never beyond the scenario's last day."""
        if self.model is None or self.scenario is None:
            return
        with self._lock:
            for _ in range(days):
                if self.model.day >= self.scenario.days:
                    break
                self.model.step()

    def inject(self, kind: str) -> None:
        """Add a live event (one of :data:`govsim.events.LIVE_EVENTS`) from the next day."""
        if self.model is None or self.scenario is None:
            return
        with self._lock:
            if self.model.day < self.scenario.days:
                inject_event(self.model, {"type": kind})

    def snapshot(self) -> Snapshot:
        """The state the views show, copied under the lock (empty if nothing was built)."""
        if self.model is None or self.scenario is None:
            return Snapshot(0, 0, pd.DataFrame(), pd.DataFrame(), pd.DataFrame(), build=self.build)
        with self._lock:
            metrics = self.model.metrics
            return Snapshot(
                day=self.model.day,
                days=self.scenario.days,
                daily=pd.DataFrame(metrics.days),
                market=pd.DataFrame(metrics.market_days),
                districts=self._districts(),
                events=self._events_so_far(),
                cooperation={name: self.scenario.cooperation.level(name) for name in KNOWN_LINKS},
                structure=self.scenario.cooperation.structure,
                traffic=recent_traffic(metrics.link_days),
                centre_staff_per_100k=self._centre_staff_per_100k(),
                call_capacity=self._call_capacity(),
                summary=metrics.summary(),
                rings=self._rings(),
                build=self.build,
            )

    def _rings(self) -> tuple[RingChain, ...]:
        """Each operating ring's chain, copied."""
        return tuple(
            RingChain(
                ring=int(ring.unique_id),
                cross_border=bool(ring.cross_border),
                home=tuple(int(n) for n in ring.home),
                abroad=tuple(int(n) for n in ring.abroad),
                full_strength=tuple(int(n) for n in ring.full_strength),
            )
            for ring in self.model.active_rings()
        )

    def _centre_staff_per_100k(self) -> float:
        """Staff seated in the one-stop centre per 100,000 residents, as costs count them."""
        if self.scenario.cooperation.structure != "hub":
            return 0.0
        return self.scenario.costs.centre_staff_per_100k

    def _call_capacity(self) -> float:
        """Dissuasion calls a day the centre's callers can make (0 with the police off)."""
        police = self.scenario.agencies.police
        return police.dissuasion_calls_per_100k * self.residents / 1e5 if police.enabled else 0.0

    def _districts(self) -> pd.DataFrame:
        """Victims and net loss so far by the victim's district."""
        totals = self.model.metrics.by_place.totals("region")
        names = self.scenario.population.region_names
        return pd.DataFrame(
            {
                "district": names,
                "victims": np.asarray(totals["victims"]),
                "net_loss": np.asarray(totals["net_loss"]),
            }
        )

    def _events_so_far(self) -> tuple[tuple[int, object], ...]:
        """The scenario's events whose day has come, with that day."""
        day = self.model.day
        fired = [(e.config.day, e.config) for e in self.model.events if e.config.day <= day]
        return tuple(sorted(fired, key=lambda pair: pair[0]))


def recent_traffic(
    link_days: list[Mapping[tuple[str, str], float]], days: int | None = None
) -> dict[str, dict[str, float]]:
    """What each link carried over the last ``days`` measured days (``Metrics.link_days``)."""
    found: dict[str, dict[str, float]] = {}
    for day in link_days[-(days or LIT_DAYS) :]:
        for (link, kind), count in day.items():
            kinds = found.setdefault(link, {})
            kinds[kind] = kinds.get(kind, 0.0) + count
    return found


GROUP_COLUMNS: dict[str, str] = {group: f"awareness_{group}" for group in AGE_GROUPS}
"""The daily column of each age group's mean awareness."""

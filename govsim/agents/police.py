"""Police: one unit per region, their case book, the anti-fraud centre and investigations.

Reports open cases. A case is linked (串并案) to the same ring's other cases across divisions
of its region (division coordination) or across regions (the police-police link); a linked
case counts fully as evidence, an isolated one only in part. Bank, telecom and platform data
raise the odds of identifying a ring, through their links. Cases go cold with age. An
identified ring is hit in an arrest operation: most reachable operators and movers, and more
of the core and the leader the deeper the evidence. Members abroad are reachable only through
international cooperation. The centre turns risk leads delivered through links into
dissuasion calls, as many a day as its callers can make; the rest wait in a queue, newest
first, until they are called or go stale. In a one-stop centre, joint operations (合成作战)
link more cases and take down an identified ring's numbers, accounts and mule accounts with
its members.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, Self

import mesa
import numpy as np

from govsim.agents.rings import CORE, LEADER, MONEY_MOVERS, OPERATORS, FraudRing, slots_of
from govsim.columns import Columns
from govsim.scenario.agencies import Police

if TYPE_CHECKING:
    from govsim.model import GovernanceModel


EVIDENCE_UNIT = 100.0


class PoliceUnit(mesa.Agent):
    """The police of one region: investigators and their open cases."""

    def __init__(self, model: GovernanceModel, region: int, residents: int) -> None:
        super().__init__(model)
        config: Police = model.config.agencies.police
        self.region = region
        self.capacity = config.investigators_per_100k * residents / 1e5
        self.capacity *= config.cases_per_investigator
        self.open_cases = 0


@dataclass
class CaseBook(Columns):
    """Every case opened: which ring, which region, when, linked or not, still open."""

    DTYPES: ClassVar[dict[str, type]] = {
        "ring": np.int64,
        "region": np.int16,
        "opened": np.int32,
        "linked": np.bool_,
        "open": np.bool_,
    }
    ring: np.ndarray
    region: np.ndarray
    opened: np.ndarray
    linked: np.ndarray
    open: np.ndarray

    def add(self, rings: np.ndarray, regions: np.ndarray, day: int, linked: np.ndarray) -> Self:
        """The book with new cases opened."""
        opened = CaseBook.of(
            ring=rings,
            region=regions,
            opened=np.full(rings.size, day),
            linked=linked,
            open=np.ones(rings.size, bool),
        )
        return self.extend(opened)


@dataclass
class LeadQueue(Columns):
    """Risk leads waiting for a dissuasion call: the scam episode, the resident, the day."""

    DTYPES: ClassVar[dict[str, type]] = {
        "episode": np.uint64,
        "resident": np.int64,
        "day": np.int32,
    }
    episode: np.ndarray
    resident: np.ndarray
    day: np.ndarray


@dataclass
class ArrestOperation:
    """The outcome of one operation against one ring."""

    taken_home: np.ndarray
    taken_abroad: np.ndarray
    dissolved: bool

    @property
    def total(self) -> int:
        """Members arrested."""
        return int(self.taken_home.sum() + self.taken_abroad.sum())


class PoliceForce:
    """The regional units, their shared case book and the anti-fraud centre."""

    def __init__(self, model: GovernanceModel) -> None:
        self.model = model
        self.config: Police = model.config.agencies.police
        self.enabled = self.config.enabled
        residents = model.residents
        counts = np.bincount(residents.region, minlength=len(model.config.population.region_names))
        self.units = [PoliceUnit(model, r, int(n)) for r, n in enumerate(counts)]
        self.cases = CaseBook.empty()
        links = model.links
        self.region_link = links.level("police-police")
        self.international = links.level("police-international")
        self.data_multiplier = self._data_multiplier()
        self.hub = links.hub if self.enabled else None
        self.across_regions = self._across_regions()
        self.link_chance = self._link_chance()
        size = model.config.population.size
        self.centre_capacity = (
            self.config.dissuasion_calls_per_100k * size / 1e5 if self.enabled else 0
        )
        self.queue = LeadQueue.empty()
        self.called_from_queue = LeadQueue.empty()

    def call_efficacy(self, coaching: np.ndarray, reach: float = 1.0) -> np.ndarray:
        """Chance a police call stops a victim whose ring coaches with ``coaching`` (7.5).

        ``reach`` is the link level the call depends on (the centre's call on a held transfer,
        its part in grooming interruption); 1 for the centre's own calls.
        """
        return reach * self.config.dissuasion_efficacy * (1.0 - coaching)

    def _across_regions(self) -> tuple[float, float]:
        """The band of a case's linking draw in which the police-police link linked it.

        A case is linked within the region through division coordination (which counts for
        nothing when every party, down to each division, acts alone: structure ``none``), and
        elsewhere through the police-police link: a draw below the first bound is linked within
        the region, a draw from the first bound to the second across regions. Only counted (for
        the network view): the chance itself is the second bound.
        """
        same_region = 1.0 / len(self.units)
        divisions = self.config.division_coordination
        if self.model.links.structure == "none":
            divisions = 0.0
        within = same_region * divisions
        return within, within + (1.0 - same_region) * self.region_link

    def _link_chance(self) -> float:
        """Chance a case is linked to the ring's other cases (串并案).

        Within its region or across regions (:meth:`_across_regions`); a centre's joint
        operations close part of the remaining gap.
        """
        chance = self.across_regions[1]
        if self.hub is not None:
            chance = 1.0 - (1.0 - chance) * (1.0 - self.hub.joint_operations)
        return chance

    def _data_multiplier(self) -> float:
        """How much bank, telecom and platform data raise identification odds."""
        model, links = self.model, self.model.links
        sources = (
            (model.banks, "police-bank"),
            (model.telecoms, "police-telecom"),
            (model.platforms, "police-platform"),
        )
        boost = sum(a.effort * (0.25 + 0.75 * links.level(link)) for a, link in sources)
        return 1.0 + self.config.data_weight * boost

    # --- anti-fraud centre ------------------------------------------------------------------
    def dissuade(
        self,
        leads: np.ndarray,
        keys: np.ndarray,
        residents: np.ndarray,
        urgent: np.ndarray,
        order_draw: np.ndarray | None = None,
    ) -> np.ndarray:
        """Call today's leads within capacity; queue the rest; work the queue with what is left.

        Today's leads come first: those triaged ``urgent`` (a scam seen in progress), then the
        others, each group in an order keyed to each contact. Spare capacity works the queue
        newest first; leads older than ``lead_expiry_days`` are dropped. Returns which of
        today's leads were called; those called from the queue are in
        :attr:`called_from_queue`. ``order_draw``: the contacts' uniforms for the order, if
        drawn already.
        """
        model = self.model
        keyed, day = model.keyed, model.day
        # Round the capacity at random, so a small city gets its fraction of a call on average.
        capacity = keyed.round_one(self.centre_capacity, "call_capacity", day)
        lead_ids = leads.nonzero()[0]
        if order_draw is None:
            order = keyed.uniform("call_order", keys[lead_ids])
        else:
            order = order_draw[lead_ids]
        order = order - urgent[lead_ids]
        lead_ids = lead_ids[order.argsort(kind="stable")]
        now, later = lead_ids[:capacity], lead_ids[capacity:]
        called = np.zeros(leads.size, bool)
        called[now] = True
        if not len(self.queue) and not later.size:
            # Nothing waits and nothing is left over (most days): the queue stays empty.
            self.called_from_queue = self.queue
            return called
        fresh = self.queue.day > day - self.config.lead_expiry_days
        model.metrics.add("leads_expired", int((~fresh).sum()))
        queue = self.queue.select(fresh)
        spare = capacity - now.size
        newest_first = np.arange(len(queue))[::-1]
        take = np.zeros(len(queue), bool)
        take[newest_first[: max(spare, 0)]] = True
        self.called_from_queue = queue.select(take)
        waiting = LeadQueue.of(
            episode=keys[later], resident=residents[later], day=np.full(later.size, day)
        )
        self.queue = queue.select(~take).extend(waiting)
        return called

    @property
    def leads_waiting(self) -> int:
        """Risk leads in the queue at the end of the day."""
        return len(self.queue)

    # --- cases ------------------------------------------------------------------------------
    def open_cases(
        self, rings: np.ndarray, regions: np.ndarray, episodes: np.ndarray, day: int
    ) -> int:
        """Open a case per report and try to link it (串并案); return how many were linked.

        A ring works the whole market, so another of its cases almost surely exists: in the
        same region (one in ``regions`` of them) through division coordination, elsewhere
        through the police-police link. The chance does not depend on how many of the ring's
        cases this city happens to hold, so results do not depend on the city's size.
        """
        if not self.enabled or rings.size == 0:
            return 0
        draws = self.model.keyed.uniform("case_link", episodes)
        linked = draws < self.link_chance
        low, high = self.across_regions
        across = np.count_nonzero((draws >= low) & (draws < high))
        self.model.metrics.add_link("police-police", "case", int(across))
        self.cases = self.cases.add(rings, regions, day, linked)
        self._count_open_cases()
        return int(linked.sum())

    def _count_open_cases(self) -> None:
        counts = np.bincount(self.cases.region[self.cases.open], minlength=len(self.units))
        for unit, count in zip(self.units, counts, strict=True):
            unit.open_cases = int(count)

    def close_cold_cases(self, day: int) -> None:
        """Cases older than ``case_cold_days`` go cold."""
        cold = self.cases.open & (day - self.cases.opened > self.config.case_cold_days)
        if not cold.any():
            return  # most days: the book and the units' counts stay as they are
        self.cases.open &= ~cold
        self.cases = self.cases.select(self.cases.open)
        self._count_open_cases()

    def gather_evidence(self, rings: list[FraudRing], reports_per_engaged: float, day: int) -> None:
        """Add today's expected new cases against each ring, market-wide, to its evidence.

        A ring is investigated across its whole market, where its cases are the reports of
        its victims. The city's own cases are a sample of them: scaled to the market, one case
        in a small city would be a flood of evidence against one ring and none against the
        others, so that how hard rings are hit would depend on the city's size. The evidence
        is instead the expected count: the ring's expected victims from its city contacts
        (7.17), times the market's size over the city's, times reports per expected
        engagement; linked cases count fully and isolated ones for ``unlinked_case_weight``,
        by the chance a case is linked. It stays for ``case_cold_days`` days.
        """
        if not self.enabled:
            return
        config = self.config
        weight = self.link_chance + (1.0 - self.link_chance) * config.unlinked_case_weight
        per_engaged = self.model.scale * reports_per_engaged * weight
        book, slots = self.model.ring_book, slots_of(rings)
        book.case_evidence[slots, day % config.case_cold_days] = (
            book.city_expected_victims[slots] * per_engaged
        )

    def evidence(self, ring: FraudRing) -> float:
        """Expected weighted open cases against a ring, market-wide (see gather_evidence)."""
        return float(ring.case_evidence.sum())

    def workload_factor(self) -> float:
        """Share of full attention each open case gets: ``C / (C + open cases)``.

        Investigators share their time among the cases on their desks, so every open case
        slows the others a little, long before the desks are full: with capacity ``C`` and
        ``n`` open cases, a case gets ``C / (C + n)`` of the attention it would get alone
        (1 with no backlog, 1/2 when the backlog equals capacity, toward 0 when swamped).
        A hard cap, ``min(1, C / n)``, would make more investigators worth nothing until the
        desks overflow, which no calibrated scenario reaches (13-74 open cases per 100k
        residents against a capacity of 200).
        """
        open_cases = sum(unit.open_cases for unit in self.units)
        capacity = sum(unit.capacity for unit in self.units)
        if capacity <= 0:
            return 0.0
        return capacity / (capacity + open_cases)

    # --- investigation ----------------------------------------------------------------------
    def investigate(self, rings: list[FraudRing]) -> list[tuple[FraudRing, ArrestOperation]]:
        """Work the evidence; identify rings and hit them. Returns the operations run."""
        if not self.enabled:
            return []
        config = self.config
        # Linear in evidence, hence in the city's expected cases scaled to the market.
        rate = config.identification_rate * config.capability * self.workload_factor()
        rate *= self.data_multiplier / EVIDENCE_UNIT
        # Every ring's evidence at once: the same sums as :meth:`evidence`, row by row.
        evidence = self.model.ring_book.case_evidence[slots_of(rings)].sum(axis=1)
        draws = self.model.ring_draws("identification", rings)
        hit = (evidence > 0) & (draws < 1.0 - np.exp(-rate * evidence))
        return [(rings[i], self.arrest(rings[i], float(evidence[i]))) for i in hit.nonzero()[0]]

    def arrest(self, ring: FraudRing, evidence: float) -> ArrestOperation:
        """Arrest the reachable members of an identified ring."""
        depth = evidence / (evidence + self.config.evidence_half_depth)
        share = np.full(ring.home.size, self.config.arrest_share)
        share[[LEADER, CORE]] = self.config.arrest_core_share * depth
        taken_home = self._members_taken(ring, ring.home, share, "arrest", 0)
        taken_abroad = self._members_taken(
            ring, ring.abroad, share * self.international, "arrest", 1
        )
        self.model.metrics.add_link("police-international", "arrest", int(taken_abroad.sum()))
        dissolved = ring.lose_members(taken_home, taken_abroad)
        if self.hub is not None and self.hub.joint_operations > 0 and not dissolved:
            self._take_down_inputs(ring, self.hub.joint_operations)
        # The cases stay open until they go cold: evidence keeps leading to follow-up
        # operations. Closing them here would make the number of operations depend on how
        # lumpy the city's sample of cases is, hence on the city's size.
        return ArrestOperation(taken_home, taken_abroad, dissolved)

    def _take_down_inputs(self, ring: FraudRing, share: float) -> None:
        """Joint operations: telecoms, platforms and banks take down the ring's inputs too.

        Each number and account the ring holds is blocked with chance ``share`` (keyed to the
        handle), and ``share`` of its mule accounts are frozen out of use.
        """
        model = self.model
        stock = np.concatenate([ring.numbers, ring.accounts])
        if stock.size:
            draws = model.keyed.uniform("joint_takedown", model.handles.key[stock], model.day)
            taken = stock[draws < share]
            model.handles.block_from(taken, model.day)
            model.metrics.add_market("handles_taken_down", int(taken.size))
        ring.mules *= 1.0 - share

    def crack_down_on_cards(self, ring: FraudRing, intensity: float) -> np.ndarray:
        """A card-crackdown sweep on a ring's domestic money movers; returns arrests by role."""
        chance = np.zeros(ring.home.size)
        chance[MONEY_MOVERS] = self.config.crackdown_arrest_share * intensity * self.config.effort
        taken = self._members_taken(ring, ring.home, chance, "crackdown_arrest", 0)
        ring.lose_members(taken, np.zeros_like(taken))
        return taken

    def _members_taken(
        self, ring: FraudRing, members: np.ndarray, chance: np.ndarray, purpose: str, side: int
    ) -> np.ndarray:
        """Members taken by role: each member, keyed by ring, day, role and seat, with ``chance``.

        A binomial count built member by member, so that a ring with one member fewer in
        another scenario keeps the same luck for the others.
        """
        role = np.repeat(np.arange(members.size), members)
        seat = np.arange(role.size) - np.repeat(np.cumsum(members) - members, members)
        draws = self.model.keyed.uniform(purpose, ring.key, self.model.day, side, role, seat)
        return np.bincount(role[draws < chance[role]], minlength=members.size).astype(np.int64)


ROLE_COLUMNS = {
    LEADER: "arrests_leader",
    CORE: "arrests_core",
    OPERATORS: "arrests_operators",
    MONEY_MOVERS: "arrests_money_movers",
}

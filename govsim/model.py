"""GovernanceModel: the city, its fraud rings and the parties that fight them.

``step()`` is one day and reads like the process overview of docs/ODD.md section 3.
Residents are columns; rings, police units, banks, telecoms, platforms, the judiciary and
education are Mesa agents; timed events go through Mesa's event list. Randomness comes only
from keyed draws (:mod:`govsim.randomness`).
"""

from __future__ import annotations

import math
from collections import Counter
from itertools import compress

import mesa
import numpy as np

from govsim.agents.bank import BanksAndPayments
from govsim.agents.education import PublicEducation
from govsim.agents.handles import (
    ACCOUNT,
    NUMBER,
    HandleRegistry,
    HandleStacks,
    pick_joined,
)
from govsim.agents.judiciary import Courts
from govsim.agents.market import BlackMarket
from govsim.agents.platform import InternetPlatforms
from govsim.agents.police import ROLE_COLUMNS, ArrestOperation, PoliceForce
from govsim.agents.residents import Residents
from govsim.agents.rings import (
    PROFIT_MEMORY_DAYS,
    RING_COLUMNS,
    FraudRing,
    RingBook,
    book_revenue,
    established,
    handle_demands,
    member_table,
    pay_running_costs,
    receive_mules,
    remember_windows,
    reset_windows,
    review_rings,
    should_exit,
    slots_of,
    wear_mules,
)
from govsim.agents.telecom import TelecomOperators
from govsim.arrays import mean_of
from govsim.contact import ContactBatch
from govsim.contacting import make_contacts
from govsim.costs import daily_costs
from govsim.early_warning import interrupt_grooming, warn_contacts
from govsim.events import EVENT_CLASSES, ScheduledEvent
from govsim.extrapolation import MarketExtrapolation
from govsim.laundering import Chunks, FundsInFlight
from govsim.metrics import Metrics
from govsim.randomness import KeyedRandom, poisson_quantile
from govsim.scams import ScamTable
from govsim.scenario.fields import AGE_GROUPS
from govsim.scenario.fraud import ROLES
from govsim.scenario.schema import Scenario
from govsim.transfers import PendingTransfers, Reports, execute_transfers
from govsim.warmup import warmup_key

DOMESTIC_EXIT_SHARE = 0.1
MARKET_BURN_IN_DAYS = 90
"""Days at the start of the warm-up in which rings neither enter nor exit.

The initial rings start with full stocks, no victim yet groomed, no money in flight and the
market's pooled ratios unmeasured (7.17), so their first weeks' profit says nothing about the
market: judged on it, most quit together and the market crashes before it has run (seen in up
to half the replications of multi_party_hub, down to 3 rings of 60, then years to recover).
For 90 days the rings work, learn and pay with their number held; entry and exit then start
from profits measured on a running market. 90 days cover the longest grooming and escalation
paths and three profit memories (30 days each)."""
MAX_ENGAGEMENT = 0.95
RING_DAY_PURPOSES = ("market_blacklist", "identification", "ring_exit")
"""The draws about each ring keyed (ring, day) alone (see ring_draws)."""


class GovernanceModel(mesa.Model):
    """One simulated city under one governance scenario."""

    def __init__(self, scenario: Scenario, rng: int = 0) -> None:
        super().__init__(rng=rng)
        self.config = scenario
        self.keyed = KeyedRandom(rng)
        self.warmup_days = scenario.warmup_days
        self.day = -self.warmup_days  # day 1 is the first measured day
        # Rings neither enter nor exit in the first days of the warm-up (see adapt_rings).
        self.market_opens_day = self.day + min(MARKET_BURN_IN_DAYS, self.warmup_days)
        self.links = scenario.cooperation
        self.scale = scenario.fraud.market_population / scenario.population.size
        self.scams = ScamTable(scenario.scam_types)
        self.running_events: set[str] = set()
        self.metrics = Metrics(
            len(self.scams), city_share=1.0 / self.scale, places=self._place_counts(scenario)
        )
        self.residents = Residents(scenario.population, self.keyed, start_day=self.day)
        self.handles = HandleRegistry()
        self.ledger = FundsInFlight()
        self.extrapolation = MarketExtrapolation(self.scale, scenario.population.size)
        self.pending = PendingTransfers.empty()
        self.reports = Reports.empty()
        self._create_parties()
        everyone = np.arange(scenario.population.size)
        self.residents.bank_of = self.banks.assign_customers(
            self.keyed.uniform("bank_customer", everyone)
        )
        self.residents.telecom_of = self.telecoms.assign_customers(
            self.keyed.uniform("telecom_customer", everyone)
        )
        self.residents.bank_names = self.banks.names
        self.residents.telecom_names = self.telecoms.names
        self.market = self._create_market()
        self.rings: list[FraudRing] = []  # every ring that ever entered
        self.ring_book = RingBook(
            len(self.scams), len(ROLES), scenario.agencies.police.case_cold_days
        )
        self.ring_by_id: dict[int, FraudRing] = {}
        self._working: list[FraudRing] = []
        self._roster_seen = -1
        self._ring_luck: tuple[tuple, np.ndarray] | None = None
        self._stacks: tuple[list[FraudRing], int, HandleStacks, HandleStacks, np.ndarray] | None
        self._stacks = None
        self.market_profit = scenario.fraud.entry_profit_reference
        self.scripts_coaching = scenario.fraud.coaching_initial
        fraud = scenario.fraud
        for order in range(round(fraud.rings_per_million * fraud.market_population / 1e6)):
            self.add_ring(order)
        self._stock_initial_rings()
        self.events = self._schedule_events()
        self.education.start_routine_campaigns()

    # --- construction -----------------------------------------------------------------------
    @staticmethod
    def _place_counts(scenario: Scenario) -> dict[str, int]:
        """How many regions, banks, operators and platforms the city's counts are kept by."""
        agencies = scenario.agencies
        return {
            "region": len(scenario.population.region_names),
            "bank": len(agencies.banks.institutions),
            "telecom": len(agencies.telecoms.institutions),
            "platform": len(agencies.platforms.institutions),
        }

    def _create_parties(self) -> None:
        agencies, links = self.config.agencies, self.links
        self.banks = BanksAndPayments(self, agencies.banks)
        self.telecoms = TelecomOperators(self, agencies.telecoms)
        self.platforms = InternetPlatforms(self, agencies.platforms)
        self.police = PoliceForce(self)
        self.courts = Courts(self, agencies.judiciary, links.level("police-judiciary"))
        self.education = PublicEducation(self, agencies.education, links.level("government-public"))

    def _create_market(self) -> BlackMarket:
        agencies = self.config.agencies
        regulation = self.education.supply_control()
        controls = {
            "sims": self.telecoms.effort * agencies.telecoms.real_name_enforcement,
            "accounts": self.platforms.effort * agencies.platforms.account_control,
            "mules": self.banks.effort * agencies.banks.account_opening_control,
        }
        controls = {good: 1 - (1 - cut) * (1 - regulation) for good, cut in controls.items()}
        market_config = self.config.black_market
        everyone = np.arange(self.residents.size)
        leaked = self.keyed.uniform("records_leaked", everyone) < market_config.records_leaked_share
        hijacked = (
            self.keyed.uniform("accounts_hijacked", everyone)
            < market_config.compromised_accounts_share
        )
        self.residents.compromised |= hijacked
        return BlackMarket(market_config, controls, leaked, self.residents.group)

    def _stock_initial_rings(self) -> None:
        """Rings active on day 0 have built their stocks before (paid out of earlier takings)."""
        for ring in self.rings:
            sims, accounts, mules = ring.handle_demand()
            ring.take_delivery(sims, accounts, mules, cost=0.0)

    def _schedule_events(self) -> list[ScheduledEvent]:
        events = [EVENT_CLASSES[e.type](self, e, n) for n, e in enumerate(self.config.events)]
        for event in events:
            event.schedule()
        return events

    def continue_as(self, scenario: Scenario) -> None:
        """Carry on from the end of the warm-up as ``scenario``: its events, its measured days.

        A warm-up shared by scenarios that differ only where a warm-up does not read
        (:mod:`govsim.warmup`) is run once, from the scenario without its events, and each copy
        of the model continues as one of them: its events go on the list now, before day 1.

        Raises:
            ValueError: if the warm-up is not just over, the model already has events, or
                ``scenario`` differs from the model's own where the warm-up reads it.
        """
        if self.day != 0 or self.events:
            raise ValueError(
                "continue_as needs a model at the end of its warm-up (day 0) with no events, "
                f"built from warmup_part(scenario); this one is at day {self.day} with "
                f"{len(self.events)} event(s)"
            )
        if warmup_key(scenario) != warmup_key(self.config):
            raise ValueError(
                f"scenario {scenario.name!r} differs from {self.config.name!r} where the "
                "warm-up reads it: it cannot continue this warm-up"
            )
        self.config = scenario
        self.events = self._schedule_events()

    def add_ring(self, order: int) -> FraudRing:
        """A new ring enters, fully staffed, with the default portfolio.

        ``order`` is its place among today's entrants: with the day, it makes the ring's key.
        It buys its numbers, accounts and mule accounts with the others, at the next planning.
        """
        ring = FraudRing(self, (self.day << 16) | order, self.scams.weight.copy())
        # Scripts circulate in the chain: a newcomer buys the ones in use (see adapt_rings).
        ring.coaching = self.scripts_coaching
        self.rings.append(ring)
        self.ring_by_id[ring.unique_id] = ring
        slots = slots_of(self._working)
        self._working = [*self._working, ring]  # a new list: the old one may be in use
        self.ring_book.remember_rows(self._working, np.append(slots, ring.slot))
        return ring

    # --- the day, as in docs/ODD.md section 3 ----------------------------------------------
    def step(self) -> None:
        """Simulate one day."""
        self.day += 1
        self.metrics.measuring = self.day >= 1
        rings = self.active_rings()
        self.plan_rings(rings)
        batch = make_contacts(self, rings)
        self.filter_contacts(batch, rings)
        self.engage(batch, rings)
        self.transfer_funds()
        self.launder()
        self.investigate()
        self.adapt_rings()
        self.collect()

    def active_rings(self) -> list[FraudRing]:
        """Rings still operating: one list while no ring leaves or enters (do not change it).

        The same list all day lets the ring book remember its rows (:func:`slots_of`). The
        rings are looked over only after one was set working or not (a dozen times a day).
        """
        changes = self.ring_book.roster_changed
        if changes != self._roster_seen:
            self._roster_seen = changes
            slots = slots_of(self._working)
            working = self.ring_book.working[slots]
            if not working.all():
                self._working = list(compress(self._working, working.tolist()))
                self.ring_book.remember_rows(self._working, slots[working])
        return self._working

    # 2. rings plan: staff, detect-and-replace handles, buy on the black market
    def plan_rings(self, rings: list[FraudRing]) -> None:
        """Recruits join; handles found blocked or worn out are dropped; stocks are restocked."""
        self.market.leak_routinely(self.keyed, self.day)
        for ring in rings:
            if ring.recruiting:  # most rings recruit no one: no call for them
                ring.admit_recruits()
        wear_mules(self.ring_book, slots_of(rings), self.config.fraud)
        if rings:
            self.restock_rings(rings, *self._usable_stocks(rings))

    def _usable_stocks(self, rings: list[FraudRing]) -> tuple[HandleStacks, HandleStacks]:
        """The rings' numbers and accounts not found by detection, blocked or worn out.

        Their counts are written to the ring book at once (restocking reads them).
        """
        book, slots = self.ring_book, slots_of(rings)
        evasion = book.evasion[slots]
        numbers, accounts = self.handle_stacks(rings)
        count = numbers.handles.size
        handles = np.concatenate([numbers.handles, accounts.handles])
        keys = self.handles.key[handles]
        # The day's draws about the handles in one pass: wear for all, detection for the
        # numbers and the accounts only where an operator or a platform looks for them.
        requests = [("handle_wear", keys)]
        looking = (self.telecoms.effort > 0, self.platforms.effort > 0)
        if looking[0]:
            requests.append(("number_detection", keys[:count]))
        if looking[1]:
            requests.append(("account_detection", keys[count:]))
        wear, *detection = self.keyed.uniforms_of(requests, self.day)
        day = self.day
        if looking[0]:
            self.telecoms.detect_numbers(
                numbers.handles, evasion[numbers.owner], day, draw=detection.pop(0)
            )
        if looking[1]:
            self.platforms.detect_accounts(
                accounts.handles, evasion[accounts.owner], day, draw=detection.pop(0)
            )
        usable = self._still_usable(handles, wear)
        numbers, accounts = numbers.kept(usable[:count]), accounts.kept(usable[count:])
        book.numbers_held[slots] = numbers.sizes
        book.accounts_held[slots] = accounts.sizes
        return numbers, accounts

    def _still_usable(self, handles: np.ndarray, wear: np.ndarray | None = None) -> np.ndarray:
        """Handles not found blocked (rings notice a block the next day) and not worn out.

        Numbers and accounts also wear out with no governance at all: recipients mark numbers
        in caller-ID apps and report accounts, and rings discard them. ``wear``, if given, is
        each handle's uniform for "handle_wear" today.
        """
        blocked = self.handles.is_blocked(handles, self.day - 1)
        if wear is None:
            wear = self.keyed.uniform("handle_wear", self.handles.key[handles], self.day)
        worn = wear < 1.0 / self.config.fraud.handle_life_days
        return ~blocked & ~worn

    def restock_rings(
        self,
        rings: list[FraudRing],
        numbers: HandleStacks | None = None,
        accounts: HandleStacks | None = None,
    ) -> None:
        """Buy SIM cards, accounts and mule accounts for the rings, rationed by supply.

        ``numbers`` and ``accounts`` are the rings' stocks before buying, if already stacked.
        """
        if not rings:
            return
        if numbers is None or accounts is None:
            numbers, accounts = self.handle_stacks(rings)
        demand = handle_demands(rings)
        slots = slots_of(rings)
        ring_keys, ring_ids = self.ring_book.key[slots], self.ring_book.unique_id[slots]
        goods = ("sims", "accounts", "mules")
        # One draw per ring and good, keyed (ring, day, good): all three goods in one call.
        luck = self.keyed.uniform(
            "market_rationing", ring_keys[:, None], self.day, np.arange(len(goods))
        )
        sales = [self.market.clear(good, demand[:, g], luck[:, g]) for g, good in enumerate(goods)]
        (sims, sims_cost), (bought, accounts_cost), (mules, mules_cost) = sales
        kinds, amounts = (NUMBER, ACCOUNT), np.array([sims, bought])
        new_numbers, new_accounts = self.handles.issue_kinds(ring_ids, ring_keys, kinds, amounts)
        numbers = numbers.topped_up(new_numbers, sims)
        accounts = accounts.topped_up(new_accounts, bought)
        receive_mules(self.ring_book, slots, mules, sims_cost + accounts_cost + mules_cost)
        self._hold_stocks(rings, numbers, accounts)

    def _hold_stocks(
        self, rings: list[FraudRing], numbers: HandleStacks, accounts: HandleStacks
    ) -> None:
        """Give each ring its stacks, and remember them for the day's draws about handles."""
        book, slots = self.ring_book, slots_of(rings)
        book.hold_stocks(rings, numbers, accounts, slots)
        book.numbers_held[slots] = numbers.sizes
        book.accounts_held[slots] = accounts.sizes
        self._stacks = (rings, book.stocks_changed, numbers, accounts, slots)

    def handle_stacks(self, rings: list[FraudRing]) -> tuple[HandleStacks, HandleStacks]:
        """The rings' numbers and accounts, stacked: those restocked today while unchanged.

        Contacts and the market's blacklisting draw about the stocks the rings planned
        with, and the next day's planning starts from them; stacking them once saves a
        concatenation of some 60 stocks each time. When rings have left or entered since
        (most days, with some 300 rings), the stacks are gathered from those held.
        """
        held = self._stacks
        if held is not None and held[1] == self.ring_book.stocks_changed:
            if held[0] is rings:
                return held[2], held[3]
            gathered = self._gathered_stacks(rings, *held[2:])
            if gathered is not None:
                self._stacks = (rings, held[1], *gathered, slots_of(rings))
                return gathered
        return HandleStacks([ring.numbers for ring in rings]), HandleStacks(
            [ring.accounts for ring in rings]
        )

    def _gathered_stacks(
        self,
        rings: list[FraudRing],
        numbers: HandleStacks,
        accounts: HandleStacks,
        held_slots: np.ndarray,
    ) -> tuple[HandleStacks, HandleStacks] | None:
        """The stacks of ``rings`` taken from stacks held for other rings, if all are there.

        A ring missing from the held stacks is one that entered since, with no stock yet
        (None if it has any: then the rings are stacked one by one).
        """
        book, slots = self.ring_book, slots_of(rings)
        position = np.full(book.count, -1, dtype=np.int64)
        position[held_slots] = np.arange(held_slots.size)
        rows = position[slots]
        missing = slots[rows < 0]
        if book.numbers_held[missing].any() or book.accounts_held[missing].any():
            return None
        return numbers.taken(rows), accounts.taken(rows)

    # 4. filtering by channel
    def filter_contacts(self, batch: ContactBatch, rings: list[FraudRing]) -> None:
        """Telecoms block calls and SMS, platforms remove IM and web content; some are seen."""
        book, slots = self.ring_book, slots_of(rings)
        evasion = book.evasion[slots][batch.ring]
        batch.evasion = evasion
        if rings:
            batch.coaching = book.coaching[slots][batch.ring]
        self.telecoms.block_contacts(batch, evasion, self.day)
        self.platforms.remove_content(batch, evasion, self.day)
        seen = batch.uniform(self.keyed, "seen")
        exposure = self.residents.exposure(np.maximum(batch.target, 0), batch.phone)
        batch.reached = batch.alive & (seen < exposure)
        batch.alive &= batch.reached
        metrics = self.metrics
        metrics.add("attempts", len(batch))
        metrics.add("blocked_telecom", np.count_nonzero(batch.blocked_telecom))
        metrics.add("blocked_platform", np.count_nonzero(batch.blocked_platform))
        metrics.add("contacts_reached", np.count_nonzero(batch.reached))
        metrics.add_by_scam("attempts", batch.scam, batch.mode)
        for name in ("blocked_telecom", "blocked_platform"):
            hit = getattr(batch, name).nonzero()[0]  # found once, read thrice
            self.count_by_place(name, batch.target[hit], batch.scam[hit], batch.platform[hit])
        rows = batch.reached.nonzero()[0]
        metrics.add_by_scam("contacts_reached", batch.scam[rows], batch.mode[rows])
        count = len(rings)
        contacts = np.bincount(batch.ring, minlength=count)
        blocked = np.bincount(
            batch.ring, weights=batch.blocked_telecom | batch.blocked_platform, minlength=count
        )
        reached = np.bincount(batch.ring, weights=batch.reached, minlength=count)
        # Whole counts: the bincounts of booleans are whole numbers already.
        book.window_contacts[slots] += contacts
        book.window_blocked[slots] += blocked
        book.window_reached[slots] += reached
        book.window_attempts[slots] += self._per_ring_cell(batch, count)

    def _per_ring_cell(
        self, batch: ContactBatch, rings: int, weights: np.ndarray | None = None
    ) -> np.ndarray:
        """Sum ``weights`` (1 each by default) per ring, scam type and mode (rings x types x 2)."""
        types, cell = len(self.scams), batch.cell
        if cell is None:  # worked out once a day: filtering and crediting both ask
            cell = (batch.ring.astype(np.int64) * types + batch.scam) * 2 + batch.mode
            batch.cell = cell
        sums = np.bincount(cell, weights=weights, minlength=rings * types * 2)
        return sums.astype(float, copy=False).reshape(rings, types, 2)

    # 5-6. engagement, interrupted by early warning
    def engagement_probability(
        self,
        batch: ContactBatch,
        rings: list[FraudRing] | None = None,
        rows: np.ndarray | None = None,
    ) -> np.ndarray:
        """P(engage) from the type's conversion, ring skill, profile, awareness and targeting.

        For every contact, or for the contacts in ``rows`` only (in that order).
        """
        residents, scams = self.residents, self.scams
        target, scam, mode, ring = batch.target, batch.scam, batch.mode, batch.ring
        if rows is not None:
            target, scam, mode, ring = target[rows], scam[rows], mode[rows], ring[rows]
        targets = np.maximum(target, 0)
        awareness = residents.awareness(targets, self.day)
        weight = self.config.population.awareness_weight
        p = scams.conversion[scam] * scams.profile[scam, residents.group[targets]]
        p = p * residents.frailty[targets] * (1.0 - awareness) ** weight
        lift = scams.record_lift[scam] * residents.record_detail[targets]
        p = p * np.where(mode == 1, lift, 1.0)
        if rings:
            p = p * self.ring_book.skill[slots_of(rings)][ring]
        return np.minimum(p, MAX_ENGAGEMENT)

    def engage(self, batch: ContactBatch, rings: list[FraudRing]) -> None:
        """Reached residents start to engage or resist; warnings stop some; the rest pay."""
        draw = batch.uniform(self.keyed, "engage")
        # Only contacts still alive can engage: the others' chances would go unread.
        alive = batch.alive.nonzero()[0]
        probability = np.zeros(len(batch))
        probability[alive] = self.engagement_probability(batch, rings, alive)
        would = batch.alive & (draw < probability)
        stopped = self.warn_contacts(batch, would)
        called = np.bincount(batch.ring, weights=batch.called, minlength=len(rings))
        self.ring_book.window_called[slots_of(rings)] += called
        engaged = would & ~stopped
        paying = np.where(batch.alive & ~stopped, probability, 0.0)
        self._credit_rings(batch, rings, paying)
        # The basis of the market's per-engagement ratios: the city's sum of what V_r sums.
        self.metrics.add("expected_engaged", float(paying.sum()))
        self.metrics.add("dissuaded", np.count_nonzero(stopped))
        takings = self.scams.expected_takings[batch.scam]
        # The basis of paid_per_expected is that of E_r (the contacts' chances of paying times
        # their takings, 7.17): a warning at contact stops a contact's draw, not its chance, so
        # the paid share must carry what such stops take off the takings.
        self.metrics.add("engaged_takings", float((paying * takings).sum()))
        # The realised engaged contacts' takings, from which the chance-based estimate of the
        # paid takings subtracts the expected stops after engagement (count_stop_chances).
        self.metrics.add("engaged_takings_realised", float(takings[engaged].sum()))
        resisted = batch.alive & ~would
        self._report_resisted(batch, resisted)
        self.residents.boost_awareness(
            batch.target[resisted], self.day, self.config.population.resisted_boost
        )
        compromised = engaged & self.scams.compromises[batch.scam]
        self.residents.compromised[batch.target[compromised]] = True
        self._queue_transfers(batch, engaged, rings)

    def _credit_rings(
        self, batch: ContactBatch, rings: list[FraudRing], paying: np.ndarray
    ) -> None:
        """Credit each ring with the expected victims and takings of its city contacts.

        Rings learn what pays, and earn, across their whole market. The city holds too few of
        their victims to stand for it, so both rest on the expected yield of the city's
        contacts (chance of paying times mean takings), which does not depend on the city's
        size (see :mod:`govsim.extrapolation`).
        """
        if not rings:
            return
        takings = paying * self.scams.expected_takings[batch.scam]
        count = len(rings)
        attempts = np.bincount(batch.ring, minlength=count)
        victims = np.bincount(batch.ring, weights=paying, minlength=count)
        expected = np.bincount(batch.ring, weights=takings, minlength=count)
        keep = 1.0 - 1.0 / PROFIT_MEMORY_DAYS
        book, slots = self.ring_book, slots_of(rings)
        book.window_revenue[slots] += self._per_ring_cell(batch, count, takings)
        book.city_attempts[slots] = attempts
        book.city_expected_victims[slots] = victims
        book.city_expected_takings[slots] = expected
        book.victims_per_day[slots] = (
            book.victims_per_day[slots] * keep + victims / PROFIT_MEMORY_DAYS
        )

    def warn_contacts(self, batch: ContactBatch, in_progress: np.ndarray) -> np.ndarray:
        """Early warning (:mod:`govsim.early_warning`): who of those about to pay is stopped."""
        return warn_contacts(self, batch, in_progress)

    def _queue_transfers(
        self, batch: ContactBatch, engaged: np.ndarray, rings: list[FraudRing]
    ) -> None:
        """Engaged victims pay today or after their scam's grooming period."""
        engaged = engaged.nonzero()[0]  # found once, read by every column
        if not engaged.size:
            return  # most days in a small city: nothing to queue
        ring_ids = self.ring_book.unique_id[slots_of(rings)]
        grooming = self.scams.grooming_days[batch.scam[engaged]]
        new = PendingTransfers.of(
            episode=batch.key[engaged],
            resident=batch.target[engaged],
            ring=ring_ids[batch.ring[engaged]] if rings else np.empty(0),
            scam=batch.scam[engaged],
            mode=batch.mode[engaged],
            handle=batch.handle[engaged],
            platform=batch.platform[engaged],
            due=self.day + grooming,
            stage=np.zeros(grooming.size),
            signalled=batch.signalled_bank[engaged],
            report_hour=np.full(grooming.size, np.nan),
            first_hour=np.full(grooming.size, np.nan),
        )
        self.pending = self.pending.extend(new)

    def _report_resisted(self, batch: ContactBatch, resisted: np.ndarray) -> None:
        """Residents who saw through a scam may report it on the public line."""
        reporting = self.education.public_reports(
            resisted, batch.key, batch.uniform(self.keyed, "public_report")
        )
        handles = batch.handle[reporting]
        self.metrics.add("public_reports", int(handles.size))
        self.metrics.add_link("government-public", "lead", int(handles.size))
        self.push_blacklist(handles, batch.phone[reporting])

    # 7. transfer
    def transfer_funds(self) -> None:
        """Grooming victims may be warned off; due transfers meet bank risk control."""
        interrupt_grooming(self)
        due = self.pending.due <= self.day
        if not due.any():
            return  # most days in a small city: every step below would add nothing
        outcome = execute_transfers(self, self.pending.select(due), self.day)
        self.pending = self.pending.select(~due).extend(outcome.follow_ups)
        self.ledger.add(outcome.chunks)
        self.reports = self.reports.extend(outcome.reports)

    def count_stop_chances(self, chance: np.ndarray, left: np.ndarray) -> None:
        """Record a decision that can stop engaged victims, by its chances.

        The rest of the market's takings rest on the share of engaged victims' expected
        takings that gets paid (``paid_per_expected``, 7.17). Measured on the city's realised
        payments alone, it rests on a handful of victims in a small city: one large escalating
        scam paid in full, or held by chance, swings every ring's market revenue, and with it
        entry and exit, and the market can tip (docs/ODD.md 9). Each decision that can stop an
        engaged victim therefore also adds what it was *expected* to stop,
        ``sum(chance * left)`` (``left``: the takings a stop forgoes), and the market's paid
        takings are the mean of two estimates with the same expectation: the realised ones,
        and the engaged takings less the expected stops. Their errors run opposite (a victim
        who survives many decisions is paid in full but has many expected stops counted), so
        the mean is steadier than either (measured: multi_party_hub at 20,000 residents, 16
        replications, CV of victims 0.59 with the chance-based estimate alone, 0.31 with the
        mean); both agree with the realised share (tests/mechanisms/test_market_chances.py).
        """
        if chance.size:
            self.metrics.add("expected_stops", float((chance * left).sum()))

    def count_takings_lost(self, left: np.ndarray) -> None:
        """Record engaged takings lost outside the chance-counted decisions (see above)."""
        if left.size:
            self.metrics.add("takings_lost", float(left.sum()))

    def mule_capacity_admits(self, due: PendingTransfers) -> np.ndarray:
        """Whether each ring's mule accounts can take today's transfers.

        Capacity is market-wide, so it is compared with the ring's expected market-wide
        transfers (see :mod:`govsim.extrapolation`), not with the city's few.
        """
        draw = self.keyed.uniform("mule_capacity", due.episode, due.stage)
        ids, index = np.unique(due.ring, return_inverse=True)
        shares = self._mule_shares_of(ids)
        if not len(due):
            return np.ones(0, bool)
        self.count_stop_chances(1.0 - shares[index], self.scams.takings_left(due.scam, due.stage))
        return draw < shares[index]

    def mule_shares(self, slots: np.ndarray) -> np.ndarray:
        """:meth:`mule_share` of the working rings in these rows of the ring book."""
        book = self.ring_book
        wanted = self.extrapolation.transfers_wanted(book.victims_per_day[slots])
        capacity = book.mules[slots] * self.config.fraud.transfers_per_mule_day
        short = capacity < wanted
        return np.divide(capacity, wanted, out=np.ones(capacity.shape), where=short)

    def _mule_shares_of(self, ring_ids: np.ndarray) -> np.ndarray:
        """:meth:`mule_share` of each ring named in ``ring_ids``, read from the ring book.

        The same arithmetic, element by element (a ring no longer working takes none).
        """
        book = self.ring_book
        slots = book.slots_of_ids(ring_ids)
        wanted = self.extrapolation.transfers_wanted(book.victims_per_day[slots])
        capacity = book.mules[slots] * self.config.fraud.transfers_per_mule_day
        capacity = np.where(book.working[slots], capacity, 0.0)
        shares = np.ones(ring_ids.size)
        short = ~(capacity >= wanted)
        shares[short] = capacity[short] / wanted[short]
        return shares

    def mule_share(self, ring: FraudRing) -> float:
        """Share of the ring's due transfers its mule accounts can take (market-wide)."""
        wanted = self.extrapolation.transfers_wanted(ring.victims_per_day)
        capacity = ring.transfer_capacity()
        return 1.0 if capacity >= wanted else capacity / wanted

    def ring_values(self, ring_ids: np.ndarray, attribute: str) -> np.ndarray:
        """One attribute of each ring named in ``ring_ids`` (ring unique ids), per element."""
        if ring_ids.size == 0:
            return np.zeros(0)
        if attribute in RING_COLUMNS:  # read from the ring book, without a look at each ring
            return getattr(self.ring_book, attribute)[self.ring_book.slots_of_ids(ring_ids)]
        ids, index = np.unique(ring_ids, return_inverse=True)
        values = np.array([getattr(self.ring_by_id[int(i)], attribute) for i in ids])
        return values[index]

    def stop_payment_latency_hours(self, payers: np.ndarray | None = None) -> np.ndarray | float:
        """Hours from a report to a freeze: the police's stop-payment or the bank's own.

        The police's stop-payment leaves the station after ``station_routing_hours`` and lands
        as fast as the police-bank link allows; a hub's one intake, where bank staff sit,
        issues it in ``intake_hours``. Banks execute a police stop-payment even when they do
        nothing on their own (it is a legal order); an acting bank also freezes on its
        customer's own call, whichever is first. Per payer (their own bank) when ``payers``
        is given, else for the sector.
        """
        acting = self.banks.effort > 0 if payers is None else self.banks.customer_effort(payers) > 0
        own = np.where(acting, self.banks.config.self_freeze_hours, math.inf)
        latency = np.minimum(own, self.police_stop_payment_hours())
        return float(latency) if payers is None else latency

    def police_stop_payment_hours(self) -> float:
        """Hours from a report to the police's stop-payment (infinite without police)."""
        latencies = self.links.latencies
        hub = self.links.hub
        if self.police.enabled and hub is not None and hub.one_intake:
            return hub.intake_hours
        if self.police.enabled:
            level = self.links.level("police-bank")
            slow = math.log(latencies.stop_payment_slowest_hours)
            fast = math.log(latencies.stop_payment_fastest_hours)
            return latencies.station_routing_hours + math.exp(slow + (fast - slow) * level)
        return math.inf

    def exit_abroad_share(self, ring_ids: np.ndarray) -> np.ndarray:
        """Share of each ring's funds that leave the country."""
        if not ring_ids.size:
            return np.zeros(0)
        book = self.ring_book
        cross_border = book.cross_border[book.slots_of_ids(ring_ids)]
        return np.where(
            cross_border, self.config.fraud.cross_border_exit_share, DOMESTIC_EXIT_SHARE
        )

    def record_payments(
        self, paid: PendingTransfers, amounts: np.ndarray, reported: np.ndarray
    ) -> None:
        """Victims lose the money; first payments count as victimisations.

        ``reported`` marks the payments of victims who report to the police: their loss is
        what police statistics count (``reported_loss``).
        """
        residents, day = self.residents, self.day
        np.subtract.at(residents.savings, paid.resident, amounts)
        first = paid.stage == 0
        victims = paid.resident[first]
        np.add.at(residents.victimisations, victims, 1)
        self.metrics.add("victims", int(first.sum()))
        by_group = np.bincount(residents.group[victims], minlength=3)
        for group, count in zip(AGE_GROUPS, by_group, strict=True):
            self.metrics.add(f"victims_{group}", int(count))
        self.metrics.add("transfers", len(paid))
        self.metrics.add("gross_loss", float(amounts.sum()))
        self.metrics.add("reported_loss", float(amounts[reported].sum()))
        self.metrics.add("paid_expected", float(self.scams.mean_amount[paid.scam].sum()))
        self.metrics.add_by_scam("victims", paid.scam[first], paid.mode[first])
        self.metrics.add_by_scam("gross_loss", paid.scam, paid.mode, amounts)
        self.count_by_place("victims", victims, paid.scam[first], paid.platform[first])
        self.count_by_place("gross_loss", paid.resident, paid.scam, paid.platform, amounts)
        education = self.config.agencies.education
        residents.boost_awareness(victims, day, education.victim_boost)
        friends = residents.ties_of(victims)
        hear = self.keyed.uniform("contagion", friends, day) < education.contagion_share
        residents.boost_awareness(friends[hear], day, education.contagion_boost)

    # 8. laundering race
    def launder(self) -> None:
        """Decide the races that end today: frozen funds return, the rest is proceeds."""
        decided = self.ledger.resolve_until((self.day + 1) * 24.0)
        if len(decided):  # on most days in a small city no race ends: nothing to count
            self._settle(decided)
        self._extrapolate_to_market()

    def _settle(self, decided: Chunks) -> None:
        """Frozen funds return to their victims; the rest is the rings' proceeds."""
        frozen = decided.frozen
        np.add.at(self.residents.savings, decided.resident[frozen], decided.amount[frozen])
        metrics = self.metrics
        metrics.add_hours_to_freeze((decided.freeze_hour - decided.start_hour)[frozen])
        metrics.add_by_scam(
            "frozen", decided.scam[frozen], decided.mode[frozen], decided.amount[frozen]
        )
        metrics.add("frozen", float(decided.amount[frozen].sum()))
        metrics.add("frozen_reported", float(decided.amount[frozen & decided.reported].sum()))
        self.count_by_place(
            "frozen",
            decided.resident[frozen],
            decided.scam[frozen],
            decided.platform[frozen],
            decided.amount[frozen],
        )
        metrics.add("frozen_paths", int(frozen.sum()))
        # Not read by the model: tests check that every path paid into is decided in the end.
        metrics.add("resolved_paths", len(decided))
        gone = decided.select(~frozen)
        metrics.add("ring_proceeds", float(gone.amount.sum()))
        metrics.add("proceeds_abroad", float(gone.amount[gone.abroad].sum()))
        by_id = self.ring_by_id
        for ring_id in np.unique(gone.ring):
            ring = by_id[int(ring_id)]
            mine = gone.ring == ring_id
            ring.book_revenue(float(gone.amount[mine].sum()))
        frozen_rings, paths_frozen = np.unique(decided.ring[frozen], return_counts=True)
        for ring_id, paths in zip(frozen_rings, paths_frozen, strict=True):
            ring = by_id[int(ring_id)]
            ring.mules = max(0.0, ring.mules - float(paths))

    def count_by_place(
        self,
        name: str,
        resident: np.ndarray,
        scam: np.ndarray,
        platform: np.ndarray,
        weights: np.ndarray | None = None,
    ) -> None:
        """Count by region and institution what happened to these residents' scams.

        Each item goes to the resident's region and bank and to the carrier of the scam's
        contact: the resident's operator for a call or SMS, ``platform`` for IM or the web
        (see :mod:`govsim.breakdown`, which keeps each count only where it belongs).
        """
        if not self.metrics.measuring:
            return
        residents = self.residents
        phone = self.scams.phone[scam]
        places = {
            "region": residents.region[resident],
            "bank": residents.bank_of[resident],
            "telecom": np.where(phone, residents.telecom_of[resident], -1),
            "platform": np.where(phone, -1, platform),
        }
        self.metrics.add_by_place(name, places, weights)

    def _extrapolate_to_market(self) -> None:
        """Rings' takings and frozen mule paths in the rest of their market (see extrapolation)."""
        market, book = self.extrapolation, self.ring_book
        slots = slots_of(self.active_rings())
        expected, shares = book.city_expected_takings[slots], self.mule_shares(slots)
        takings = market.takings_elsewhere(expected, shares)
        book_revenue(book, slots, takings, self.config.fraud)
        left = book.mules[slots] - market.frozen_paths_elsewhere(book.city_expected_victims[slots])
        book.mules[slots] = np.where(left > 0.0, left, 0.0)  # max(0.0, left), ring by ring

    # 9. investigation, prosecution
    def investigate(self) -> None:
        """Today's reports reach police: stop-payments were set; blacklists, cases, arrests."""
        today = self.reports.day <= self.day
        made = self.reports.select(today)
        if len(made):
            self.reports = self.reports.select(~today)
        self.metrics.add("reports", len(made))
        self.push_blacklist(made.handle, self.handles.kind[made.handle] == NUMBER)
        self._blacklist_rest_of_market()
        linked = self.police.open_cases(made.ring, made.region, made.episode, self.day)
        self.metrics.add("cases_opened", len(made) if self.police.enabled else 0)
        self.metrics.add("cases_linked", linked)
        rings = self.active_rings()
        per_engaged = self.extrapolation.ratio("reports_per_engaged")
        self.police.gather_evidence(rings, per_engaged, self.day)
        for ring, operation in self.police.investigate(rings):
            self.metrics.add_market("operations", 1)
            self.book_operation(ring, operation)
        self.police.close_cold_cases(self.day)
        self.metrics.add_market("convictions", self.courts.deliver_verdicts(self.day))

    def push_blacklist(
        self, handles: np.ndarray, is_number: np.ndarray, in_city: bool = True
    ) -> None:
        """Police deliver reported numbers to telecoms and accounts to platforms via links.

        Only the city's own reports (``in_city``) are counted in the city's tables.
        """
        if not self.police.enabled or handles.size == 0:
            return
        for number, party, link in (
            (True, self.telecoms, "police-telecom"),
            (False, self.platforms, "police-platform"),
        ):
            level = self.links.level(link)
            chosen = handles[is_number == number]
            if party.effort <= 0 or level <= 0 or chosen.size == 0:
                continue
            latencies = self.links.latencies
            delay = latencies.blacklist_slowest_days - level * (
                latencies.blacklist_slowest_days - latencies.blacklist_fastest_days
            )
            self.handles.block_from(chosen, self.day + math.ceil(delay))
            if in_city:
                self.metrics.add("handles_blacklisted", int(chosen.size))
                self.metrics.add_link(link, "blacklist", int(chosen.size))

    def _blacklists_delivered(self) -> bool:
        """Whether police blacklists reach a party that blocks (see :meth:`push_blacklist`)."""
        return self.police.enabled and any(
            party.effort > 0 and self.links.level(link) > 0
            for party, link in (
                (self.telecoms, "police-telecom"),
                (self.platforms, "police-platform"),
            )
        )

    def _blacklist_rest_of_market(self) -> None:
        """Reports elsewhere in the rings' market blacklist more of their handles."""
        rings = self.active_rings()
        if not rings or not self._blacklists_delivered():
            return  # the draws would block nothing
        keyed, day, book, slots = self.keyed, self.day, self.ring_book, slots_of(rings)
        keys = book.key[slots]
        # Elementwise, the same arithmetic as for one ring at a time.
        expected = self.extrapolation.reports_elsewhere(
            book.city_expected_victims[slots], book.city_attempts[slots]
        )
        stocked = book.numbers_held[slots] + book.accounts_held[slots] > 0
        luck = self.ring_draws("market_blacklist", rings)  # keyed.poisson's uniforms
        extra = np.where(stocked, poisson_quantile(luck, np.asarray(expected, dtype=float)), 0)
        hit = extra.nonzero()[0]
        if not hit.size:
            return
        # A ring's stock is its numbers, then its accounts.
        numbers, accounts = self.handle_stacks(rings)
        owner = hit.repeat(extra[hit])
        taken = extra[hit]
        slot = np.arange(owner.size) - (taken.cumsum() - taken).repeat(taken)
        pick = keyed.uniform("market_blacklist_pick", keys[owner], day, slot)
        picked = pick_joined(numbers, accounts, owner, pick)
        self.push_blacklist(picked, self.handles.kind[picked] == NUMBER, in_city=False)

    def book_operation(self, ring: FraudRing, operation: ArrestOperation) -> None:
        """Count an operation's arrests, send the suspects to court, dissolve or relocate."""
        metrics = self.metrics
        taken = operation.taken_home + operation.taken_abroad
        metrics.add_market("arrests", operation.total)
        metrics.add_market("arrests_cross_border", int(operation.taken_abroad.sum()))
        named = 0
        for role, column in ROLE_COLUMNS.items():
            metrics.add_market(column, int(taken[role]))
            named += int(taken[role])
        metrics.add_market("arrests_other_roles", operation.total - named)
        self.courts.receive_suspects(operation.total, self.day)
        if operation.dissolved:
            metrics.add_market("rings_dissolved", 1)
            ring.remove()
        elif not ring.cross_border and self._decides_to_relocate(ring):
            ring.relocate()

    def _decides_to_relocate(self, ring: FraudRing) -> bool:
        """A domestic ring hit by an operation may move abroad."""
        draw = self.keyed.one("ring_relocation", ring.key, self.day)
        return draw < self.config.fraud.relocation_propensity

    # 10. rings adapt, enter, exit
    def adapt_rings(self) -> None:
        """Pay wages, review portfolios, exit when broke, and let new rings enter."""
        rings = self.active_rings()
        review = self.day % self.config.fraud.adaptation_interval_days == 0
        active = self.scams.active(self.running_events)
        market_open = self.day > self.market_opens_day
        if self.day == self.market_opens_day + 1 and self.market_opens_day > -self.warmup_days:
            self._open_market(rings)
        book, slots = self.ring_book, slots_of(rings)
        pay_running_costs(book, slots, member_table(rings).sum(axis=1), self.config.fraud)
        book.recent_profit[slots] *= 1.0 - 1.0 / PROFIT_MEMORY_DAYS
        if review:
            # FraudRing.adapt for every ring: the windows folded and reset all at once.
            remember_windows(book, slots, self.residents.size)
            review_rings(book, slots, active, self.config.fraud)
            reset_windows(book, slots)
        if market_open:
            draws = self.ring_draws("ring_exit", rings)
            quitting = should_exit(book, slots, self.day, draws, self.config.fraud)
            for i in quitting.nonzero()[0].tolist():
                rings[i].active = False
                self.metrics.add_market("rings_exited", 1)
                rings[i].remove()
        working = self.active_rings()
        if working:
            # The scripts on sale are the ones in use; with no ring left, the last ones.
            self.scripts_coaching = mean_of(book.coaching[slots_of(working)])
        if market_open:
            self._enter_rings()

    def _open_market(self, rings: list[FraudRing]) -> None:
        """End the burn-in: the rings' accounts restart from their initial cash.

        The burn-in only fills the pipelines (MARKET_BURN_IN_DAYS); what the rings spent and
        earned while it ran is the start-up's, not the market's. Their last month's profit is
        kept: it was earned on a running market, and it is what exit and entry now judge.
        """
        for ring in rings:
            ring.cash = self.config.fraud.initial_cash

    def ring_draws(self, purpose: str, rings: list[FraudRing]) -> np.ndarray:
        """Today's uniform for each ring, keyed (ring, day): ``keyed.one`` for all at once.

        The day's draws for :data:`RING_DAY_PURPOSES` are made for every ring in the book in
        one pass, at the first asking, and read by row after.
        """
        book, slots = self.ring_book, slots_of(rings)
        if purpose not in RING_DAY_PURPOSES:
            return self.keyed.uniform(purpose, book.key[slots], self.day)
        made_for = (self.day, book.count, self.keyed)
        if self._ring_luck is None or self._ring_luck[0] != made_for:
            keys = book.key[: book.count]
            self._ring_luck = (made_for, self.keyed.uniforms(RING_DAY_PURPOSES, keys, self.day))
        return self._ring_luck[1][RING_DAY_PURPOSES.index(purpose), slots]

    def _enter_rings(self) -> None:
        """New rings enter: a few on trial whatever the profit, more while the market pays.

        The signal is the mean profit of the last month of the rings that have worked the
        market for a month at least (a newcomer's first month is start-up costs), which is
        what a would-be entrant hears of; with no such ring it is the last value heard.
        Linear in profit: a capped or concave response would make entry depend on how
        noisy the city's sample of the market is, hence on the city's size.
        """
        fraud = self.config.fraud
        rings = self.active_rings()
        book, slots = self.ring_book, slots_of(rings)
        profits = book.recent_profit[slots][established(book, slots, self.day)]
        if profits.size:
            self.market_profit = mean_of(profits)
        if len(rings) >= fraud.max_rings:
            return
        signal = max(self.market_profit / fraud.entry_profit_reference, 0.0)
        per_month = fraud.trial_entry_per_month + fraud.entry_rate_per_month * signal
        rate = per_month / 30.0 * (1 - self.courts.deterrence(self.day))
        entrants = self.keyed.poisson_one(rate, "ring_entry", self.day)
        for order in range(min(entrants, fraud.max_rings - len(rings))):
            self.add_ring(order)
            self.metrics.add_market("rings_entered", 1)

    def recruitment_slowdown(self) -> float:
        """How much deterrence and a depleted labour pool slow recruitment."""
        pool = self.config.fraud.labour_pool
        employed = int(member_table(self.active_rings()).sum())
        free = pool - employed - self.courts.removed_from_labour()
        scarcity = min(pool / max(free, 0.05 * pool), 20.0)
        return (1.0 + 2.0 * self.courts.deterrence(self.day)) * scarcity

    @property
    def total_days(self) -> int:
        """Days to step through: the warm-up, then the measured days."""
        return self.warmup_days + self.config.days

    @property
    def event_day(self) -> int:
        """The day an event belongs to: events fire half a day before that day's step."""
        return math.ceil(self.time) - self.warmup_days

    # 11. collect
    def collect(self) -> dict[str, float]:
        """Close the day's counters with the state of the city; return the day's row.

        In the warm-up, whose days are not kept, only what the model itself reads is worked
        out (the market's ratios); the counters are dropped and the row is empty.
        """
        metrics = self.metrics
        if not metrics.measuring:
            self._observe_market(metrics.today)
            # The awareness sums' anchor moves on the same days as ever (a move rounds them).
            self.residents.mean_awareness_by_group(self.day)
            metrics.drop_day()
            return {}
        rings = self.active_rings()
        book, slots = self.ring_book, slots_of(rings)
        metrics.add(
            "legit_calls_blocked", self.telecoms.collateral_calls_blocked(self.residents.size)
        )
        metrics.add(
            "legit_transfers_delayed", self.banks.collateral_transfers_delayed(self.residents.size)
        )
        metrics.add(
            "legit_content_removed", self.platforms.collateral_content_removed(self.residents.size)
        )
        today = metrics.today
        defendants = metrics.market_today["arrests"] * metrics.city_share
        spent = daily_costs(self, today["dissuasion_calls"], defendants, today["campaign_contacts"])
        for name, yuan in spent.items():
            metrics.add(name, yuan)
        self._observe_market(today)
        awareness = self.residents.mean_awareness_by_group(self.day)
        levels = {
            "in_flight": self.ledger.in_flight,
            "awareness_student": float(awareness[0]),
            "awareness_working": float(awareness[1]),
            "awareness_elderly": float(awareness[2]),
            "open_cases": float(self.police.cases.open.sum()),
            "leads_waiting": float(self.police.leads_waiting),
        }
        market_levels = {
            "rings_active": float(len(rings)),
            "ring_members": float(member_table(rings).sum()),
            "rings_cross_border": float(np.count_nonzero(book.cross_border[slots])),
            "targeted_share": mean_of(book.targeted_share[slots]) if rings else 0.0,
            "evasion": mean_of(book.evasion[slots]) if rings else 0.0,
            "coaching": mean_of(book.coaching[slots]) if rings else 0.0,
            "price_sim": self.market.price["sims"],
            "price_mule": self.market.price["mules"],
            "detained_or_imprisoned": float(self.courts.removed_from_labour()),
        }
        return metrics.close_day(self.day, levels, market_levels)

    def _observe_market(self, today: Counter) -> None:
        """The market's pooled ratios take in the city's day (see govsim.extrapolation)."""
        self.extrapolation.observe(
            attempts=today["attempts"],
            expected_engaged=today["expected_engaged"],
            engaged_takings=today["engaged_takings"],
            # The mean of the realised and the chance-based paid takings (count_stop_chances).
            # The chance-based one starts from the realised engaged contacts: the stops it
            # subtracts are those after engagement, so on the basis of E_r (engaged_takings,
            # which a warning at contact thins only by chance) it would miss those warnings.
            paid_expected=0.5
            * (
                today["paid_expected"]
                + today["engaged_takings_realised"]
                - today["expected_stops"]
                - today["takings_lost"]
            ),
            paid_at_mean=today["paid_expected"],
            paid_capped=today["paid_capped"],
            # Mule paths: those paid into, and those expected frozen (transfers.freeze_chances).
            paths_paid=today["paths_paid"],
            frozen_paths=today["expected_frozen_paths"],
            reports=today["reports"],
            public_reports=today["public_reports"],
            transfers_due=today["transfers_due"],
            transfers_admitted=today["transfers_admitted"],
        )

"""GovernanceModel: the city, its fraud rings and the parties that fight them.

``step()`` is one day and reads like MODEL.md section 4. Residents are columns; rings, police
units, banks, telecoms, platforms, the judiciary and education are Mesa agents; timed events go
through Mesa's event list. Randomness comes only from keyed draws (:mod:`govsim.randomness`).
"""

from __future__ import annotations

import math

import mesa
import numpy as np

from govsim.agents.bank import BanksAndPayments
from govsim.agents.education import PublicEducation
from govsim.agents.handles import NUMBER, HandleRegistry
from govsim.agents.judiciary import Courts
from govsim.agents.market import BlackMarket
from govsim.agents.platform import InternetPlatforms
from govsim.agents.police import ROLE_COLUMNS, ArrestOperation, PoliceForce
from govsim.agents.residents import Residents
from govsim.agents.rings import FraudRing
from govsim.agents.telecom import TelecomOperators
from govsim.contact import ContactBatch
from govsim.contacting import make_contacts
from govsim.events import EVENT_CLASSES, ScheduledEvent
from govsim.extrapolation import MarketExtrapolation
from govsim.laundering import FundsInFlight
from govsim.metrics import Metrics
from govsim.randomness import KeyedRandom
from govsim.scams import ScamTable
from govsim.scenario.fields import AGE_GROUPS
from govsim.scenario.schema import Scenario
from govsim.transfers import PendingTransfers, Reports, execute_transfers

DOMESTIC_EXIT_SHARE = 0.1
MAX_ENGAGEMENT = 0.95
PROFIT_MEMORY_DAYS = 30.0


class GovernanceModel(mesa.Model):
    """One simulated city under one governance scenario."""

    def __init__(self, scenario: Scenario, rng: int = 0) -> None:
        super().__init__(rng=rng)
        self.config = scenario
        self.keyed = KeyedRandom(rng)
        self.warmup_days = scenario.warmup_days
        self.day = -self.warmup_days  # day 1 is the first measured day
        self.links = scenario.cooperation
        self.scale = scenario.fraud.market_population / scenario.population.size
        self.scams = ScamTable(scenario.scam_types)
        self.running_events: set[str] = set()
        self.metrics = Metrics(len(self.scams), city_share=1.0 / self.scale)
        self.residents = Residents(scenario.population, self.keyed, start_day=self.day)
        self.handles = HandleRegistry()
        self.ledger = FundsInFlight()
        self.extrapolation = MarketExtrapolation(self.scale)
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
        self.market = self._create_market()
        self.rings: list[FraudRing] = []
        fraud = scenario.fraud
        for order in range(round(fraud.rings_per_million * fraud.market_population / 1e6)):
            self.add_ring(order)
        self._stock_initial_rings()
        self.events = self._schedule_events()
        self.education.start_routine_campaigns()

    # --- construction -----------------------------------------------------------------------
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
        """Rings active on day 0 have built their stocks before: full, at base prices."""
        prices = self.market.base_price
        for ring in self.rings:
            sims, accounts, mules = ring.handle_demand()
            cost = sims * prices["sims"] + accounts * prices["accounts"] + mules * prices["mules"]
            ring.take_delivery(sims, accounts, mules, cost)

    def _schedule_events(self) -> list[ScheduledEvent]:
        events = [EVENT_CLASSES[e.type](self, e, n) for n, e in enumerate(self.config.events)]
        for event in events:
            event.schedule()
        return events

    def add_ring(self, order: int) -> FraudRing:
        """A new ring enters, fully staffed, with the default portfolio.

        ``order`` is its place among today's entrants: with the day, it makes the ring's key.
        It buys its numbers, accounts and mule accounts with the others, at the next planning.
        """
        ring = FraudRing(self, (self.day << 16) | order, self.scams.weight.copy())
        self.rings.append(ring)
        return ring

    # --- the day, as in MODEL.md section 4 --------------------------------------------------
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
        """Rings still operating."""
        return [ring for ring in self.rings if ring.active]

    # 2. rings plan: staff, detect-and-replace handles, buy on the black market
    def plan_rings(self, rings: list[FraudRing]) -> None:
        """Recruits join; handles found blocked are dropped; stocks are restocked."""
        self.market.leak_routinely(self.keyed, self.day)
        for ring in rings:
            ring.admit_recruits()
            self.telecoms.detect_numbers(ring.numbers, ring.evasion, self.day)
            self.platforms.detect_accounts(ring.accounts, ring.evasion, self.day)
            noticed = self.day - 1
            ring.drop_blocked_handles(
                self.handles.is_blocked(ring.numbers, noticed),
                self.handles.is_blocked(ring.accounts, noticed),
            )
        self.restock_rings(rings)

    def restock_rings(self, rings: list[FraudRing]) -> None:
        """Buy SIM cards, accounts and mule accounts for the rings, rationed by supply."""
        if not rings:
            return
        demand = np.array([ring.handle_demand() for ring in rings])
        ring_keys = np.array([ring.key for ring in rings], dtype=np.int64)
        sales = [
            self.market.clear(
                good, demand[:, g], self.keyed.uniform("market_rationing", ring_keys, self.day, g)
            )
            for g, good in enumerate(("sims", "accounts", "mules"))
        ]
        for ring, sims, accounts, mules in zip(rings, *sales, strict=True):
            cost = sims.cost + accounts.cost + mules.cost
            ring.take_delivery(sims.quantity, accounts.quantity, mules.quantity, cost)

    # 4. filtering by channel
    def filter_contacts(self, batch: ContactBatch, rings: list[FraudRing]) -> None:
        """Telecoms block calls and SMS, platforms remove IM and web content; some are seen."""
        evasion = np.array([ring.evasion for ring in rings])[batch.ring] if rings else np.empty(0)
        batch.evasion = evasion
        self.telecoms.block_contacts(batch, evasion, self.day)
        self.platforms.remove_content(batch, evasion, self.day)
        seen = self.keyed.uniform("seen", batch.key)
        exposure = self.residents.exposure(np.maximum(batch.target, 0), batch.phone)
        batch.reached = batch.alive & (seen < exposure)
        batch.alive &= batch.reached
        metrics = self.metrics
        metrics.add("attempts", len(batch))
        metrics.add("blocked_telecom", int(batch.blocked_telecom.sum()))
        metrics.add("blocked_platform", int(batch.blocked_platform.sum()))
        metrics.add("contacts_reached", int(batch.reached.sum()))
        metrics.add_by_scam("attempts", batch.scam, batch.mode)
        metrics.add_by_scam(
            "contacts_reached", batch.scam[batch.reached], batch.mode[batch.reached]
        )
        for i, ring in enumerate(rings):
            mine = batch.ring == i
            ring.window_contacts += int(mine.sum())
            ring.window_blocked += int(
                (mine & (batch.blocked_telecom | batch.blocked_platform)).sum()
            )
            np.add.at(ring.window_attempts, (batch.scam[mine], batch.mode[mine]), 1.0)

    # 5-6. engagement, interrupted by early warning
    def engagement_probability(self, batch: ContactBatch) -> np.ndarray:
        """P(engage) from the type's conversion, the profile, awareness and targeting."""
        residents, scams = self.residents, self.scams
        targets = np.maximum(batch.target, 0)
        awareness = residents.awareness(targets, self.day)
        weight = self.config.population.awareness_weight
        p = scams.conversion[batch.scam] * scams.profile[batch.scam, residents.group[targets]]
        p = p * residents.frailty[targets] * (1.0 - awareness) ** weight
        lift = scams.record_lift[batch.scam] * residents.record_detail[targets]
        p = p * np.where(batch.mode == 1, lift, 1.0)
        return np.minimum(p, MAX_ENGAGEMENT)

    def engage(self, batch: ContactBatch, rings: list[FraudRing]) -> None:
        """Reached residents start to engage or resist; warnings stop some; the rest pay."""
        draw = self.keyed.uniform("engage", batch.key)
        probability = self.engagement_probability(batch)
        would = batch.alive & (draw < probability)
        stopped = self.warn_contacts(batch, would)
        engaged = would & ~stopped
        self._score_scripts(batch, rings, np.where(batch.alive & ~stopped, probability, 0.0))
        self.metrics.add("dissuaded", int(stopped.sum()))
        self._report_resisted(batch, batch.alive & ~would)
        compromised = engaged & self.scams.compromises[batch.scam]
        self.residents.compromised[batch.target[compromised]] = True
        self._queue_transfers(batch, engaged, rings)

    def _score_scripts(
        self, batch: ContactBatch, rings: list[FraudRing], probability: np.ndarray
    ) -> None:
        """Credit each ring's scam types and modes with the expected takings of its contacts.

        Rings learn what pays across their whole market. The city holds too few of their
        victims to stand for it, so their signal is the expected yield of the city's contacts
        (probability times mean amount), which does not depend on the city's size.
        """
        expected = probability * self.scams.expected_takings[batch.scam]
        for i, ring in enumerate(rings):
            mine = batch.ring == i
            np.add.at(ring.window_revenue, (batch.scam[mine], batch.mode[mine]), expected[mine])

    def warn_contacts(self, batch: ContactBatch, in_progress: np.ndarray) -> np.ndarray:
        """Early warning: flag scams in progress; return who was stopped.

        Flags reach the anti-fraud centre only through links; dissuasion calls and in-app
        warnings stop some of the residents who were about to pay.
        """
        by_telecom = self.telecoms.flag_suspicious(batch, batch.evasion) & in_progress
        by_platform = self.platforms.flag_suspicious(batch, batch.evasion) & in_progress
        batch.flagged = by_telecom | by_platform
        forward, shared, signal, works = (
            self.keyed.uniform(purpose, batch.key)
            for purpose in (
                "lead_forward",
                "share_with_platform",
                "signal_bank",
                "dissuasion_works",
            )
        )
        leads = self.police.enabled & (
            (by_telecom & (forward < self.links.level("police-telecom")))
            | (by_platform & (forward < self.links.level("police-platform")))
        )
        called = self.police.dissuade(leads, batch.key)
        shared_with_platform = by_telecom & (shared < self.links.level("telecom-platform"))
        warned_in_app = (by_platform | shared_with_platform) & (self.platforms.effort > 0)
        in_app_stops = self.platforms.warn_in_app(warned_in_app, batch.key)
        efficacy = self.config.agencies.police.dissuasion_efficacy
        stopped = (called & (works < efficacy)) | in_app_stops
        batch.warned = called | warned_in_app
        to_bank = np.where(
            batch.phone, self.links.level("bank-telecom"), self.links.level("bank-platform")
        )
        batch.signalled_bank = batch.flagged & (signal < to_bank)
        self.metrics.add("flagged", int(batch.flagged.sum()))
        self.metrics.add("warned", int(batch.warned.sum()))
        boost = self.config.agencies.education.warning_boost
        self.residents.boost_awareness(batch.target[batch.warned], self.day, boost)
        return stopped

    def _queue_transfers(
        self, batch: ContactBatch, engaged: np.ndarray, rings: list[FraudRing]
    ) -> None:
        """Engaged victims pay today or after their scam's grooming period."""
        ring_ids = np.array([ring.unique_id for ring in rings], dtype=np.int64)
        grooming = self.scams.grooming_days[batch.scam[engaged]]
        new = PendingTransfers.of(
            episode=batch.key[engaged],
            resident=batch.target[engaged],
            ring=ring_ids[batch.ring[engaged]] if rings else np.empty(0),
            scam=batch.scam[engaged],
            mode=batch.mode[engaged],
            handle=batch.handle[engaged],
            due=self.day + grooming,
            stage=np.zeros(grooming.size),
            signalled=batch.signalled_bank[engaged],
            report_hour=np.full(grooming.size, np.nan),
        )
        self.pending = self.pending.extend(new)

    def _report_resisted(self, batch: ContactBatch, resisted: np.ndarray) -> None:
        """Residents who saw through a scam may report it on the public line."""
        reporting = self.education.public_reports(resisted, batch.key)
        handles = batch.handle[reporting]
        self.metrics.add("public_reports", int(handles.size))
        self.push_blacklist(handles, batch.phone[reporting])

    # 7. transfer
    def transfer_funds(self) -> None:
        """Grooming victims may be warned off; due transfers meet bank risk control."""
        self._interrupt_grooming()
        due = self.pending.due <= self.day
        outcome = execute_transfers(self, self.pending.select(due), self.day)
        self.pending = self.pending.select(~due).extend(outcome.follow_ups)
        self.ledger.add(outcome.chunks)
        self.reports = self.reports.extend(outcome.reports)

    def _interrupt_grooming(self) -> None:
        if len(self.pending) == 0:
            return
        pending = self.pending
        online = ~self.scams.phone[pending.scam] & (pending.due > self.day)
        detected = self.platforms.detect_grooming(online, pending.episode, self.day)
        centre = (
            self.links.level("police-platform") * self.config.agencies.police.dissuasion_efficacy
        )
        stop = self.config.agencies.platforms.in_app_warning
        stop = 1 - (1 - stop) * (1 - (centre if self.police.enabled else 0.0))
        saved = detected & (self.keyed.uniform("grooming_stop", pending.episode, self.day) < stop)
        self.metrics.add("dissuaded", int(saved.sum()))
        self.pending = self.pending.select(~saved)

    def mule_capacity_admits(self, due: PendingTransfers) -> np.ndarray:
        """Whether each ring's mule accounts can take today's transfers.

        Capacity is market-wide, so it is compared with the ring's expected market-wide
        transfers (see :mod:`govsim.extrapolation`), not with the city's few.
        """
        admitted = np.ones(len(due), bool)
        draw = self.keyed.uniform("mule_capacity", due.episode, due.stage)
        for ring in self.rings:
            mine = due.ring == ring.unique_id
            if mine.any():
                admitted[mine] = draw[mine] < self.mule_share(ring)
        return admitted

    def mule_share(self, ring: FraudRing) -> float:
        """Share of the ring's due transfers its mule accounts can take (market-wide)."""
        wanted = self.extrapolation.per_attempt("transfers_due") * ring.market_attempts
        capacity = ring.transfer_capacity()
        return 1.0 if capacity >= wanted else capacity / wanted

    def centre_call_on_hold(self) -> float:
        """Chance the centre's call adds to the bank's warning on a held transfer."""
        if not self.police.enabled:
            return 0.0
        return self.links.level("police-bank") * self.config.agencies.police.dissuasion_efficacy

    def stop_payment_latency_hours(self, payers: np.ndarray | None = None) -> np.ndarray | float:
        """Hours from a report to a freeze: the police's stop-payment or the bank's own.

        Banks execute a police stop-payment even when they do nothing on their own (it is a
        legal order); an acting bank also freezes on its customer's own call, whichever is
        first. Per payer (their own bank) when ``payers`` is given, else for the sector.
        """
        latencies = self.links.latencies
        acting = self.banks.effort > 0 if payers is None else self.banks.customer_effort(payers) > 0
        own = np.where(acting, self.banks.config.self_freeze_hours, math.inf)
        police = math.inf
        if self.police.enabled:
            level = self.links.level("police-bank")
            slow = math.log(latencies.stop_payment_slowest_hours)
            fast = math.log(latencies.stop_payment_fastest_hours)
            police = math.exp(slow + (fast - slow) * level)
        latency = np.minimum(own, police)
        return float(latency) if payers is None else latency

    def exit_abroad_share(self, ring_ids: np.ndarray) -> np.ndarray:
        """Share of each ring's funds that leave the country."""
        shares = {
            r.unique_id: self.config.fraud.cross_border_exit_share
            if r.cross_border
            else DOMESTIC_EXIT_SHARE
            for r in self.rings
        }
        return np.array([shares[r] for r in ring_ids.tolist()], dtype=float)

    def record_payments(self, paid: PendingTransfers, amounts: np.ndarray) -> None:
        """Victims lose the money; first payments count as victimisations."""
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
        self.metrics.add_by_scam("victims", paid.scam[first], paid.mode[first])
        self.metrics.add_by_scam("gross_loss", paid.scam, paid.mode, amounts)
        education = self.config.agencies.education
        residents.boost_awareness(victims, day, education.victim_boost)
        friends = residents.ties_of(victims)
        hear = self.keyed.uniform("contagion", friends, day) < education.contagion_share
        residents.boost_awareness(friends[hear], day, education.contagion_boost)

    # 8. laundering race
    def launder(self) -> None:
        """Decide the races that end today: frozen funds return, the rest is proceeds."""
        decided = self.ledger.resolve_until((self.day + 1) * 24.0)
        frozen = decided.frozen
        np.add.at(self.residents.savings, decided.resident[frozen], decided.amount[frozen])
        metrics = self.metrics
        metrics.add_hours_to_freeze((decided.freeze_hour - decided.start_hour)[frozen])
        metrics.add_by_scam(
            "frozen", decided.scam[frozen], decided.mode[frozen], decided.amount[frozen]
        )
        metrics.add("frozen", float(decided.amount[frozen].sum()))
        metrics.add("frozen_paths", int(frozen.sum()))
        gone = decided.select(~frozen)
        metrics.add("ring_proceeds", float(gone.amount.sum()))
        metrics.add("proceeds_abroad", float(gone.amount[gone.abroad].sum()))
        by_id = {ring.unique_id: ring for ring in self.rings}
        for ring_id in np.unique(gone.ring):
            ring = by_id[int(ring_id)]
            mine = gone.ring == ring_id
            ring.book_revenue(float(gone.amount[mine].sum()))
        frozen_rings, paths_frozen = np.unique(decided.ring[frozen], return_counts=True)
        for ring_id, paths in zip(frozen_rings, paths_frozen, strict=True):
            ring = by_id[int(ring_id)]
            ring.mules = max(0.0, ring.mules - float(paths))
        self._extrapolate_to_market()

    def _extrapolate_to_market(self) -> None:
        """Rings' takings and frozen mule paths in the rest of their market (see extrapolation)."""
        for ring in self.active_rings():
            market = self.extrapolation
            # Pooled yields reflect the pool's mule capacity; swap in this ring's own.
            takings = market.rest_of_market("proceeds", ring.market_attempts)
            pooled_share = market.ratio("transfers_admitted", "transfers_due")
            own_share = self.mule_share(ring)
            ring.book_revenue(takings * (own_share / pooled_share if pooled_share > 0 else 1.0))
            burnt = market.rest_of_market("frozen_paths", ring.market_attempts)
            ring.mules = max(0.0, ring.mules - burnt)

    # 9. investigation, prosecution
    def investigate(self) -> None:
        """Today's reports reach police: stop-payments were set; blacklists, cases, arrests."""
        today = self.reports.day <= self.day
        made = self.reports.select(today)
        self.reports = self.reports.select(~today)
        self.metrics.add("reports", len(made))
        self.push_blacklist(made.handle, self.handles.kind[made.handle] == NUMBER)
        self._blacklist_rest_of_market()
        linked = self.police.open_cases(made.ring, made.region, made.episode, self.day)
        self.metrics.add("cases_opened", len(made) if self.police.enabled else 0)
        self.metrics.add("cases_linked", linked)
        for ring, operation in self.police.investigate(self.active_rings()):
            self.metrics.add_market("operations", 1)
            self._book_operation(ring, operation)
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

    def _blacklist_rest_of_market(self) -> None:
        """Reports elsewhere in the rings' market blacklist more of their handles."""
        keyed, day = self.keyed, self.day
        for ring in self.active_rings():
            expected = self.extrapolation.rest_of_market("reports", ring.market_attempts)
            handles = np.concatenate([ring.numbers, ring.accounts])
            extra = int(keyed.poisson(expected, "market_blacklist", ring.key, day)[0])
            if handles.size and extra:
                slots = np.arange(extra)
                pick = keyed.uniform("market_blacklist_pick", ring.key, day, slots)
                picked = handles[(pick * handles.size).astype(np.int64)]
                self.push_blacklist(picked, self.handles.kind[picked] == NUMBER, in_city=False)

    def _book_operation(self, ring: FraudRing, operation: ArrestOperation) -> None:
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

    def sweep_card_suppliers(self, intensity: float) -> None:
        """Card crackdown: arrest domestic money movers and close their mule accounts."""
        if not self.police.enabled:
            return
        for ring in self.active_rings():
            taken = self.police.crack_down_on_cards(ring, intensity)
            ring.mules *= 1.0 - intensity * self.banks.effort
            self._book_operation(ring, ArrestOperation(taken, np.zeros_like(taken), False))

    # 10. rings adapt, enter, exit
    def adapt_rings(self) -> None:
        """Pay wages, review portfolios, exit when broke, and let new rings enter."""
        rings = self.active_rings()
        review = self.day % self.config.fraud.adaptation_interval_days == 0
        active = self.scams.active(self.running_events)
        for ring in rings:
            ring.pay_running_costs()
            ring.recent_profit *= 1.0 - 1.0 / PROFIT_MEMORY_DAYS
            if review:
                ring.adapt(active)
            if ring.should_exit():
                ring.active = False
                self.metrics.add_market("rings_exited", 1)
                ring.remove()
        self._enter_rings()

    def _enter_rings(self) -> None:
        fraud = self.config.fraud
        rings = self.active_rings()
        if len(rings) >= fraud.max_rings:
            return
        profit = (
            np.mean([r.recent_profit for r in rings]) if rings else fraud.entry_profit_reference
        )
        # Linear in profit: a capped or concave response would make entry depend on how noisy
        # the city's sample of the market is, hence on the city's size.
        signal = max(float(profit) / fraud.entry_profit_reference, 0.0)
        rate = fraud.entry_rate_per_month / 30.0 * signal * (1 - self.courts.deterrence(self.day))
        entrants = int(self.keyed.poisson(rate, "ring_entry", self.day)[0])
        for order in range(min(entrants, fraud.max_rings - len(rings))):
            self.add_ring(order)
            self.metrics.add_market("rings_entered", 1)

    def recruitment_slowdown(self) -> float:
        """How much deterrence and a depleted labour pool slow recruitment."""
        pool = self.config.fraud.labour_pool
        employed = sum(int(r.members.sum()) for r in self.active_rings())
        free = pool - employed - self.courts.removed_from_labour()
        scarcity = min(pool / max(free, 0.05 * pool), 20.0)
        return (1.0 + 2.0 * self.courts.deterrence(self.day)) * scarcity

    def exploit_leak(self, group: int, uptake: float) -> None:
        """Rings buy a fresh leak and turn effort to the scam it fits, targeted at its group."""
        fit = self.scams.profile[:, group] / self.scams.profile.mean(axis=1)
        fit = np.where(self.scams.active(self.running_events), fit, -np.inf)
        best = np.zeros(len(self.scams))
        best[int(np.argmax(fit))] = 1.0
        for ring in self.active_rings():
            ring.portfolio = (1.0 - uptake) * ring.portfolio + uptake * best
            ring.targeted_share = max(ring.targeted_share, uptake)

    def refresh_event_effects(self) -> None:
        """Derive the lasting effects of the events running now.

        Overlapping crackdowns cut supply as 1 - prod(1 - intensity); overlapping epidemics
        take the largest online multiplier; event-bound scam types stay open while any event
        of their kind runs, and rings give them their default weight when they open.
        """
        running = [e.config for e in self.events if e.active]
        intensities = [e.intensity for e in running if e.type == "card_crackdown"]
        self.market.crackdown_intensity = 1.0 - math.prod(1.0 - i for i in intensities)
        multipliers = [e.online_multiplier for e in running if e.type == "epidemic"]
        self.residents.online_multiplier = max(multipliers, default=1.0)
        now_running = {e.type for e in running}
        for name in now_running - self.running_events:
            for ring in self.active_rings():
                ring.portfolio = _open_types(ring.portfolio, self.scams, name)
        self.running_events = now_running

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
        """Close the day's counters with the state of the city."""
        rings = self.active_rings()
        metrics = self.metrics
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
        self.extrapolation.observe(
            today["attempts"],
            proceeds=today["ring_proceeds"],
            frozen_paths=today["frozen_paths"],
            # Victims' reports and the public line's both blacklist handles.
            reports=today["reports"] + today["public_reports"],
            transfers_due=today["transfers_due"],
            transfers_admitted=today["transfers_admitted"],
        )
        awareness = self.residents.mean_awareness_by_group(self.day)
        levels = {
            "in_flight": self.ledger.in_flight,
            "awareness_student": float(awareness[0]),
            "awareness_working": float(awareness[1]),
            "awareness_elderly": float(awareness[2]),
            "open_cases": float(self.police.cases.open.sum()),
        }
        market_levels = {
            "rings_active": float(len(rings)),
            "ring_members": float(sum(int(r.members.sum()) for r in rings)),
            "rings_cross_border": float(sum(r.cross_border for r in rings)),
            "targeted_share": float(np.mean([r.targeted_share for r in rings])) if rings else 0.0,
            "evasion": float(np.mean([r.evasion for r in rings])) if rings else 0.0,
            "price_sim": self.market.price["sims"],
            "price_mule": self.market.price["mules"],
            "detained_or_imprisoned": float(self.courts.removed_from_labour()),
        }
        return metrics.close_day(self.day, levels, market_levels)


def _open_types(portfolio: np.ndarray, scams: ScamTable, event: str) -> np.ndarray:
    """Give the types of a starting event their default weight in a portfolio."""
    opened = np.array([e == event for e in scams.event])
    updated = portfolio.copy()
    updated[opened] = np.maximum(updated[opened], scams.weight[opened])
    return updated / updated.sum()

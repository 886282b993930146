"""Fraud rings: industrial chains of specialised members that adapt, recover and dissolve.

A ring has members by chain role (leader, core, data buyers, technicians, script designers,
operators, money movers), each either at home or abroad; assets (phone numbers, accounts, mule
accounts, cash); a portfolio over scam types and a broadcast/targeted mode. An arrested member
is replaced after a recruitment delay (struck links are quickly replaced); taking the leader and
most of the core dissolves the ring. Every few days a ring shifts its portfolio and mode toward
what paid recently and its technicians improve evasion when much is being blocked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import mesa
import numpy as np

from govsim.agents.handles import ACCOUNT, NUMBER
from govsim.extrapolation import MEMORY_REFERENCE_RESIDENTS
from govsim.scenario.fraud import MODES, ROLES, Fraud

if TYPE_CHECKING:
    from govsim.agents.handles import HandleStacks
    from govsim.model import GovernanceModel

ROLE = {name: i for i, name in enumerate(ROLES)}
LEADER, CORE = ROLE["leader"], ROLE["core"]
OPERATORS, MONEY_MOVERS = ROLE["operators"], ROLE["money_movers"]
TECHNICIANS, SCRIPT_DESIGNERS = ROLE["technicians"], ROLE["script_designers"]
STAY_HOME_ROLES = (ROLE["data_buyers"], MONEY_MOVERS)
ATTEMPTS_PER_HANDLE_DAY = 150.0
PROFIT_MEMORY_DAYS = 30.0
"""Recent profit decays by 1/30 a day: about the last month's profit."""


RING_COLUMNS: tuple[str, ...] = (
    "skill",
    "evasion",
    "coaching",
    "targeted_share",
    "cash",
    "recent_profit",
    "mules",
    "window_blocked",
    "window_contacts",
    "window_reached",
    "window_called",
    "city_attempts",
    "city_expected_victims",
    "city_expected_takings",
    "victims_per_day",
    "numbers_held",
    "accounts_held",
    "learned_blocked",
    "learned_contacts",
    "learned_reached",
    "learned_called",
)
"""A ring's numbers that the model reads or writes for all rings at once, every day."""
RING_TABLES: tuple[str, ...] = (
    "portfolio",
    "home",
    "abroad",
    "window_revenue",
    "window_attempts",
    "learned_revenue",
    "learned_attempts",
    "case_evidence",
)
"""A ring's arrays that the model reads or writes for all rings at once."""


class RingBook:
    """The rings' day-to-day state as columns: one row (slot) per ring that ever entered.

    Vectorise the crowd, objectify the few: rings stay agents with readable methods, and
    their attributes in :data:`RING_COLUMNS` and :data:`RING_TABLES` read and write their own
    row here. The model's daily bookkeeping of all rings (contacts, expected takings, wages,
    mule wear, evidence) is then a few array operations on the rows of the working rings
    instead of a Python loop over some 60 rings, several times a day. The same arithmetic
    on the same numbers, element by element: results do not change.
    """

    def __init__(self, types: int, roles: int, evidence_days: int, capacity: int = 64) -> None:
        self.count = 0
        self.key = np.zeros(capacity, dtype=np.int64)
        self.unique_id = np.zeros(capacity, dtype=np.int64)
        self.entered_day = np.zeros(capacity, dtype=np.int64)
        self.working = np.zeros(capacity, dtype=bool)
        """Whether each ring still operates (:attr:`FraudRing.active`)."""
        self.cross_border = np.zeros(capacity, dtype=bool)
        """Whether each ring's base is abroad (:attr:`FraudRing.cross_border`)."""
        for name in RING_COLUMNS:
            setattr(self, name, np.zeros(capacity))
        self.home = np.zeros((capacity, roles), dtype=np.int64)
        self.abroad = np.zeros((capacity, roles), dtype=np.int64)
        self.portfolio = np.zeros((capacity, types))
        self.window_revenue = np.zeros((capacity, types, len(MODES)))
        self.window_attempts = np.zeros((capacity, types, len(MODES)))
        self.learned_revenue = np.zeros((capacity, types, len(MODES)))
        self.learned_attempts = np.zeros((capacity, types, len(MODES)))
        self.case_evidence = np.zeros((capacity, evidence_days))
        self._slot_of_id = np.full(capacity, -1, dtype=np.int64)
        self._asked: list[FraudRing] = []
        self._rows = np.empty(0, dtype=np.int64)
        self.stocks_changed = 0
        """Counts changes to a ring's numbers or accounts, so remembered stacks can be checked."""
        self.held_generation = 0
        """Counts the days' stocks handed out at once (:meth:`hold_stocks`)."""
        self._held: tuple[list[FraudRing], HandleStacks, HandleStacks, np.ndarray] | None = None
        self._held_index: dict[int, int] | None = None
        self.roster_changed = 0
        """Counts rings set working or not, so the model checks its list of working rings only
        after a change (:meth:`GovernanceModel.active_rings`)."""

    def rows(self, rings: list[FraudRing]) -> np.ndarray:
        """The rows of these rings, in order (read-only).

        Remembered for the last list asked about (held, so that it stays that list): the
        model asks about its list of working rings a dozen times a day.
        """
        if rings is not self._asked or len(rings) != self._rows.size:
            self.remember_rows(rings, np.array([ring.slot for ring in rings], dtype=np.int64))
        return self._rows

    def remember_rows(self, rings: list[FraudRing], rows: np.ndarray) -> None:
        """Take ``rows`` as the rows of ``rings`` (known to the caller), for :meth:`rows`."""
        self._asked, self._rows = rings, rows
        rows.flags.writeable = False

    def hold_stocks(
        self,
        rings: list[FraudRing],
        numbers: HandleStacks,
        accounts: HandleStacks,
        slots: np.ndarray | None = None,
    ) -> None:
        """Hand each ring its row of the stacks, read when the ring first asks for its stocks.

        No loop over the rings: each reads its stocks from here while it holds them. Rings
        left out of a new list (set not working) take their stocks from the old stacks first.
        ``slots`` are the rings' rows, if known.
        """
        if slots is None:
            slots = np.array([ring.slot for ring in rings], dtype=np.int64)
        if self._held is not None and self._held[0] is not rings:
            working = set(slots.tolist())
            for ring in self._held[0]:
                if ring.slot not in working:
                    ring.stocks_held()
        self.held_generation += 1
        self._held, self._held_index = (rings, numbers, accounts, slots), None

    def held_stocks(self, slot: int) -> tuple[np.ndarray, np.ndarray] | None:
        """The numbers and accounts last handed to the ring in ``slot`` (views), if any."""
        if self._held is None:
            return None
        rings, numbers, accounts, slots = self._held
        if self._held_index is None:  # the first ring to ask finds every ring's place
            self._held_index = dict(zip(slots.tolist(), range(len(rings)), strict=True))
        at = self._held_index.get(slot)
        if at is None:
            return None
        return numbers.stock(at), accounts.stock(at)

    def add(self, key: int, unique_id: int, day: int) -> int:
        """A row for a new ring entering on ``day`` (zeros); returns its slot."""
        if self.count == self.key.size:
            self._grow(2 * self.key.size)
        slot = self.count
        self.count += 1
        self.key[slot] = key
        self.unique_id[slot] = unique_id
        self.entered_day[slot] = day
        if unique_id >= self._slot_of_id.size:
            grown = np.full(max(2 * self._slot_of_id.size, unique_id + 1), -1, dtype=np.int64)
            grown[: self._slot_of_id.size] = self._slot_of_id
            self._slot_of_id = grown
        self._slot_of_id[unique_id] = slot
        return slot

    def slots_of_ids(self, unique_ids: np.ndarray) -> np.ndarray:
        """The rows of the rings with these unique ids (ids of rings in the book)."""
        return self._slot_of_id[unique_ids]

    def _grow(self, capacity: int) -> None:
        names = ("key", "unique_id", "entered_day", "working", "cross_border")
        for name in (*names, *RING_COLUMNS, *RING_TABLES):
            old = getattr(self, name)
            new = np.zeros((capacity, *old.shape[1:]), dtype=old.dtype)
            new[: old.shape[0]] = old
            setattr(self, name, new)


def _column(name: str, kind: type = float) -> property:
    """A ring's number kept in its row of the model's :class:`RingBook`."""

    def get(ring: FraudRing) -> float:
        return kind(getattr(ring.book, name)[ring.slot])

    def put(ring: FraudRing, value: float) -> None:
        getattr(ring.book, name)[ring.slot] = value

    return property(get, put, doc=f"The ring's {name.replace('_', ' ')} (in the ring book).")


def _table(name: str) -> property:
    """A ring's array kept in its row of the model's :class:`RingBook` (a view of it)."""

    def get(ring: FraudRing) -> np.ndarray:
        return getattr(ring.book, name)[ring.slot]

    def put(ring: FraudRing, value: np.ndarray) -> None:
        getattr(ring.book, name)[ring.slot] = value

    return property(get, put, doc=f"The ring's {name.replace('_', ' ')} (in the ring book).")


class FraudRing(mesa.Agent):
    """One fraud ring, organised as an industrial chain."""

    model: GovernanceModel
    skill = _column("skill")
    evasion = _column("evasion")
    coaching = _column("coaching")
    targeted_share = _column("targeted_share")
    cash = _column("cash")
    recent_profit = _column("recent_profit")
    mules = _column("mules")
    window_blocked = _column("window_blocked")
    window_contacts = _column("window_contacts")
    window_reached = _column("window_reached")
    window_called = _column("window_called")
    city_attempts = _column("city_attempts")
    city_expected_victims = _column("city_expected_victims")
    city_expected_takings = _column("city_expected_takings")
    victims_per_day = _column("victims_per_day")
    entered_day = _column("entered_day", int)
    cross_border = _column("cross_border", bool)
    portfolio = _table("portfolio")
    home = _table("home")
    abroad = _table("abroad")
    window_revenue = _table("window_revenue")
    window_attempts = _table("window_attempts")
    learned_revenue = _table("learned_revenue")
    learned_attempts = _table("learned_attempts")
    learned_blocked = _column("learned_blocked")
    learned_contacts = _column("learned_contacts")
    learned_reached = _column("learned_reached")
    learned_called = _column("learned_called")
    case_evidence = _table("case_evidence")

    def __init__(self, model: GovernanceModel, key: int, portfolio: np.ndarray) -> None:
        super().__init__(model)
        config: Fraud = model.config.fraud
        self.config = config
        # Identity for keyed draws: (day of entry, order of entry that day), equal across
        # scenarios, so the same ring has the same luck wherever it exists.
        self.key = key
        self.book = model.ring_book
        self.slot = self.book.add(key, self.unique_id, model.day)
        self.full_strength = self._staffing(model.keyed.normal("ring_size", key)[0])
        sigma = config.ring_skill_sigma
        self.skill = float(np.exp(sigma * model.keyed.normal("ring_skill", key)[0] - sigma**2 / 2))
        self.home = self.full_strength.copy()
        self.abroad = np.zeros_like(self.home)
        self.cross_border = False
        if model.keyed.one("ring_abroad", key) < config.cross_border_share:
            self.relocate()
        self.recruiting: list[tuple[float, int]] = []
        self.portfolio = portfolio / portfolio.sum()
        self.targeted_share = config.targeted_share
        self.evasion = config.evasion_initial
        # Newcomers buy the scripts in circulation (see GovernanceModel.add_ring).
        self.coaching = config.coaching_initial
        self.cash = config.initial_cash
        # No stock yet (its counts are zero in its new row): stacks held for the working
        # rings stay valid when it joins them (see GovernanceModel.handle_stacks).
        self._stocks_generation = self.book.held_generation
        self._numbers = self._accounts = np.empty(0, dtype=np.int64)
        self.active = True
        # The window's counts (window_*) and what the ring has learned from its city contacts
        # over past reviews (learned_*, see adapt) start at zero in its new row of the book.
        # recent_profit, today's city contacts and their expected yield (city_*, see
        # govsim.extrapolation), and case_evidence, the expected new cases against the ring,
        # market-wide, by day over the last case_cold_days days (set by the police, see
        # PoliceForce.gather_evidence), all start at zero in the ring's new row of the book.

    def _staffing(self, size_noise: float) -> np.ndarray:
        """Members by role at full strength: the chain roles times this ring's size factor."""
        factor = np.exp(self.config.ring_size_sigma * size_noise)
        counts = np.array(self.config.roles.counts(), dtype=float) * factor
        staffing = np.maximum(np.round(counts), 0).astype(np.int64)
        staffing[LEADER] = 1
        staffing[OPERATORS] = max(int(staffing[OPERATORS]), 1)
        return staffing

    # --- stocks -----------------------------------------------------------------------------
    @property
    def numbers(self) -> np.ndarray:
        """The phone numbers in stock (handle ids); their count is kept in the ring book."""
        return self.stocks_held()[0]

    @numbers.setter
    def numbers(self, value: np.ndarray) -> None:
        self.stocks_held()
        self._numbers = value
        self.book.numbers_held[self.slot] = value.size
        self.book.stocks_changed += 1

    @property
    def accounts(self) -> np.ndarray:
        """The online accounts in stock (handle ids); their count is kept in the ring book."""
        return self.stocks_held()[1]

    @accounts.setter
    def accounts(self, value: np.ndarray) -> None:
        self.stocks_held()
        self._accounts = value
        self.book.accounts_held[self.slot] = value.size
        self.book.stocks_changed += 1

    def stocks_held(self) -> tuple[np.ndarray, np.ndarray]:
        """The numbers and accounts, taken from the book if it handed out stocks since.

        See :meth:`GovernanceModel.plan_rings`, which restocks every ring in one pass, and
        :meth:`RingBook.hold_stocks`.
        """
        book = self.book
        if self._stocks_generation != book.held_generation:
            self._stocks_generation = book.held_generation
            handed = book.held_stocks(self.slot)
            if handed is not None:
                self._numbers, self._accounts = handed
        return self._numbers, self._accounts

    @property
    def active(self) -> bool:
        """Whether the ring still operates (False once dissolved or quit)."""
        return self._active

    @active.setter
    def active(self, value: bool) -> None:
        self._active = value
        self.book.working[self.slot] = value
        self.book.roster_changed += 1

    # --- membership -------------------------------------------------------------------------
    @property
    def members(self) -> np.ndarray:
        """Members by role, at home and abroad together."""
        return self.home + self.abroad

    def _members(self, role: int) -> int:
        """Members in one role, at home and abroad (one entry of :attr:`members`)."""
        return int(self.home[role] + self.abroad[role])

    @property
    def operators(self) -> int:
        """Callers and chatters on duty."""
        return int(self.members[OPERATORS])

    def relocate(self) -> None:
        """Move the ring's base abroad; most data buyers and money movers stay home."""
        self.cross_border = True
        stay = self.config.domestic_share_abroad_ring
        movers = self.home.copy()
        keyed, day = self.model.keyed, self.model.day
        for role in STAY_HOME_ROLES:
            draws = keyed.uniform("ring_movers_stay", self.key, day, role, np.arange(movers[role]))
            movers[role] = int((draws >= stay).sum())
        self.home -= movers
        self.abroad += movers

    def lose_members(self, taken_home: np.ndarray, taken_abroad: np.ndarray) -> bool:
        """Remove arrested members; return True if the ring is dissolved by it."""
        self.home -= taken_home
        self.abroad -= taken_abroad
        taken = taken_home + taken_abroad
        core_left = self.members[CORE] / max(self.full_strength[CORE], 1)
        if taken[LEADER] and core_left <= 1.0 - self.config.dissolution_core_share:
            self.active = False
            return True
        vacancies = taken.copy()
        if taken[LEADER] and self.members[CORE] > 0:
            self._promote_core_member()
            vacancies[LEADER] -= 1
            vacancies[CORE] += 1
        self._recruit_replacements(vacancies)
        return False

    def _promote_core_member(self) -> None:
        side = self.home if self.home[CORE] > 0 else self.abroad
        side[CORE] -= 1
        side[LEADER] += 1

    def _recruit_replacements(self, taken: np.ndarray) -> None:
        delay = self.config.recruitment_delay_days * self.model.recruitment_slowdown()
        keyed, day = self.model.keyed, self.model.day
        for role in np.flatnonzero(taken):
            vacancies = np.arange(int(taken[role]))
            waits = delay * keyed.exponential("recruitment_delay", self.key, day, role, vacancies)
            self.recruiting.extend((day + float(wait), int(role)) for wait in waits)

    def admit_recruits(self) -> None:
        """Recruits whose delay has passed join the ring (abroad if the ring is abroad)."""
        if not self.recruiting:
            return
        today = self.model.day
        joined = [role for due, role in self.recruiting if due <= today]
        self.recruiting = [(due, role) for due, role in self.recruiting if due > today]
        side = self.abroad if self.cross_border else self.home
        for role in joined:
            if role in STAY_HOME_ROLES:
                self.home[role] += 1
            else:
                side[role] += 1

    # --- planning and assets ----------------------------------------------------------------
    def handle_demand(self) -> tuple[int, int, int]:
        """SIM cards, accounts and mule accounts wanted to restore full working stock."""
        numbers, accounts, mules = handle_demands([self])[0]
        return int(numbers), int(accounts), int(mules)

    def wear_mules(self) -> None:
        """Mule accounts wear out: banks close them, their holders sell them on or quit."""
        wear_mules(self.book, self.slot, self.config)

    def take_delivery(self, numbers: int, accounts: int, mules: int, cost: float) -> None:
        """Receive bought SIMs, accounts and mule accounts, and pay for them."""
        registry = self.model.handles
        self.receive(
            registry.issue(self.unique_id, self.key, NUMBER, numbers),
            registry.issue(self.unique_id, self.key, ACCOUNT, accounts),
            mules,
            cost,
        )

    def receive(self, numbers: np.ndarray, accounts: np.ndarray, mules: int, cost: float) -> None:
        """Add issued handles and mule accounts to the stocks, and pay for them."""
        self.stock_handles(numbers, accounts)
        receive_mules(self.book, self.slot, mules, cost)

    def stock_handles(self, numbers: np.ndarray, accounts: np.ndarray) -> None:
        """Add issued numbers and accounts to the stocks."""
        if numbers.size:
            self.numbers = np.concatenate([self.numbers, numbers])
        if accounts.size:
            self.accounts = np.concatenate([self.accounts, accounts])

    def transfer_capacity(self) -> float:
        """Victim transfers per day the ring's mule accounts can receive, market-wide."""
        if not self.active:
            return 0.0
        return self.mules * self.config.transfers_per_mule_day

    # --- accounts of the day ----------------------------------------------------------------
    def pay(self, amount: float) -> None:
        """Spend cash on inputs (records)."""
        pay(self.book, self.slot, amount)

    def book_revenue(self, amount: float) -> None:
        """Cash out laundered proceeds (market-wide equivalent), less members' commission."""
        book_revenue(self.book, self.slot, amount, self.config)

    def pay_running_costs(self) -> None:
        """Wages; losing tells whether the last month's profit is negative."""
        pay_running_costs(self.book, self.slot, int(self.members.sum()), self.config)

    @property
    def established(self) -> bool:
        """Whether the ring has worked a month: before that, its recent profit is start-up."""
        return bool(established(self.book, self.slot, self.model.day))

    def should_exit(self, draw: float) -> bool:
        """Whether the ring quits today: broke, or at random while it is losing money.

        See :func:`should_exit`, which decides for all rings at once.
        """
        return bool(should_exit(self.book, self.slot, self.model.day, draw, self.config))

    # --- adaptation -------------------------------------------------------------------------
    def adapt(self, active_types: np.ndarray) -> None:
        """Shift portfolio and mode toward what paid, and learn to evade blocking.

        What paid is read from the ring's city contacts since its last reviews: the window
        just closed, plus the earlier ones fading, remembered over as many windows as the
        city is smaller than ``MEMORY_REFERENCE_RESIDENTS`` (one window from that size up).
        A ring learns what pays across its whole market; a small city's sample of a week holds
        too few of its contacts (often none in targeted mode), and learning from it alone
        would make the rings' strategy, hence results, depend on the city's size.
        """
        remember_windows(self.book, self.slot, self.model.config.population.size)
        self.review(active_types)
        reset_windows(self.book, self.slot)

    def review(self, active_types: np.ndarray) -> None:
        """:meth:`adapt` once the window is remembered: portfolio, mode, evasion, coaching."""
        review_rings(self.book, np.array([self.slot]), active_types, self.config)


# --- the review of all rings at once (see FraudRing.adapt) ------------------------------------
def review_rings(book: RingBook, slots: np.ndarray, active_types: np.ndarray, config: Fraud):
    """Rings shift portfolio and mode toward what paid, and learn to evade blocking.

    What :meth:`FraudRing.adapt` does once the window is remembered, for the rings in these
    rows of the book at once. Every number is computed as for one ring at a time, sums
    over a ring's chosen scam types included (:func:`_sums_where`): results do not change.
    """
    attempts, revenue = book.learned_attempts[slots], book.learned_revenue[slots]
    by_type = attempts.sum(axis=2), revenue.sum(axis=2)
    _review_portfolios(book, slots, *by_type, active_types, config)
    _adapt_modes(book, slots, attempts.sum(axis=1), revenue.sum(axis=1), config)
    members = book.home[slots] + book.abroad[slots]
    # Technicians improve evasion against what was blocked.
    _learn(book.evasion, slots, book.learned_blocked, book.learned_contacts)(
        members[:, TECHNICIANS], config.evasion_max, config.evasion_learning
    )
    # Script designers rewrite the script against the police calls the targets get. The
    # signal is the share of the ring's reached contacts the anti-fraud centre called:
    # thousands of contacts a month, where the victims it lost to calls would be a handful
    # in a small city. This is the rings' answer to a centre that can call every lead when
    # fraud is rare: without it, the fewer the rings the surer their victims are talked out
    # of paying, and a market under a strong centre could tip to none (docs/ODD.md 9).
    _learn(book.coaching, slots, book.learned_called, book.learned_reached)(
        members[:, SCRIPT_DESIGNERS], config.coaching_max, config.coaching_learning
    )


def _review_portfolios(
    book: RingBook,
    slots: np.ndarray,
    attempts: np.ndarray,
    revenue: np.ndarray,
    active_types: np.ndarray,
    config: Fraud,
) -> None:
    """Portfolios move toward each open type's payoff per attempt (rings x types)."""
    tried = (attempts > 0) & active_types
    payoff = np.where(tried, revenue / np.maximum(attempts, 1), 0.0)
    total = _sums_where(payoff, tried)
    moving = (tried.any(axis=1) & (total > 0)).nonzero()[0]
    if not moving.size:
        return
    rows = slots[moving]
    tried, payoff, total = tried[moving], payoff[moving], total[moving, None]
    portfolio = book.portfolio[rows]
    share = _sums_where(portfolio, tried)[:, None]
    target = np.where(tried, payoff / total * share, portfolio)
    mixed = (1 - config.adaptation_rate) * portfolio + config.adaptation_rate * target
    book.portfolio[rows] = _with_floor(mixed, config.exploration)


def _adapt_modes(
    book: RingBook, slots: np.ndarray, attempts: np.ndarray, revenue: np.ndarray, config: Fraud
) -> None:
    """The targeted share moves toward the mode with the better yield per operator."""
    moving = (~(attempts <= 0).any(axis=1)).nonzero()[0]
    per_operator = np.array(
        [config.broadcast_attempts_per_operator, config.targeted_attempts_per_operator]
    )
    yields = revenue[moving] / attempts[moving] * per_operator
    total = yields.sum(axis=1)
    paying = ~(total <= 0)
    rows, yields, total = slots[moving[paying]], yields[paying], total[paying]
    goal = yields[:, 1] / total
    rate, share = config.adaptation_rate, book.targeted_share[rows]
    book.targeted_share[rows] = np.minimum(np.maximum(share + rate * (goal - share), 0.05), 0.95)


def _learn(level: np.ndarray, slots: np.ndarray, signal: np.ndarray, base: np.ndarray):
    """A skill (``level``, a ring-book column) grows with the share ``signal / base``.

    Returns the step, given the members who learn (none: no learning), the most the skill
    can reach and the rate of learning.
    """

    def step(learners: np.ndarray, most: float, rate: float) -> None:
        rows = slots[~(base[slots] <= 0) & (learners != 0)]
        share = signal[rows] / base[rows]
        level[rows] += rate * share * np.maximum(most - level[rows], 0.0)

    return step


def _sums_where(values: np.ndarray, chosen: np.ndarray) -> np.ndarray:
    """Each row's sum of its chosen values: ``values[i][chosen[i]].sum()``, bit for bit.

    numpy sums eight items or more pairwise, so a row with zeros in place of the values
    left out could round differently: each row's chosen values are packed to the front and
    rows with as many chosen are summed together, as numpy sums each alone.
    """
    counts = chosen.sum(axis=1)
    order = (~chosen).argsort(axis=1, kind="stable")
    packed = np.take_along_axis(values, order, axis=1)
    sums = np.zeros(values.shape[0])
    for count in np.unique(counts).tolist():
        rows = counts == count
        sums[rows] = packed[rows, :count].sum(axis=1)
    return sums


def _with_floor(weights: np.ndarray, floor: float) -> np.ndarray:
    """Raise each row's weights below ``floor`` to it, taking the mass pro rata from the others."""
    weights = weights / weights.sum(axis=1, keepdims=True)
    floor = min(floor, 1.0 / weights.shape[1])
    low = weights < floor
    lifted = np.empty_like(weights)
    rows = np.arange(weights.shape[0])
    while rows.size:
        mine, below = weights[rows], low[rows]
        rest = _sums_where(mine, ~below)[:, None]
        lifting = np.where(below, floor, mine * (1.0 - floor * below.sum(axis=1))[:, None] / rest)
        newly_low = (lifting < floor) & ~below
        settled = ~newly_low.any(axis=1)
        lifted[rows[settled]] = lifting[settled]
        low[rows] = below | newly_low
        rows = rows[~settled]
    return lifted


# --- the day's planning of all rings at once (rings are few; their days are many) -------------
def slots_of(rings: list[FraudRing]) -> np.ndarray:
    """The rows of these rings in their :class:`RingBook`, in the same order."""
    if not rings:
        return np.empty(0, dtype=np.int64)
    return rings[0].book.rows(rings)


def member_table(rings: list[FraudRing]) -> np.ndarray:
    """Members by role of each ring, at home and abroad together (rings x roles).

    Read from the ring book instead of one :attr:`FraudRing.members` per ring: the model
    counts every ring's members several times a day.
    """
    if not rings:
        return np.zeros((0, len(ROLES)), dtype=np.int64)
    book, slots = rings[0].book, slots_of(rings)
    return book.home[slots] + book.abroad[slots]


def market_attempts(
    rings: list[FraudRing], active_types: np.ndarray, uses_phone: np.ndarray
) -> np.ndarray:
    """Each ring's attempts per scam type and mode across the market today (rings x types x 2).

    Operators split between broadcast and targeted work by the ring's targeted share, spread
    over the open scam types by its portfolio, as far as its numbers and accounts can carry.
    """
    if not rings:
        return np.zeros((0, active_types.size, len(MODES)))
    config = rings[0].config
    book, slots = rings[0].book, slots_of(rings)
    weights = book.portfolio[slots] * active_types
    total = weights.sum(axis=1, keepdims=True)
    weights = np.divide(weights, total, out=np.zeros(weights.shape), where=total > 0)
    operators = (book.home[slots, OPERATORS] + book.abroad[slots, OPERATORS]).astype(float)
    targeted = book.targeted_share[slots]
    broadcast = operators * (1 - targeted) * config.broadcast_attempts_per_operator
    targeted = operators * targeted * config.targeted_attempts_per_operator
    # weights[:, :, None] * per_mode[:, None, :], mode by mode (numpy broadcasts a last axis
    # of two slowly: some four times as long).
    attempts = np.empty((*weights.shape, len(MODES)))
    np.multiply(weights, broadcast[:, None], out=attempts[:, :, 0])
    np.multiply(weights, targeted[:, None], out=attempts[:, :, 1])
    numbers, accounts = book.numbers_held[slots], book.accounts_held[slots]
    phone = _carried(attempts[:, uses_phone].sum(axis=(1, 2)), numbers)
    online = _carried(attempts[:, ~uses_phone].sum(axis=(1, 2)), accounts)
    carried = np.where(uses_phone, phone[:, None], online[:, None])
    attempts *= carried[:, :, None]
    return attempts


def _carried(need: np.ndarray, handles: np.ndarray) -> np.ndarray:
    """Share of the attempts needed that ``handles`` can carry (1 when none are needed)."""
    capacity = handles * ATTEMPTS_PER_HANDLE_DAY
    share = np.divide(capacity, need, out=np.ones(need.shape), where=need > 0)
    return np.minimum(share, 1.0)


def handle_demands(rings: list[FraudRing]) -> np.ndarray:
    """SIM cards, accounts and mule accounts each ring wants to restore full stock (rings x 3)."""
    if not rings:
        return np.zeros((0, 3), dtype=np.int64)
    config = rings[0].config
    members = member_table(rings)
    operators = members[:, OPERATORS].astype(float)
    book, slots = rings[0].book, slots_of(rings)
    want = np.array(  # one row per good, then a column per ring
        [
            np.ceil(operators * config.numbers_per_operator) - book.numbers_held[slots],
            np.ceil(operators * config.accounts_per_operator) - book.accounts_held[slots],
            np.ceil(members[:, MONEY_MOVERS] * config.mules_per_money_mover - book.mules[slots]),
        ]
    )
    return np.maximum(want, 0).astype(np.int64).T


# --- the day's accounts of rings, one (a slot) or all at once (an array of slots) -------------
Slots = int | np.ndarray
"""A ring's row in the ring book, or an array of rows."""


def pay(book: RingBook, slots: Slots, amount: float | np.ndarray) -> None:
    """Rings spend cash on inputs."""
    book.cash[slots] -= amount
    book.recent_profit[slots] -= amount


def receive_mules(book: RingBook, slots: Slots, mules: int | np.ndarray, cost: float | np.ndarray):
    """Rings add bought mule accounts to their stock and pay for all they bought."""
    book.mules[slots] += mules
    pay(book, slots, cost)


def wear_mules(book: RingBook, slots: Slots, config: Fraud) -> None:
    """Mule accounts wear out: banks close them, their holders sell them on or quit."""
    book.mules[slots] *= 1.0 - 1.0 / config.mule_life_days


def book_revenue(book: RingBook, slots: Slots, amount: float | np.ndarray, config: Fraud) -> None:
    """Rings cash out laundered proceeds (market-wide equivalent), less members' commission."""
    kept = amount * (1.0 - config.commission_share)
    book.cash[slots] += kept
    book.recent_profit[slots] += kept


def pay_running_costs(
    book: RingBook, slots: Slots, members: int | np.ndarray, config: Fraud
) -> None:
    """Wages for ``members`` (head counts); losing tells whether recent profit is negative."""
    wages = np.asarray(members).astype(float) * config.wage_per_member_day
    book.cash[slots] -= wages
    book.recent_profit[slots] -= wages


def established(book: RingBook, slots: Slots, day: int) -> bool | np.ndarray:
    """Whether rings have worked a month: before that, their recent profit is start-up."""
    return day - book.entered_day[slots] >= PROFIT_MEMORY_DAYS


def should_exit(
    book: RingBook, slots: Slots, day: int, draw: float | np.ndarray, config: Fraud
) -> bool | np.ndarray:
    """Whether rings quit today: broke, or at random while losing money.

    A ring is a business: its backers pull out of a den that keeps losing money rather
    than spend their reserve on it, each on their own day (``draw`` is the ring's
    uniform for today). A ring in its first month is not judged on profit: it has just
    bought its stock and its first victims have not paid yet.
    """
    losing = (book.recent_profit[slots] < 0) & established(book, slots, day)
    return (book.cash[slots] < 0) | (losing & (draw < 1.0 / config.exit_after_loss_days))


WINDOWS: tuple[tuple[str, str], ...] = tuple(
    (f"learned_{name}", f"window_{name}")
    for name in ("revenue", "attempts", "blocked", "contacts", "reached", "called")
)
"""What a ring learns (learned_*) from each window of city contacts (window_*)."""


def remember_windows(book: RingBook, slots: Slots, residents: int) -> None:
    """Rings fold the window just closed into what they learned, the earlier ones fading.

    Remembered over as many windows as the city is smaller than
    ``MEMORY_REFERENCE_RESIDENTS`` (see :meth:`FraudRing.adapt`).
    """
    windows = max(1.0, MEMORY_REFERENCE_RESIDENTS / residents)
    keep = 1.0 - 1.0 / windows
    for learned, window in WINDOWS:
        table = getattr(book, learned)
        table[slots] = keep * table[slots] + getattr(book, window)[slots]


def reset_windows(book: RingBook, slots: Slots) -> None:
    """Rings start a new window of city contacts."""
    for _, window in WINDOWS:
        getattr(book, window)[slots] = 0.0

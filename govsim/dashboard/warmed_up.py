"""Cities at the end of their warm-up, kept for the server's next build of the same one.

A build runs the city's warm-up (730 days by default): 5 to 20 seconds in which a trainer's
audience waits. A reset, a return to a scenario shown before, or a scenario that differs only
in its events (``baseline`` and ``data_breach``: :mod:`govsim.warmup`) needs the same warm-up
again, so the server keeps the last few pickled at their day 0 and continues a copy of one as
the scenario chosen (``GovernanceModel.continue_as``), which is the model the full build gives
(tests/dashboard/test_warmed_up.py). A class of trainees opening the page at once asks for the
same city many times over: one session runs its warm-up, the others wait for it and follow its
progress, rather than dividing two cores among twenty warm-ups.
"""

from __future__ import annotations

import pickle
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field

from govsim.dashboard.chosen import ChosenScenario
from govsim.model import GovernanceModel
from govsim.scenario.schema import Scenario
from govsim.warmup import warmup_key, warmup_part

KEPT_BYTES = 512 * 2**20
"""At most this many bytes of warmed-up cities are kept (a 20,000-resident city takes about 3
MB, a 100,000-resident one about 13 MB); the least recently used go first."""
WAIT_SECONDS = 0.1
"""How often a session waiting for another's warm-up passes on its progress."""

Key = tuple[str, int]


@dataclass
class _WarmingUp:
    """A warm-up under way in one session, which others asking for the same city wait for."""

    share: float = 0.0
    done: threading.Event = field(default_factory=threading.Event)


class WarmedUpCities:
    """Pickled models at the end of their warm-up, by what the warm-up reads and the seed."""

    def __init__(self, kept_bytes: int = KEPT_BYTES) -> None:
        self.kept_bytes = kept_bytes
        self._kept: OrderedDict[Key, bytes] = OrderedDict()
        self._under_way: dict[Key, _WarmingUp] = {}
        self._lock = threading.Lock()
        self.warm_ups_run = 0
        """Warm-ups run to their end so far (the others were copied): what the tests count."""

    def model(
        self, scenario: Scenario, seed: int, report: Callable[[float], None]
    ) -> GovernanceModel:
        """A model of ``scenario`` with ``seed`` at the end of its warm-up, on day 0.

        ``report`` hears the share of the warm-up done, day by day, or all of it at once when
        it was kept; it may raise to stop the build (a superseded one). A session that asks
        for a city another is warming up waits for it, hearing its progress; if that one
        stops, the first waiting session to notice runs the warm-up itself.
        """
        key = (warmup_key(scenario), seed)
        ran = False
        while True:
            with self._lock:
                kept = self._kept.get(key)
                if kept is not None:
                    self._kept.move_to_end(key)
                    break
                other = self._under_way.get(key)
                if other is None:
                    mine = self._under_way[key] = _WarmingUp()
            if other is None:
                kept, ran = self._warm_up(scenario, seed, report, key, mine), True
                break
            while not other.done.wait(WAIT_SECONDS):
                report(other.share)
        if not ran:  # a warm-up run here has told its last day already
            report(1.0)
        model = pickle.loads(kept)
        model.continue_as(scenario)
        return model

    def _warm_up(
        self,
        scenario: Scenario,
        seed: int,
        report: Callable[[float], None],
        key: Key,
        mine: _WarmingUp,
    ) -> bytes:
        """Run the warm-up, keep it, and let the sessions waiting for it go (also if it stops)."""
        try:
            model = GovernanceModel(warmup_part(scenario), rng=seed)
            days = model.warmup_days
            for day in range(1, days + 1):
                model.step()
                mine.share = day / days
                report(mine.share)
            kept = pickle.dumps(model, protocol=pickle.HIGHEST_PROTOCOL)
            with self._lock:
                self.warm_ups_run += 1
                self._kept[key] = kept
                while len(self._kept) > 1 and sum(map(len, self._kept.values())) > self.kept_bytes:
                    self._kept.popitem(last=False)
            return kept
        finally:
            with self._lock:
                del self._under_way[key]
            mine.done.set()


WARMED_UP = WarmedUpCities()
"""The server's cities, shared by its sessions: each gets its own copy of the model."""


def warm_up_in_background(
    chosen: ChosenScenario, cities: WarmedUpCities = WARMED_UP
) -> threading.Thread | None:
    """Start warming up ``chosen``'s city in a daemon thread (None if the scenario has an error).

    ``govsim dashboard`` starts the city a new session opens while its server starts, so that
    the first page finds it warming up (and follows its progress) or ready.
    """
    scenario = chosen.scenario
    if scenario is None:
        return None

    def warm_up() -> None:
        try:
            cities.model(scenario, scenario.seed, unheard)
        except Exception:  # the session's own build shows the same error
            return

    thread = threading.Thread(target=warm_up, name="govsim-first-city", daemon=True)
    thread.start()
    return thread


def unheard(_share: float) -> None:
    """The progress report of a build or warm-up nobody watches."""

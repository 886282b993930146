"""Cities at the end of their warm-up, kept for the server's next build of the same one.

A build runs the city's warm-up (730 days by default): 5 to 20 seconds in which a trainer's
audience waits. A reset, a return to a scenario shown before, or a scenario that differs only
in its events (``baseline`` and ``data_breach``: :mod:`govsim.warmup`) needs the same warm-up
again, so the server keeps the last few pickled at their day 0 and continues a copy of one as
the scenario chosen (``GovernanceModel.continue_as``), which is the model the full build gives
(tests/dashboard/test_warmed_up.py).
"""

from __future__ import annotations

import pickle
import threading
from collections import OrderedDict
from collections.abc import Callable

from govsim.model import GovernanceModel
from govsim.scenario.schema import Scenario
from govsim.warmup import warmup_key, warmup_part

KEPT_BYTES = 512 * 2**20
"""At most this many bytes of warmed-up cities are kept (a 20,000-resident city takes about 3
MB, a 100,000-resident one about 13 MB); the least recently used go first."""


class WarmedUpCities:
    """Pickled models at the end of their warm-up, by what the warm-up reads and the seed."""

    def __init__(self, kept_bytes: int = KEPT_BYTES) -> None:
        self.kept_bytes = kept_bytes
        self._kept: OrderedDict[tuple[str, int], bytes] = OrderedDict()
        self._lock = threading.Lock()
        self.warm_ups_run = 0
        """Warm-ups run so far (the others were copied): what the tests count."""

    def model(
        self, scenario: Scenario, seed: int, report: Callable[[float], None]
    ) -> GovernanceModel:
        """A model of ``scenario`` with ``seed`` at the end of its warm-up, on day 0.

        ``report`` hears the share of the warm-up done, day by day, or all of it at once when
        it was kept.
        """
        key = (warmup_key(scenario), seed)
        with self._lock:
            kept = self._kept.get(key)
            if kept is not None:
                self._kept.move_to_end(key)
        if kept is None:
            kept = self._warm_up(scenario, seed, report)
            self._keep(key, kept)
        else:
            report(1.0)
        model = pickle.loads(kept)
        model.continue_as(scenario)
        return model

    def _warm_up(self, scenario: Scenario, seed: int, report: Callable[[float], None]) -> bytes:
        model = GovernanceModel(warmup_part(scenario), rng=seed)
        days = model.warmup_days
        for day in range(1, days + 1):
            model.step()
            report(day / days)
        self.warm_ups_run += 1
        return pickle.dumps(model, protocol=pickle.HIGHEST_PROTOCOL)

    def _keep(self, key: tuple[str, int], kept: bytes) -> None:
        with self._lock:
            self._kept[key] = kept
            self._kept.move_to_end(key)
            while len(self._kept) > 1 and sum(map(len, self._kept.values())) > self.kept_bytes:
                self._kept.popitem(last=False)


WARMED_UP = WarmedUpCities()
"""The server's cities, shared by its sessions: each gets its own copy of the model."""

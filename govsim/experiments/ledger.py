"""Which record of a run stands for it, when a run failed and was run again.

The parts of a results folder are only ever added to, never rewritten for a retry: a failed run
that a later sweep runs again gets a second record in a newer part, and the failed one stays.
Every reader (the sweep's resume, ``read_results``, ``govsim analyze``) therefore takes, per
run, the record this module picks: the run's ok record if it has one (a finished run is never
run again, so its records are equal), else its newest failed record (the latest traceback).
A crash part-way through a retry leaves a mix of both, which reads as the runs so far retried.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import pandas as pd

OK = "ok"
FAILED = "failed"


def standing(records: pd.DataFrame) -> pd.Series:
    """Whether each record stands for its run: its ok record, else its newest failed one.

    Args:
        records: The records of the runs, with columns ``run`` and ``status``, in the order
            they were written (part by part, oldest first); the index must be unique.

    Returns:
        A boolean Series on ``records``' index, true for one record per run.
    """
    newest_first = records.iloc[::-1]
    ok_first = newest_first.sort_values("status", key=lambda status: status != OK, kind="stable")
    return (~ok_first["run"].duplicated()).reindex(records.index)


@dataclass
class Ledger:
    """Runs recorded in a results folder, by standing: finished, or failed on every try so far."""

    ok: set[int] = field(default_factory=set)
    failed: set[int] = field(default_factory=set)

    @classmethod
    def of(cls, records: pd.DataFrame) -> Ledger:
        """The ledger of records with columns ``run`` and ``status``, in any order."""
        finished = records["status"] == OK
        ok = set(records.loc[finished, "run"].tolist())
        return cls(ok, set(records.loc[~finished, "run"].tolist()) - ok)

    def add(self, records: Iterable[tuple[int, str]]) -> None:
        """Take more (run, status) records: an ok one outranks any failed one, before or after."""
        for run, status in records:
            if status == OK:
                self.ok.add(int(run))
                self.failed.discard(int(run))
            elif int(run) not in self.ok:
                self.failed.add(int(run))

    def copy(self) -> Ledger:
        """A ledger of the same runs that later records leave as it is."""
        return Ledger(set(self.ok), set(self.failed))

    @property
    def runs(self) -> int:
        """Runs recorded, finished or failed (each once, however often it was run)."""
        return len(self.ok) + len(self.failed)

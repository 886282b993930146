"""A Dask sweep's queue follows its cluster: workers that join late are given runs."""

from __future__ import annotations

from govsim.experiments import DaskCluster
from tests.experiments.clusters import local_cluster
from tests.experiments.stand_ins import nap

NAPS = 60
NAP_SECONDS = 0.25
WORKERS_LATER = 4


def _most_at_once(spans: list[tuple[float, float]]) -> int:
    """The largest number of spans open at one moment."""
    events = sorted([(began, 1) for began, _ in spans] + [(ended, -1) for _, ended in spans])
    running = most = 0
    for _, change in events:
        running += change
        most = max(most, running)
    return most


def _lost(task: object, reason: str) -> tuple[float, float]:
    raise AssertionError(f"task {task!r} lost: {reason}")


def test_workers_that_join_a_running_sweep_get_runs() -> None:
    # One worker when the sweep starts, as on a batch cluster whose jobs start one by one.
    # With a queue sized once at the start, no more than 2 naps could ever run at once.
    with (
        local_cluster(1) as cluster,
        DaskCluster(address=cluster.scheduler_address) as backend,
    ):
        spans = []
        for span in backend.imap_unordered(nap, [NAP_SECONDS] * NAPS, _lost):
            if not spans:
                cluster.scale(WORKERS_LATER)
                # On a loaded machine starting workers takes longer than the naps left for the
                # first worker: wait for them, so that the sweep is still running when they join.
                backend.client.wait_for_workers(WORKERS_LATER, timeout=120)
            spans.append(span)
    assert len(spans) == NAPS
    assert _most_at_once(spans) > 2, "the workers that joined were given runs"


def test_the_queue_holds_at_least_two_runs_per_worker_asked_for() -> None:
    # A sweep may start before its workers: it queues for the workers it was asked to use,
    # and for more once more join.
    with (
        local_cluster(0) as cluster,
        DaskCluster(workers=3, address=cluster.scheduler_address) as backend,
    ):
        assert backend.queue_length() == 6
        cluster.scale(4)
        backend.client.wait_for_workers(4)
        assert backend.queue_length() == 8


class _UnreachableScheduler:
    def nthreads(self) -> dict[str, int]:
        raise OSError("connection to the scheduler lost")


def test_a_scheduler_that_cannot_answer_leaves_the_queue_as_it_was():
    backend = DaskCluster(workers=2)
    backend.client = _UnreachableScheduler()
    assert backend._resized(10) == 10

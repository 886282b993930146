"""A Dask cluster of one's own for tests, started as a user's would be, without side effects.

Dask's nannies write their default ``MALLOC_TRIM_THRESHOLD_`` into the environment of the
process that starts them, where it stays; every cluster started later in that process, govsim's
too, would inherit it. A test's own cluster is therefore started with that setting off, as
govsim's local cluster is, so that tests do not depend on their order.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from govsim.experiments.backends import MALLOC_TRIM_KEY


@contextmanager
def local_cluster(workers: int) -> Iterator[Any]:
    """A running ``distributed.LocalCluster`` of single-threaded workers."""
    import dask
    from distributed import LocalCluster

    with (
        dask.config.set({MALLOC_TRIM_KEY: None}),
        LocalCluster(n_workers=workers, threads_per_worker=1, dashboard_address=None) as cluster,
    ):
        yield cluster

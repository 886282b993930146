"""Results on disk and on screen: tidy Parquet files, the run record, a summary with CIs.

Files are written atomically (to a temporary name, then renamed), so an interrupted run never
leaves a half-written file that looks complete, and with the permissions the user's umask asks
for, as any other program's files. The command line checks the results folder before a run
(:func:`check_results_folder`): a run of hours must not end in an unwritable folder, nor
silently replace earlier results.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pandas as pd
from scipy.special import stdtrit

from govsim.labels import is_share, phrase
from govsim.runner import RunResults
from govsim.scenario.loading import dump_scenario, load_scenario
from govsim.versions import versions
from govsim.worded import WordedError

HEADLINE = (
    "victims",
    "gross_loss",
    "frozen",
    "net_loss",
    "attempts",
    "contacts_reached",
    "blocked_telecom",
    "blocked_platform",
    "dissuaded",
    "held_by_bank",
    "reports",
    "cases_linked",
    "arrests",
    "arrests_cross_border",
    "convictions",
    "legit_calls_blocked",
    "legit_transfers_delayed",
    "legit_content_removed",
    "report_share",
    "recovered_share",
    "reported_recovered_share",
    "cross_border_loss_share",
    "median_hours_to_freeze",
    "governance_cost",
    "cost_police",
    "cost_banks",
    "cost_telecoms",
    "cost_platforms",
    "cost_judiciary",
    "cost_education",
    "cost_cooperation",
)
"""City measures, in the order shown (arrests and convictions attributed to the city)."""
MARKET_HEADLINE = (
    "rings_active_end",
    "ring_members_end",
    "rings_entered",
    "rings_exited",
    "rings_dissolved",
    "operations",
    "arrests",
    "convictions",
)
"""Market-wide measures (the whole market the rings serve), shown apart from the city's."""
RATES = ("share", "freeze", "_end")


def t_quantile(dof: int) -> float:
    """The two-sided 95% Student t quantile for ``dof`` degrees of freedom (at least 1).

    Exact for every ``dof``: a table that stopped at 30 and fell back to the normal 1.96 gave
    intervals of 32 or more replications (``--precision`` runs, long sweeps) about 94%
    coverage, and a verdict could call clear a difference whose p-value exceeded 0.05.
    """
    if dof < 1:
        raise ValueError(f"a t quantile needs at least 1 degree of freedom, not {dof}")
    return float(stdtrit(dof, 0.975))


def mean_ci(values: pd.Series) -> tuple[float, float, float]:
    """Mean and 95% confidence interval over replications (NaNs ignored)."""
    data = values.dropna().to_numpy(dtype=float)
    if data.size == 0:
        return math.nan, math.nan, math.nan
    mean = float(data.mean())
    if data.size == 1:
        return mean, math.nan, math.nan
    half = t_quantile(data.size - 1) * float(data.std(ddof=1)) / math.sqrt(data.size)
    return mean, mean - half, mean + half


CAN_BE_NEGATIVE = frozenset({"net_loss"})
"""Measures that can fall below zero: money frozen in the measured days (or on one day) may
have been paid before them, so a short run's or a day's net loss can be negative. Every other
measure is a count, yuan, hours or a share, none of which can."""


def measure_ci(values: pd.Series, measure: str) -> tuple[float, float, float]:
    """Mean and 95% interval of a measure, the interval kept within the values it can take.

    A t interval is symmetric, so for a rare count (a few victims in some replications, none
    in most) it reaches below zero, which no mean of counts can. Cutting it at zero (and a
    share's at one) loses none of its coverage: the true mean lies within those bounds.
    """
    mean, low, high = mean_ci(values)
    if math.isnan(low):
        return mean, low, high
    if measure not in CAN_BE_NEGATIVE:
        low, high = max(low, 0.0), max(high, 0.0)
    if is_share(measure):
        low, high = min(low, 1.0), min(high, 1.0)
    return mean, low, high


def summary_statistics(summary: pd.DataFrame) -> pd.DataFrame:
    """One row per city measure: mean, CI bounds, and per 100k residents per year.

    The rate per 100k residents per year is given for counts only (not for shares or hours).
    Intervals stay within the values a measure can take (:func:`measure_ci`).
    """
    residents = float(summary["residents"].iloc[0])
    years = float(summary["days"].iloc[0]) / 365.0
    rows = []
    for name in HEADLINE:
        mean, low, high = measure_ci(summary[name], name)
        rate = math.nan if name.endswith(RATES) else mean * 1e5 / residents / years
        rows.append(
            {"measure": name, "mean": mean, "ci_low": low, "ci_high": high, "per_100k": rate}
        )
    return pd.DataFrame(rows)


def market_statistics(market: pd.DataFrame) -> pd.DataFrame:
    """One row per market-wide measure: mean and CI over replications (no per-resident rate)."""
    per_run = market_totals(market)
    rows = []
    for name in MARKET_HEADLINE:
        mean, low, high = measure_ci(per_run[name], name)
        rows.append({"measure": name, "mean": mean, "ci_low": low, "ci_high": high})
    return pd.DataFrame(rows)


def market_totals(market: pd.DataFrame) -> pd.DataFrame:
    """Per replication: market-wide totals over the measured days and ring levels at the end."""
    grouped = market.sort_values("day").groupby("replication")
    totals = grouped[["rings_entered", "rings_exited", "rings_dissolved", "operations"]].sum()
    totals[["arrests", "convictions"]] = grouped[["arrests", "convictions"]].sum()
    totals["rings_active_end"] = grouped["rings_active"].last()
    totals["ring_members_end"] = grouped["ring_members"].last()
    return totals.reset_index()


def scenario_hash(text: str) -> str:
    """A short, stable fingerprint of the resolved scenario text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


class ResultsFolderError(WordedError):
    """The results folder cannot take this run's results; the message says why and what to do."""

    phrases = staticmethod(phrase)


def check_results_folder(out_dir: Path, force: bool = False) -> None:
    """Check, before a run, that its results can be written into ``out_dir``.

    The folder must be a folder (or not exist yet, under a writable folder); one that already
    holds files is refused unless ``force``, as results replaced without a word are lost.

    Raises:
        ResultsFolderError: naming the folder, the reason, and the option that helps.
    """
    if out_dir.exists() and not out_dir.is_dir():
        raise ResultsFolderError("out_is_a_file", folder=out_dir)
    if not force and out_dir.is_dir() and any(out_dir.iterdir()):
        raise ResultsFolderError("out_holds_results", folder=out_dir)
    existing = _nearest_existing(out_dir)
    if not existing.is_dir():
        raise ResultsFolderError("out_under_a_file", folder=out_dir, existing=existing)
    if not os.access(existing, os.W_OK | os.X_OK):
        raise ResultsFolderError("out_read_only", folder=out_dir, existing=existing)


def _nearest_existing(path: Path) -> Path:
    """The path itself if it exists, else its nearest existing ancestor."""
    path = path.absolute()
    while not path.exists() and path != path.parent:
        path = path.parent
    return path


FRAMES = ("summary", "timeseries", "by_scam", "market", "by_region", "by_institution")
"""The frames of a run, each written to ``<frame>.parquet``, in this order."""
RESOLVED = "scenario.resolved.yaml"
RECORD = "run.json"


def write_results(results: RunResults, out_dir: Path, wall_seconds: float) -> list[Path]:
    """Write the frames, the resolved scenario and the run record into ``out_dir``.

    Files already there with the same names are replaced, each atomically; other files are
    left alone.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    resolved = dump_scenario(results.scenario)
    record = {
        "scenario": results.scenario.name,
        "scenario_hash": scenario_hash(resolved),
        "replications": len(results.seeds),
        "seed": results.scenario.seed,
        "seeds": results.seeds,
        "wall_seconds": round(wall_seconds, 3),
        # Same seed, same results needs the same numpy and scipy (README, reproducibility).
        **versions(),
    }
    written = [
        *(
            _atomic_parquet(getattr(results, frame), out_dir / f"{frame}.parquet")
            for frame in FRAMES
        ),
        _atomic_text(resolved, out_dir / RESOLVED),
        _atomic_text(json.dumps(record, indent=2, ensure_ascii=False), out_dir / RECORD),
    ]
    return written


def read_run(out_dir: Path) -> RunResults:
    """A run as :func:`write_results` wrote it: its frames, its scenario and its seeds.

    What a report is drawn from, so that a report can be written again later, in another
    language, without running anything (``govsim report``).

    Raises:
        ResultsFolderError: naming the first file that is missing or cannot be read.
    """
    for name in (*(f"{frame}.parquet" for frame in FRAMES), RESOLVED, RECORD):
        if not (out_dir / name).is_file():
            raise ResultsFolderError("run_file_missing", file=out_dir / name)
    try:
        frames = {frame: pd.read_parquet(out_dir / f"{frame}.parquet") for frame in FRAMES}
        record = json.loads((out_dir / RECORD).read_text(encoding="utf-8"))
        seeds = [int(seed) for seed in record["seeds"]]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise ResultsFolderError("run_file_unreadable", folder=out_dir, error=error) from None
    scenario = load_scenario(out_dir / RESOLVED, check_resources=False)
    return RunResults(scenario=scenario, seeds=seeds, **frames)


def _atomic_parquet(frame: pd.DataFrame, path: Path) -> Path:
    with _temporary_beside(path) as tmp:
        frame.to_parquet(tmp, index=False)
    return path


def _atomic_text(text: str, path: Path) -> Path:
    with _temporary_beside(path) as tmp:
        Path(tmp).write_text(text + ("" if text.endswith("\n") else "\n"), encoding="utf-8")
    return path


@contextmanager
def _temporary_beside(path: Path) -> Iterator[str]:
    """A temporary path next to ``path``, renamed onto it only when the block succeeds.

    ``mkstemp`` creates it readable by its owner only (0600), which would make results private
    whatever the user's umask; it gets the usual permissions before it takes the final name.
    """
    handle, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    os.close(handle)
    try:
        yield tmp
        os.chmod(tmp, 0o666 & ~current_umask())
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)


def current_umask() -> int:
    """The process's umask.

    Linux reports it in /proc; elsewhere it can only be read by setting it, which another
    thread creating a file at that instant would see, so it is set back at once.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_parquet_atomically(frame: pd.DataFrame, path: Path) -> Path:
    """Write a frame to ``path`` as Parquet, atomically, with the umask's permissions."""
    return _atomic_parquet(frame, path)


def write_text_atomically(text: str, path: Path) -> Path:
    """Write text to ``path`` (ending in a newline), atomically, with the umask's permissions."""
    return _atomic_text(text, path)

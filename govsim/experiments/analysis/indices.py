"""Sensitivity indices of sobol and morris sweeps, computed by SALib per outcome.

SALib reads one value per point, in the order its sampler drew the points, so replications
are first averaged per point (over the runs that finished). A point with no finished run
leaves a hole SALib cannot fill: the analysis stops and says which points, rather than
computing indices from a design that is no longer the one drawn. The sample matrix is drawn
again from the experiment's design and seed and checked against the points recorded, so a
SALib that now draws other points is caught, not silently analysed.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from govsim.experiments.analysis.errors import AnalysisError
from govsim.experiments.analysis.swept import EXPERIMENT_COPY, Swept
from govsim.experiments.cautions import issue_cautions, samples_caution
from govsim.experiments.designs import salib_problem, salib_sample, values_to_points
from govsim.experiments.points import POINTS, read_points
from govsim.scenario import ScenarioError
from govsim.scenario.loading import Document, read_document

INDEXED = frozenset({"sobol", "morris"})
"""Designs with sensitivity indices."""
RESAMPLES = 1000
"""Bootstrap resamples behind each index's 95% interval."""
SOBOL_COLUMNS = ("S1", "S1_conf", "ST", "ST_conf")
MORRIS_COLUMNS = ("mu", "mu_star", "mu_star_conf", "sigma")
SHOWN_POINTS = 5
"""Points a message lists at most."""


def point_means(swept: Swept, outcome: str) -> pd.Series:
    """The outcome's mean over each point's finished replications, by point number."""
    return swept.ok.groupby("point")[outcome].mean().sort_index()


def complete_means(swept: Swept, outcome: str) -> np.ndarray:
    """Point means in design order, or AnalysisError naming the points without a value."""
    ran = set(swept.ok["point"])
    missing = [point for point in range(swept.points) if point not in ran]
    if missing:
        failed = set(swept.runs.loc[swept.runs["status"] == "failed", "point"])
        key = "points_failed" if set(missing) <= failed else "points_missing"
        raise AnalysisError(
            key, count=len(missing), points=_shown(missing), outcome=outcome, folder=swept.folder
        )
    means = point_means(swept, outcome).reindex(range(swept.points))
    undefined = [int(point) for point in means.index[means.isna()]]
    if undefined:
        raise AnalysisError(
            "outcome_undefined", count=len(undefined), points=_shown(undefined), outcome=outcome
        )
    return means.to_numpy(dtype=float)


def _shown(points: list[int]) -> str:
    return ", ".join(str(point) for point in points[:SHOWN_POINTS])


def sample_matrix(swept: Swept) -> np.ndarray:
    """The design's SALib sample, drawn again and checked against the recorded points."""
    parameters = list(swept.parameters)
    spec = swept.spec
    _warn_of_samples(swept)
    matrix = salib_sample(spec.design, parameters, spec.samples or 1, spec.seed)
    recorded = read_points(swept.folder)[swept.paths]
    drawn = pd.DataFrame(values_to_points(spec.design, parameters, matrix))[swept.paths]
    if drawn.shape != recorded.shape or not np.allclose(
        drawn.to_numpy(dtype=float), recorded.to_numpy(dtype=float)
    ):
        raise AnalysisError("sample_changed", folder=swept.folder, file=POINTS)
    return matrix


def _warn_of_samples(swept: Swept) -> None:
    """Say, at the ``samples:`` line of the sweep's copy, that Sobol wants a power of 2."""
    path = swept.folder / EXPERIMENT_COPY
    try:
        document = read_document(path)
    except ScenarioError:  # read already, without lines: the caution names the file only
        document = Document(str(path), {})
    caution = samples_caution(swept.design, swept.spec.samples, document)
    if caution is not None:
        issue_cautions([caution])


def sensitivity(swept: Swept, outcomes: list[str]) -> pd.DataFrame:
    """One row per (outcome, parameter): Sobol's S1 and ST or Morris's mu* and sigma.

    Raises:
        AnalysisError: if the design has no indices, or a point has no finished run.
    """
    if swept.design not in INDEXED:
        raise AnalysisError(
            "no_indices", design=swept.design, file=swept.folder / "experiment.yaml"
        )
    matrix = sample_matrix(swept)
    problem = salib_problem(list(swept.parameters))
    analyse = _sobol if swept.design == "sobol" else _morris
    frames = [
        analyse(problem, matrix, complete_means(swept, outcome), swept.spec.seed).assign(
            outcome=outcome
        )
        for outcome in outcomes
    ]
    table = pd.concat(frames, ignore_index=True)
    return table[
        ["outcome", "parameter", *[c for c in table.columns if c not in ("outcome", "parameter")]]
    ]


def _sobol(
    problem: dict[str, Any], matrix: np.ndarray, values: np.ndarray, seed: int
) -> pd.DataFrame:
    from SALib.analyze import sobol

    if _constant(values):
        return _nan_rows(problem, SOBOL_COLUMNS)
    found = sobol.analyze(problem, values, num_resamples=RESAMPLES, conf_level=0.95, seed=seed)
    return pd.DataFrame(
        {"parameter": problem["names"], **{name: found[name] for name in SOBOL_COLUMNS}}
    )


def _morris(
    problem: dict[str, Any], matrix: np.ndarray, values: np.ndarray, seed: int
) -> pd.DataFrame:
    from SALib.analyze import morris

    from govsim.experiments.designs import MORRIS_LEVELS

    if _constant(values):
        return _nan_rows(problem, MORRIS_COLUMNS)
    found = morris.analyze(
        problem,
        matrix,
        values,
        num_resamples=RESAMPLES,
        conf_level=0.95,
        num_levels=MORRIS_LEVELS,
        seed=seed,
    )
    return pd.DataFrame(
        {
            "parameter": problem["names"],
            **{name: np.asarray(found[name]) for name in MORRIS_COLUMNS},
        }
    )


def _constant(values: np.ndarray) -> bool:
    """An outcome that never varies has no variance to share out (0/0 in Sobol's ratios).

    Morris would give zeros; no indices says the same without suggesting a measurement.
    """
    return bool(np.ptp(values) == 0)


def _nan_rows(problem: dict[str, Any], columns: tuple[str, ...]) -> pd.DataFrame:
    return pd.DataFrame({"parameter": problem["names"], **{name: np.nan for name in columns}})

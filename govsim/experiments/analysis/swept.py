"""A finished sweep read back for analysis: its runs, its design and its parameters.

Everything comes from the results folder that ``govsim sweep`` wrote: ``sweep.json`` (the
manifest), the copy of the experiment file (the parameters' ranges and levels, the design's
samples and seed) and the runs. The base scenario is not loaded: a folder copied to another
machine can be analysed there.

The analysis sees each level as the runs used it: the levels the manifest recorded as the
scenario took them (``0.001`` where the file wrote ``1e-3``), and a list or mapping as its YAML
text (``[elderly, working]``), which pandas can group by and a table can show.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import yaml
from pydantic import ValidationError

from govsim.experiments.analysis.errors import AnalysisError
from govsim.experiments.designs import Parameter
from govsim.experiments.experiment import ExperimentSpec, parameters_of
from govsim.experiments.store import EXPERIMENT_COPY, IDS, MANIFEST, read_results

DEFAULT_OUTCOMES = ("victims", "net_loss", "recovered_share", "arrests", "governance_cost")
"""Outcomes analysed when neither the experiment nor ``--outcomes`` names any."""
ONE_LINE = 1_000_000
"""YAML's line width for a level's text: wide enough never to break it."""


@dataclass(frozen=True)
class Swept:
    """A sweep's results and what it varied.

    Attributes:
        folder: The results folder.
        name: The experiment's name.
        spec: The experiment file's keys, as the sweep ran them.
        parameters: Levers then uncertainties, in the file's order (the design's columns),
            their levels as the runs used them, keyed by :func:`level_key`.
        points: Points the design has, whether or not their runs finished.
        runs: Every recorded run, a row per run (see :func:`govsim.read_results`), each
            parameter's value keyed by :func:`level_key`.
    """

    folder: Path
    name: str
    spec: ExperimentSpec
    parameters: tuple[Parameter, ...]
    points: int
    runs: pd.DataFrame

    @property
    def design(self) -> str:
        """The design's name: grid, random, lhs, sobol or morris."""
        return self.spec.design

    @property
    def paths(self) -> list[str]:
        """The parameters' key paths."""
        return [parameter.path for parameter in self.parameters]

    @property
    def ok(self) -> pd.DataFrame:
        """The runs that finished."""
        return self.runs[self.runs["status"] == "ok"]

    @property
    def failed(self) -> int:
        """How many recorded runs failed."""
        return int((self.runs["status"] == "failed").sum())

    @property
    def outcome_columns(self) -> list[str]:
        """Numeric columns of the runs that are outcomes (not ids, parameters or errors)."""
        skipped = {*IDS, "error", *self.paths}
        return [
            name
            for name in self.runs.columns
            if name not in skipped and pd.api.types.is_numeric_dtype(self.runs[name])
        ]

    def default_outcomes(self) -> list[str]:
        """The experiment's outcomes, or a few key ones when it names none."""
        named = self.spec.outcomes or list(DEFAULT_OUTCOMES)
        return [name for name in named if name in self.outcome_columns]


def read_swept(folder: Path) -> Swept:
    """Read a sweep's results folder for analysis.

    Raises:
        AnalysisError: if the folder is not a sweep's, or its files are damaged.
    """
    manifest = _manifest(folder)
    spec = _spec(folder)
    parameters = _as_run(parameters_of(spec), manifest)
    runs = _keyed(read_results(folder), parameters)
    if runs.empty:
        raise AnalysisError("no_runs", folder=folder)
    if not (runs["status"] == "ok").any():
        raise AnalysisError("all_failed", folder=folder, count=len(runs))
    return Swept(
        folder=folder,
        name=str(manifest.get("experiment") or folder.name),
        spec=spec,
        parameters=tuple(parameters),
        points=int(manifest.get("points") or runs["point"].max() + 1),
        runs=runs,
    )


def level_key(value: Any) -> Any:
    """A parameter's value as the analysis compares and shows it.

    A number or a word is itself. A list or a mapping cannot be grouped by or made a category
    (it is unhashable), and empty (``null``) cannot be a category: each is its YAML text,
    written as the experiment file would write it (``[elderly, working]``), equal for equal
    values.
    """
    if isinstance(value, np.generic):
        return value.item()
    if value is None or isinstance(value, list | tuple | dict):
        data = list(value) if isinstance(value, tuple) else value
        text = yaml.safe_dump(data, default_flow_style=True, allow_unicode=True, width=ONE_LINE)
        return text.removesuffix("\n...\n").strip()
    return value


def _as_run(parameters: list[Parameter], manifest: dict[str, Any]) -> list[Parameter]:
    """The parameters with their levels as the runs used them, keyed, in the file's order.

    The copy of the file holds the levels as written; the manifest, as the scenario took them
    and the points were stored. A folder swept before the manifest recorded them stored the
    levels as written.
    """
    taken = manifest.get("levels") or {}
    return [
        parameter
        if parameter.levels is None
        else replace(parameter, levels=_keys(taken.get(parameter.path, parameter.levels)))
        for parameter in parameters
    ]


def _keys(levels: Any) -> tuple[Any, ...]:
    """The levels' keys, each once (two levels the scenario takes alike are one level)."""
    return tuple(dict.fromkeys(level_key(level) for level in levels))


def _keyed(runs: pd.DataFrame, parameters: list[Parameter]) -> pd.DataFrame:
    """The runs with each parameter column of lists, mappings or nulls as their keys."""
    runs = runs.copy()
    for parameter in parameters:
        column = runs[parameter.path]
        if pd.api.types.is_object_dtype(column):
            runs[parameter.path] = [level_key(value) for value in column]
    return runs


def _manifest(folder: Path) -> dict[str, Any]:
    if not folder.is_dir():
        raise AnalysisError("not_a_folder", folder=folder)
    path = folder / MANIFEST
    if not path.is_file():
        raise AnalysisError("not_a_sweep", folder=folder, manifest=MANIFEST)
    try:
        return dict(json.loads(path.read_text(encoding="utf-8")))
    except (ValueError, TypeError) as error:
        raise AnalysisError("damaged", file=path, reason=error) from None


def _spec(folder: Path) -> ExperimentSpec:
    path = folder / EXPERIMENT_COPY
    try:
        return ExperimentSpec.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    except (OSError, yaml.YAMLError, ValidationError) as error:
        reason = str(error).splitlines()[0]
        raise AnalysisError("damaged", file=path, reason=reason) from None

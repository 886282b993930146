"""A sweep's points file: each point's values as the runs used them, whatever their kind.

A Parquet column holds values of one type. A lever's values are most often all numbers or all
words, and are written as such. But a scenario may take a list (``[elderly, working]``), a
mapping, or nothing (``null``) beside numbers, which a column cannot hold as written, or reads
back as something else (a list as a numpy array, ``null`` as NaN, a whole number beside
fractions as a float). Such a column is written as JSON text, named in the file's metadata,
and read back as the values written: any value the scenario takes can be stored.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from govsim.experiments.experiment import Experiment
from govsim.results import _atomic_parquet

POINTS = "points.parquet"
JSON_COLUMNS = "json_columns"
"""The metadata key (pandas' ``attrs``) naming the columns written as JSON text."""
PLAIN_TYPES = (bool, int, float, str)
"""Types a column holds as themselves, when all its values are of one of them."""


def points_frame(experiment: Experiment) -> pd.DataFrame:
    """One row per point: its number and the value of each parameter, named by key path.

    Values Parquet cannot hold as written are JSON text, their columns named in ``attrs``.
    """
    frame = pd.DataFrame({"point": range(len(experiment.points))})
    encoded = []
    for parameter in experiment.parameters:
        values = [point[parameter.path] for point in experiment.points]
        if not _plain(values):
            values = [json.dumps(value, ensure_ascii=False) for value in values]
            encoded.append(parameter.path)
        frame[parameter.path] = values
    frame.attrs[JSON_COLUMNS] = encoded
    return frame


def write_points(experiment: Experiment, folder: Path) -> None:
    """Write the experiment's points into the sweep's folder, atomically."""
    _atomic_parquet(points_frame(experiment), folder / POINTS)


def read_points(folder: Path) -> pd.DataFrame:
    """The points of a sweep's folder, each value as written (a list as a list)."""
    frame = pd.read_parquet(folder / POINTS)
    for column in frame.attrs.get(JSON_COLUMNS, []):
        frame[column] = _objects([json.loads(text) for text in frame[column]], frame.index)
    for column in frame.columns:
        values = frame[column]
        if pd.api.types.is_object_dtype(values) and any(map(_is_array, values)):
            frame[column] = _objects([_listed(value) for value in frame[column]], frame.index)
    return frame


def _is_array(value: Any) -> bool:
    return isinstance(value, np.ndarray)


def _listed(value: Any) -> Any:
    """A list as a list, where a folder swept before holds a Parquet list (read as numpy's)."""
    return value.tolist() if isinstance(value, np.ndarray) else value


def _objects(values: list[Any], index: pd.Index) -> pd.Series:
    """A column of Python values as they are (pandas would make a list of lists 2-D)."""
    return pd.Series(values, index=index, dtype=object)


def _plain(values: list[Any]) -> bool:
    """Whether the values are all of one plain type, which a column holds and reads back."""
    kinds = {type(value) for value in values}
    return len(kinds) == 1 and kinds <= set(PLAIN_TYPES)

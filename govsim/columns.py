"""A base for records held as columns: dataclasses whose fields are equal-length arrays."""

from __future__ import annotations

import functools
from dataclasses import fields
from typing import ClassVar, Self

import numpy as np


class Columns:
    """Mixin for dataclasses of equal-length numpy arrays (one row per item).

    Subclasses declare ``DTYPES``, the dtype of each field, so that an empty table can be made.
    """

    DTYPES: ClassVar[dict[str, type]] = {}

    @classmethod
    def empty(cls) -> Self:
        """A table with no rows."""
        return cls(**{name: np.empty(0, dtype) for name, dtype in cls.DTYPES.items()})

    @classmethod
    def of(cls, **columns: np.ndarray) -> Self:
        """A table from arrays, cast to the declared dtypes."""
        return cls(**{name: np.asarray(columns[name], cls.DTYPES[name]) for name in cls.DTYPES})

    def __len__(self) -> int:
        return int(getattr(self, _names(type(self))[0]).size)

    def select(self, mask: np.ndarray) -> Self:
        """The rows where ``mask`` holds (or at the given indices)."""
        if isinstance(mask, np.ndarray) and mask.dtype == bool and mask.ndim == 1:
            # The rows found once: each column's boolean index would scan the mask again.
            mask = np.flatnonzero(mask)
        return type(self)(**{name: getattr(self, name)[mask] for name in _names(type(self))})

    def extend(self, other: Self) -> Self:
        """These rows followed by ``other``'s."""
        return type(self)(
            **{
                name: np.concatenate([getattr(self, name), getattr(other, name)])
                for name in _names(type(self))
            }
        )


@functools.cache
def _names(table: type) -> tuple[str, ...]:
    """A table class's field names, looked up once: tables are sliced thousands of times a run."""
    return tuple(f.name for f in fields(table))

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
        """The rows where ``mask`` holds (or at the given indices).

        A boolean mask that holds everywhere gives a table of the same columns, not copies:
        tables' columns are replaced, never written in place (but for the police's case
        book, whose ``open`` column :meth:`PoliceForce.close_cold_cases` writes and then
        selects anew).
        """
        names = _names(type(self))
        if isinstance(mask, np.ndarray) and mask.dtype == bool and mask.ndim == 1:
            # The rows found once: each column's boolean index would scan the mask again.
            mask = mask.nonzero()[0]
            if mask.size == len(self):  # every row (most of a day's selections)
                return type(self)(**{name: getattr(self, name) for name in names})
        return type(self)(**{name: getattr(self, name)[mask] for name in names})

    def extend(self, other: Self) -> Self:
        """These rows followed by ``other``'s (the same columns, when one has no rows)."""
        names = _names(type(self))
        for empty, full in ((other, self), (self, other)):
            if len(empty) == 0 and all(
                getattr(empty, name).dtype == getattr(full, name).dtype for name in names
            ):
                return type(self)(**{name: getattr(full, name) for name in names})
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

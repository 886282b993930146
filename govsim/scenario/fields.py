"""Building blocks of the scenario schema: documented parameters and shared record types.

Every model parameter is declared through :func:`param`, which carries its unit and its source
next to its default and range. ``docs/parameters.md`` is generated from these declarations, so
the documentation cannot drift from the code.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

AGE_GROUPS: tuple[str, ...] = ("student", "working", "elderly")
ASSUMPTION = "assumption"


class Record(BaseModel):
    """An immutable configuration record that rejects unknown keys and non-finite numbers.

    YAML reads ``.inf``, ``.nan`` and ``1e400`` as numbers; no parameter means anything at
    infinity, and an infinite price or stock ends a run in an overflow or an allocation of
    the whole memory, so they are refused where they are written.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


class BrokenRuleError(ValueError):
    """A rule across keys is broken: names the key to change and how to fix it.

    Raised by validators; the error translation (``errors.py``) places the problem at
    ``key_path`` (relative to the record that checks the rule) and shows ``hint``.
    """

    def __init__(self, key_path: str, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.key_path = key_path
        self.message = message
        self.hint = hint


def param(
    default: Any,
    doc: str,
    *,
    unit: str,
    source: str,
    ge: float | None = None,
    le: float | None = None,
    gt: float | None = None,
) -> Any:
    """Declare a model parameter with its documentation, unit, range and source.

    ``unit`` and ``source`` have no default, so that every parameter states them: a plain
    number says ``"dimensionless"`` and a value no public figure grounds says ``ASSUMPTION``.
    """
    extra = {"unit": unit, "source": source}
    return Field(default, description=doc, ge=ge, le=le, gt=gt, json_schema_extra=extra)


def share(default: float, doc: str, *, source: str) -> Any:
    """Declare a parameter that is a probability or a share in [0, 1] (unit ``share``)."""
    return param(default, doc, unit="share", source=source, ge=0.0, le=1.0)


class LocalizedText(Record):
    """A text given in English and, optionally, Simplified Chinese."""

    en: str
    zh: str | None = None

    def get(self, language: str) -> str:
        """Return the text in ``language``, falling back to English."""
        return (self.zh if language == "zh" else None) or self.en


Text = str | LocalizedText


def text_in(value: Text, language: str = "en") -> str:
    """Return a plain or localized text in the requested language."""
    return value if isinstance(value, str) else value.get(language)


class ByGroup(Record):
    """One number per age group of residents (student, working, elderly)."""

    student: float = Field(ge=0.0)
    working: float = Field(ge=0.0)
    elderly: float = Field(ge=0.0)

    def as_tuple(self) -> tuple[float, float, float]:
        """Return the values in the order of :data:`AGE_GROUPS`."""
        return (self.student, self.working, self.elderly)


class ByGroupShare(ByGroup):
    """One share in [0, 1] per age group."""

    student: float = Field(ge=0.0, le=1.0)
    working: float = Field(ge=0.0, le=1.0)
    elderly: float = Field(ge=0.0, le=1.0)


def by_group(
    student: float, working: float, elderly: float, doc: str, *, unit: str, source: str
) -> Any:
    """Declare a per-age-group parameter with a default for each group."""
    default = ByGroup(student=student, working=working, elderly=elderly)
    return param(default, doc, unit=unit, source=source)


def by_group_share(student: float, working: float, elderly: float, doc: str, *, source: str) -> Any:
    """Declare a per-age-group share with a default for each group (unit ``share``)."""
    default = ByGroupShare(student=student, working=working, elderly=elderly)
    return param(default, doc, unit="share", source=source)

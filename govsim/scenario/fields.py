"""Building blocks of the scenario schema: documented parameters and shared record types.

Every model parameter is declared through :func:`param`, which carries its unit and its source
next to its default and range. ``docs/parameters.md`` is generated from these declarations, so
the documentation cannot drift from the code.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SerializerFunctionWrapHandler,
    model_serializer,
    model_validator,
)
from pydantic.fields import FieldInfo

from govsim.scenario.messages import Message

AGE_GROUPS: tuple[str, ...] = ("student", "working", "elderly")
ASSUMPTION = "assumption"
HUB_ONLY = "hub_only"
"""The mark of a key that only a one-stop centre reads (``cooperation.structure: hub``).

Declared with the key (``param(..., hub_only=True)``), so that a scenario setting it under
another structure is cautioned (``cautions.py``) for every such key, present and future.
"""
WHOLE_VALUES = frozenset({"description", "label"})
"""Keys a file replaces whole rather than merges: a text and its translation belong together."""


def merged_onto(
    base: Any,
    given: Any,
    path: tuple[Any, ...] = (),
    drops: Callable[[tuple[Any, ...], Any, dict[Any, Any]], bool] | None = None,
) -> Any:
    """``given`` deep-merged onto ``base``: mappings key by key, anything else replaced.

    The one rule of ``extends`` (``govsim.scenario.loading`` merges a file onto its parent with
    it), applied too where the parent's values are defaults rather than a file: a scam type of
    the built-in catalogue, or a record's default such as ``campaign_reach``'s three shares.
    ``path`` is where ``base`` sits; ``drops(path, key, given)`` says which of ``base``'s keys
    ``given`` replaces under another spelling (a link written the other way round).
    """
    whole = bool(path) and path[-1] in WHOLE_VALUES
    if whole or not (isinstance(base, dict) and isinstance(given, dict)):
        return given
    merged = {key: value for key, value in base.items() if not (drops and drops(path, key, given))}
    for key, value in given.items():
        merged[key] = (
            merged_onto(merged[key], value, (*path, key), drops) if key in merged else value
        )
    return merged


class Record(BaseModel):
    """An immutable configuration record that rejects unknown keys and non-finite numbers.

    YAML reads ``.inf``, ``.nan`` and ``1e400`` as numbers; no parameter means anything at
    infinity, and an infinite price or stock ends a run in an overflow or an allocation of
    the whole memory, so they are refused where they are written.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)

    @model_validator(mode="before")
    @classmethod
    def _complete_from_defaults(cls, data: Any) -> Any:
        """Complete a partial mapping from the field's default record, as ``extends`` merges.

        ``campaign_reach: {elderly: 0.9}`` in a file whose parents never set the field
        changes the elderly's share and keeps the default students' and working-age ones,
        exactly as it would if a parent had written all three; without this, the default
        would be replaced whole and the two other shares reported missing.
        """
        if not isinstance(data, dict):
            return data
        completed = None
        for name, field in cls.model_fields.items():
            value, default = data.get(name), field.default
            if isinstance(value, dict) and isinstance(default, BaseModel):
                completed = completed if completed is not None else dict(data)
                completed[name] = merged_onto(default.model_dump(), value)
        return data if completed is None else completed


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


class BrokenRulesError(ValueError):
    """Several rules across keys broken at once: each is reported on its own, with its key.

    A validator raises it through :func:`refuse_broken`, so that one broken rule does not
    hide another until the first is fixed.
    """

    def __init__(self, rules: list[BrokenRuleError]) -> None:
        super().__init__(rules)
        self.rules = rules


def refuse_broken(rules: list[BrokenRuleError | None]) -> None:
    """Raise every rule broken (the Nones are rules kept), or nothing if none is.

    Raises:
        BrokenRulesError: with each broken rule.
    """
    broken = [rule for rule in rules if rule is not None]
    if broken:
        raise BrokenRulesError(broken)


def param(
    default: Any,
    doc: str,
    *,
    unit: str,
    source: str,
    ge: float | None = None,
    le: float | None = None,
    gt: float | None = None,
    hub_only: bool = False,
) -> Any:
    """Declare a model parameter with its documentation, unit, range and source.

    ``unit`` and ``source`` have no default, so that every parameter states them: a plain
    number says ``"dimensionless"`` and a value no public figure grounds says ``ASSUMPTION``.
    ``hub_only`` marks a parameter that only a one-stop centre reads (:data:`HUB_ONLY`).
    """
    extra: dict[str, Any] = {"unit": unit, "source": source}
    if hub_only:
        extra[HUB_ONLY] = True
    return Field(default, description=doc, ge=ge, le=le, gt=gt, json_schema_extra=extra)


def share(default: float, doc: str, *, source: str, hub_only: bool = False) -> Any:
    """Declare a parameter that is a probability or a share in [0, 1] (unit ``share``)."""
    return param(default, doc, unit="share", source=source, ge=0.0, le=1.0, hub_only=hub_only)


def is_hub_only(field: FieldInfo) -> bool:
    """Whether a field is marked as read only by a one-stop centre (:data:`HUB_ONLY`)."""
    extra = field.json_schema_extra
    return isinstance(extra, dict) and bool(extra.get(HUB_ONLY))


class LocalizedText(Record):
    """A text given in English, Simplified Chinese, or both.

    Either language alone is enough: a description written for Chinese readers need not wait
    for its translation, and where the other language is asked for, the one given stands in.
    """

    en: str | None = None
    zh: str | None = None

    @model_validator(mode="after")
    def _some_language(self) -> LocalizedText:
        if self.en is None and self.zh is None:
            raise BrokenRuleError("", Message("text_needs_a_language"), Message("text_fix"))
        return self

    @model_serializer(mode="wrap")
    def _given_languages(self, handler: SerializerFunctionWrapHandler) -> dict[str, str]:
        """Only the languages given: a resolved file shows no ``en: null`` nobody wrote."""
        return {language: text for language, text in handler(self).items() if text is not None}

    def get(self, language: str) -> str:
        """Return the text in ``language``, falling back to the other language given."""
        first, second = (self.zh, self.en) if language == "zh" else (self.en, self.zh)
        return first or second or ""


Text = str | LocalizedText


def text_in(value: Text, language: str = "en") -> str:
    """Return a plain or localized text in the requested language."""
    return value if isinstance(value, str) else value.get(language)


def _keys_optional(schema: dict[str, Any]) -> None:
    """Drop ``required`` from a record's JSON Schema: every use has a default to complete."""
    schema.pop("required", None)


class ByGroup(Record):
    """One number per age group of residents (student, working, elderly).

    Every parameter of this kind has a default for each group, and a file may write only some
    groups (:meth:`Record._complete_from_defaults`); its JSON Schema says so to editors.
    """

    model_config = ConfigDict(json_schema_extra=_keys_optional)

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

"""docs/parameters.md is generated from the schema, and every parameter in it is documented."""

import types
import typing
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, Field
from pydantic.fields import FieldInfo

from govsim.scenario.documentation import parameters_markdown, schema_fields, source_counts
from govsim.scenario.fields import (
    ASSUMPTION,
    ByGroup,
    LocalizedText,
    Record,
    by_group,
    by_group_share,
    param,
    share,
)
from govsim.scenario.schema import Scenario

DOC = Path(__file__).resolve().parents[1] / "docs" / "parameters.md"
REGENERATE = "run python -m govsim.scenario.documentation --write"


def _extra(field: FieldInfo) -> dict:
    return field.json_schema_extra if isinstance(field.json_schema_extra, dict) else {}


def _declared_with_param(field: FieldInfo) -> bool:
    """param() stores the unit and the source in json_schema_extra."""
    return "unit" in _extra(field) and "source" in _extra(field)


def _is_numeric(field: FieldInfo) -> bool:
    annotation = field.annotation
    return annotation in (int, float) or (
        isinstance(annotation, type) and issubclass(annotation, ByGroup)
    )


def test_parameters_doc_matches_the_schema():
    assert DOC.read_text(encoding="utf-8") == parameters_markdown(), REGENERATE


def test_every_parameter_has_a_description_and_a_unit():
    parameters = [(key, field) for key, field in schema_fields() if _declared_with_param(field)]
    assert len(parameters) > 100
    undocumented = [
        key
        for key, field in parameters
        if not (field.description or "").strip()
        or not str(_extra(field)["unit"]).strip()
        or not str(_extra(field)["source"]).strip()
    ]
    assert not undocumented, f"give these a description, a unit and a source: {undocumented}"


def test_every_number_is_declared_with_param():
    bare = [
        key
        for key, field in schema_fields()
        if _is_numeric(field) and not _declared_with_param(field)
    ]
    assert not bare, f"declare these with param() so they carry a unit and a source: {bare}"


# --- Units and sources, read from the pydantic models themselves -----------------------------


def _leaves(annotation: Any) -> list[Any]:
    """Return the types a value may hold: through unions, Annotated, lists and mappings."""
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is typing.Annotated:
        return _leaves(args[0])
    if origin in (typing.Union, types.UnionType, list, tuple, set, frozenset):
        return [leaf for arg in args for leaf in _leaves(arg)]
    if origin is dict:
        return _leaves(args[1])
    return [annotation]


def _is_value(leaf: Any) -> bool:
    """A group profile or a localized text is a value, not a record to walk into."""
    return isinstance(leaf, type) and issubclass(leaf, ByGroup | LocalizedText)


def _walk(model: type[BaseModel], prefix: str = "") -> typing.Iterator[tuple[str, FieldInfo]]:
    """Yield every field of a model and of the records it holds, recursively."""
    for name, field in model.model_fields.items():
        key = f"{prefix}{name}"
        yield key, field
        records = [
            leaf
            for leaf in _leaves(field.annotation)
            if isinstance(leaf, type) and issubclass(leaf, BaseModel) and not _is_value(leaf)
        ]
        for record in records:
            tag = f"[{record.__name__}]" if len(records) > 1 else ""
            yield from _walk(record, f"{key}{tag}.")


def _is_parameter(field: FieldInfo) -> bool:
    """A field that holds a number (or numbers), or that declares a unit or a source."""
    numeric = any(
        leaf in (int, float) or (isinstance(leaf, type) and issubclass(leaf, ByGroup))
        for leaf in _leaves(field.annotation)
    )
    return numeric or "unit" in _extra(field) or "source" in _extra(field)


def _lacking_unit_or_source(model: type[BaseModel]) -> list[str]:
    """Return the parameters of a model without a real unit or a source."""
    lacking = []
    for key, field in _walk(model):
        if not _is_parameter(field):
            continue
        unit = str(_extra(field).get("unit") or "").strip()
        source = str(_extra(field).get("source") or "").strip()
        if not unit or unit == "-" or not source:
            lacking.append(key)
    return lacking


def test_every_parameter_states_a_unit_and_a_source():
    parameters = [key for key, field in _walk(Scenario) if _is_parameter(field)]
    assert len(parameters) > 100
    for reached in ("scam_types.profile", "events[Epidemic].online_multiplier"):
        assert reached in parameters
    lacking = _lacking_unit_or_source(Scenario)
    assert not lacking, f"give these a unit (not '-') and a source: {lacking}"


def test_the_unit_and_source_check_can_fail():
    class Bad(Record):
        plain: float = Field(1.0, json_schema_extra={"unit": "-", "source": ASSUMPTION})
        no_source: float = Field(1.0, json_schema_extra={"unit": "days", "source": " "})
        bare: int = 3
        good: float = param(1.0, "A good one.", unit="days", source=ASSUMPTION)
        label: str = "not a number"

    class Outer(Record):
        inner: list[Bad] = Field(default_factory=list)
        rates: dict[str, float] = Field(default_factory=dict)

    assert _lacking_unit_or_source(Outer) == [
        "inner.plain",
        "inner.no_source",
        "inner.bare",
        "rates",
    ]


@pytest.mark.parametrize(
    "declare",
    [
        lambda: param(1.0, "doc"),
        lambda: param(1.0, "doc", unit="days"),
        lambda: param(1.0, "doc", source=ASSUMPTION),
        lambda: share(0.5, "doc"),
        lambda: by_group(1.0, 1.0, 1.0, "doc", unit="yuan"),
        lambda: by_group(1.0, 1.0, 1.0, "doc", source=ASSUMPTION),
        lambda: by_group_share(0.5, 0.5, 0.5, "doc"),
    ],
)
def test_unit_and_source_are_required(declare):
    with pytest.raises(TypeError):
        declare()


def test_the_readme_counts_the_assumptions_as_the_page_does():
    sourced, alone, in_part = source_counts(parameters_markdown())
    readme = " ".join((DOC.parents[1] / "README.md").read_text(encoding="utf-8").split())
    assert (
        f"of the {sourced} keys in `docs/parameters.md` with a source, {alone} rest on "
        f"assumption alone and {in_part} more in part" in readme
    ), "update the README's count of assumptions"
    assert alone + in_part <= sourced


def test_the_source_count_reads_only_the_parameter_tables():
    page = "\n".join(
        [
            "| `a` | `1` | [0, 1] | share | assumption | A. |",
            "| `b` | `1` | [0, 1] | share | MPS 2017; assumption | B. |",
            "| `c` | `1` | [0, 1] | share | MPS 2017 | C. |",
            "| `name` | required | text | - | — | D. |",
            "| `fake_prize` | Fake prize | sms | 0.8 / 0.8 / 1.4 | 0.001 | 3.0 | 0 |",
        ]
    )
    assert source_counts(page) == (3, 1, 1)

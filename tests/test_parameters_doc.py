"""docs/parameters.md is generated from the schema, and every parameter in it is documented."""

from pathlib import Path

from pydantic.fields import FieldInfo

from govsim.scenario.documentation import parameters_markdown, schema_fields
from govsim.scenario.fields import ByGroup

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

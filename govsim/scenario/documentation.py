"""Generate ``docs/parameters.md``, the reference of every scenario key, from the schema.

Each key's default, range, unit, source and meaning are read from its declaration (see
:func:`govsim.scenario.fields.param`), so the reference cannot drift from the code: a test fails
when the file differs from what this module generates. Print the reference with
``python -m govsim.scenario.documentation``, or rewrite the file with ``--write``.
"""

from __future__ import annotations

import argparse
import inspect
import textwrap
import types
import typing
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, get_args, get_origin

import annotated_types
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from govsim.scenario.agencies import PlatformInstitution
from govsim.scenario.catalogue import default_catalogue
from govsim.scenario.cooperation import HUB_SEATS, KNOWN_LINKS, Cooperation
from govsim.scenario.events import Event
from govsim.scenario.fields import AGE_GROUPS, ASSUMPTION, ByGroup, LocalizedText, Record
from govsim.scenario.fraud import ScamType
from govsim.scenario.schema import Scenario

INSTITUTION_ITEM = "agencies.<sector>.institutions[]"

DOC_PATH = Path(__file__).resolve().parents[2] / "docs" / "parameters.md"
COMMAND = "python -m govsim.scenario.documentation --write"
COLUMNS = ("key path", "default", "range", "unit", "source", "meaning")
NO_VALUE = "—"
TYPE_KEY = "<type>"
LINK_KEY = "<link>"
EVENT_ITEM = "events[]"
DISCRIMINATOR = "type"
_GLUE = "\x00"
"""Stands for a space inside a code span while a paragraph is wrapped."""

LINK_EFFECTS: dict[str, str] = {
    "police-bank": "Stop-payment latency (days by letter, minutes in a hub); fund-flow data "
    "for cases.",
    "police-telecom": "Blacklists of reported numbers pushed to blocking; call records; fast "
    "interception.",
    "police-platform": "Risk leads for dissuasion calls; takedowns of reported accounts; "
    "account data.",
    "police-police": "Case linking across regions and divisions; joint operations (一盘棋).",
    "police-judiciary": "Early involvement (提前介入): shorter prosecution delay, higher "
    "conviction rate.",
    "police-international": "Cross-border arrests and repatriation.",
    "bank-telecom": "Shared risk signals: a scam call a telecom flags makes the victim's bank "
    "hold the transfer that follows; in a hub, the bank's data corroborate call traces at the "
    "data desk; fewer false positives for both.",
    "bank-platform": "Shared risk signals: a scam a platform flags makes the victim's bank hold "
    "the transfer that follows; in a hub, the bank's data corroborate online traces at the "
    "data desk; fewer false positives for both.",
    "telecom-platform": "Shared risk signals: a resident whose call a telecom flags also gets "
    "the platform's in-app warning; in a hub, each corroborates the other's traces at the data "
    "desk; fewer false positives for both.",
    "government-public": "Campaign reach; reports by the public feed the blacklists.",
}
"""What each link buys (docs/ODD.md section 7)."""

_BOUNDS: dict[type, tuple[str, str]] = {
    annotated_types.Ge: ("ge", "["),
    annotated_types.Gt: ("gt", "("),
    annotated_types.Le: ("le", "]"),
    annotated_types.Lt: ("lt", ")"),
}
_KINDS: dict[Any, str] = {
    bool: "`true` or `false`",
    int: "whole number",
    float: "number",
    str: "text",
    LocalizedText: "`{en: ..., zh: ...}`",
    type(None): "`null`",
}


@dataclass(frozen=True, slots=True)
class Row:
    """One line of a parameter table."""

    key: str
    default: str
    range: str
    unit: str
    source: str
    meaning: str


# --- The whole page ---------------------------------------------------------------------------


def parameters_markdown() -> str:
    """Return the text of ``docs/parameters.md``, generated from the scenario schema."""
    writers: dict[str, Callable[[str], list[str]]] = {
        "scam_types": _scam_types_section,
        "cooperation": _cooperation_section,
        "events": _events_section,
    }
    blocks = [_root_section()]
    for name, field in Scenario.model_fields.items():
        model = _nested_model(field.annotation)
        if name in writers:
            blocks.append("\n".join(writers[name](name)))
        elif model is not None:
            blocks.append("\n".join(_model_section(name, model, level=2)))
    blocks.append("\n".join(_institutions_section()))
    body = "\n\n".join(blocks) + "\n"
    return _header(source_counts(body)) + "\n\n" + body


def source_counts(markdown: str) -> tuple[int, int, int]:
    """Keys with a source in the tables of ``markdown``; of them, on assumption alone; in part.

    Counted from the page's own rows, so that the page (and the README, which a test holds to
    it) says how much of the model rests on assumption.
    """
    cells = [line.split(" | ") for line in markdown.splitlines() if line.startswith("| `")]
    # The parameter tables' rows; the scam catalogue's table has other columns.
    sources = [row[COLUMNS.index("source")].strip() for row in cells if len(row) == len(COLUMNS)]
    sourced = [source for source in sources if source != NO_VALUE]
    alone = sum(source == ASSUMPTION for source in sourced)
    in_part = sum(ASSUMPTION in source and source != ASSUMPTION for source in sourced)
    return len(sourced), alone, in_part


def _institutions_section() -> list[str]:
    """The fields of one entry of a sector's ``institutions`` list."""
    return [
        "## Institution entries",
        "",
        _prose(
            "`agencies.banks.institutions`, `agencies.telecoms.institutions` and "
            "`agencies.platforms.institutions` are lists; each entry is one bank, operator or "
            "platform (a Mesa agent). Giving a list replaces the default one."
        ),
        "",
        *_table(_rows(PlatformInstitution, f"{INSTITUTION_ITEM}.")),
        "",
        "`channels` is for platforms only (where it is required).",
    ]


def schema_fields() -> Iterator[tuple[str, FieldInfo]]:
    """Yield every field a scenario file can set, with its key path, as documented.

    Nested records are flattened (``fraud.roles.operators``); a scam type's fields appear once
    under ``scam_types.<type>`` and each event type's under ``events[]``.
    """
    for name in Scenario.model_fields:
        if name == "scam_types":
            yield from _fields(ScamType, f"{name}.{TYPE_KEY}.")
        elif name == "events":
            for event_type in _event_types():
                yield from _fields(event_type, f"{EVENT_ITEM}.")
        else:
            yield from _fields(Scenario, "", only=name)
    yield from _fields(PlatformInstitution, f"{INSTITUTION_ITEM}.")


def _header(counts: tuple[int, int, int]) -> str:
    sourced, alone, in_part = counts
    return f"""# Scenario parameters

<!-- Generated by `{COMMAND}`. Do not edit by hand. -->

> Generated from the scenario schema (`govsim/scenario/`) by
> `{COMMAND}`. Do not edit this file by hand: change the
> declaration in the schema and regenerate it. A test fails when the two differ.

Every key a scenario file can set, section by section. A **key path** joins the keys of nested
mappings with dots (`agencies.police.capability`); `{TYPE_KEY}` stands for a scam type's name,
`{LINK_KEY}` for a link's name and `{EVENT_ITEM}` for one item of the `events` list. The
**default** applies when a scenario (and the scenarios it extends) leaves the key out. A
**range** `[a, b]` includes its ends and `(a, b]` excludes `a`. The **unit** `share` is a
probability or a fraction in [0, 1], and `-` marks a key that is not a number. The **source** is
where the default comes from (details in `docs/sources.md`); `{ASSUMPTION}` marks a value that no
public figure grounds yet (docs/ODD.md section 9). Of the {sourced} keys below with a source,
{alone} rest on assumption alone and {in_part} more in part (a figure and an assumption
together)."""


def _root_section() -> str:
    lines = ["## Scenario", "", _summary(Scenario), ""]
    scalar = [name for name, f in Scenario.model_fields.items() if _is_scalar(name, f)]
    rows = [row for name in scalar for row in _rows(Scenario, "", only=name)]
    return "\n".join(lines + _table(rows))


def _is_scalar(name: str, field: FieldInfo) -> bool:
    return name not in ("scam_types", "events") and _nested_model(field.annotation) is None


# --- Sections ---------------------------------------------------------------------------------


def _model_section(key: str, model: type[BaseModel], level: int) -> list[str]:
    """Return a section for a record: one table, or one subsection per record it holds."""
    lines = [f"{'#' * level} {key}", "", _summary(model)]
    children = {name: _nested_model(f.annotation) for name, f in model.model_fields.items()}
    records = {name: child for name, child in children.items() if child is not None}
    if len(records) < len(children):
        return [*lines, "", *_table(_rows(model, f"{key}."))]
    for name, child in records.items():
        lines += ["", *_model_section(f"{key}.{name}", child, level + 1)]
    return lines


def _scam_types_section(key: str) -> list[str]:
    lines = [
        f"## {key}",
        "",
        _prose(
            "A mapping from each scam type's name to its fields (docs/ODD.md section 2). Types a "
            "scenario gives are merged over the built-in catalogue key by key: a built-in type "
            "needs only the fields that change, a new name adds a type and must give the "
            "required fields."
        ),
        "",
        "### Fields of a scam type",
        "",
        _summary(ScamType),
        "",
        *_table(_rows(ScamType, f"{key}.{TYPE_KEY}.")),
        "",
        "### Default catalogue",
        "",
        "The built-in types, with the value of every field (profile: student / working / elderly).",
        "",
    ]
    return lines + _catalogue_table()


def _catalogue_table() -> list[str]:
    names = [name for name in ScamType.model_fields if name != "label"]
    header = ["type", "label", *names]
    rows = [
        [f"`{key}`", _label(scam.label), *(_plain(getattr(scam, name)) for name in names)]
        for key, scam in default_catalogue().items()
    ]
    return _markdown_table(header, rows)


def _cooperation_section(key: str) -> list[str]:
    rows = _rows(Cooperation, f"{key}.")
    links_field = Cooperation.model_fields["links"]
    unit, source = _link_unit_and_source()
    links = Row(
        f"`{key}.links.{LINK_KEY}`",
        "`0`",
        "[0, 1]",
        unit,
        source,
        _cell(
            f"{links_field.description} A link that no file of the `extends` chain writes is "
            "0; see the table of links below."
        ),
    )
    rows = [links if row.key == f"`{key}.links`" else row for row in rows]
    lines = [f"## {key}", "", _summary(Cooperation), "", *_table(rows), ""]
    return lines + _links_subsection(key)


def _links_subsection(key: str) -> list[str]:
    """Return the table of links with what each buys; ``LINK_EFFECTS`` must name every one."""
    missing = [link for link in KNOWN_LINKS if link not in LINK_EFFECTS]
    if missing:
        raise ValueError(f"LINK_EFFECTS lacks the links {', '.join(missing)}: describe them")
    colocation = Cooperation.model_fields["hub_colocation"]
    lines = [
        "### Links",
        "",
        _prose(
            "A link is written as two parties joined by a hyphen, in either order; the meaning "
            "column says what cooperation on it buys (docs/ODD.md section 7). Under structure "
            "`none` every link counts as 0; under `hub` the links among the parties that sit "
            f"together ({', '.join(sorted(HUB_SEATS))}) also close `hub_colocation` (default "
            f"{_number(colocation.default)}) of their remaining gap to 1."
        ),
        "",
        _prose(
            "Links merge with the parent's like every mapping: a file that `extends` another "
            "and writes only `police-bank` keeps every other link of its parent. To state the "
            "links in full instead, list them under `replace`; the parent's links are dropped "
            "and every link the file leaves out is 0:"
        ),
        "",
        "```yaml",
        "extends: baseline.yaml",
        "replace: [cooperation.links]",
        "cooperation:",
        "  links:",
        "    police-bank: 0.9",
        "```",
        "",
    ]
    unit, source = _link_unit_and_source()
    rows = [
        Row(f"`{key}.links.{link}`", "`0`", "[0, 1]", unit, source, _link_meaning(link))
        for link in KNOWN_LINKS
    ]
    return lines + _table(rows)


def _link_unit_and_source() -> tuple[str, str]:
    """Return the unit and the source declared on ``cooperation.links``."""
    extra = Cooperation.model_fields["links"].json_schema_extra
    extra = extra if isinstance(extra, dict) else {}
    return str(extra.get("unit") or "-"), _cell(str(extra.get("source") or ASSUMPTION))


def _link_meaning(link: str) -> str:
    parties = set(link.split("-"))
    hub = " Raised in a hub." if len(parties) == 2 and parties <= HUB_SEATS else ""
    return _cell(LINK_EFFECTS[link] + hub)


def _events_section(key: str) -> list[str]:
    lines = [
        f"## {key}",
        "",
        _prose(
            "A list of timed shocks and operations, none by default. Each item is a mapping "
            f"whose `{DISCRIMINATOR}` chooses one of the event types below and whose other keys "
            "are that type's fields, e.g. "
            "`{type: card_crackdown, day: 90, duration_days: 120, intensity: 0.8}`."
        ),
    ]
    for event_type in _event_types():
        tag = _literal_values(event_type.model_fields[DISCRIMINATOR].annotation)[0]
        kind = f"`{EVENT_ITEM}.{DISCRIMINATOR}`"
        tag_row = Row(kind, "required", f"`{tag}`", "-", NO_VALUE, "Chooses this event type.")
        rows = [tag_row, *(row for row in _rows(event_type, f"{EVENT_ITEM}.") if row.key != kind)]
        lines += ["", f"### {tag}", "", _summary(event_type), "", *_table(rows)]
    return lines


def _event_types() -> list[type[BaseModel]]:
    return _models(Event)


# --- Rows -------------------------------------------------------------------------------------


def _fields(
    model: type[BaseModel], prefix: str, only: str | None = None
) -> Iterator[tuple[str, FieldInfo]]:
    """Yield a record's fields with their key paths, flattening the records it holds."""
    for name, field in model.model_fields.items():
        if only is not None and name != only:
            continue
        child = _nested_model(field.annotation)
        if child is None:
            yield f"{prefix}{name}", field
        else:
            yield from _fields(child, f"{prefix}{name}.")


def _rows(model: type[BaseModel], prefix: str, only: str | None = None) -> list[Row]:
    return [_row(key, field) for key, field in _fields(model, prefix, only)]


def _row(key: str, field: FieldInfo) -> Row:
    extra = field.json_schema_extra if isinstance(field.json_schema_extra, dict) else {}
    branches = _branches(field.annotation)
    textual = all(branch in (str, LocalizedText, type(None), list[str]) for branch in branches)
    source = str(extra.get("source") or (NO_VALUE if textual else ASSUMPTION))
    return Row(
        key=f"`{key}`",
        default=_default(field),
        range=_range(field),
        unit=str(extra.get("unit") or "-"),
        source=_cell(source),
        meaning=_cell(field.description or ""),
    )


def _default(field: FieldInfo) -> str:
    if field.is_required():
        return "required"
    return f"`{_yaml(field.get_default(call_default_factory=True))}`"


def _range(field: FieldInfo) -> str:
    """Return the values a field accepts: its bounds if it has any, else its kinds."""
    bounds = _interval(field)
    if bounds:
        return bounds
    branches = _branches(field.annotation)
    by_group = [b for b in branches if isinstance(b, type) and issubclass(b, ByGroup)]
    if by_group:
        return _group_range(by_group[0])
    return " or ".join(dict.fromkeys(_kind(branch) for branch in branches))


def _group_range(model: type[ByGroup]) -> str:
    ranges = {group: _interval(model.model_fields[group]) for group in AGE_GROUPS}
    if len(set(ranges.values())) == 1:
        return f"each group {_spelled(ranges[AGE_GROUPS[0]])}"
    return ", ".join(f"{group} {_spelled(text)}" for group, text in ranges.items())


def _spelled(interval: str) -> str:
    return f"in {interval}" if interval[:1] in "[(" else interval


def _interval(field: FieldInfo) -> str:
    """Return ``[0, 1]``, ``(0, 10]``, ``≥ 1`` or ``""`` from a field's ge/gt/le/lt bounds."""
    bounds: dict[str, tuple[str, Any]] = {}
    for rule in field.metadata:
        if type(rule) in _BOUNDS:
            name, bracket = _BOUNDS[type(rule)]
            bounds["low" if name[0] == "g" else "high"] = (bracket, getattr(rule, name))
    low, high = bounds.get("low"), bounds.get("high")
    if low and high:
        return f"{low[0]}{_bound(low[1])}, {_bound(high[1])}{high[0]}"
    if low:
        return f"{'≥' if low[0] == '[' else '>'} {_bound(low[1])}"
    if high:
        return f"{'≤' if high[0] == ']' else '<'} {_bound(high[1])}"
    return ""


def _bound(value: float) -> str:
    """Return a bound without a trailing ``.0``: ranges read ``[0, 1]``, not ``[0.0, 1.0]``."""
    return _number(int(value) if float(value).is_integer() else value)


def _kind(annotation: Any) -> str:
    choices = _literal_values(annotation)
    if choices:
        return ", ".join(f"`{choice}`" for choice in choices)
    origin, args = get_origin(annotation), get_args(annotation)
    if origin is list and args:
        return f"list of {_kind(args[0])}"
    if origin is dict:
        return "mapping"
    return _KINDS.get(annotation, NO_VALUE)


# --- Values -----------------------------------------------------------------------------------


def _yaml(value: Any) -> str:
    """Return a default as it would be written in a scenario file (flow style)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return _number(value)
    if isinstance(value, str):
        return value or '""'
    if isinstance(value, BaseModel):
        value = value.model_dump(exclude_none=True)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key}: {_yaml(item)}" for key, item in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_yaml(item) for item in value) + "]"
    return str(value)


def _plain(value: Any) -> str:
    """Return a value for the catalogue table: group profiles as ``a / b / c``."""
    if isinstance(value, ByGroup):
        return " / ".join(_number(number) for number in value.as_tuple())
    return "" if value is None or value is False else _cell(_yaml(value))


def _label(label: Any) -> str:
    if isinstance(label, LocalizedText):
        return _cell(" / ".join(text for text in (label.en, label.zh) if text))
    return _cell(str(label or ""))


def _number(value: float) -> str:
    """Return a number as Python and YAML read it, with ``_`` grouping from 10,000 up."""
    return f"{value:_}" if abs(value) >= 10_000 else str(value)


# --- Markdown ---------------------------------------------------------------------------------


def _table(rows: Sequence[Row]) -> list[str]:
    cells = [[row.key, row.default, row.range, row.unit, row.source, row.meaning] for row in rows]
    return _markdown_table(list(COLUMNS), cells)


def _markdown_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    return lines + ["| " + " | ".join(row) + " |" for row in rows]


def _cell(text: str) -> str:
    """Return text safe inside a table cell: on one line, with ``|`` escaped."""
    return " ".join(text.split()).replace("|", "\\|")


def _summary(model: type[BaseModel]) -> str:
    """Return the first paragraph of a model's docstring."""
    return _prose((inspect.getdoc(model) or "").split("\n\n")[0])


def _prose(text: str) -> str:
    """Return a paragraph wrapped at the project's line length, never inside a code span."""
    spans = " ".join(text.split()).split("`")
    glued = "`".join(s.replace(" ", _GLUE) if i % 2 else s for i, s in enumerate(spans))
    wrapped = textwrap.fill(glued, width=100, break_on_hyphens=False, break_long_words=False)
    return wrapped.replace(_GLUE, " ")


# --- Reading annotations ----------------------------------------------------------------------


def _branches(annotation: Any) -> list[Any]:
    """Return the alternatives a value may take: ``A | B | None`` gives ``[A, B, NoneType]``."""
    if get_origin(annotation) is typing.Annotated:
        return _branches(get_args(annotation)[0])
    if get_origin(annotation) in (typing.Union, types.UnionType):
        return [branch for arg in get_args(annotation) for branch in _branches(arg)]
    return [annotation]


def _models(annotation: Any) -> list[type[BaseModel]]:
    return [b for b in _branches(annotation) if isinstance(b, type) and issubclass(b, BaseModel)]


def _nested_model(annotation: Any) -> type[Record] | None:
    """Return the record a field holds, if it holds exactly one; group values do not count."""
    models = _models(annotation)
    if len(models) != 1 or len(_branches(annotation)) != 1:
        return None
    model = models[0]
    is_record = issubclass(model, Record) and not issubclass(model, ByGroup | LocalizedText)
    return model if is_record else None


def _literal_values(annotation: Any) -> list[Any]:
    return [
        value
        for branch in _branches(annotation)
        if get_origin(branch) is Literal
        for value in get_args(branch)
    ]


# --- Command line -----------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    """Print the parameter reference, or write it to ``docs/parameters.md`` with ``--write``."""
    parser = argparse.ArgumentParser(
        prog="python -m govsim.scenario.documentation",
        description="Print the scenario parameter reference, or write docs/parameters.md.",
    )
    parser.add_argument("--write", action="store_true", help=f"write {DOC_PATH}")
    args = parser.parse_args(argv)
    text = parameters_markdown()
    if args.write:
        DOC_PATH.parent.mkdir(parents=True, exist_ok=True)
        DOC_PATH.write_text(text, encoding="utf-8")
        print(f"wrote {DOC_PATH}")
    else:
        print(text, end="")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

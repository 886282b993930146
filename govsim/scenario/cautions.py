"""Cautions: what a valid scenario says that the model will not do, or will do otherwise.

A scenario can pass every rule of the schema and still surprise its writer: an event on a day
after the last one never happens, a campaign for no group reaches nobody, shares that do not
sum to 1 are scaled silently. Such a scenario is not refused (it runs, and may be meant), but
loading it issues a :class:`ScenarioWarning` per caution, naming the key and the fix, which
``govsim validate`` and ``govsim run`` print.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from pydantic import BaseModel

from govsim.scenario.errors import KeyPath, Locator, Problem, format_key_path, number
from govsim.scenario.events import Campaign, CardCrackdown, DataBreach
from govsim.scenario.fields import is_hub_only
from govsim.scenario.messages import Message
from govsim.scenario.schema import Scenario

SHARE_TOLERANCE = 1e-6
SECTORS: tuple[str, ...] = ("banks", "telecoms", "platforms")


class ScenarioWarning(UserWarning):
    """A scenario is valid but will not do what it seems to say; carries the problem.

    Built from plain values, so that it can be pickled and sent between processes.
    """

    def __init__(
        self, file: str | None, line: int | None, key_path: str, message: str, hint: str | None
    ) -> None:
        super().__init__(file, line, key_path, message, hint)
        self.problem = Problem(file, line, key_path, message, hint=hint)

    def __str__(self) -> str:
        return self.problem.render()


@dataclass(frozen=True, slots=True)
class Caution:
    """One surprise in a valid scenario, before it is placed in a file."""

    path: KeyPath
    message: str
    hint: str | None = None


def cautions(scenario: Scenario) -> list[Caution]:
    """Return everything in a valid scenario that will not act as written."""
    return [
        *_age_shares(scenario),
        *_events(scenario),
        *_rings(scenario),
        *_hub_settings(scenario),
        *_disabled_institutions(scenario),
    ]


def issue(found: Iterable[Caution], locate: Locator) -> None:
    """Issue a :class:`ScenarioWarning` per caution, placed at the file and line of its key."""
    problems = []
    for caution in found:
        file, line = locate(caution.path, False)
        path = format_key_path(caution.path)
        problems.append((file, line, path, caution.message, caution.hint))
    for problem in sorted(problems, key=lambda p: (p[0] or "", p[1] or 0)):
        warnings.warn(ScenarioWarning(*problem), stacklevel=3)


def _age_shares(scenario: Scenario) -> Iterator[Caution]:
    shares = scenario.population.age_shares.as_tuple()
    total = sum(shares)
    if total > 0 and not math.isclose(total, 1.0, abs_tol=SHARE_TOLERANCE):
        scaled = tuple(f"{share / total:.3g}" for share in shares)
        yield Caution(
            ("population", "age_shares"),
            Message("shares_scaled", total=f"{total:.4g}", scaled=scaled),
            Message("shares_scaled_fix"),
        )


def _events(scenario: Scenario) -> Iterator[Caution]:
    for index, event in enumerate(scenario.events):
        here: KeyPath = ("events", index)
        if event.day > scenario.days:
            yield Caution(
                (*here, "day"),
                Message("event_after_end", day=event.day, days=scenario.days, event=event.type),
                Message("event_after_end_fix", days=scenario.days),
            )
        yield from _idle_event(event, here)


def _idle_event(event: object, here: KeyPath) -> Iterator[Caution]:
    """Events whose settings leave nothing for them to do."""
    if isinstance(event, Campaign):
        if not event.groups:
            yield Caution(
                (*here, "groups"),
                Message("campaign_no_groups"),
                Message("campaign_no_groups_fix"),
            )
        for key in ("reach", "boost"):
            if getattr(event, key) == 0:
                yield Caution((*here, key), Message("campaign_zero", key=key))
    if isinstance(event, DataBreach) and event.share == 0:
        yield Caution((*here, "share"), Message("breach_zero"))
    if isinstance(event, CardCrackdown) and event.intensity == 0:
        yield Caution((*here, "intensity"), Message("crackdown_zero"))


def _rings(scenario: Scenario) -> Iterator[Caution]:
    fraud = scenario.fraud
    initial = round(fraud.rings_per_million * fraud.market_population / 1e6)
    if initial > fraud.max_rings:
        yield Caution(
            ("fraud", "max_rings"),
            Message("rings_beyond_max", rings=number(initial), max_rings=number(fraud.max_rings)),
            Message("rings_beyond_max_fix", rings=number(initial)),
        )


def _hub_settings(scenario: Scenario) -> Iterator[Caution]:
    """Keys only a hub reads, set (away from their defaults) under another structure.

    Compared with the defaults, not with what the file wrote: a resolved dump spells every
    key out, and a default left alone says nothing.
    """
    structure = scenario.cooperation.structure
    if structure == "hub":
        return
    for path, value, default in _hub_only_values(scenario, ()):
        if value != default:
            yield Caution(
                path,
                Message("hub_only", key=path[-1], structure=structure),
                Message("hub_only_fix"),
            )


def _hub_only_values(record: BaseModel, path: KeyPath) -> Iterator[tuple[KeyPath, Any, Any]]:
    """(key path, value, default) of every key marked hub-only, in the records below ``record``."""
    for names, default in _hub_only_fields(type(record)):
        value: Any = record
        for name in names:
            value = getattr(value, name, None)
        yield (*path, *names), value, default


@cache
def _hub_only_fields(model: type[BaseModel]) -> tuple[tuple[tuple[str, ...], Any], ...]:
    """(field names from ``model`` down, default) of every hub-only key, found once per model.

    Read from the declared types, not from a scenario's values: a sweep checks thousands of
    points, and walking every record of each for the marks cost it a fifth of its check.
    """
    found: list[tuple[tuple[str, ...], Any]] = []
    for name, field in model.model_fields.items():
        if is_hub_only(field):
            found.append(((name,), field.get_default(call_default_factory=True)))
        elif isinstance(field.annotation, type) and issubclass(field.annotation, BaseModel):
            found.extend(
                ((name, *below), default) for below, default in _hub_only_fields(field.annotation)
            )
    return tuple(found)


def _disabled_institutions(scenario: Scenario) -> Iterator[Caution]:
    for sector in SECTORS:
        agency = getattr(scenario.agencies, sector)
        if agency.enabled:
            continue
        for index, institution in enumerate(agency.institutions):
            if institution.capability is not None:
                yield Caution(
                    ("agencies", sector, "institutions", index, "capability"),
                    Message("sector_disabled", sector=sector),
                    Message("sector_disabled_fix", sector=sector),
                )

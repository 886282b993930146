"""The scenario: the root of a scenario file, assembling every section."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, Field, field_validator, model_validator

from govsim.scenario.agencies import Banks, Education, Judiciary, Platforms, Police, Telecoms
from govsim.scenario.catalogue import default_catalogue
from govsim.scenario.cooperation import Cooperation
from govsim.scenario.costs import Costs
from govsim.scenario.events import Event
from govsim.scenario.fields import (
    ASSUMPTION,
    BrokenRuleError,
    Record,
    Text,
    merged_onto,
    param,
    refuse_broken,
    text_in,
)
from govsim.scenario.folder_names import folder_name_problem
from govsim.scenario.fraud import BlackMarket, Fraud, ScamType
from govsim.scenario.messages import Message
from govsim.scenario.population import Population


class Agencies(Record):
    """The parties that fight fraud."""

    police: Police = Field(default_factory=Police)
    banks: Banks = Field(default_factory=Banks)
    telecoms: Telecoms = Field(default_factory=Telecoms)
    platforms: Platforms = Field(default_factory=Platforms)
    judiciary: Judiciary = Field(default_factory=Judiciary)
    education: Education = Field(default_factory=Education)


class Scenario(Record):
    """A whole scenario: a city, its fraud, its governance, its events."""

    name: str = Field(
        description="Short identifier, used in result tables and as the results folder's name; "
        "a file without one is named after the file (without .yaml)."
    )
    description: Text = Field(
        "",
        description="Plain text, or {en: ..., zh: ...} with either language or both (where "
        "one is missing, the other is shown).",
    )
    extends: str | None = Field(
        None, description="Path of a scenario this one deep-merges onto (relative to the file)."
    )
    replace: list[str] = Field(
        default_factory=list,
        description="Key paths of mappings whose inherited value this file drops instead of "
        "merging onto it: with [cooperation.links], only the links this file writes count "
        "and every other link is 0.",
    )
    days: int = param(
        365, "Measured days (after the warm-up).", unit="days", ge=1, le=36_500, source=ASSUMPTION
    )
    warmup_days: int = param(
        730,
        "Days simulated before the measured days, so that the number of rings, their skills, "
        "stocks and prices, open cases and awareness reach their running regime; nothing is "
        "counted in them. The slowest is a governed market: its rings learn to evade and "
        "the weaker ones quit, so it grows for two years after it opens. From no warm-up "
        "(100,000 residents, 6 replications), multi_party_hub's victims a day rose from 0.39 "
        "to 0.52 over the second year (the measured one of a 365-day warm-up) and stayed at "
        "0.54-0.55 over the third; baseline's rose from 0.94 to 1.18, then 1.15-1.20 "
        "(docs/ODD.md 7.18). Events' days count from the first measured day.",
        unit="days",
        ge=0,
        le=3_650,
        source="docs/ODD.md section 7 (warm-up); assumption",
    )
    seed: int = param(
        0,
        "Master seed; replication seeds are spawned from it.",
        unit="integer",
        ge=0,
        source=ASSUMPTION,
    )
    population: Population = Field(default_factory=Population)
    fraud: Fraud = Field(default_factory=Fraud)
    black_market: BlackMarket = Field(default_factory=BlackMarket)
    scam_types: dict[str, ScamType] = Field(default_factory=default_catalogue)
    agencies: Agencies = Field(default_factory=Agencies)
    cooperation: Cooperation = Field(default_factory=Cooperation)
    costs: Costs = Field(default_factory=Costs)
    events: list[Event] = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _merge_catalogue(cls, data: object) -> object:
        """Merge the file's scam types over the built-in catalogue, deeply, as ``extends`` does.

        ``fake_prize: {profile: {elderly: 3}}`` keeps the catalogue's student and working-age
        profile of that type; a label or description is replaced whole.
        """
        if not isinstance(data, dict) or not isinstance(data.get("scam_types"), dict):
            return data
        merged = {key: t.model_dump(exclude_unset=True) for key, t in default_catalogue().items()}
        for key, entry in data["scam_types"].items():
            if isinstance(entry, dict) and key in merged:
                merged[key] = merged_onto(merged[key], entry)
            else:
                merged[key] = entry
        return {**data, "scam_types": merged}

    @field_validator("name")
    @classmethod
    def _names_a_folder(cls, name: str) -> str:
        """The name picks the results folder (``results/<name>/``): it must be a safe one."""
        if problem := folder_name_problem(name):
            raise BrokenRuleError("", *problem)
        return name

    @model_validator(mode="after")
    def _consistent(self) -> Scenario:
        refuse_broken([self._city_in_market(), self._some_scam_runs()])
        return self

    def _city_in_market(self) -> BrokenRuleError | None:
        size, market = self.population.size, self.fraud.market_population
        if size <= market:
            return None
        return BrokenRuleError(
            "population.size",
            Message("city_beyond_market", size=size, market=market),
            Message("city_beyond_market_fix", size=size),
        )

    def _some_scam_runs(self) -> BrokenRuleError | None:
        if any(t.weight > 0 and t.event is None for t in self.scam_types.values()):
            return None
        return BrokenRuleError(
            "scam_types", Message("no_scam_to_run"), Message("no_scam_to_run_fix")
        )

    def describe(self, language: str = "en") -> str:
        """Return the description in ``language`` (English fallback)."""
        return text_in(self.description, language)

    def model_copy(
        self, *, update: Mapping[str, Any] | None = None, deep: bool = False
    ) -> Scenario:
        """A copy with ``update`` applied, validated as a scenario file would be.

        Pydantic's own copy skips validation: a campaign given as a plain mapping, or a
        negative size, would surface mid-run as ``KeyError: 'day'`` or a numpy error, far from
        its cause. Here a bad update raises :class:`ScenarioError` at once, with the key path
        and the fix. ``govsim.with_overrides`` sets values by key path the same way.
        """
        if not update:
            return super().model_copy(deep=deep)
        from govsim.scenario.loading import scenario_from_dict  # loading imports this module

        data = self.model_dump(mode="json", exclude={"extends", "replace"})
        data.update({key: _as_data(value) for key, value in update.items()})
        return scenario_from_dict(data, source="Scenario.model_copy", warn=False)


def _as_data(value: object) -> object:
    """Records as the plain data a file would hold, so that they are validated again."""
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if isinstance(value, Mapping):
        return {key: _as_data(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_as_data(item) for item in value]
    return value

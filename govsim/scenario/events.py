"""Scenario section ``events``: timed shocks and operations, each with its ``day``."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from govsim.scenario.fields import AGE_GROUPS, ASSUMPTION, Record, Text, param, share

AgeGroup = Literal["student", "working", "elderly"]


class TimedEvent(Record):
    """Common fields: the day the event starts (1 is the first simulated day)."""

    day: int = param(..., "Day the event takes effect.", unit="day", ge=1, source=ASSUMPTION)
    label: Text | None = Field(None, description="Optional display name.")


class DataBreach(TimedEvent):
    """A leak of personal records onto the black market (the Xu Yuyu pattern)."""

    type: Literal["data_breach"]
    group: AgeGroup | None = Field("student", description="Whose records leak (None: everyone).")
    uptake: float = share(
        0.3,
        "Share of each ring's effort turned to the scam the leak fits, targeted "
        "(the Xu Yuyu case: student-aid records bought for a student-aid scam).",
        source="seed paper: the Xu Yuyu case",
    )
    detail_lift: float = param(
        2.0,
        "Extra conversion multiplier of targeted scams using these detailed, fresh records.",
        unit="multiplier",
        ge=1.0,
        le=100.0,
        source="seed paper: the Xu Yuyu case (the scammer knew her aid application)",
    )
    share: float = share(0.5, "Share of that group whose records leak.", source=ASSUMPTION)


class CardCrackdown(TimedEvent):
    """A special operation against SIM and bank-card supply ('断卡')."""

    type: Literal["card_crackdown"]
    duration_days: int = param(90, "Length of the operation.", unit="days", ge=1, source=ASSUMPTION)
    intensity: float = share(
        0.7, "Share of black-market SIM and mule supply cut while it runs.", source=ASSUMPTION
    )


class Campaign(TimedEvent):
    """A one-off awareness campaign."""

    type: Literal["campaign"]
    reach: float = share(0.5, "Share of the targeted residents reached.", source=ASSUMPTION)
    boost: float = share(
        0.25, "Awareness gained by a reached resident (of the gap to 1).", source=ASSUMPTION
    )
    groups: list[AgeGroup] = Field(
        default_factory=lambda: list(AGE_GROUPS), description="Age groups targeted."
    )


class Epidemic(TimedEvent):
    """An epidemic: life moves online and epidemic-related scams appear."""

    type: Literal["epidemic"]
    duration_days: int = param(120, "Length of the epidemic.", unit="days", ge=1, source=ASSUMPTION)
    online_multiplier: float = param(
        1.3,
        "Multiplier on online exposure while it lasts.",
        unit="multiplier",
        ge=0.0,
        le=10.0,
        source="CNNIC 46th report: online use grew in 2020",
    )


Event = Annotated[DataBreach | CardCrackdown | Campaign | Epidemic, Field(discriminator="type")]
EVENT_TYPES: tuple[str, ...] = ("data_breach", "card_crackdown", "campaign", "epidemic")

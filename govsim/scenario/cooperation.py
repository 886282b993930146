"""Scenario section ``cooperation``: the structure and the links between parties.

A link is named by two parties joined with a hyphen, in either order (``police-bank`` and
``bank-police`` are the same link). Its level in [0, 1] says how well the pair cooperates.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, PrivateAttr, field_validator

from govsim.scenario.fields import ASSUMPTION, HUB_ONLY, Record, param, share
from govsim.scenario.messages import Message

PARTIES: tuple[str, ...] = (
    "police",
    "bank",
    "telecom",
    "platform",
    "judiciary",
    "international",
    "government",
    "public",
)
KNOWN_LINKS: tuple[str, ...] = (
    "police-bank",
    "police-telecom",
    "police-platform",
    "police-police",
    "police-judiciary",
    "police-international",
    "bank-telecom",
    "bank-platform",
    "telecom-platform",
    "government-public",
)
HUB_SEATS: frozenset[str] = frozenset({"police", "bank", "telecom", "platform"})
"""Parties that sit together in a one-stop centre; links among them gain from co-location."""


def canonical_link(name: str) -> str:
    """Return the link's canonical name, whatever the order of its two parties.

    Raises:
        ValueError: if the name is not a pair of known parties forming a known link.
    """
    parts = name.strip().split("-")
    if len(parts) != 2 or not all(part in PARTIES for part in parts):
        raise ValueError(Message("not_a_link", name=name, parties=PARTIES))
    for candidate in (f"{parts[0]}-{parts[1]}", f"{parts[1]}-{parts[0]}"):
        if candidate in KNOWN_LINKS:
            return candidate
    raise ValueError(Message("not_a_modelled_link", name=name, links=KNOWN_LINKS))


class Latencies(Record):
    """What the slowest (no cooperation) and fastest (full cooperation) links deliver."""

    stop_payment_slowest_hours: float = param(
        24.0,
        "Police stop-payment through the formal legal route with no police-bank link: a "
        "written notice served on the bank in branch hours. Police always have it.",
        unit="hours",
        gt=0.0,
        source="written stop-payment and freeze notices take hours to days (a working day "
        "here); assumption",
    )
    stop_payment_fastest_hours: float = param(
        0.25,
        "Police stop-payment with a full police-bank link (minutes in a hub).",
        unit="hours",
        gt=0.0,
        source="Shenzhen anti-fraud centre practice; assumption",
    )
    blacklist_slowest_days: float = param(
        14.0,
        "Days for a reported number or account to be blocked with a weak link.",
        unit="days",
        gt=0.0,
        source=ASSUMPTION,
    )
    blacklist_fastest_days: float = param(
        0.0,
        "Days for a reported number or account to be blocked with a full link.",
        unit="days",
        ge=0.0,
        source=ASSUMPTION,
    )
    station_routing_hours: float = param(
        3.0,
        "Hours from a victim's report at a local police station to the stop-payment request "
        "leaving the police: the case is written up and passed to the fraud desk. A hub's one "
        "intake skips it.",
        unit="hours",
        ge=0.0,
        source=ASSUMPTION,
    )


class Centre(Record):
    """What a police-led one-stop centre does beyond raising its members' links.

    Read only under structure ``hub``. Each mechanism can be switched off (``one_intake:
    false``, ``data_desk: 0``, ``joint_operations: 0``); with all three off, a hub is a
    bilateral structure at the hub's effective link levels.
    """

    one_intake: bool = Field(
        True,
        description="Victims' reports reach one intake where seated bank staff issue the "
        "stop-payment themselves, in intake_hours, instead of the station route and the "
        "police-bank link.",
    )
    intake_hours: float = param(
        0.2,
        "Hours from a report reaching the centre's one intake to the stop-payment.",
        unit="hours",
        gt=0.0,
        source="Shenzhen and Qingdao centres: stop-payment within minutes of a report, "
        "docs/sources.md; assumption",
    )
    data_desk: float = share(
        0.8,
        "Share of the carriers' sub-threshold traces of scam contacts that the pooled data "
        "desk examines against the other companies' data (0 switches the desk off).",
        source=ASSUMPTION,
    )
    trace_share: float = share(
        0.3,
        "Chance a carrier's data holds a sub-threshold trace of a reached scam contact, at "
        "full effort and no evasion: too weak to act on alone, enough with a second "
        "company's data.",
        source=ASSUMPTION,
    )
    joint_operations: float = share(
        0.5,
        "Joint operations (合成作战): share of the gap to certain case linking the centre "
        "closes, and share of an identified ring's numbers, accounts and mule accounts taken "
        "down with its members (0 switches them off).",
        source=ASSUMPTION,
    )


class Cooperation(Record):
    """How the parties work together."""

    structure: Literal["none", "bilateral", "hub"] = Field(
        "bilateral",
        description="none: each acts alone (all links 0); bilateral: pairwise agreements; "
        "hub: a police-led one-stop centre where banks, telecoms and platforms sit together.",
    )
    links: dict[str, float] = Field(
        default_factory=dict,
        description="Cooperation level in [0, 1] per link, e.g. police-bank: 0.9.",
        json_schema_extra={"unit": "share", "source": ASSUMPTION},
    )
    hub_colocation: float = share(
        0.7,
        "In a hub, share of the gap to full cooperation closed for links among the parties "
        "that sit together (police, banks, telecoms, platforms).",
        source=ASSUMPTION,
        hub_only=True,
    )
    shared_precision: float = share(
        0.5,
        "Share of a party's false positives avoided when it knows all that the other parties "
        "know (blacklists, flags and pooled data reaching it through its links): it acts on "
        "the same fraud with fewer mistakes.",
        source="consortium fraud models report fewer false positives at equal detection; "
        "magnitude assumption",
    )
    latencies: Latencies = Field(default_factory=Latencies)
    centre: Centre = Field(default_factory=Centre, json_schema_extra={HUB_ONLY: True})

    @field_validator("links")
    @classmethod
    def _links_valid(cls, links: dict[str, float]) -> dict[str, float]:
        result: dict[str, float] = {}
        for name, level in links.items():
            key = canonical_link(name)
            if not 0.0 <= level <= 1.0:
                raise ValueError(Message("link_level_range", name=name, level=level))
            if key in result:
                raise ValueError(Message("link_given_twice", name=name, link=key))
            result[key] = float(level)
        return result

    @property
    def hub(self) -> Centre | None:
        """The one-stop centre's mechanisms, or None when there is no centre."""
        return self.centre if self.structure == "hub" else None

    _levels: dict[str, float] = PrivateAttr(default_factory=dict)

    def level(self, name: str) -> float:
        """Return the effective cooperation level of a link under this structure.

        Remembered per name: the model asks for levels many times a day, and the record is
        immutable. The memory is read from pydantic's store of private attributes directly:
        ``self._levels`` goes through pydantic's ``__getattr__``, which costs more than the
        look-up itself.
        """
        levels = self.__pydantic_private__["_levels"]
        cached = levels.get(name)
        if cached is None:
            cached = levels[name] = self._effective_level(name)
        return cached

    def __eq__(self, other: object) -> bool:
        """Equal when the settings are, whatever levels either has been asked for so far."""
        if not isinstance(other, Cooperation):
            return NotImplemented
        return type(self) is type(other) and self.__dict__ == other.__dict__

    __hash__ = Record.__hash__

    def model_copy(self, *, update: dict | None = None, deep: bool = False) -> Cooperation:
        """A copy, with its own (empty) memory of levels: an update may change them."""
        copy = super().model_copy(update=update, deep=deep)
        copy._levels = {}
        return copy

    def _effective_level(self, name: str) -> float:
        if self.structure == "none":
            return 0.0
        key = canonical_link(name)
        level = self.links.get(key, 0.0)
        parties = set(key.split("-"))
        if self.structure == "hub" and len(parties) == 2 and parties <= HUB_SEATS:
            level += (1.0 - level) * self.hub_colocation
        return level

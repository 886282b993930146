"""Scenario section ``cooperation``: the structure and the links between parties.

A link is named by two parties joined with a hyphen, in either order (``police-bank`` and
``bank-police`` are the same link). Its level in [0, 1] says how well the pair cooperates.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator

from govsim.scenario.fields import ASSUMPTION, Record, param, share

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
        raise ValueError(
            f"'{name}' is not a link: expected two parties joined by '-', parties are "
            + ", ".join(PARTIES)
        )
    for candidate in (f"{parts[0]}-{parts[1]}", f"{parts[1]}-{parts[0]}"):
        if candidate in KNOWN_LINKS:
            return candidate
    raise ValueError(f"'{name}' is not a modelled link; known links: " + ", ".join(KNOWN_LINKS))


class Latencies(Record):
    """What the slowest (no cooperation) and fastest (full cooperation) links deliver."""

    stop_payment_slowest_hours: float = param(
        72.0,
        "Police stop-payment through the formal legal route with no police-bank link: a "
        "written notice served on the bank in branch hours. Police always have it.",
        unit="hours",
        gt=0.0,
        source="written stop-payment and freeze notices take hours to days; IC3 72-hour "
        "window; assumption",
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
    )
    latencies: Latencies = Field(default_factory=Latencies)

    @field_validator("links")
    @classmethod
    def _links_valid(cls, links: dict[str, float]) -> dict[str, float]:
        result: dict[str, float] = {}
        for name, level in links.items():
            key = canonical_link(name)
            if not 0.0 <= level <= 1.0:
                raise ValueError(f"link '{name}' must be in [0, 1], got {level}")
            if key in result:
                raise ValueError(f"link '{name}' is given twice (as '{key}')")
            result[key] = float(level)
        return result

    def level(self, name: str) -> float:
        """Return the effective cooperation level of a link under this structure."""
        if self.structure == "none":
            return 0.0
        key = canonical_link(name)
        level = self.links.get(key, 0.0)
        parties = set(key.split("-"))
        if self.structure == "hub" and len(parties) == 2 and parties <= HUB_SEATS:
            level += (1.0 - level) * self.hub_colocation
        return level

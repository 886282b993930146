"""Governance cost: staff-days and yuan each party and the cooperation links cost each day.

Costs are outputs only: they change nothing in the simulated city. Staff scale with the city's
residents and each party's effort, and each member of staff works the working days of a year;
the police pay their fraud investigators and the centre's callers for the calls they make; the
courts pay per defendant (the market's defendants attributed to the city, like arrests) where
the judiciary acts; education pays its staff and each resident a campaign reaches; every
cooperation link needs liaison staff in proportion to its level, and a hub seats its own staff.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from govsim.scenario.cooperation import KNOWN_LINKS

if TYPE_CHECKING:
    from govsim.model import GovernanceModel

PARTIES: tuple[str, ...] = (
    "police",
    "banks",
    "telecoms",
    "platforms",
    "judiciary",
    "education",
    "cooperation",
)
COST_COUNTS: tuple[str, ...] = tuple(f"cost_{party}" for party in PARTIES)
"""Daily city counters: yuan spent by each party (and on the links) that day."""


DAYS_PER_YEAR = 365.0


def daily_staff_days(model: GovernanceModel, calls: float, defendants: float) -> dict[str, float]:
    """Staff-days each party spends today (education's campaign contacts cost yuan apart).

    Staff counts are headcounts: one person works ``costs.working_days_per_year`` days a year,
    so a calendar day costs that share of a staff-day per person. Calls and defendants cost
    the staff-days their work takes. Prosecutors and courts cost nothing where the judiciary
    does not act, whatever the police arrest.
    """
    costs, agencies = model.config.costs, model.config.agencies
    staff = model.config.population.size / 1e5 * costs.working_days_per_year / DAYS_PER_YEAR
    police = agencies.police
    courts = agencies.judiciary.enabled
    return {
        "police": (police.investigators_per_100k * staff if model.police.enabled else 0.0)
        + calls / costs.calls_per_staff_day,
        "banks": costs.bank_staff_per_100k * staff * model.banks.effort,
        "telecoms": costs.telecom_staff_per_100k * staff * model.telecoms.effort,
        "platforms": costs.platform_staff_per_100k * staff * model.platforms.effort,
        "judiciary": costs.staff_days_per_defendant * defendants if courts else 0.0,
        "education": costs.education_staff_per_100k * staff * model.education.effort,
        "cooperation": _cooperation_staff(model) * staff,
    }


def _cooperation_staff(model: GovernanceModel) -> float:
    """Liaison staff per 100k for every link at its level, plus a hub's seated staff."""
    costs, links = model.config.costs, model.links
    liaison = costs.liaison_staff_per_100k * sum(links.level(name) for name in KNOWN_LINKS)
    centre = costs.centre_staff_per_100k if links.structure == "hub" else 0.0
    return liaison + centre


def daily_costs(
    model: GovernanceModel, calls: float, defendants: float, campaign_contacts: float
) -> dict[str, float]:
    """Yuan each party spends today, keyed by :data:`COST_COUNTS`."""
    costs = model.config.costs
    staff = daily_staff_days(model, calls, defendants)
    spent = {f"cost_{party}": days * costs.staff_day_yuan for party, days in staff.items()}
    spent["cost_education"] += campaign_contacts * costs.yuan_per_campaign_contact
    return spent

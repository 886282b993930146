"""Scenario section ``costs``: what each party's effort and each cooperation link cost.

Governance is weighed against its cost in staff-days and yuan. Every figure here is an
assumption unless its source says otherwise; they change no outcome of the fraud, only the
governance cost that the summary reports next to it.
"""

from __future__ import annotations

from govsim.scenario.fields import ASSUMPTION, Record, param


class Costs(Record):
    """Unit costs of governance: staff at each party, per case and per contact."""

    staff_day_yuan: float = param(
        500.0,
        "Cost of one staff-day, pay and overheads (about 150,000 yuan a year over 300 working "
        "days), the same for every party.",
        unit="yuan/staff-day",
        ge=0.0,
        source=ASSUMPTION,
    )
    working_days_per_year: float = param(
        300.0,
        "Days a year one member of staff works: a headcount costs this many staff-days a "
        "year, spread over the calendar days (calls and defendants cost the staff-days they "
        "take).",
        unit="staff-days/year",
        gt=0.0,
        le=366.0,
        source=ASSUMPTION,
    )
    calls_per_staff_day: float = param(
        60.0,
        "Dissuasion calls one centre caller makes in a day.",
        unit="calls/staff-day",
        gt=0.0,
        source="Lanzhou 2021: about 1,230 manual warning calls a day citywide, docs/sources.md "
        "(staff count not published); assumption",
    )
    bank_staff_per_100k: float = param(
        3.0,
        "Bank and payment staff on fraud risk control per 100,000 residents, at full effort.",
        unit="staff/100k residents",
        ge=0.0,
        source=ASSUMPTION,
    )
    telecom_staff_per_100k: float = param(
        1.0,
        "Telecom staff on fraud interception per 100,000 residents, at full effort.",
        unit="staff/100k residents",
        ge=0.0,
        source=ASSUMPTION,
    )
    platform_staff_per_100k: float = param(
        1.0,
        "Platform staff on fraud content and accounts per 100,000 residents, at full effort.",
        unit="staff/100k residents",
        ge=0.0,
        source=ASSUMPTION,
    )
    education_staff_per_100k: float = param(
        0.5,
        "Staff running public education per 100,000 residents, at full effort.",
        unit="staff/100k residents",
        ge=0.0,
        source=ASSUMPTION,
    )
    yuan_per_campaign_contact: float = param(
        2.0,
        "Direct cost of reaching one resident with a campaign (messages, leaflets, events).",
        unit="yuan/resident reached",
        ge=0.0,
        source=ASSUMPTION,
    )
    staff_days_per_defendant: float = param(
        20.0,
        "Prosecutor and court staff-days per suspect brought to trial.",
        unit="staff-days/defendant",
        ge=0.0,
        source=ASSUMPTION,
    )
    liaison_staff_per_100k: float = param(
        0.2,
        "Liaison staff per 100,000 residents that one cooperation link at level 1 needs "
        "(shared procedures, data exchange, meetings); proportional to the link's level.",
        unit="staff/100k residents",
        ge=0.0,
        source=ASSUMPTION,
    )
    centre_staff_per_100k: float = param(
        1.5,
        "Staff seated in a one-stop anti-fraud centre per 100,000 residents (structure hub "
        "only), on top of the parties' own staff.",
        unit="staff/100k residents",
        ge=0.0,
        source="Qingdao 2016: 150 resident staff for about 10 million residents, docs/sources.md",
        hub_only=True,
    )

"""Warm-ups that several scenarios share: what a warm-up reads of a scenario, and what it does not.

A replication's warm-up (730 days by default) is two thirds of its cost. It reads nearly the whole
scenario, but not its events (they fire on measured days, from day 1), its measured days, its
names and descriptions, or its master seed (a replication is given its own seed). Every draw is
keyed to what it is about, not to the scenario, so scenarios that differ only there have the
same warm-up, draw for draw: a comparison of a scenario with and without a campaign can warm
each replication up once and continue a copy of it as each scenario
(:func:`govsim.runner.run_sharing_warmup`), with the results each scenario gives alone.
"""

from __future__ import annotations

import hashlib
import json

from govsim.scenario.schema import Scenario

WARMUP_BLIND: frozenset[str] = frozenset(
    {"name", "description", "extends", "replace", "days", "seed", "events"}
)
"""The scenario's top-level keys a warm-up does not read."""


def warmup_key(scenario: Scenario) -> str:
    """A digest of everything in ``scenario`` that a warm-up reads: equal keys, equal warm-ups."""
    data = scenario.model_dump(mode="json", exclude=set(WARMUP_BLIND))
    text = json.dumps(data, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def warmup_part(scenario: Scenario) -> Scenario:
    """The scenario a shared warm-up is run as: ``scenario`` without its events.

    Its events are put on the model's list when the warm-up is over
    (``GovernanceModel.continue_as``), in each copy, as each scenario's own.
    """
    return scenario.model_copy(update={"events": []})


def sharing_groups(scenarios: list[Scenario]) -> list[list[Scenario]]:
    """The scenarios grouped by warm-up, in order, only the groups of two or more.

    What a comparison's report tells its reader: which scenarios warmed up once together.
    """
    groups: dict[str, list[Scenario]] = {}
    for scenario in scenarios:
        if scenario.warmup_days > 0:
            groups.setdefault(warmup_key(scenario), []).append(scenario)
    return [group for group in groups.values() if len(group) > 1]

"""A made-up attribution, so that the report's builders can be tested without running a model.

Values and pairs are chosen by the test; the scenario is a shipped one (only its settings are
read: its name, size, horizon and the centre's mechanisms).
"""

from __future__ import annotations

import itertools

import pandas as pd

from govsim.attribution.players import game
from govsim.attribution.running import (
    ATTRIBUTED,
    GRAND,
    INTERACTION_COLUMNS,
    VALUE_COLUMNS,
    Attribution,
)
from tests.helpers import shipped


def synthetic_attribution(
    kind: str = "hub",
    values: dict[str, tuple[float, float, float]] | None = None,
    pairs: dict[tuple[str, str], tuple[float, float, float]] | None = None,
    scenario: str = "multi_party_hub",
) -> Attribution:
    """Every outcome with the same ``values`` (player: value, low, high; 1 +- 1 if not given)
    and ``pairs`` (pair: index, low, high; 0 if not given); the whole effect is their sum."""
    the_game = game(shipped(scenario, residents=10_000, days=90, warmup=10), kind)
    values = values or {}
    pairs = pairs or {}
    value_rows, pair_rows = [], []
    for outcome in ATTRIBUTED:
        own = [(p, *values.get(p, (1.0, 0.5, 1.5))) for p in the_game.players]
        whole = sum(value for _, value, _, _ in own)
        for player, value, low, high in own:
            share = value / whole if whole else float("nan")
            row = (player, outcome, value, low, high, share)
            value_rows.append(dict(zip(VALUE_COLUMNS, row, strict=True)))
        total = (GRAND, outcome, whole, whole - 1.0, whole + 1.0, 1.0)
        value_rows.append(dict(zip(VALUE_COLUMNS, total, strict=True)))
        for a, b in itertools.combinations(the_game.players, 2):
            index, low, high = pairs.get((a, b), (0.0, -1.0, 1.0))
            pair_rows.append(
                dict(zip(INTERACTION_COLUMNS, (a, b, outcome, index, low, high), strict=True))
            )
    masks = range(2 ** len(the_game.players))
    coalitions = pd.DataFrame({"mask": list(masks), "run_as_mask": list(masks)})
    return Attribution(
        game=the_game,
        seed=7,
        seeds=[1, 2],
        coalitions=coalitions,
        values=pd.DataFrame(value_rows),
        interactions=pd.DataFrame(pair_rows, columns=list(INTERACTION_COLUMNS)),
        method="exact",
    )

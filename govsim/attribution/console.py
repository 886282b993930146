"""The attribution's table for the terminal: each player's Shapley value per outcome."""

from __future__ import annotations

from rich.table import Table

from govsim.attribution.running import ATTRIBUTED, Attribution
from govsim.attribution.sentences import amount
from govsim.comparison.wording import outcome_label, player_label, word


def attribution_table(attribution: Attribution, language: str = "en") -> Table:
    """One row per player (the grand coalition last), one column per outcome: value [CI]."""
    kind = word(f"kind_{attribution.game.kind}", language)
    title = word("attribution_title", language, scenario=attribution.game.scenario.name, kind=kind)
    table = Table(title=title)
    table.add_column(word("player", language))
    for outcome in ATTRIBUTED:
        table.add_column(outcome_label(outcome, language), justify="right")
    by_player = attribution.values.set_index(["player", "outcome"])
    for player in attribution.values["player"].unique():
        cells = []
        for outcome in ATTRIBUTED:
            row = by_player.loc[(player, outcome)]
            cells.append(
                f"{amount(row['shapley'])} [{amount(row['ci_low'])}, {amount(row['ci_high'])}]"
            )
        table.add_row(player_label(str(player), language), *cells)
    return table

"""``report.html`` of an attribution: one self-contained page, opened offline.

It shares the comparison's page style and its way of embedding plotly.js once (nothing is
loaded from the network), and is built from the attribution's frames only: how to read a
player's part, what each of the centre's mechanisms does (for ``--players hub``), a waterfall
per outcome from the empty coalition to all players together with its unit and level, the
values with their intervals, and the synergy matrix of the pairs, its values written in.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from govsim.attribution.players import HUB_MECHANISMS
from govsim.attribution.running import ATTRIBUTED, GRAND, Attribution
from govsim.attribution.sentences import (
    amount,
    outcome_sentences,
    spans_zero,
    synergy_sentences,
)
from govsim.attribution.wording import mechanism_definition, unit, word
from govsim.axis_numbers import axis_numbers
from govsim.comparison.report import _e, _Figures, _table, page_html
from govsim.comparison.wording import noun, outcome_label, player_label
from govsim.labels import phrase, sentence_gap


def report_html(attribution: Attribution, language: str = "en") -> str:
    """The whole page, as text."""
    kind = word(f"kind_{attribution.game.kind}", language)
    title = word("attribution_title", language, scenario=attribution.game.scenario.name, kind=kind)
    figures = _Figures()
    body = [f"<h1>{_e(title)}</h1>", f"<p>{_e(_lead(attribution, language))}</p>"]
    body += reading_section(attribution, language)
    if attribution.game.kind == "hub":
        body += mechanisms_section(attribution, language)
    for outcome in ATTRIBUTED:
        body += _outcome_section(attribution, outcome, language, figures)
    body += _synergy_section(attribution, language, figures)
    body += _method_section(attribution, language)
    return page_html(title, body, language)


def _lead(attribution: Attribution, language: str) -> str:
    scenario = attribution.game.scenario
    return word(
        "attribution_lead",
        language,
        coalitions=int(attribution.coalitions["mask"].nunique()),
        players=len(attribution.game.players),
        replications=attribution.replications,
        seed=attribution.seed,
        residents=scenario.population.size,
        days=scenario.days,
    )


def reading_section(attribution: Attribution, language: str) -> list[str]:
    """What a player's part is, that the parts add up, and what an interval across 0 says."""
    kind = attribution.game.kind
    if attribution.method == "exact":
        orders = word("all_orders", language)
    else:
        orders = word("sampled_orders", language, orders=attribution.orders)
    text = word(
        "reading",
        language,
        kind=word(f"kind_{kind}", language),
        empty=word(f"empty_{kind}", language),
        orders=orders,
    )
    return [f"<h2>{_e(word('reading_title', language))}</h2>", f"<p>{_e(text)}</p>"]


def mechanisms_section(attribution: Attribution, language: str) -> list[str]:
    """Each of the centre's mechanisms by name, what it does here, and what off leaves."""
    scenario = attribution.game.scenario
    items = "".join(
        f"<li><b>{_e(player_label(name, language))}</b>{_e(phrase('colon', language))}"
        f"{_e(mechanism_definition(name, scenario, language))}</li>"
        for name in HUB_MECHANISMS
    )
    return [f"<h2>{_e(word('mechanisms_title', language))}</h2>", f"<ul>{items}</ul>"]


def share_text(share: float) -> str:
    """A share of the whole as a whole percentage: "-" if none, never "-0%"."""
    if math.isnan(share):
        return "-"
    return f"{share:.0%}" if round(share * 100) != 0 else "0%"


def _outcome_section(
    attribution: Attribution, outcome: str, language: str, figures: _Figures
) -> list[str]:
    rows = attribution.values[attribution.values["outcome"] == outcome]
    heading = word("waterfall_title", language, measure=outcome_label(outcome, language))
    sentences = "".join(
        f"<li>{_e(line)}</li>" for line in outcome_sentences(attribution, outcome, language)
    )
    in_unit = unit(outcome, language)
    shapley = word("with_unit", language, name=word("shapley", language), unit=in_unit)
    header = [word("player", language), shapley, word("ci", language)]
    header.append(word("share_of_whole", language))
    # As the sentences: a share of a whole effect that may be zero is not given ("-").
    whole_is_clear = not spans_zero(rows[rows["player"] == GRAND].iloc[0].to_dict())
    table = _table(
        header,
        (
            [
                (player_label(str(row["player"]), language), ""),
                (amount(row["shapley"]), ""),
                # As the console writes it: "-3,680 - 1,530" read as a subtraction.
                (f"[{amount(row['ci_low'])}, {amount(row['ci_high'])}]", ""),
                (share_text(row["share"] if whole_is_clear else math.nan), ""),
            ]
            for row in rows.to_dict("records")
        ),
    )
    axis = word("waterfall_axis", language, unit=in_unit)
    figure = waterfall_figure(rows, heading, language, axis)
    return [
        f"<h2>{_e(heading)}</h2>",
        f'<p class="note">{_e(measure_note(attribution, outcome, language))}</p>',
        f'<ul class="verdicts">{sentences}</ul>',
        figures.html(figure),
        table,
    ]


def measure_note(attribution: Attribution, outcome: str, language: str) -> str:
    """The outcome's unit, where it is counted (the city) and which sign lowers it."""
    scenario = attribution.game.scenario
    return word(
        "measure_note",
        language,
        unit=unit(outcome, language),
        residents=scenario.population.size,
        days=scenario.days,
        noun=noun(outcome, language),
    )


def waterfall_figure(
    rows: pd.DataFrame, title: str, language: str, axis_title: str = ""
) -> go.Figure:
    """From the empty coalition (0) up by each player's value to the whole effect."""
    players = rows[rows["player"] != GRAND]
    grand = rows[rows["player"] == GRAND].iloc[0]
    names = [player_label(str(p), language) for p in players["player"]]
    figure = go.Figure(
        go.Waterfall(
            x=[*names, player_label(GRAND, language)],
            y=[*players["shapley"].astype(float), float(grand["shapley"])],
            measure=["relative"] * len(names) + ["total"],
        )
    )
    figure.update_layout(
        title=title,
        template="plotly_white",
        showlegend=False,
        height=420,
        yaxis={"title": axis_title, **axis_numbers(language)},
    )
    return figure


def synergy_figure(attribution: Attribution, outcome: str, language: str) -> go.Figure:
    """The interaction index of every pair as a symmetric matrix (the diagonal left empty).

    Each cell writes its value, as the tables do: a colour alone does not say how much.
    """
    players = list(attribution.game.players)
    matrix = np.full((len(players), len(players)), np.nan)
    rows = attribution.interactions[attribution.interactions["outcome"] == outcome]
    for row in rows.to_dict("records"):
        a, b = players.index(row["player_a"]), players.index(row["player_b"])
        matrix[a, b] = matrix[b, a] = float(row["index"])
    names = [player_label(p, language) for p in players]
    limit = float(np.nanmax(np.abs(matrix))) if rows.size else 1.0
    text = [["" if math.isnan(value) else amount(value) for value in line] for line in matrix]
    figure = go.Figure(
        go.Heatmap(
            z=matrix,
            x=names,
            y=names,
            text=text,
            texttemplate="%{text}",
            colorscale="RdBu",
            zmid=0.0,
            zmin=-limit,
            zmax=limit,
            colorbar={
                "title": unit(outcome, language),
                **{k: v for k, v in axis_numbers(language).items() if k != "automargin"},
            },
        )
    )
    title = f"{word('synergy_title', language)}: {noun(outcome, language)}"
    figure.update_layout(title=title, template="plotly_white", height=480)
    return figure


def _synergy_section(attribution: Attribution, language: str, figures: _Figures) -> list[str]:
    parts = [f"<h2>{_e(word('synergy_title', language))}</h2>"]
    if attribution.interactions.empty:
        return [*parts, f'<p class="note">{_e(word("no_synergy", language))}</p>']
    for outcome in ("net_loss", "victims"):
        note = word("synergy_note", language, noun=noun(outcome, language))
        lines = synergy_sentences(attribution.interactions, outcome, language)
        parts += [
            f'<ul class="verdicts">{"".join(f"<li>{_e(line)}</li>" for line in lines)}</ul>',
            f'<p class="note">{_e(note)}</p>',
            figures.html(synergy_figure(attribution, outcome, language)),
        ]
    return parts


def _method_section(attribution: Attribution, language: str) -> list[str]:
    gap = sentence_gap(language)  # Chinese sentences follow each other unspaced
    if attribution.method == "exact":
        how = word("method_exact", language)
    else:
        how = word("method_sampled", language, orders=attribution.orders)
        if attribution.pair_samples:
            how += gap + word("method_pairs", language, samples=attribution.pair_samples)
    empty = word(f"empty_{attribution.game.kind}", language)
    text = word("attribution_method", language, empty=empty, how=how)
    if shared := attribution.coalitions_shared:
        coalitions = int(attribution.coalitions["mask"].nunique())
        text += gap + word("coalitions_shared", language, shared=shared, coalitions=coalitions)
    seeds = ", ".join(str(seed) for seed in attribution.seeds)
    return [
        f"<h2>{_e(word('method_title', language))}</h2>",
        f"<p>{_e(text)}</p>",
        f'<p class="note">{_e(word("seeds", language) + phrase("colon", language))}{_e(seeds)}</p>',
    ]

"""``report.html``: one self-contained page a reader can forward and open offline.

plotly.js is embedded once, in the first figure; the other figures use it. Nothing is loaded
from the network: no script, style sheet, font or image from elsewhere. The page is built from
the comparison's frames only, in the language chosen.
"""

from __future__ import annotations

import html
import math
from collections.abc import Iterable, Sequence

import pandas as pd
import plotly.graph_objects as go

from govsim.comparison.caveats import caveats, listed
from govsim.comparison.charts import (
    COLLATERAL_PARTS,
    DAILY,
    LAYERS,
    LOSSES,
    bars_figure,
    by_place_figure,
    costs_figure,
    daily_figure,
)
from govsim.comparison.console import difference_header, difference_rows
from govsim.comparison.frames import KEY_OUTCOMES
from govsim.comparison.running import Comparison
from govsim.comparison.verdicts import cost_sentence, direction, precision_sentence, verdicts
from govsim.comparison.wording import key_path_gloss, outcome_label, player_label, word
from govsim.labels import HEADERS, label, phrase, sentence_gap
from govsim.metrics import ATTRIBUTED
from govsim.scenario.fields import text_in
from govsim.scenario.schema import Scenario
from govsim.scenario.showing import EFFECTIVE, cell, side_by_side
from govsim.warmup import sharing_groups

PAIRING_COLUMNS = ("pairing_efficiency", "pairing_ci_low", "pairing_ci_high")
"""The columns of a pairing efficiency and its interval, as the method's table shows them."""
UNCOMPARED = frozenset({"name", "description"})
"""Top-level keys left out of "what differs": they name and describe, the page shows them."""
STYLE = """
body { font-family: system-ui, "Noto Sans CJK SC", "Microsoft YaHei", sans-serif;
       max-width: 1400px; margin: 2em auto; padding: 0 1em; color: #222; line-height: 1.5; }
table { border-collapse: collapse; margin: 1em 0; font-size: 0.9em; }
th, td { border-bottom: 1px solid #ddd; padding: 0.3em 0.6em; text-align: right;
         white-space: nowrap; }
th:first-child, td:first-child { white-space: normal; min-width: 14em; }
th:first-child, td:first-child { text-align: left; }
td.key { font-family: ui-monospace, monospace; }
div.scroll { overflow-x: auto; }
@media screen {
  table.outcomes { font-size: 0.8em; }
  table.outcomes th, table.outcomes td { white-space: normal; }
  table.outcomes td:first-child { min-width: 10em; }
}
span.ci { white-space: nowrap; }
ul.verdicts li { margin: 0.3em 0; }
ul.caveats { background: #fff8e1; border-left: 4px solid #f0a500; padding: 0.6em 1em 0.6em 2em; }
ul.caveats li { margin: 0.3em 0; }
p.note, ul.note { color: #555; font-size: 0.9em; }
@page { size: A4; margin: 12mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; }
  .js-plotly-plot, tr, li { break-inside: avoid; }
  h1, h2, h3, p.note { break-after: avoid; }
  .modebar-container { display: none !important; }
  table { font-size: 7pt; }
  th, td { white-space: normal; padding: 0.2em 0.3em; }
  th:first-child, td:first-child { min-width: 7em; }
  div.scroll { overflow: visible; }
}
"""
"""The reports' style, on screen and printed: on A4, the paper of the offices they are
forwarded to, a chart, a table row or a verdict is not cut across two pages, a heading or a
note stays with what follows it, Plotly's buttons are left out, and a wide table wraps its
cells in a smaller type instead of losing its right-hand columns past the paper's edge."""
PRINT_WIDTH_PX = 660
"""A chart's width on paper: A4 less 12 mm margins is 186 mm, 703 CSS pixels, less some slack."""
PRINT_SCRIPT = f"""
(function () {{
  function charts() {{ return document.querySelectorAll(".js-plotly-plot"); }}
  window.addEventListener("beforeprint", function () {{
    charts().forEach(function (chart) {{
      if (chart.offsetWidth > {PRINT_WIDTH_PX}) {{
        chart.dataset.printed = "1";
        Plotly.relayout(chart, {{width: {PRINT_WIDTH_PX}}});
      }}
    }});
  }});
  window.addEventListener("afterprint", function () {{
    charts().forEach(function (chart) {{
      if (chart.dataset.printed) {{
        delete chart.dataset.printed;
        Plotly.relayout(chart, {{width: null, autosize: true}});
      }}
    }});
  }});
}})();
"""
"""Charts are drawn at the window's width, which paper does not have: before printing, each
wider one is redrawn at the page's width (its type stays legible, unlike a shrunk picture),
and after printing it fills the window again. Chromium runs this for its print preview and
its "save as PDF" alike."""


def page_html(title: str, body: Sequence[str], language: str) -> str:
    """A whole report page: its title, the shared style and print script, and ``body``."""
    lang = "zh-CN" if language == "zh" else "en"
    return "\n".join(
        [
            "<!DOCTYPE html>",
            f'<html lang="{lang}">',
            "<head>",
            '<meta charset="utf-8">',
            f"<title>{_e(title)}</title>",
            f"<style>{STYLE}</style>",
            f"<script>{PRINT_SCRIPT}</script>",
            "</head>",
            "<body>",
            *body,
            "</body>",
            "</html>",
        ]
    )


def report_html(comparison: Comparison, language: str = "en") -> str:
    """The whole page, as text."""
    runs = comparison.runs
    names = [results.scenario.name for results in runs]
    title = word("report_title", language, names=" / ".join(names))
    figures = _Figures()
    body = [
        f"<h1>{_e(title)}</h1>",
        f"<p>{_e(_lead(comparison, language))}</p>",
        _descriptions(comparison, language),
        *_verdicts_section(comparison, language),
        *_between_section(comparison, language),
        *_caveats_section(comparison, language),
        *_differs_section(comparison, language),
        *_outcomes_section(comparison, language),
        *_daily_section(comparison, language, figures),
        *_layers_section(comparison, language, figures),
        *_losses_section(comparison, language, figures),
        *_collateral_section(comparison, language, figures),
        *_method_section(comparison, language),
    ]
    return page_html(title, body, language)


class _Figures:
    """Figures as HTML fragments: the first carries plotly.js inline, the rest reuse it."""

    def __init__(self) -> None:
        self.embedded = False

    def html(self, figure: go.Figure) -> str:
        fragment = figure.to_html(
            full_html=False,
            include_plotlyjs=not self.embedded,
            include_mathjax=False,
            config={"displaylogo": False, "responsive": True},
        )
        self.embedded = True
        return fragment


def _e(text: object) -> str:
    return html.escape(str(text))


def _lead(comparison: Comparison, language: str) -> str:
    scenario = comparison.reference.scenario
    return word(
        "report_lead",
        language,
        reference=scenario.name,
        replications=comparison.replications,
        residents=scenario.population.size,
        days=scenario.days,
        seed=comparison.seed,
    )


def _descriptions(comparison: Comparison, language: str) -> str:
    """Each scenario's name and its own description, in the language chosen.

    A description is the file's, and may name a size or a length the command line changed
    (a shipped scenario's "100,000 residents" under a run of 20,000): those values follow it.
    """
    items = []
    for results in comparison.runs:
        name = results.scenario.name
        text = results.scenario.describe(language)
        changed = [o for o in comparison.overrides if o.scenario == name]
        if changed:
            text += sentence_gap(language) + word(
                "description_overridden", language, values=listed(changed, language)
            )
        items.append(f"<li><b>{_e(name)}</b>: {_e(text)}</li>")
    return f"<ul>{''.join(items)}</ul>"


def _verdicts_section(comparison: Comparison, language: str) -> list[str]:
    lines = verdicts(comparison.differences, KEY_OUTCOMES, language)
    lines += [
        cost_sentence(row, language) for row in comparison.cost_effectiveness.to_dict("records")
    ]
    items = "".join(f"<li>{_e(line)}</li>" for line in lines)
    return [
        f"<h2>{_e(word('verdicts_title', language))}</h2>",
        f'<ul class="verdicts">{items}</ul>',
    ]


def _between_section(comparison: Comparison, language: str) -> list[str]:
    """With three scenarios or more, the verdicts of each pair of the others (B against C)."""
    if comparison.between.empty:
        return []
    items = "".join(
        f"<li>{_e(line)}</li>" for line in verdicts(comparison.between, KEY_OUTCOMES, language)
    )
    return [
        f"<h2>{_e(word('between_title', language))}</h2>",
        f'<p class="note">{_e(word("between_note", language))}</p>',
        f'<ul class="verdicts">{items}</ul>',
    ]


def _caveats_section(comparison: Comparison, language: str) -> list[str]:
    """What to keep in mind before quoting the verdicts: the caveats of this run only."""
    items = "".join(f"<li>{_e(line)}</li>" for line in caveats(comparison, language))
    return [
        f"<h2>{_e(word('caveats_title', language))}</h2>",
        f'<ul class="caveats">{items}</ul>',
    ]


def _differs_section(comparison: Comparison, language: str) -> list[str]:
    """Key paths that differ from the reference, every scenario's value side by side."""
    scenarios = [results.scenario for results in comparison.runs]
    rows = {
        _key_in_words(key, language): [cell(value, width=None) for value in values]
        for key, values in side_by_side(scenarios).items()
        if key.split(".")[0] not in UNCOMPARED
    }
    if len({scenario.cooperation.structure == "hub" for scenario in scenarios}) > 1:
        # The centre's own keys may be equal everywhere yet act only in a hub: say where.
        rows[word("centre_in_force", language)] = [
            _centre_in_force(scenario, language) for scenario in scenarios
        ]
    heading = [f"<h2>{_e(word('what_differs', language))}</h2>"]
    if not rows:
        return [*heading, f"<p>{_e(word('no_differences', language))}</p>"]
    header = [word("key_path", language), *(scenario.name for scenario in scenarios)]
    body = [[(key, "key"), *((value, "") for value in values)] for key, values in rows.items()]
    note = f'<p class="note">{_e(word("what_differs_note", language))}</p>'
    return [*heading, note, _table(header, body)]


def _key_in_words(key: str, language: str) -> str:
    """A key path as written, with "(effective)" in the page's language.

    In Chinese it also says what the path is about (``agencies.police.capability（公安）``): the
    page's reader may not read the English keys.
    """
    path = key.removesuffix(f" {EFFECTIVE}")
    gloss = key_path_gloss(path, language) if language == "zh" else ""
    shown = f"{path}（{gloss}）" if gloss else path
    return shown + (word("effective", language) if path != key else "")


def _centre_in_force(scenario: Scenario, language: str) -> str:
    """The one-stop centre's mechanisms that act in ``scenario``: none outside a hub."""
    if scenario.cooperation.structure != "hub":
        return word("centre_none", language)
    centre = scenario.cooperation.centre
    acting = [
        name
        for name, on in (
            ("one_intake", centre.one_intake),
            ("data_desk", centre.data_desk > 0),
            ("joint_operations", centre.joint_operations > 0),
        )
        if on
    ]
    separator = "、" if language == "zh" else ", "
    named = separator.join(player_label(name, language) for name in acting)
    return named or word("centre_links_only", language)


def _outcomes_section(comparison: Comparison, language: str) -> list[str]:
    """One table per scenario against the reference, with a verdict for every outcome."""
    parts = [
        f"<h2>{_e(word('outcomes_title', language))}</h2>",
        f'<p class="note">{_e(word("outcomes_note", language))}</p>',
    ]
    reference = comparison.reference.scenario.name
    for results in comparison.runs[1:]:
        name = results.scenario.name
        header = difference_header(comparison, name, language)
        rows = difference_rows(comparison, name, language)
        versus = word("versus", language, scenario=name, reference=reference)
        parts.append(f"<h3>{_e(versus)}</h3>")
        parts.append(_table(header, [[(text, "") for text in row] for row in rows], "outcomes"))
    notes = "".join(f"<li>{_e(note)}</li>" for note in _outcome_notes(comparison, language))
    return [*parts, f'<ul class="note">{notes}</ul>']


def _outcome_notes(comparison: Comparison, language: str) -> list[str]:
    """What the tables' marks and dashes mean, and what the less obvious measures measure."""
    scenario = comparison.reference.scenario
    outcomes = set(comparison.differences["outcome"])
    notes = [word("note_change", language), word("note_pairing", language)]
    if any(direction(row) == "same" for row in comparison.differences.to_dict("records")):
        notes.append(word("note_same", language))
    if outcomes & set(ATTRIBUTED):
        notes.append(
            word(
                "note_attributed",
                language,
                mark=phrase("attributed_mark", language).strip(" "),
                market=scenario.fraud.market_population,
                residents=scenario.population.size,
            )
        )
    if "median_hours_to_freeze" in outcomes:
        notes.append(
            word(
                "note_hours_to_freeze",
                language,
                measure=outcome_label("median_hours_to_freeze", language),
                fanout=scenario.fraud.fanout,
                hop=scenario.fraud.hop_hours_mean,
                reference=scenario.name,
            )
        )
    return notes


def _daily_section(comparison: Comparison, language: str, figures: _Figures) -> list[str]:
    parts = [
        f"<h2>{_e(word('daily_title', language))}</h2>",
        f'<p class="note">{_e(word("daily_note", language))}</p>',
    ]
    return parts + [figures.html(daily_figure(comparison.runs, m, language)) for m in DAILY]


def _layers_section(comparison: Comparison, language: str, figures: _Figures) -> list[str]:
    frames = [results.summary for results in comparison.runs]
    title = word("layers_title", language)
    figure = bars_figure(comparison.runs, frames, LAYERS, title, language, log=True)
    return [
        f"<h2>{_e(title)}</h2>",
        f'<p class="note">{_e(word("layers_note", language))}</p>',
        figures.html(figure),
    ]


def _losses_section(comparison: Comparison, language: str, figures: _Figures) -> list[str]:
    runs = comparison.runs
    frames = [results.summary for results in runs]
    yuan = word("yuan", language)
    losses = bars_figure(runs, frames, LOSSES, word("losses_title", language), language, unit=yuan)
    scam_names = {
        key: text_in(scam.label, language) if scam.label else key
        for results in runs
        for key, scam in results.scenario.scam_types.items()
    }
    scenario = runs[0].scenario
    by_scam = by_place_figure(
        runs,
        "by_scam",
        "scam_type",
        word("by_scam_title", language),
        language,
        scam_names,
        order=list(scenario.scam_types),
    )
    by_region = by_place_figure(
        runs,
        "by_region",
        "region",
        word("by_region_title", language),
        language,
        order=scenario.population.region_names,
    )
    return [
        f"<h2>{_e(word('losses_title', language))}</h2>",
        f'<p class="note">{_e(word("places_note", language))}</p>',
        *(figures.html(figure) for figure in (losses, by_scam, by_region)),
    ]


def _collateral_section(comparison: Comparison, language: str, figures: _Figures) -> list[str]:
    runs = comparison.runs
    frames = [results.summary for results in runs]
    title = word("collateral_title", language)
    collateral = bars_figure(
        runs, frames, COLLATERAL_PARTS, title, language, unit=word("count", language)
    )
    costs = costs_figure(runs, outcome_label("governance_cost", language), language)
    return [
        f"<h2>{_e(title)}</h2>",
        f'<p class="note">{_e(word("collateral_note", language))}</p>',
        figures.html(collateral),
        figures.html(costs),
    ]


def _method_section(comparison: Comparison, language: str) -> list[str]:
    text = word("method_text", language, replications=comparison.replications, seed=comparison.seed)
    header = [label("measure", language, HEADERS)]
    header += [name for name in comparison.differences["scenario"].unique()]
    pivot = comparison.differences.set_index(["outcome", "scenario"])
    body = [
        [(outcome_label(outcome, language).strip(), "")]
        + [(_efficiency(pivot.loc[(outcome, name)]), "") for name in header[1:]]
        for outcome in KEY_OUTCOMES
    ]
    seeds = ", ".join(str(seed) for seed in comparison.reference.seeds)
    return [
        f"<h2>{_e(word('method_title', language))}</h2>",
        f"<p>{_e(text)}</p>",
        *(f"<p>{_e(shared)}</p>" for shared in _shared_warmups(comparison, language)),
        *(
            [f"<p>{_e(stopping)}</p>"]
            if (stopping := precision_sentence(comparison, language))
            else []
        ),
        f"<h3>{_e(word('pairing_title', language))}</h3>",
        f'<p class="note">{_e(word("pairing_text", language))}</p>',
        _table(header, body),
        f"<h3>{_e(word('seeds', language))}</h3>",
        f'<p class="note key">{_e(seeds)}</p>',
    ]


def _shared_warmups(comparison: Comparison, language: str) -> list[str]:
    """A sentence for each group of scenarios that warmed up once together (govsim.warmup)."""
    sentences = []
    for group in sharing_groups([run.scenario for run in comparison.runs]):
        names = ("、" if language == "zh" else ", ").join(scenario.name for scenario in group)
        days = group[0].warmup_days
        sentences.append(word("method_shared_warmup", language, names=names, days=days))
    return sentences


def _efficiency(row: pd.Series) -> str:
    """A pairing efficiency with its bootstrap interval, where there is one."""
    value, low, high = (float(row[key]) for key in PAIRING_COLUMNS)
    if math.isnan(value):
        return "-"
    return f"{value:.2f}" if math.isnan(low) else f"{value:.2f} [{low:.2f}, {high:.2f}]"


def _table(header: Sequence[str], rows: Iterable[Sequence[tuple[str, str]]], kind: str = "") -> str:
    """An HTML table; each cell is (text, class).

    A table of kind ``outcomes`` wraps a value above its interval rather than scroll: eight
    columns of values with intervals are wider than a 1280-pixel window.
    """
    head = "".join(f"<th>{_e(text)}</th>" for text in header)
    opening = f'<table class="{kind}">' if kind else "<table>"
    lines = [f'<div class="scroll">{opening}<thead><tr>{head}</tr></thead><tbody>']
    show = _wrapped if kind == "outcomes" else _e
    for row in rows:
        cells = "".join(
            f'<td class="{css}">{show(text)}</td>' if css else f"<td>{show(text)}</td>"
            for text, css in row
        )
        lines.append(f"<tr>{cells}</tr>")
    lines.append("</tbody></table></div>")
    return "".join(lines)


def _wrapped(text: str) -> str:
    """A value and its interval, which may go to the next line but is not itself broken."""
    for opening in (" (", " ["):
        value, found, interval = text.partition(opening)
        if found:
            return f'{_e(value)} <span class="ci">{_e(opening.strip() + interval)}</span>'
    return _e(text)

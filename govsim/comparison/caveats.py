"""What to keep in mind when reading a comparison: the caveats that apply to this run only.

Each caveat is measured from the comparison itself: the city's size against the size the
README asks for figures to quote, the number of replications, how many of the model's
parameters rest on assumption (``docs/parameters.md``, generated from the schema), the values
the command line set in place of the files', the scenarios' own cautions (what ``govsim run``
warns of on the console), the assumption that the city's governance is the whole market's
(``docs/ODD.md`` 7.17) where the scenarios differ in governance, and a ``--precision`` target
the cap stopped short of.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from govsim.comparison.running import DEFAULT_REPLICATIONS, Comparison, Override
from govsim.comparison.verdicts import precision_sentence
from govsim.comparison.wording import word
from govsim.scenario.cautions import cautions
from govsim.scenario.documentation import parameters_markdown, source_counts
from govsim.scenario.errors import Problem, format_key_path
from govsim.scenario.overrides import setting_holding
from govsim.scenario.schema import Scenario
from govsim.scenario.showing import cell, differences, side_by_side

QUOTE_RESIDENTS = 100_000
"""The city size the README asks for figures to quote ("use 100,000 for figures to quote")."""
GOVERNANCE_KEYS = ("agencies", "cooperation")
"""Top-level keys whose differences are differences of governance."""
SEPARATORS: dict[str, tuple[str, str]] = {"en": ("; ", ": "), "zh": ("；", "：")}
"""Between the items of a list, and after a name, by language (punctuation, not words)."""


def caveats(comparison: Comparison, language: str = "en") -> list[str]:
    """The caveats that apply to this comparison, most general first, as sentences."""
    scenarios = [results.scenario for results in comparison.runs]
    lines = [
        *_size(scenarios, language),
        *_replications(comparison.replications, language),
        _assumptions(language),
        *_overridden(comparison.overrides, [s.name for s in scenarios], language),
        *scenario_cautions(scenarios, language),
        *_governance(scenarios, language),
    ]
    if comparison.precision is not None and not comparison.precision.reached:
        lines.append(precision_sentence(comparison, language))
    return lines


def _size(scenarios: Sequence[Scenario], language: str) -> list[str]:
    residents = min(scenario.population.size for scenario in scenarios)
    if residents >= QUOTE_RESIDENTS:
        return []
    return [word("caveat_size", language, residents=residents, quote=QUOTE_RESIDENTS)]


def _replications(replications: int, language: str) -> list[str]:
    if replications >= DEFAULT_REPLICATIONS:
        return []
    return [
        word(
            "caveat_replications",
            language,
            replications=replications,
            default=DEFAULT_REPLICATIONS,
        )
    ]


def _assumptions(language: str) -> str:
    sourced, alone, in_part = source_counts(parameters_markdown())
    return word("caveat_assumptions", language, sourced=sourced, alone=alone, in_part=in_part)


def _overridden(overrides: Sequence[Override], names: Sequence[str], language: str) -> list[str]:
    """The values the command line set in place of the files': once if the same for all."""
    by_scenario = {
        name: [o for o in overrides if o.scenario == name]
        for name in names
        if any(o.scenario == name for o in overrides)
    }
    if not by_scenario:
        return []
    values = [
        [(o.key, o.written, o.run, o.option) for o in found] for found in by_scenario.values()
    ]
    if len(by_scenario) == len(names) and all(value == values[0] for value in values):
        return [
            word(
                "caveat_overrides_all",
                language,
                values=listed(overrides[: len(values[0])], language),
            )
        ]
    return [
        word("caveat_overrides", language, scenario=name, values=listed(found, language))
        for name, found in by_scenario.items()
    ]


def listed(overrides: Sequence[Override], language: str) -> str:
    """The overrides as one list: ``days 120 (file: 365; --days); ...``."""
    separator = SEPARATORS.get(language, SEPARATORS["en"])[0]
    return separator.join(override_text(o, language) for o in overrides)


def override_text(override: Override, language: str) -> str:
    """``population.size 20,000 (file: 100,000; --residents)``."""
    return word(
        "override_value",
        language,
        path=override.key,
        run=_value(override.run),
        written=_value(override.written),
        option=override.option,
    )


def _value(value: object) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return cell(value, width=None)


def scenario_cautions(scenarios: Iterable[Scenario], language: str) -> list[str]:
    """Each scenario's cautions as run (an event after the last day, say), named by scenario.

    The same cautions the console prints when the files are loaded and the options applied,
    found again in the scenarios as run, so that a report written later says them too.
    """
    lines = []
    for scenario in scenarios:
        for caution in cautions(scenario):
            path = format_key_path(caution.path)
            problem = Problem(None, None, path, caution.message, hint=caution.hint)
            colon = SEPARATORS.get(language, SEPARATORS["en"])[1]
            lines.append(f"{scenario.name}{colon}{problem.render(language)}")
    return lines


def _governance(scenarios: Sequence[Scenario], language: str) -> list[str]:
    differing = side_by_side(scenarios)
    if not any(key.split(".")[0] in GOVERNANCE_KEYS for key in differing):
        return []
    market = scenarios[0].fraud.market_population
    return [word("caveat_market_policy", language, market=market)]


def overrides_of(
    name: str, written: Scenario, run: Scenario, set_keys: Sequence[str], options: dict[str, str]
) -> list[Override]:
    """The values the command line changed in a scenario, each with the option that set it.

    Args:
        name: the scenario's name.
        written: the scenario as its file gives it.
        run: the scenario with the command line's values.
        set_keys: the key paths of ``--set``, as written.
        options: the option that set a key path other than by ``--set`` (``{"days": "--days"}``).
    """
    found = []
    for change in differences(written, run):
        option = options.get(change.key_path)
        if option is None and setting_holding(change.key_path, set_keys) is not None:
            option = "--set"
        if option is not None:
            found.append(Override(name, change.key_path, change.before, change.after, option))
    return found

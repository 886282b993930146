"""An attribution on disk: its tables, a record of how it ran, and the report.

Every file is written atomically (``govsim.results``). The coalitions' runs are not kept in
full: ``coalitions.parquet`` holds each coalition's outcomes per replication, from which every
value and index can be computed again.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from govsim.attribution.players import AttributionError, Game
from govsim.attribution.report import report_html
from govsim.attribution.running import Attribution
from govsim.results import RESOLVED, write_parquet_atomically, write_text_atomically
from govsim.scenario.loading import dump_scenario, load_scenario
from govsim.versions import versions

REPORT = "report.html"
RECORD = "attribution.json"
TABLES = {"attribution": "values", "interactions": "interactions", "coalitions": "coalitions"}
"""Each table's file (``<name>.parquet``) and the :class:`Attribution` field it holds."""


def default_folder(name: str, kind: str) -> Path:
    """``results/attribute_<scenario>_<players>``."""
    return Path("results") / f"attribute_{name}_{kind}"


def write_attribution(attribution: Attribution, out_dir: Path, language: str = "en") -> Path:
    """Write the tables, ``attribution.json`` and the report; return the report's path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, table in TABLES.items():
        write_parquet_atomically(getattr(attribution, table), out_dir / f"{name}.parquet")
    record = {
        **versions(),
        "scenario": attribution.game.scenario.name,
        "players_kind": attribution.game.kind,
        "players": list(attribution.game.players),
        "method": attribution.method,
        "orders": attribution.orders,
        "pair_samples": attribution.pair_samples,
        "coalitions": int(attribution.coalitions["mask"].nunique()),
        "coalitions_run": attribution.coalitions_run,
        "replications": attribution.replications,
        "seed": attribution.seed,
        "seeds": attribution.seeds,
        "wall_seconds": round(attribution.wall, 3),
    }
    text = json.dumps(record, indent=2, ensure_ascii=False)
    write_text_atomically(dump_scenario(attribution.game.scenario), out_dir / RESOLVED)
    write_text_atomically(text, out_dir / RECORD)
    return write_text_atomically(report_html(attribution, language), out_dir / REPORT)


def read_attribution(out_dir: Path) -> Attribution:
    """An attribution as :func:`write_attribution` wrote it, for its report in any language.

    Raises:
        AttributionError: the folder holds no attribution, or one written before govsim kept
            its scenario there, or its files cannot be read.
    """
    record_file, scenario_file = out_dir / RECORD, out_dir / RESOLVED
    if not record_file.is_file():
        raise AttributionError("not_an_attribution", folder=out_dir)
    if not scenario_file.is_file():
        raise AttributionError("attribution_without_scenario", file=scenario_file)
    try:
        record = json.loads(record_file.read_text(encoding="utf-8"))
        tables = {
            field: pd.read_parquet(out_dir / f"{name}.parquet") for name, field in TABLES.items()
        }
        game = Game(
            kind=str(record["players_kind"]),
            scenario=load_scenario(scenario_file, check_resources=False),
            players=tuple(str(player) for player in record["players"]),
        )
        return Attribution(
            game=game,
            seed=int(record["seed"]),
            seeds=[int(seed) for seed in record["seeds"]],
            method=str(record["method"]),
            orders=int(record["orders"]),
            pair_samples=int(record.get("pair_samples", 0)),
            wall=float(record["wall_seconds"]),
            **tables,
        )
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise AttributionError("record_unreadable", file=out_dir, error=error) from None

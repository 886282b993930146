"""An attribution on disk: its tables, a record of how it ran, and the report.

Every file is written atomically (``govsim.results``). The coalitions' runs are not kept in
full: ``coalitions.parquet`` holds each coalition's outcomes per replication, from which every
value and index can be computed again.
"""

from __future__ import annotations

import json
from pathlib import Path

import govsim
from govsim.attribution.report import report_html
from govsim.attribution.running import Attribution
from govsim.results import write_parquet_atomically, write_text_atomically

REPORT = "report.html"


def default_folder(name: str, kind: str) -> Path:
    """``results/attribute_<scenario>_<players>``."""
    return Path("results") / f"attribute_{name}_{kind}"


def write_attribution(attribution: Attribution, out_dir: Path, language: str = "en") -> Path:
    """Write the tables, ``attribution.json`` and the report; return the report's path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    write_parquet_atomically(attribution.values, out_dir / "attribution.parquet")
    write_parquet_atomically(attribution.interactions, out_dir / "interactions.parquet")
    write_parquet_atomically(attribution.coalitions, out_dir / "coalitions.parquet")
    record = {
        "govsim_version": govsim.__version__,
        "scenario": attribution.game.scenario.name,
        "players_kind": attribution.game.kind,
        "players": list(attribution.game.players),
        "method": attribution.method,
        "orders": attribution.orders,
        "coalitions": int(attribution.coalitions["mask"].nunique()),
        "coalitions_run": attribution.coalitions_run,
        "replications": attribution.replications,
        "seed": attribution.seed,
        "seeds": attribution.seeds,
        "wall_seconds": round(attribution.wall, 3),
    }
    text = json.dumps(record, indent=2, ensure_ascii=False)
    write_text_atomically(text, out_dir / "attribution.json")
    return write_text_atomically(report_html(attribution, language), out_dir / REPORT)

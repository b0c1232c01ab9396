"""Write or raise the CI floors of question sets from a run of all_sets.py.

    python evals/scripts/setfloors.py RUN_DIR NOTE [--sets a,b] [--new]

For each set with RUN_DIR/SET/summary.json, evals/floors-SET.json gets floors = the measured figure minus a margin
(ceilings = plus a margin) so that one question of noise on a busy machine does not fail CI while a real drop does.
Floors are never lowered and ceilings never raised unless --new (a set's first score) writes them from scratch.
NOTE says where the figures came from (session, commit); it is prepended to the file's "measured" history.
The seed sets (dev, heldout, blind) keep their own floors files and are skipped.
"""
from __future__ import annotations

import argparse
import json
import math
from pathlib import Path

EVALS = Path(__file__).resolve().parents[1]
SKIP = {"dev", "heldout", "blind"}
# metric -> margin below the measured figure (the usual margins of every floors file since session 14)
FLOOR_MARGINS = {"answer_accuracy": 0.025, "refusal_accuracy": 0.045, "citation_supported": 0.03, "hit@5": 0.015,
                 "mrr": 0.025}
CEILING_MARGINS = {"false_refusal_rate": 0.04}
UNVERIFIED_CEILING = 0.05  # at least this; a set that measures more gets measured + UNVERIFIED_MARGIN
UNVERIFIED_MARGIN = 0.03


def measured_line(summary: dict) -> str:
    keys = ["answer_accuracy", "refusal_accuracy", "false_refusal_rate", "citation_supported", "hit@5", "mrr"]
    return ", ".join(f"{k} {round(summary[k], 3)}" for k in keys if summary.get(k) is not None)


def new_limits(summary: dict) -> tuple[dict, dict]:
    floors = {k: math.floor((summary[k] - m) * 100 + 1e-9) / 100 for k, m in FLOOR_MARGINS.items()
              if summary.get(k) is not None}
    ceilings = {k: round(summary[k] + m, 2) for k, m in CEILING_MARGINS.items() if summary.get(k) is not None}
    # measured too: a fixed ceiling below what a set measures fails the gate from its first run (blind-next14)
    measured = summary.get("unverified_share") or 0.0
    ceilings["unverified_share"] = max(UNVERIFIED_CEILING, round(measured + UNVERIFIED_MARGIN, 2))
    return floors, ceilings


def write(name: str, summary: dict, note: str, fresh: bool) -> None:
    path = EVALS / f"floors-{name}.json"
    floors, ceilings = new_limits(summary)
    old = json.loads(path.read_text(encoding="utf-8")) if path.exists() and not fresh else None
    if old:
        floors = {k: max(v, old["floors"].get(k, v)) for k, v in floors.items()}  # never lowered
        ceilings = {k: min(v, old["ceilings"].get(k, v)) for k, v in ceilings.items()}  # never raised
    history = old["measured"] if old else "(new)"
    data = {"set": f"evals/questions/{name}.jsonl", "mode": "extractive",
            "measured": f"{note}: {measured_line(summary)} || before: {history}",
            "floors": floors, "ceilings": ceilings}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"{name}: floors {floors} ceilings {ceilings}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("run", type=Path)
    parser.add_argument("note")
    parser.add_argument("--sets")
    parser.add_argument("--new", action="store_true", help="a set's first score: write its floors from scratch")
    args = parser.parse_args()
    only = set(args.sets.split(",")) if args.sets else None
    for summary_file in sorted(args.run.glob("*/summary.json")):
        name = summary_file.parent.name
        if name in SKIP or (only and name not in only):
            continue
        write(name, json.loads(summary_file.read_text(encoding="utf-8")), args.note, args.new)


if __name__ == "__main__":
    main()

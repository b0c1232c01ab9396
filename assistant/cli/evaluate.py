"""`assistant eval | eval-facts`: question sets through the real Assistant; fact extraction scored."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Optional

import typer
from rich.markup import escape

from assistant.cli.common import console, err, fail, open_assistant, with_progress
from assistant.errors import AssistantError


def eval_cmd(sets: list[Path] = typer.Argument(..., help="Question sets (JSON Lines, see the spec)."),
             mode: Optional[str] = typer.Option("extractive", "--mode"),
             k: int = typer.Option(5, "-k"), out: Optional[Path] = typer.Option(None, "--out"),
             compare: Optional[Path] = typer.Option(None, "--compare", help="An earlier run's folder."),
             floors: Optional[Path] = typer.Option(None, "--floors", help="Fail when a metric falls below these."),
             corpus: list[Path] = typer.Option([], "--corpus", help="Ingest these files or folders (and the seeds) "
                                               "first, e.g. ../shared/corpus for the sets about it; unchanged "
                                               "files cost nothing.")):
    """Run question sets through the real Assistant; write results.jsonl, summary.json, report.md, charts."""
    from assistant.evaluation.runner import run_eval
    from assistant.ingest.pipeline import total_characters
    from assistant.settings import bundled_seeds

    try:
        assistant = open_assistant(seed=not corpus)
        if corpus:
            paths = [bundled_seeds(), *corpus]
            report = with_progress(assistant, lambda progress=None: assistant.ingest(paths, progress),
                                   total_characters(paths))
            err.print(report.summary())
        code = run_eval(assistant, sets, mode=mode, k=k, out=out, compare=compare, floors=floors, console=console)
    except AssistantError as e:
        fail(e)
    raise typer.Exit(code)


def eval_facts(labelled: Path = typer.Argument(Path("evals/facts/labelled.jsonl"), help="Labelled figure sentences."),
               corpus: list[Path] = typer.Option([Path("seeds"), Path("../shared/corpus")], "--corpus",
                                                 help="Where the labelled sentences' files are."),
               part: str = typer.Option("all", "--part", help="all | dev (odd ids, for tuning) | check (even ids)"),
               errors: bool = typer.Option(False, "--errors", help="Print every wrong or missed figure.")):
    """Score fact extraction on a labelled set: precision, recall and the fields that were wrong."""
    import json

    from assistant.evaluation.facts_eval import load_labelled, score

    items = load_labelled(labelled)
    if part != "all":
        items = [i for i in items if int(re.sub(r"\D", "", i["id"]) or 0) % 2 == (part == "dev")]
    total, rows = score(items, corpus)
    if errors:
        for row in rows:
            for line in row["errors"]:
                console.print(f"{row['id']}: {escape(line)}")
    console.print_json(json.dumps(total.summary(), ensure_ascii=False))


def register(app: typer.Typer) -> None:
    app.command(name="eval")(eval_cmd)
    app.command(name="eval-facts")(eval_facts)

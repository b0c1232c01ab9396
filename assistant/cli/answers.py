"""`assistant search | ask | chat`: the commands that find passages and answer."""
from __future__ import annotations

import json
from typing import Optional

import typer
from rich.markup import escape

from assistant.cli.common import console, err, fail, fmt, open_assistant
from assistant.errors import AssistantError


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


def register(app: typer.Typer) -> None:
    for command in (search, ask, chat):
        app.command()(command)

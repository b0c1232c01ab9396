"""What every command shares: the consoles, the --home state, opening the Assistant, progress, errors.

Command modules import from here and never from `assistant.cli`, so nothing imports back upward.
"""
from __future__ import annotations

import importlib

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

console = Console()
err = Console(stderr=True)
STATE: dict = {}  # set by the app's callback: {"home": Path | None}

BENCH_EXTRA = "pip install 'report-assistant[bench]'"


def home():
    """The --home given on the command line (or ASSISTANT_HOME), else None: Settings decides."""
    return STATE.get("home")


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


def bench_tool(name: str):
    """Import `assistant.bench.<name>`; without the optional `bench` extra, a one-line error instead.

    The benchmark and load tooling is not part of the runtime: its dependencies (the naive
    LangChain recipe's text splitter and Chroma wrapper) come with the `bench` extra only.
    """
    try:
        return importlib.import_module(f"assistant.bench.{name}")
    except ImportError as missing:
        from rich.markup import escape

        what = missing.name or str(missing)
        err.print(f"[red]error:[/red] {escape(f'this command needs the bench extra ({what} is not installed): {BENCH_EXTRA}')}",
                  soft_wrap=True, highlight=False)
        raise typer.Exit(2)


def fmt(value) -> str:
    return "-" if value is None else f"{value:.3f}"

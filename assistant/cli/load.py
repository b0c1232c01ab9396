"""`assistant load`: concurrent clients through `assistant serve`, with latency percentiles."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from assistant.cli.common import bench_tool, console, fail, home
from assistant.errors import AssistantError


def load(url: Optional[str] = typer.Option(None, "--url", help="A running `assistant serve` on loopback; "
                                           "default: start one over this home on a free port."),
         clients: int = typer.Option(8, "--clients"), seconds: float = typer.Option(60, "--seconds"),
         question_set: Path = typer.Option(Path("evals/questions/dev.jsonl"), "--set"),
         limit: int = typer.Option(20, "--questions", help="Known-answer questions to cycle through."),
         key: Optional[str] = typer.Option(None, "--key", envvar="ASSISTANT_SERVE_KEY", show_default=False),
         out: Optional[Path] = typer.Option(None, "--out", help="Also write load.json here.")):
    """Several clients asking at once for a bounded time: errors, wrong answers, p50/p95."""
    from assistant.evaluation.dataset import load_questions

    tool = bench_tool("load")  # a one-line error without the bench extra
    run_load, served = tool.run_load, tool.served

    try:
        questions = load_questions(question_set)
        if url:
            result = run_load(url, questions, clients, seconds, key, limit)
        else:
            with served(home()) as started:
                result = run_load(started, questions, clients, seconds, key, limit)
    except AssistantError as e:
        fail(e)
    console.print(f"{result['clients']} clients for {result['seconds']} s over {result['questions']} questions: "
                  f"{result['requests']} answers, {result['errors']} errors, {result['wrong']} wrong, "
                  f"{result['throughput_rps']} answers/s, p50 {result['p50_ms']} ms, p95 {result['p95_ms']} ms, "
                  f"max {result['max_ms']} ms")
    if out:
        out.mkdir(parents=True, exist_ok=True)
        (out / "load.json").write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
    raise typer.Exit(1 if result["errors"] or result["wrong"] else 0)


def register(app: typer.Typer) -> None:
    app.command()(load)

"""The evaluation runner: every question through the real Assistant's ask(), as the app does.

Writes results.jsonl (the spec's format, in the set's order), summary.json,
report.md and charts. A question that raises is recorded as an error and the
run goes on; Ctrl-C stops it and keeps the partial results.
"""
from __future__ import annotations

import json
import time
from datetime import datetime
from pathlib import Path

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from assistant.evaluation.compare import compare_runs, format_comparison
from assistant.evaluation.dataset import load_questions
from assistant.evaluation.report import write_report, write_results
from assistant.evaluation.scoring import summarise

HEADLINE = ("answer_accuracy", "refusal_accuracy", "citation_supported", "hit@5", "mrr")
CEILINGS = ("false_refusal_rate", "unverified_share")  # lower is better


def run_question(assistant, question: dict, mode: str | None, k: int) -> dict:
    started = time.perf_counter()
    try:
        history = [{"question": q, "answer": ""} for q in question.get("history", [])]
        answer = assistant.ask(question["question"], history=history, mode=mode, k=k)
        result = answer.to_result(question["id"])
        result["contexts"] = result["contexts"][: max(10, k)]
        return result
    except Exception as e:  # recorded, not counted as a wrong answer
        return {"id": question["id"], "answer": "", "refused": False, "mode": mode or "", "citations": [],
                "contexts": [], "latency_ms": round((time.perf_counter() - started) * 1000, 1),
                "error": f"{type(e).__name__}: {e}"}


def run_set(assistant, questions: list[dict], mode: str | None, k: int, console=None) -> tuple[list[dict], bool]:
    """(results in order, interrupted?)."""
    results: list[dict] = []
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=console, transient=False) as progress:
        task = progress.add_task("questions", total=len(questions))
        try:
            for question in questions:
                results.append(run_question(assistant, question, mode, k))
                progress.advance(task)
        except KeyboardInterrupt:
            return results, True
    return results, False


def check_floors(summary: dict, floors_path: Path) -> list[str]:
    """Metrics below their floor (or above their ceiling), as lines to print."""
    floors = json.loads(Path(floors_path).read_text(encoding="utf-8"))
    overall, problems = summary, []
    for key, floor in floors.get("floors", {}).items():
        value = overall.get(key)
        if value is None or value < floor:
            problems.append(f"{key} = {value} is below its floor {floor}")
    for key, ceiling in floors.get("ceilings", {}).items():
        value = overall.get(key)
        if value is not None and value > ceiling:
            problems.append(f"{key} = {value} is above its ceiling {ceiling}")
    return problems


def run_eval(assistant, sets: list[Path], mode: str | None = "extractive", k: int = 5, out: Path | None = None,
             compare: Path | None = None, floors: Path | None = None, console=None) -> int:
    from assistant.answering import resolve_mode

    # an unknown mode, or llm with none configured: one error, not one a question (the app passes its session's LLM)
    resolve_mode(assistant, mode or assistant.settings.mode, getattr(assistant, "session_llm", None))
    questions = [q for path in sets for q in load_questions(path)]
    out = Path(out or f"runs/{datetime.now():%Y%m%d-%H%M%S}")
    results, interrupted = run_set(assistant, questions, mode, k, console)
    write_results(out / "results.jsonl", results)
    answered = {r["id"] for r in results}
    summary = summarise([q for q in questions if q["id"] in answered], results)
    summary["run"] = {"sets": [str(s) for s in sets], "mode": mode, "k": k, "interrupted": interrupted,
                      "questions": len(questions), "answered": len(results)}
    title = f"Evaluation: {', '.join(Path(s).name for s in sets)}"
    write_report(out, questions, results, summary, title=title)
    if compare:  # compare_runs reads the summary just written
        comparison = format_comparison(compare_runs(compare, out))
        write_report(out, questions, results, summary, title=title, comparison=comparison)
    _print_summary(summary, out, console)
    if interrupted:
        _say(console, f"interrupted: {len(results)} of {len(questions)} questions kept in {out}")
        return 130
    if floors:
        problems = check_floors(summary, floors)
        for line in problems:
            _say(console, f"[red]gate:[/red] {line}")
        return 1 if problems else 0
    return 0


def _print_summary(summary: dict, out: Path, console) -> None:
    o = summary
    keys = ("n", "errors", "answer_accuracy", "refusal_accuracy", "false_refusal_rate", "citation_supported",
            "hit@1", "hit@5", "mrr", "unverified_share", "latency_p50_ms", "latency_p95_ms")
    _say(console, "  ".join(f"{key} {_fmt(o.get(key))}" for key in keys))
    languages = o.get("by_language") or {}
    if len(languages) > 1:  # right answers and right refusals together, per language
        _say(console, "by language (overall accuracy): " + "  ".join(
            f"{lang} {_fmt(g.get('overall_accuracy'))} (n {g.get('n')})" for lang, g in languages.items()))
    _say(console, f"report: {out / 'report.md'}")


def _fmt(value) -> str:
    return "-" if value is None else (f"{value:.3f}" if isinstance(value, float) else str(value))


def _say(console, text: str) -> None:
    if console:
        console.print(text)
    else:
        print(text)

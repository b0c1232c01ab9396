"""`assistant bench` latency: search and extractive ask, p50/p95, on disk and through a `chroma run` server.

Both stores hold the same chunks and vectors (the server's ingest reuses the
on-disk vectors); questions go to each store in turn, so a busy moment of a
shared machine falls on both alike.
"""
from __future__ import annotations

import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from assistant.bench.warm import WARMUP, forget_queries
from assistant.bench.processes import free_port, stop
from assistant.evaluation.scoring import percentile


@contextmanager
def chroma_server(folder: Path):
    """A `chroma run` (the CLI installed beside this Python) on a free port of 127.0.0.1; yields its URL."""
    import httpx

    from assistant.errors import AssistantError

    chroma = Path(sys.executable).parent / "chroma"
    folder.mkdir(parents=True, exist_ok=True)
    port = free_port()
    with open(folder / "server.log", "wb") as log:
        proc = subprocess.Popen([str(chroma), "run", "--path", str(folder / "data"), "--host", "127.0.0.1",
                                 "--port", str(port)], stdout=log, stderr=subprocess.STDOUT)
        try:
            url, deadline = f"http://127.0.0.1:{port}", time.time() + 60
            while True:
                try:
                    if httpx.get(f"{url}/api/v2/heartbeat", timeout=1).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if proc.poll() is not None or time.time() > deadline:
                    raise AssistantError(f"`chroma run` did not start; see {folder / 'server.log'}")
                time.sleep(0.2)
            yield url
        finally:
            stop(proc)


def latency_rows(stores: list[tuple[str, object]], questions: list[dict], k: int = 5) -> list[dict]:
    """Search and extractive ask on each store, question by question in turn (so a busy moment of
    the machine falls on every store alike), each question's vector computed afresh every time."""
    for _, assistant in stores:
        for q in questions[:WARMUP]:
            assistant.ask(q["question"], mode="extractive", k=k)
    times = {name: {"search": [], "ask": []} for name, _ in stores}
    for q in questions:
        for name, assistant in stores:
            for what, call in (("search", assistant.search), ("ask", assistant.ask)):
                forget_queries()
                start = time.perf_counter()
                call(q["question"], k=k) if what == "search" else call(q["question"], mode="extractive", k=k)
                times[name][what].append((time.perf_counter() - start) * 1000)
    return [{"store": name, "search_p50_ms": percentile(t["search"], 50), "search_p95_ms": percentile(t["search"], 95),
             "ask_p50_ms": percentile(t["ask"], 50), "ask_p95_ms": percentile(t["ask"], 95)}
            for name, t in times.items()]


def latency_bench(assistant, embedder, questions: list[dict], folder: Path, corpus: Path) -> dict:
    """The same corpus and vectors on disk and in a server (its ingest reuses the on-disk vectors)."""
    from assistant import Assistant, Settings
    from assistant.bench.scale import KnownVectors, vectors_of

    with chroma_server(folder / "chroma-server") as url:
        known = KnownVectors(vectors_of(assistant), embedder)
        server = Assistant(Settings(home=folder / "server-home", chroma_url=url, collection="bench",
                                    embed_cache=False), embedder=known)
        server.ingest([corpus])
        rows = latency_rows([("on disk (PersistentClient)", assistant), ("Chroma server (HttpClient)", server)],
                            questions)
    return {"questions": len(questions), "rows": rows}

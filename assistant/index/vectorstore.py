"""The vector side of the index: one Chroma collection (cosine).

The client is injected (on-disk `PersistentClient` by default, `HttpClient` for
a shared `chroma run` server). The collection records which embedding model
built it and refuses vectors from another, so models never mix silently.
Chroma's own default embedding function downloads a model: it is never used.
"""
from __future__ import annotations

import math
from urllib.parse import urlparse

import chromadb
from chromadb.config import Settings as ChromaSettings

from assistant.documents import Chunk
from assistant.errors import DamagedIndex, IndexMismatch
from assistant.index.chroma_private import forget_system

# What SQLite says of a file that is not (or no longer) a database: junk over its header, a torn page.
SQLITE_DAMAGE = ("file is not a database", "database disk image is malformed", "(code: 26)", "(code: 11)")


def make_client(settings):
    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if settings.chroma_url:
        url = urlparse(settings.chroma_url)
        return chromadb.HttpClient(host=url.hostname or "127.0.0.1", port=url.port or 8000,
                                   ssl=url.scheme == "https", settings=chroma_settings)
    settings.chroma_path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(settings.chroma_path), settings=chroma_settings)


def open_store(settings, embedder, client=None) -> tuple:
    """(client, VectorStore) of the configured collection; a damaged on-disk database is a DamagedIndex.

    Chroma reports it as an InternalError deep in its Rust bindings (a traceback on every command)."""
    try:
        client = client or make_client(settings)
        return client, VectorStore(client, embedder, settings.collection)
    except Exception as e:
        reason = str(e).splitlines()[0] if str(e) else type(e).__name__
        if settings.chroma_url or not any(mark in str(e) for mark in SQLITE_DAMAGE):
            raise
        forget_system(settings.chroma_path)
        raise DamagedIndex(
            f"the Chroma database {settings.chroma_path / 'chroma.sqlite3'} is damaged ({_plain(reason)}); "
            f"run `assistant rebuild` to set it aside and ingest again the files the index held"
        ) from None


def set_aside(folder) -> str:
    """Move a damaged Chroma folder out of the way (kept, not deleted) so a fresh one can be made there."""
    aside = folder.with_name(folder.name + ".damaged")
    if aside.exists():
        import shutil

        shutil.rmtree(aside)  # the previous damaged copy: one is enough to look at
    forget_system(folder)
    folder.rename(aside)
    return str(aside)


def _plain(reason: str) -> str:
    """"error returned from database: (code: 26) file is not a database" -> "file is not a database"."""
    return reason.rsplit(")", 1)[-1].strip() if "(code:" in reason else reason


def embedding_text(chunk: Chunk) -> str:
    """What the dense side sees: the chunk with the title and heading that place it.

    Example: "漯河市政府工作报告（2021年） | 三、2021年重点工作 > （一）坚持创新引领\\n新增…"
    """
    head = " | ".join(part for part in (chunk.title, chunk.heading) if part)
    return f"{head}\n{chunk.text}" if head else chunk.text


class VectorStore:
    PAGE = 10_000  # chunks per `get` (see `pages`)
    UNFILTERED_MAX = 4_000  # the largest unfiltered query `nearest` tries before passing the allowed ids
    IDS_MAX = 30_000  # ids per filtered query

    def __init__(self, client, embedder, name: str = "reports"):
        self.client, self.embedder, self.name = client, embedder, name
        self.collection = client.get_or_create_collection(
            name, embedding_function=None, configuration={"hnsw": {"space": "cosine"}},
            metadata={"embedding_model": embedder.name, "embedding_dim": getattr(embedder, "dim", 0)},
        )
        self._check_model()

    def _check_model(self) -> None:
        built_with = (self.collection.metadata or {}).get("embedding_model")
        if built_with and built_with != self.embedder.name:
            raise IndexMismatch(
                f"index was built with embeddings {built_with!r}, not {self.embedder.name!r}; "
                f"set ASSISTANT_EMBEDDING_MODEL back, or rebuild with `assistant rebuild`"
            )

    def count(self) -> int:
        return self.collection.count()

    def recorded(self, key: str):
        """A value recorded in the collection's metadata (e.g. the signature of the facts' extraction)."""
        return (self.collection.metadata or {}).get(key)

    def record(self, key: str, value: str) -> None:
        # `modify` replaces the whole metadata: keep the embedding model's name with it.
        self.collection.modify(metadata={**(self.collection.metadata or {}), key: value})

    def update_metadata(self, chunks: list[Chunk]) -> None:
        """Write the chunks' metadata (their facts) back; texts and vectors stay."""
        for i in range(0, len(chunks), 2000):
            part = chunks[i:i + 2000]
            self.collection.update(ids=[c.chunk_id for c in part], metadatas=[c.store_metadata() for c in part])

    def add(self, chunks: list[Chunk], vectors: list[list[float]] | None = None) -> None:
        if not chunks:
            return
        if vectors is None:
            vectors = self.embedder.embed_documents([embedding_text(c) for c in chunks])
        self.collection.upsert(
            ids=[c.chunk_id for c in chunks], embeddings=vectors,
            documents=[c.text for c in chunks], metadatas=[c.store_metadata() for c in chunks],
        )

    def delete_ids(self, ids: list[str]) -> None:
        for i in range(0, len(ids), 5000):
            self.collection.delete(ids=ids[i:i + 5000])

    def get_where(self, where: dict | None = None, with_text: bool = False) -> list[Chunk]:
        include = ["metadatas", "documents"] if with_text else ["metadatas"]
        chunks = []
        for got in self.pages(where, include):
            texts = got.get("documents") or [""] * len(got["ids"])
            chunks += [Chunk.from_store(i, t or "", m) for i, t, m in zip(got["ids"], texts, got["metadatas"])]
        return chunks

    def pages(self, where: dict | None, include: list[str]):
        """`collection.get` a page at a time: Chroma's SQLite refuses one query over ~32,000 chunks
        ("too many SQL variables") once metadata or documents are included."""
        offset = 0
        while True:
            got = self.collection.get(where=where, include=include, limit=self.PAGE, offset=offset)
            yield got
            if len(got["ids"]) < self.PAGE:
                return
            offset += self.PAGE

    def get_ids(self, ids: list[str]) -> list[Chunk]:
        got = self.collection.get(ids=ids, include=["metadatas", "documents"])
        return [Chunk.from_store(i, t or "", m) for i, t, m in zip(got["ids"], got["documents"], got["metadatas"])]

    def ids_where(self, where: dict) -> set[str]:
        return set(self.collection.get(where=where, include=[])["ids"])

    def nearest(self, vector: list[float], n: int, total: int, allowed: set[str] | None = None
                ) -> list[tuple[str, float]]:
        """Ids of the n nearest chunks, with cosine similarity (1 - distance), among `allowed` if given.

        `total` is the number of chunks in the collection. Chroma's metadata filter
        is slow over a long `$in` list (a province and its 1,500 places: 110-170 ms
        at 50,000 chunks, against ~1 ms for a plain HNSW query and ~4 ms for 1,000
        results), so a wide filter is applied to ever larger unfiltered queries
        first; the allowed ids are passed to Chroma only when those fall short.
        Either way the result is the n nearest allowed chunks.
        """
        if not total or allowed is not None and not allowed:
            return []
        if allowed is None:
            return self._query(vector, n)
        fetch = math.ceil(2 * n / (len(allowed) / total))
        while fetch <= self.UNFILTERED_MAX:
            hits = [(i, s) for i, s in self._query(vector, min(fetch, total)) if i in allowed]
            if len(hits) >= n or fetch >= total:
                return hits[:n]
            fetch *= 4
        ids, hits = list(allowed), []
        for start in range(0, len(ids), self.IDS_MAX):  # Chroma's SQLite takes ~32,000 ids at most
            hits += self._query(vector, n, ids=ids[start:start + self.IDS_MAX])
        return sorted(hits, key=lambda h: h[1], reverse=True)[:n]

    def _query(self, vector: list[float], n: int, **scope) -> list[tuple[str, float]]:
        got = self.collection.query(query_embeddings=[vector], n_results=n, include=["distances"], **scope)
        return [(i, 1.0 - d) for i, d in zip(got["ids"][0], got["distances"][0])]

    def reset(self) -> None:
        self.client.delete_collection(self.name)
        self.__init__(self.client, self.embedder, self.name)

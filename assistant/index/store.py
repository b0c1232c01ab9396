"""The index as one thing: Chroma and BM25 kept in step, keyed by the same chunk ids.

Writes to an on-disk index take a file lock, so a second writing process waits
a bounded time and then says who holds it; readers never take the lock.
"""
from __future__ import annotations

import json
import os
import threading
import uuid
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from assistant.documents import Chunk
from assistant.errors import IndexBusy
from assistant.index.lexical import LexicalIndex
from assistant.index.vectorstore import VectorStore, embedding_text


class Index:
    def __init__(self, vectors: VectorStore, lexical: LexicalIndex, lock_path: Path | None, lock_timeout: float = 30.0):
        self.vectors, self.lexical = vectors, lexical
        self.lock_path, self.lock_timeout = lock_path, lock_timeout
        self._ids_where: dict[str, set[str]] = {}
        # Shared server: what the in-memory BM25 holds (id -> content hash, start) and the store state it matches.
        self._versions: dict[str, tuple] = {}
        self._synced: tuple | None = None
        self._sync_lock = threading.Lock()
        if self.shared:
            self.sync()  # BM25 lives in memory: built from the chunks in the server's store
        elif len(self.lexical) == 0 and self.vectors.count() > 0:
            self.rebuild_lexical()  # a lost lexical file: the store is the truth

    @property
    def shared(self) -> bool:
        """A Chroma server other machines may write to; the lexical index is in memory, rebuilt from it."""
        return self.lexical.path is None

    @contextmanager
    def writing(self):
        """Hold the write lock; the holder's pid is written beside it for the error message."""
        if self.lock_path is None:
            yield
            return
        self.lock_path.parent.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(self.lock_path))
        pid_file = self.lock_path.with_suffix(".pid")
        try:
            lock.acquire(timeout=self.lock_timeout)
        except Timeout:
            holder = pid_file.read_text().strip() if pid_file.exists() else "?"
            raise IndexBusy(
                f"index busy: another process (pid {holder}) is writing to {self.lock_path.parent}; "
                f"wait for it, or share one index through a Chroma server (ASSISTANT_CHROMA_URL)"
            ) from None
        try:
            pid_file.write_text(str(os.getpid()))
            self._reload_lexical()  # another process may have written since we loaded
            yield
        finally:
            self._ids_where.clear()
            lock.release()

    def _reload_lexical(self) -> None:
        if self.lexical.path:
            self.lexical.__init__(self.lexical.path)

    def documents(self) -> dict[str, dict]:
        """doc_id -> document metadata with its chunk count."""
        docs: dict[str, dict] = {}
        for chunk in self.vectors.get_where():
            meta = docs.setdefault(chunk.doc_id, dict(chunk.metadata, chunks=0))
            meta["chunks"] += 1
        return docs

    def chunk_ids_where(self, where: dict) -> set[str]:
        """Ids matching a metadata filter, cached until the next write."""
        key = json.dumps(where, sort_keys=True, ensure_ascii=False)
        if key not in self._ids_where:
            self._ids_where[key] = self.vectors.ids_where(where)
        return self._ids_where[key]

    def chunks_of(self, doc_id: str) -> list[Chunk]:
        chunks = self.vectors.get_where({"doc_id": doc_id}, with_text=True)
        return sorted(chunks, key=lambda c: c.start)

    def add(self, chunks: list[Chunk], vectors: list[list[float]]) -> None:
        """Add the chunks of whole documents; on failure nothing of them stays."""
        ids = [c.chunk_id for c in chunks]
        try:
            self.vectors.add(chunks, vectors)
            self.lexical.add([(c.chunk_id, lexical_text(c)) for c in chunks])
            self.lexical.save()
        except BaseException:
            self.vectors.delete_ids(ids)
            self.lexical.delete(ids)
            raise
        self._versions.update((c.chunk_id, _version(c)) for c in chunks)
        self._stamp()

    def delete_docs(self, doc_ids: list[str]) -> int:
        ids = [c.chunk_id for d in doc_ids for c in self.vectors.get_where({"doc_id": d})]
        self.vectors.delete_ids(ids)
        self.lexical.delete(ids)
        self.lexical.save()
        for chunk_id in ids:
            self._versions.pop(chunk_id, None)
        self._stamp()
        return len(ids)

    def rebuild_lexical(self) -> None:
        chunks = self.vectors.get_where(with_text=True)
        self.lexical.tokens.clear()
        self.lexical.add([(c.chunk_id, lexical_text(c)) for c in chunks])
        self.lexical.save()

    def reset(self) -> None:
        self.vectors.reset()
        self.lexical.tokens.clear()
        self.lexical.add([])
        self.lexical.save()
        self._versions.clear()
        self._stamp()

    # -- a shared Chroma server: other machines write too ---------------------
    def sync(self) -> bool:
        """Bring the in-memory BM25 in step with a shared server; True when something changed.

        Costs two small requests (the collection's metadata and count) when nothing
        changed. After another writer's stamp, ids and content hashes are compared
        and only new or changed chunks are fetched and tokenised; the new BM25
        replaces the old in one assignment, so searches running meanwhile finish on
        the old one. On disk the file lock and the reload on write cover this.
        """
        if not self.shared:
            return False
        with self._sync_lock:
            marker = self._marker()
            if marker == self._synced:
                return False
            self._ids_where.clear()
            self._pull()
            self._synced = marker
            return True

    def _marker(self) -> tuple:
        try:
            col = self.vectors.client.get_collection(self.vectors.name, embedding_function=None)
        except Exception:  # dropped by another machine's rebuild: make it again, empty
            col = None
        if col is None or col.id != self.vectors.collection.id:
            self.vectors.__init__(self.vectors.client, self.vectors.embedder, self.vectors.name)
            col = self.vectors.collection
        return (str(col.id), (col.metadata or {}).get("generation"), col.count())

    def _pull(self) -> None:
        got = self.vectors.collection.get(include=["metadatas"])
        current = {i: _version_of(m) for i, m in zip(got["ids"], got["metadatas"])}
        stale = [i for i, v in current.items() if self._versions.get(i) != v]
        gone = [i for i in self._versions if i not in current]
        if not stale and not gone:
            return
        fresh = LexicalIndex(None)
        fresh.tokens = {i: t for i, t in self.lexical.tokens.items() if i in current and i not in stale}
        for start in range(0, len(stale), 2000):
            chunks = self.vectors.get_ids(stale[start:start + 2000])
            fresh.add([(c.chunk_id, lexical_text(c)) for c in chunks])
        self.lexical = fresh
        self._versions = current

    def _stamp(self) -> None:
        """Tell other machines sharing the server that the collection changed."""
        if self.shared:
            meta = dict(self.vectors.collection.metadata or {}, generation=uuid.uuid4().hex)
            self.vectors.collection.modify(metadata=meta)


def _version(chunk: Chunk) -> tuple:
    return _version_of(chunk.store_metadata())


def _version_of(meta: dict) -> tuple:
    """What identifies a chunk's content: a changed file re-uses chunk ids with new text."""
    return (meta.get("content_hash"), meta.get("start"), meta.get("end"))


def lexical_text(chunk: Chunk) -> str:
    """BM25 sees the same placing context as the dense side."""
    return embedding_text(chunk)

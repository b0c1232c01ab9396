"""The index as one thing: Chroma and BM25 kept in step, keyed by the same chunk ids.

Writes to an on-disk index take a file lock, so a second writing process waits
a bounded time and then says who holds it; readers never take the lock.
"""
from __future__ import annotations

import json
import os
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
        if len(self.lexical) == 0 and self.vectors.count() > 0:
            self.rebuild_lexical()  # a shared server, or a lost lexical file: the store is the truth

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

    def delete_docs(self, doc_ids: list[str]) -> int:
        ids = [c.chunk_id for d in doc_ids for c in self.vectors.get_where({"doc_id": d})]
        self.vectors.delete_ids(ids)
        self.lexical.delete(ids)
        self.lexical.save()
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


def lexical_text(chunk: Chunk) -> str:
    """BM25 sees the same placing context as the dense side."""
    return embedding_text(chunk)

"""Keeping one Index object in step with writes made elsewhere.

Process sync (an on-disk index): every write ends by writing a new generation to a
small file; a reader that sees another generation reloads (fresh Chroma bindings, the
lexical file again). Server sync (a shared Chroma server other machines write to): the
collection's metadata carries a generation stamp; the in-memory BM25 is brought in step
by comparing chunk ids and content hashes, fetching only new or changed chunks.
"""
from __future__ import annotations

import threading
import uuid
from pathlib import Path
from typing import Callable

from assistant.documents import Chunk
from assistant.index.files import read_text, write_atomic


class Generation:
    """Process sync: which on-disk write generation this process's in-memory state matches."""

    def __init__(self, path: Path | None):
        self.path = path
        self.seen: str | None = None  # None: unknown, so the next write (or follow) catches up
        self._lock = threading.Lock()

    def current(self) -> str | None:
        return read_text(self.path) if self.path else None

    def behind(self) -> bool:
        """True when another process wrote since we last looked (or we never looked)."""
        return self.seen is None or self.current() != self.seen

    def forget(self) -> None:
        self.seen = None

    def bump(self) -> None:
        """After our own write: a new generation, so other processes know to reload."""
        self.seen = uuid.uuid4().hex
        write_atomic(self.path, self.seen)

    def follow(self, catch_up: Callable[[], None]) -> bool:
        """Run `catch_up` once when the generation on disk changed; True when it did
        (one read of a small file per call otherwise)."""
        current = self.current()
        if current is None or current == self.seen:
            return False
        with self._lock:
            if current != self.seen:
                catch_up()
                self.seen = current
        return True


class ServerSync:
    """Server sync: what the in-memory BM25 holds (id -> content version) and the server state it matches."""

    def __init__(self):
        self.versions: dict[str, tuple] = {}
        self.synced: tuple | None = None
        self._lock = threading.Lock()

    def follow(self, index) -> bool:
        """Bring `index.lexical` in step with the server; True when something changed.

        Costs two small requests (the collection's metadata and count) when nothing
        changed. The new BM25 replaces the old in one assignment, so searches running
        meanwhile finish on the old one."""
        with self._lock:
            found = marker(index.vectors)
            if found == self.synced:
                return False
            index.forget()
            self.pull(index)
            self.synced = found
            return True

    def pull(self, index) -> None:
        current = {i: version_of(m) for got in index.vectors.pages(None, ["metadatas"])
                   for i, m in zip(got["ids"], got["metadatas"])}
        stale = [i for i, v in current.items() if self.versions.get(i) != v]
        gone = [i for i in self.versions if i not in current]
        if not stale and not gone:
            return
        fresh = index.lexical.subset({i for i in current if i not in stale})
        for start in range(0, len(stale), 2000):
            fresh.add(index.vectors.get_ids(stale[start:start + 2000]))
        index.lexical = fresh
        self.versions = current

    def record(self, chunks: list[Chunk]) -> None:
        self.versions.update((c.chunk_id, version_of(c.store_metadata())) for c in chunks)

    def drop(self, chunk_ids: list[str]) -> None:
        for chunk_id in chunk_ids:
            self.versions.pop(chunk_id, None)

    def clear(self) -> None:
        self.versions.clear()


def marker(vectors) -> tuple:
    """(collection id, generation stamp, count): changes whenever another machine writes."""
    try:
        col = vectors.client.get_collection(vectors.name, embedding_function=None)
    except Exception:  # dropped by another machine's rebuild: make it again, empty
        col = None
    if col is None or col.id != vectors.collection.id:
        vectors.__init__(vectors.client, vectors.embedder, vectors.name)
        col = vectors.collection
    return (str(col.id), (col.metadata or {}).get("generation"), col.count())


def stamp(vectors) -> None:
    """Tell other machines sharing the server that the collection changed."""
    meta = dict(vectors.collection.metadata or {}, generation=uuid.uuid4().hex)
    vectors.collection.modify(metadata=meta)


def version_of(meta: dict) -> tuple:
    """What identifies a chunk's content: a changed file re-uses chunk ids with new text."""
    return (meta.get("content_hash"), meta.get("start"), meta.get("end"))

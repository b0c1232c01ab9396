"""The index as one thing: Chroma and BM25 kept in step, keyed by the same chunk ids.

Writes to an on-disk index take a file lock, so a second writing process waits
a bounded time and then says who holds it; readers never take the lock. A
process that takes the lock after another one wrote first drops Chroma's
in-memory state (a `PersistentClient` caches its HNSW segments and would write
them back stale, losing the other process's vectors) and reloads the lexical file.

Crash safety: every write names the documents it touches in a journal
(`pending.json`) before it starts and removes it when both sides are saved. A
journal found at the next open (or the next write) belongs to a process that
died midway: its documents are removed from both sides, so the index holds only
whole documents and the next ingest of those files puts them back. The same
start-up check compares Chroma's ids with the lexical index and rebuilds the
lexical side from Chroma (the store is the truth) when they differ.
"""
from __future__ import annotations

import json
import logging
import os
import threading
import uuid
from collections import Counter
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from assistant.documents import Chunk
from assistant.errors import IndexBusy
from assistant.index.lexical import LexicalIndex
from assistant.index.vectorstore import VectorStore

log = logging.getLogger(__name__)


class Index:
    def __init__(self, vectors: VectorStore, lexical: LexicalIndex, lock_path: Path | None, lock_timeout: float = 30.0,
                 check: bool = True):
        self.vectors, self.lexical = vectors, lexical
        self.lock_path, self.lock_timeout = lock_path, lock_timeout
        self._ids_where: dict[str, set[str]] = {}
        self._documents: dict[str, dict] | None = None  # documents(), until something changes
        # Shared server: what the in-memory BM25 holds (id -> content hash, start) and the store state it matches.
        self._versions: dict[str, tuple] = {}
        self._synced: tuple | None = None
        self._sync_lock = threading.Lock()
        self._generation: str | None = None  # the write generation our in-memory state matches; None: unknown
        self.repairs: list[str] = []  # what the start-up check (or a later write) repaired, one line each
        if self.shared:
            self.sync()  # BM25 lives in memory: built from the chunks in the server's store
        elif check:  # not when opened only to be rebuilt: it would tokenise again what the rebuild drops
            self.check()

    @property
    def shared(self) -> bool:
        """A Chroma server other machines may write to; the lexical index is in memory, rebuilt from it."""
        return self.lexical.path is None

    @contextmanager
    def writing(self, timeout: float | None = None):
        """Hold the write lock (waiting at most `timeout`, default lock_timeout, then IndexBusy).

        The holder's pid is written beside the lock for the error message. On
        entry, state another process wrote since we last looked is picked up and
        a dead writer's half-done work undone (see the module docstring).
        """
        if self.lock_path is None:
            try:
                yield
            finally:
                self._forget()
            return
        self.lock_path.parent.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(self.lock_path))
        pid_file = self.lock_path.with_suffix(".pid")
        try:
            lock.acquire(timeout=self.lock_timeout if timeout is None else timeout)
        except Timeout:
            holder = _read(pid_file) or "?"
            raise IndexBusy(
                f"index busy: another process is ingesting (pid {holder}) into {self.lock_path.parent}; "
                f"wait for it to finish, or share one index through a Chroma server (ASSISTANT_CHROMA_URL)"
            ) from None
        try:
            pid_file.write_text(str(os.getpid()))
            if _read(self._generation_path) != self._generation or self._generation is None:
                self._catch_up()
            yield
        finally:
            self._forget()
            self._generation = uuid.uuid4().hex
            _write_atomic(self._generation_path, self._generation)
            lock.release()

    @property
    def _generation_path(self) -> Path:
        return self.lock_path.with_suffix(".generation")

    @property
    def _journal_path(self) -> Path | None:
        return self.lock_path.with_name("pending.json") if self.lock_path else None

    def _catch_up(self) -> None:
        """Under the lock: see what other processes wrote, then repair what a dead one left."""
        refresh_chroma(self.vectors.client)
        self._reload_lexical()
        self.repairs += self._repair()

    # -- the start-up check ----------------------------------------------------
    def check(self) -> list[str]:
        """Compare Chroma and the lexical index (and look for a dead writer's journal); repair.

        Returns what was repaired, one line each (also logged as warnings and
        kept in `self.repairs`). While another process holds the write lock, a
        difference is its write in flight: nothing is touched and it finishes
        its own work.
        """
        journal = self._journal_path
        if not (journal and journal.exists()) and set(self.lexical.tokens) == self._store_ids():
            return []
        before = len(self.repairs)
        self._generation = None  # entering the lock with no known generation catches up and repairs
        try:
            with self.writing(timeout=0):
                pass
        except IndexBusy:
            return []
        return self.repairs[before:]

    def _store_ids(self) -> set[str]:
        return set(self.vectors.collection.get(include=[])["ids"])

    def _repair(self) -> list[str]:
        done = []
        journal = self._journal_path
        pending = _read_json(journal) if journal and journal.exists() else None
        if pending is not None:
            doc_ids = [str(d) for d in pending.get("doc_ids", [])]
            removed = self._drop_docs(doc_ids) if doc_ids else 0
            files = ", ".join(map(str, pending.get("sources", []))) or ", ".join(doc_ids) or "unknown documents"
            done.append(f"a write by process {pending.get('pid', '?')} was interrupted: removed the "
                        f"{removed} chunks it left of {files}; ingest those files again to put them back")
            journal.unlink(missing_ok=True)
        store, lexical = self._store_ids(), set(self.lexical.tokens)
        if store != lexical:
            missing, extra = sorted(store - lexical), sorted(lexical - store)
            self.lexical.delete(extra)
            for start in range(0, len(missing), 2000):
                chunks = self.vectors.get_ids(missing[start:start + 2000])
                self.lexical.add(chunks)
            self.lexical.save()
            done.append(f"the lexical index did not match Chroma ({len(store)} chunks in Chroma, {len(lexical)} "
                        f"in the lexical index): added {len(missing)}, dropped {len(extra)}")
        for line in done:
            log.warning("index repaired: %s", line)
        return done

    def _reload_lexical(self) -> None:
        # Skipped when we hold that very file already (a reader's first search used to load it twice).
        if self.lexical.path and not self.lexical.is_current():
            # A new object in one assignment: searches running meanwhile finish on the old one.
            self.lexical = LexicalIndex(self.lexical.path)

    def documents(self) -> dict[str, dict]:
        """doc_id -> document metadata with its chunk count, kept until the index changes.

        Read from each document's first chunk (the one at offset 0), counted from the
        chunk ids (`<doc_id>:<n>`): at 50,000 chunks reading every chunk's metadata
        took 11 s, and the app lists documents on every page."""
        self.sync()
        if self._documents is None:
            counts = Counter(i.rsplit(":", 1)[0] for i in self.lexical.tokens)
            docs = {c.doc_id: dict(c.metadata, chunks=counts.get(c.doc_id, 0))
                    for c in self.vectors.get_where({"start": 0})}
            for doc_id in counts.keys() - docs.keys():  # no chunk at offset 0: not made by our chunker
                for c in self.vectors.get_where({"doc_id": doc_id})[:1]:
                    docs[doc_id] = dict(c.metadata, chunks=counts[doc_id])
            self._documents = docs
        return {doc_id: dict(meta) for doc_id, meta in self._documents.items()}

    def all_chunks(self) -> list[Chunk]:
        """Every chunk with its text (the fact table's series read them), kept until the index changes."""
        self.sync()
        if getattr(self, "_all_chunks", None) is None:
            self._all_chunks = self.vectors.get_where(None, with_text=True)
        return self._all_chunks

    def _forget(self) -> None:
        """Drop what was worked out from the index as it was (filters, the document list, the chunks)."""
        self._ids_where.clear()
        self._documents = None
        self._all_chunks = None

    def chunk_ids_where(self, where: dict) -> set[str]:
        """Ids matching a metadata filter, cached until the next write.

        The retriever's own place filter is answered from the regions the lexical
        index keeps; other filters (the app's year, document…) by Chroma."""
        key = _key(where)
        if key not in self._ids_where:
            clause = where.get("region") if list(where) == ["region"] else None
            regions = clause.get("$in") if isinstance(clause, dict) and list(clause) == ["$in"] else None
            ids = self.lexical.ids_in_regions(set(regions)) if isinstance(regions, list) else None
            self._ids_where[key] = self.vectors.ids_where(where) if ids is None else ids
        return self._ids_where[key]

    def nearest(self, vector: list[float], n: int, where: dict | None) -> list[tuple[str, float]]:
        """Dense candidates: (chunk id, cosine similarity) of the n nearest chunks matching `where`."""
        allowed = self.chunk_ids_where(where) if where else None
        return self.vectors.nearest(vector, n, len(self.lexical), allowed)

    def best_lexical(self, tokens: list[str], n: int, where: dict | None) -> dict[str, float]:
        """Lexical candidates: chunk id -> BM25 score of the n best chunks matching `where`."""
        if not where:
            return self.lexical.top(tokens, n)
        return self.lexical.top(tokens, n, self.chunk_ids_where(where), key=_key(where))

    def chunks_of(self, doc_id: str) -> list[Chunk]:
        chunks = self.vectors.get_where({"doc_id": doc_id}, with_text=True)
        return sorted(chunks, key=lambda c: c.start)

    def ingested_paths(self) -> set[str]:
        """Every file the index was built from, as Chroma and the lexical index record it."""
        from_store = {m.get("path") for m in self.documents().values()} - {None, ""}
        return from_store | self.lexical.source_paths()

    def add(self, chunks: list[Chunk], vectors: list[list[float]]) -> None:
        """Add the chunks of whole documents; on failure nothing of them stays."""
        self.replace([], chunks, vectors)

    def replace(self, old_doc_ids: list[str], chunks: list[Chunk], vectors: list[list[float]]) -> None:
        """Delete documents and add the chunks of whole documents, as one journaled unit.

        On failure (or a crash, undone at the next open) none of the documents
        named stays: the old ones are gone, the new ones not in.
        """
        doc_ids = list(dict.fromkeys([*old_doc_ids, *(c.doc_id for c in chunks)]))
        sources = sorted({c.source for c in chunks})
        with self._journaled(doc_ids, sources, [c.chunk_id for c in chunks]):
            if old_doc_ids:
                self._delete_docs(old_doc_ids)
            self.vectors.add(chunks, vectors)
            self.lexical.add(chunks)
            self.lexical.save()
        self._versions.update((c.chunk_id, _version(c)) for c in chunks)
        self._stamp()

    def delete_docs(self, doc_ids: list[str]) -> int:
        with self._journaled(list(doc_ids), []):
            n = self._delete_docs(doc_ids)
        self._stamp()
        return n

    def _delete_docs(self, doc_ids: list[str]) -> int:
        ids = [c.chunk_id for start in range(0, len(doc_ids), 500)
               for c in self.vectors.get_where({"doc_id": {"$in": list(doc_ids[start:start + 500])}})]
        self.vectors.delete_ids(ids)
        self.lexical.delete(ids)
        self.lexical.save()
        for chunk_id in ids:
            self._versions.pop(chunk_id, None)
        return len(ids)

    def _drop_docs(self, doc_ids: list[str]) -> int:
        """Remove every trace of these documents from both sides (chunk ids are "<doc_id>:<n>")."""
        removed = self._delete_docs(doc_ids)
        # Matched whole: a prefix test would take "a.txt#0:b.txt#0:0000" for a chunk of "a.txt#0".
        wanted = set(doc_ids)
        strays = [i for i in self.lexical.tokens if i.rsplit(":", 1)[0] in wanted]
        if strays:
            self.lexical.delete(strays)
            self.lexical.save()
        return removed + len(strays)

    @contextmanager
    def _journaled(self, doc_ids: list[str], sources: list[str], chunk_ids: list[str] = ()):
        """Name the documents a write touches before it starts; undo them if it fails.

        A crash leaves the journal behind for the next open (`_repair`); a failure
        seen here is undone at once. If the undo itself fails the journal stays.
        The undo also deletes the chunk ids written by id: on a full disk Chroma can
        log an upsert it cannot apply yet, so a search by doc id finds nothing to
        delete, and the logged chunks would appear once space is freed.
        """
        journal = self._journal_path
        if journal:
            _write_atomic(journal, json.dumps({"pid": os.getpid(), "doc_ids": doc_ids, "sources": sources},
                                              ensure_ascii=False))
        try:
            yield
        except BaseException:
            self._drop_docs(doc_ids)
            if chunk_ids:
                self.vectors.delete_ids(list(chunk_ids))
            if journal:
                journal.unlink(missing_ok=True)
            raise
        if journal:
            journal.unlink(missing_ok=True)

    def rebuild_lexical(self) -> None:
        chunks = self.vectors.get_where(with_text=True)
        self.lexical.clear()
        self.lexical.add(chunks)
        self.lexical.save()

    def reset(self) -> None:
        self.vectors.reset()
        self.lexical.clear()
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
        the old one. On disk, one small file says whether another process wrote
        since we last looked (`_follow_disk`).
        """
        if not self.shared:
            return self._follow_disk()
        with self._sync_lock:
            marker = self._marker()
            if marker == self._synced:
                return False
            self._forget()
            self._pull()
            self._synced = marker
            return True

    def _follow_disk(self) -> bool:
        """A reader of an on-disk index (the app, the HTTP API) picks up what another process
        ingested: fresh Chroma bindings and the lexical file again, only when the write
        generation changed (one read of a small file per search otherwise)."""
        if self.lock_path is None:
            return False
        current = _read(self._generation_path)
        if current is None or current == self._generation:
            return False
        with self._sync_lock:
            if current != self._generation:
                refresh_chroma(self.vectors.client)
                self._reload_lexical()
                self._forget()
                self._generation = current
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
        current = {i: _version_of(m) for got in self.vectors.pages(None, ["metadatas"])
                   for i, m in zip(got["ids"], got["metadatas"])}
        stale = [i for i, v in current.items() if self._versions.get(i) != v]
        gone = [i for i in self._versions if i not in current]
        if not stale and not gone:
            return
        fresh = self.lexical.subset({i for i in current if i not in stale})
        for start in range(0, len(stale), 2000):
            chunks = self.vectors.get_ids(stale[start:start + 2000])
            fresh.add(chunks)
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


@contextmanager
def opening(home: Path | None):
    """Serialise opening an on-disk index: two processes creating a new one at once race in
    Chroma's migrations ("table collections already exists"). Held for milliseconds, and
    apart from the write lock, so opening never waits for an ingest."""
    if home is None:
        yield
        return
    home.mkdir(parents=True, exist_ok=True)
    with FileLock(str(home / "open.lock"), timeout=60):
        yield


def refresh_chroma(client) -> None:
    """Make an on-disk Chroma client read what other processes wrote.

    A `PersistentClient` keeps HNSW segments in memory; one that writes after
    another process did would save its stale copy over theirs (vectors lost,
    "Error getting embedding"). New bindings on the same path start from disk;
    every client object of the process shares them. Other clients: nothing to do.
    """
    server = getattr(client, "_server", None)
    try:
        persistent = client.get_settings().is_persistent
    except Exception:
        return
    if persistent and type(server).__name__ == "RustBindingsAPI":
        server.start()


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8").strip()
    except (FileNotFoundError, OSError):
        return None


def _read_json(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # a journal cut short by the crash: its documents are unknown, the id comparison still runs
    return data if isinstance(data, dict) else {}


def _write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    try:
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)  # a full disk: no half-written file left behind
        raise


def _key(where: dict) -> str:
    return json.dumps(where, sort_keys=True, ensure_ascii=False)

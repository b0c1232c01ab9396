"""The index as one thing: Chroma and BM25 kept in step, keyed by the same chunk ids.

Writes to an on-disk index take a file lock, so a second writing process waits
a bounded time and then says who holds it; readers never take the lock. A
process that takes the lock after another one wrote first drops Chroma's
in-memory state (a `PersistentClient` caches its HNSW segments and would write
them back stale, losing the other process's vectors) and reloads the lexical file.

The parts by concern: journal.py (crash safety: the journal of a write and the
repair of what a dead writer left), sync.py (following other processes' writes on
disk, and other machines' writes to a shared Chroma server), chroma_private.py
(the only use of Chroma's private API), files.py (small files written atomically).
"""
from __future__ import annotations

import json
import logging
import os
from collections import Counter
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from assistant.documents import Chunk
from assistant.errors import IndexBusy
from assistant.facts.refresh import SIGNATURE_KEY, facts_signature, refresh_facts
from assistant.index import chroma_private
from assistant.index.exact import EXACT_MAX, ExactVectors
from assistant.index.files import read_text
from assistant.index.journal import Journal, interrupted, match_lexical
from assistant.index.lexical import LexicalIndex
from assistant.index.sync import Generation, ServerSync, stamp
from assistant.index.vectorstore import VectorStore

log = logging.getLogger(__name__)
CHUNKS_KEPT = 20_000  # chunks() keeps at most about this many (~1 KB each) before starting afresh


class Index:
    def __init__(self, vectors: VectorStore, lexical: LexicalIndex, lock_path: Path | None, lock_timeout: float = 30.0,
                 check: bool = True):
        self.vectors, self.lexical = vectors, lexical
        self.lock_path, self.lock_timeout = lock_path, lock_timeout
        self._ids_where: dict[str, set[str]] = {}
        self._documents: dict[str, dict] | None = None  # documents(), until something changes
        self._exact: ExactVectors | None = None  # every vector, for an exact dense search (exact.py)
        self._chunks: dict[str, Chunk] = {}  # chunks(), until something changes
        self.journal = Journal(lock_path.with_name("pending.json") if lock_path else None)
        self.generation = Generation(lock_path.with_suffix(".generation") if lock_path else None)  # process sync
        self.server = ServerSync()  # a shared server: what the in-memory BM25 holds
        self.repairs: list[str] = []  # what the start-up check (or a later write) repaired, one line each
        if self.shared:
            self.sync()  # BM25 lives in memory: built from the chunks in the server's store
            if self.facts_stale() and (refreshed := self._refresh_facts()):  # no lock across machines: idempotent
                self.repairs.append(refreshed)
        elif check:  # not when opened only to be rebuilt: it would tokenise again what the rebuild drops
            self.check()

    @property
    def places(self):
        """The PlaceBook of what this index holds: the gazetteer, the zones learned from its documents
        and its regions. Kept by the lexical side, which holds every chunk's region, so it follows
        ingests, deletes and other processes' writes with it."""
        return self.lexical.places

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
                self.forget()
            return
        self.lock_path.parent.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(self.lock_path))
        pid_file = self.lock_path.with_suffix(".pid")
        try:
            lock.acquire(timeout=self.lock_timeout if timeout is None else timeout)
        except Timeout:
            holder = read_text(pid_file) or "?"
            raise IndexBusy(
                f"index busy: another process is ingesting (pid {holder}) into {self.lock_path.parent}; "
                f"wait for it to finish, or share one index through a Chroma server (ASSISTANT_CHROMA_URL)"
            ) from None
        try:
            pid_file.write_text(str(os.getpid()))
            if self.generation.behind():
                self._catch_up()
            yield
        finally:
            self.forget()
            self.generation.bump()
            lock.release()

    def _catch_up(self) -> None:
        """Under the lock: see what other processes wrote, then repair what a dead one left."""
        chroma_private.refresh(self.vectors.client)
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
        if (not self.journal.exists() and not self.lexical.stale() and not self.facts_stale()
                and set(self.lexical.tokens) == self._store_ids()):
            return []
        before = len(self.repairs)
        self.generation.forget()  # entering the lock with no known generation catches up and repairs
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
        pending = self.journal.left_behind()
        if pending is not None:
            doc_ids = [str(d) for d in pending.get("doc_ids", [])]
            done.append(interrupted(pending, self._drop_docs(doc_ids) if doc_ids else 0))
            self.journal.clear()
        mismatch = match_lexical(self.vectors, self.lexical)
        if mismatch:
            done.append(mismatch)
        if self.lexical.stale():  # an index made by a release whose tokenizer cut text otherwise
            count = len(self.lexical.tokens)
            self.rebuild_lexical()
            done.append(f"the BM25 tokens of {count} chunks were made by another tokenizer; re-tokenized them")
        if self.facts_stale():  # an index whose figures were read by another release's extraction
            refreshed = self._refresh_facts()
            if refreshed:  # an upgrade that reads every figure as before is no repair to report
                done.append(refreshed)
        for line in done:
            log.warning("index repaired: %s", line)
        return done

    def facts_stale(self) -> bool:
        """The stored facts were read by other extraction code or data (see facts/refresh.py). A new, empty
        collection is recorded as current: what is ingested into it is read by this release."""
        if self.vectors.recorded(SIGNATURE_KEY) == facts_signature():
            return False
        if self.vectors.count() == 0:
            self.vectors.record(SIGNATURE_KEY, facts_signature())
            return False
        return True

    def _refresh_facts(self) -> str:
        """Read every chunk's facts again with this release's extraction; store those that differ."""
        changed = refresh_facts(self.vectors.get_where(None, with_text=True), self.places.find_places)
        self.vectors.update_metadata(changed)
        self.server.record(changed)  # their metadata changed: not stale for this process's BM25
        self.vectors.record(SIGNATURE_KEY, facts_signature())
        self.forget()
        self._stamp()
        if not changed:
            return ""
        return f"the figures of {len(changed)} chunks were read by another release; read them again"

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

    def forget(self) -> None:
        """Drop what was worked out from the index as it was (filters, the document list, the chunks)."""
        self._ids_where.clear()
        self._chunks = {}
        self._documents = None
        self._all_chunks = None
        self._exact = None

    def chunks(self, ids: list[str]) -> list[Chunk]:
        """The chunks of these ids (those the store holds), kept until the index changes.

        A question fetches its candidates' text and metadata several times over (each side of a comparison,
        each year asked, the search again without a filter), and a Chroma read by id costs ~20 ms."""
        kept = self._chunks  # one dict throughout: a write elsewhere may start a new one meanwhile
        if len(kept) > CHUNKS_KEPT:
            kept = self._chunks = {}
        missing = [i for i in dict.fromkeys(ids) if i not in kept]
        if missing:
            kept.update((c.chunk_id, c) for c in self.vectors.get_ids(missing))
        return [kept[i] for i in ids if i in kept]

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
        """Dense candidates: (chunk id, cosine similarity) of the n nearest chunks matching `where`, best first.
        Exact up to EXACT_MAX chunks, so the same index content ranks the same in every process (exact.py);
        Chroma's approximate HNSW above it."""
        allowed = self.chunk_ids_where(where) if where else None
        exact = self.exact_vectors()
        if exact is not None:
            return exact.nearest(vector, n, allowed, _key(where) if where else "")
        return self.vectors.nearest(vector, n, len(self.lexical), allowed)

    def exact_vectors(self) -> ExactVectors | None:
        """Every stored vector in memory (read once, kept until the index changes); None above EXACT_MAX chunks."""
        if self._exact is None and len(self.lexical) <= EXACT_MAX:
            exact = ExactVectors.of(self.vectors)
            if len(exact) > EXACT_MAX:  # the lexical side lagged a write: too many to hold after all
                return None
            self._exact = exact
        return self._exact

    def best_lexical(self, tokens: list[str], n: int, where: dict | None, expand: bool = False) -> dict[str, float]:
        """Lexical candidates: chunk id -> BM25 score of the n best chunks matching `where`
        (`expand`: short forms searched by their long forms too, `LexicalIndex.top`)."""
        if not where:
            return self.lexical.top(tokens, n, expand=expand)
        return self.lexical.top(tokens, n, self.chunk_ids_where(where), key=_key(where), expand=expand)

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
        self.server.record(chunks)
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
        self.server.drop(ids)
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

    def _journaled(self, doc_ids: list[str], sources: list[str], chunk_ids: list[str] = ()):
        """The journal around a write; its undo also deletes the chunk ids written by id: on a
        full disk Chroma can log an upsert it cannot apply yet, so a search by doc id finds
        nothing to delete, and the logged chunks would appear once space is freed."""
        def undo() -> None:
            self._drop_docs(doc_ids)
            if chunk_ids:
                self.vectors.delete_ids(list(chunk_ids))

        return self.journal.around(doc_ids, sources, undo)

    def rebuild_lexical(self) -> None:
        chunks = self.vectors.get_where(with_text=True)
        self.lexical.clear()
        self.lexical.add(chunks)
        self.lexical.save()

    def reset(self) -> None:
        self.vectors.reset()
        self.vectors.record(SIGNATURE_KEY, facts_signature())  # what is ingested next is read by this release
        self.lexical.clear()
        self.lexical.save()
        self.server.clear()
        self._stamp()

    # -- writes made elsewhere: other processes on disk, other machines on a server ---------
    def sync(self) -> bool:
        """Bring this object in step with writes made elsewhere; True when something changed.

        On a shared server the in-memory BM25 follows the collection (sync.ServerSync); on
        disk, one small file says whether another process wrote since we last looked."""
        if self.shared:
            return self.server.follow(self)
        return self.generation.follow(self._reload)

    def _reload(self) -> None:
        """A reader of an on-disk index (the app, the HTTP API) picks up what another process
        ingested: fresh Chroma bindings and the lexical file again."""
        chroma_private.refresh(self.vectors.client)
        self._reload_lexical()
        self.forget()

    def _stamp(self) -> None:
        if self.shared:
            stamp(self.vectors)


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


def _key(where: dict) -> str:
    return json.dumps(where, sort_keys=True, ensure_ascii=False)

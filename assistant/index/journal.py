"""Crash safety: the journal of a write, and the repair of what a dead writer left.

Every write names the documents it touches in a journal (`pending.json`) before it
starts and removes it when both sides are saved. A journal found at the next open
(or the next write) belongs to a process that died midway: its documents are removed
from both sides, so the index holds only whole documents and the next ingest of those
files puts them back. The same check compares Chroma's ids with the lexical index and
rebuilds the lexical side from Chroma (the store is the truth) when they differ.
"""
from __future__ import annotations

import json
import os
from contextlib import contextmanager
from pathlib import Path
from typing import Callable

from assistant.index.files import read_json, write_atomic


class Journal:
    """`pending.json` beside the lock; None for an in-memory or shared index (nothing to journal)."""

    def __init__(self, path: Path | None):
        self.path = path

    def exists(self) -> bool:
        return bool(self.path and self.path.exists())

    def left_behind(self) -> dict | None:
        """The journal a dead writer left: {"pid", "doc_ids", "sources"} ({} when unreadable); None if none."""
        return read_json(self.path) if self.exists() else None

    def clear(self) -> None:
        if self.path:
            self.path.unlink(missing_ok=True)

    @contextmanager
    def around(self, doc_ids: list[str], sources: list[str], undo: Callable[[], None]):
        """Name the documents a write touches before it starts; undo them if it fails.

        A crash leaves the journal behind for the next open; a failure seen here is
        undone at once. If the undo itself fails the journal stays.
        """
        if self.path:
            write_atomic(self.path, json.dumps({"pid": os.getpid(), "doc_ids": doc_ids, "sources": sources},
                                               ensure_ascii=False))
        try:
            yield
        except BaseException:
            undo()
            self.clear()
            raise
        self.clear()


def interrupted(pending: dict, removed: int) -> str:
    """The repair line for a dead writer's journal."""
    doc_ids = [str(d) for d in pending.get("doc_ids", [])]
    files = ", ".join(map(str, pending.get("sources", []))) or ", ".join(doc_ids) or "unknown documents"
    return (f"a write by process {pending.get('pid', '?')} was interrupted: removed the "
            f"{removed} chunks it left of {files}; ingest those files again to put them back")


def match_lexical(vectors, lexical) -> str | None:
    """Make the lexical index hold exactly Chroma's chunk ids (Chroma is the truth); what was done, or None."""
    store, held = set(vectors.collection.get(include=[])["ids"]), set(lexical.tokens)
    if store == held:
        return None
    missing, extra = sorted(store - held), sorted(held - store)
    lexical.delete(extra)
    for start in range(0, len(missing), 2000):
        lexical.add(vectors.get_ids(missing[start:start + 2000]))
    lexical.save()
    return (f"the lexical index did not match Chroma ({len(store)} chunks in Chroma, {len(held)} "
            f"in the lexical index): added {len(missing)}, dropped {len(extra)}")

"""Exact dense search: every stored vector in one numpy matrix, the query's cosine with each.

Why not Chroma's HNSW for this: HNSW is approximate, and which of the last few of 40 candidates it returns
depends on how the graph was built (insertion order, threads) and on the process. The same question over
the same documents then ranked its passages differently from one home to the next, and the answers of about
one question a set changed between two runs of the same code. Over a few thousand chunks an exact search is
a matrix-vector product of well under a millisecond (HNSW also missed near neighbours outright: a passage
at similarity 0.868 absent while ones at 0.862 were returned), so up to `EXACT_MAX` chunks the index
searches this way; above it Chroma's HNSW (VectorStore.nearest) keeps memory and start-up bounded.
Ties fall by chunk id, so equal similarities come in the same order in every process.
"""
from __future__ import annotations

import numpy as np

EXACT_MAX = 20_000  # chunks: 384 floats each, ~30 MB and ~2 s to read from Chroma at this size


class ExactVectors:
    """The stored vectors of an index, unit length, rows in chunk-id order; built from `VectorStore.pages`."""

    def __init__(self, ids: list[str], matrix: np.ndarray):
        order = sorted(range(len(ids)), key=ids.__getitem__)
        self.ids = [ids[i] for i in order]
        matrix = np.asarray(matrix, dtype=np.float32).reshape(len(ids), -1)[order] if ids else np.zeros((0, 0))
        norms = np.linalg.norm(matrix, axis=1, keepdims=True) if len(matrix) else np.ones((0, 1))
        self.matrix = (matrix / np.where(norms > 0, norms, 1.0)).astype(np.float32)  # half the memory of float64
        self._rows = {chunk_id: row for row, chunk_id in enumerate(self.ids)}
        self._masks: dict[str, np.ndarray] = {}

    @classmethod
    def of(cls, vectors) -> "ExactVectors":
        """Every vector of a VectorStore, read a page at a time."""
        ids: list[str] = []
        parts = []
        for got in vectors.pages(None, ["embeddings"]):
            if len(got["ids"]):
                ids += got["ids"]
                parts.append(np.asarray(got["embeddings"], dtype=np.float32))
        return cls(ids, np.vstack(parts) if parts else np.zeros((0, 0)))

    def __len__(self) -> int:
        return len(self.ids)

    def nearest(self, vector, n: int, allowed: set[str] | None = None, key: str = "") -> list[tuple[str, float]]:
        """(chunk id, cosine similarity) of the n most similar chunks (among `allowed`, its mask cached under
        `key`), best first; equal similarities by chunk id."""
        if not self.ids or n <= 0 or allowed is not None and not allowed:
            return []
        query = np.asarray(vector, dtype=np.float32)
        norm = np.linalg.norm(query)
        scores = self.matrix @ (query / norm if norm > 0 else query)
        rows = np.flatnonzero(self._mask(key, allowed)) if allowed is not None else np.arange(len(self.ids))
        if len(rows) > n:
            # every row scoring at least the n-th best, so a tie at the cut is settled by chunk id below
            floor = np.partition(scores[rows], len(rows) - n)[len(rows) - n]
            rows = rows[scores[rows] >= floor]
        rows = rows[np.lexsort((rows, -scores[rows]))][:n]  # rows are in chunk-id order: ties by id
        return [(self.ids[r], float(scores[r])) for r in rows]

    def _mask(self, key: str, allowed: set[str]) -> np.ndarray:
        mask = self._masks.get(key) if key else None
        if mask is None:
            mask = np.zeros(len(self.ids), dtype=bool)
            mask[[self._rows[i] for i in allowed if i in self._rows]] = True
            if key:
                self._masks[key] = mask
        return mask

"""assistant/index/chroma_private.py, the only use of Chroma's private API, against a real on-disk Chroma.

If a Chroma upgrade renames what these rely on, they report False and these tests fail (rather
than the index silently writing stale vectors over another process's)."""
from __future__ import annotations

import json
import subprocess
import sys

import chromadb
from chromadb.config import Settings as ChromaSettings

from assistant.index.chroma_private import forget_system, refresh

SETTINGS = ChromaSettings(anonymized_telemetry=False)
N = 40  # per writer; with small HNSW batches every write reaches the segment files on disk
HNSW = {"hnsw:space": "cosine", "hnsw:batch_size": 10, "hnsw:sync_threshold": 10}

# Another process on the same folder: adds vectors `first`..`first+n`, or (n = 0) reports what a
# fresh reader finds: the count and how many of the other writer's vectors are their own nearest.
OTHER = """
import json, random, sys
import chromadb
from chromadb.config import Settings
def vector(i):
    r = random.Random(i)
    return [r.random() for _ in range(8)]
path, prefix, first, n = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
col = chromadb.PersistentClient(path=path, settings=Settings(anonymized_telemetry=False)).get_collection("passages")
if n:
    col.add(ids=[f"{prefix}{i}" for i in range(first, first + n)], embeddings=[vector(i) for i in range(first, first + n)])
else:
    found = sum(col.query(query_embeddings=[vector(i)], n_results=1)["ids"][0] == [f"b{i}"] for i in range(40, 80))
    print(json.dumps({"count": col.count(), "found": found}))
"""


def vector(i: int) -> list[float]:
    import random

    r = random.Random(i)
    return [r.random() for _ in range(8)]


def other_process(path, *args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", OTHER, str(path), *map(str, args)], capture_output=True, text=True,
                          timeout=120)


def test_refresh_keeps_another_processes_vectors_when_we_write_after_it(tmp_path):
    # Without the refresh our client writes its stale HNSW segment over the other process's:
    # the fresh reader then fails with "Error finding id" (tried while writing this test).
    path = tmp_path / "chroma"
    client = chromadb.PersistentClient(path=str(path), settings=SETTINGS)
    col = client.create_collection("passages", embedding_function=None, metadata=HNSW)
    col.add(ids=[f"a{i}" for i in range(N)], embeddings=[vector(i) for i in range(N)])
    col.query(query_embeddings=[vector(0)], n_results=3)  # the segment is loaded in this process
    assert other_process(path, "b", N, N).returncode == 0  # written behind our client's back

    assert refresh(client) is True  # the private API is still there and was used
    col = client.get_collection("passages", embedding_function=None)
    col.add(ids=[f"c{i}" for i in range(2 * N, 3 * N)], embeddings=[vector(i) for i in range(2 * N, 3 * N)])

    seen = other_process(path, "-", 0, 0)
    assert seen.returncode == 0, seen.stderr[-500:]
    assert json.loads(seen.stdout) == {"count": 3 * N, "found": N}


def test_refresh_leaves_a_client_without_disk_alone():
    assert refresh(chromadb.EphemeralClient(settings=SETTINGS)) is False


def test_forget_system_drops_the_cached_one_so_the_next_client_starts_afresh(tmp_path):
    path = tmp_path / "chroma"
    first = chromadb.PersistentClient(path=str(path), settings=SETTINGS)
    first.create_collection("passages", embedding_function=None).add(ids=["x"], embeddings=[[1.0, 0.0]])
    assert forget_system(path) is True
    assert forget_system(path) is False  # nothing cached any more
    again = chromadb.PersistentClient(path=str(path), settings=SETTINGS)
    assert again.get_collection("passages", embedding_function=None).count() == 1
    assert forget_system(tmp_path / "never-opened") is False

"""Every use of Chroma's private API, in one place (tests/test_chroma_private.py checks each still works).

Chroma offers no public way to do either of these; when an upgrade renames what they rely on,
they report False (nothing done) and the tests fail, instead of the index silently losing vectors.
"""
from __future__ import annotations


def refresh(client) -> bool:
    """Make an on-disk Chroma client read what other processes wrote; True when it did.

    A `PersistentClient` keeps HNSW segments in memory; one that writes after
    another process did would save its stale copy over theirs (vectors lost,
    "Error getting embedding"). New bindings on the same path start from disk;
    every client object of the process shares them. Other clients (a server): nothing to do.
    """
    server = getattr(client, "_server", None)
    try:
        persistent = client.get_settings().is_persistent
    except Exception:
        return False
    if persistent and type(server).__name__ == "RustBindingsAPI":
        server.start()
        return True
    return False


def forget_system(path) -> bool:
    """Drop the Chroma system this process caches for an on-disk path; True when there was one.

    Chroma caches one system per path in the process; a broken one (a damaged database,
    a folder set aside) would be handed out again to the next client of that path."""
    from chromadb.api.shared_system_client import SharedSystemClient

    return SharedSystemClient._identifier_to_system.pop(str(path), None) is not None

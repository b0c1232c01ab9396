"""What every timed benchmark shares: a few warm-up questions, then each timed search embeds its question.

Its own module so run.py (which starts the latency and scale benchmarks) and those benchmarks
need not import each other.
"""
from __future__ import annotations

WARMUP = 3  # questions asked before timing: model load, first Chroma reads


def forget_queries() -> None:
    """Query vectors are cached: clear them so every timed search embeds its question."""
    from assistant.index import embeddings

    clear = getattr(embeddings._cached_query, "cache_clear", None)
    if clear:
        clear()

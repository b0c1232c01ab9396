"""An English question's first ask pays no sentence embedding: the seeds' sentence vectors are shipped with their
passage vectors, and a long-lived process prepares a user's own reports' sentences in the background (warm.py)."""
from __future__ import annotations

from assistant.index.embeddings import CachedEmbeddings
from assistant.index.seed_vectors import ShippedVectors, sentence_texts, uncovered
from assistant.retrieval import passage_sentences
from assistant.warm import prepare_sentences, prepares_sentences
from tests.test_seed_vectors import Recorder, model_of

# An English question whose reading leaves words unread ("gyms" is in no glossary), so its passages are reordered
# by their nearest sentence (retrieval.sentence_reranked).
UNREAD = "How many community gyms did Luohe open in 2020?"

REPORT = """某县2025年政府工作报告

一、2025年工作回顾
全年新建社区健身中心12个，改造城市公园5个。全县新增城镇就业3200人。
粮食总产量达到45.6万吨，增长2.1%。新建乡村道路86公里，改造危桥9座。
"""


def test_every_seed_sentence_a_question_is_compared_to_is_shipped(seeded):
    chunks = seeded.index.all_chunks()
    wanted = sentence_texts(chunks)
    assert set(passage_sentences(chunks[0].text, tuple(chunks[0].heading_path))) <= set(wanted)
    assert len(wanted) > len(chunks) and not uncovered(wanted)


def test_a_fresh_seeds_homes_first_english_question_embeds_nothing(tmp_path, embedder):
    from assistant import Assistant, Settings

    model = Recorder(model_of(embedder))
    settings = Settings(home=tmp_path / "home", embed_cache_path=tmp_path / "cache.sqlite")
    assistant = Assistant(settings, embedder=ShippedVectors(CachedEmbeddings(model, settings.embed_cache_file)))
    assistant.ensure_seeded()
    answer = assistant.ask(UNREAD, mode="extractive")
    assert any("nearest sentence" in r for hit in answer.contexts for r in hit.reasons), "not reordered"
    assert model.asked == [], f"embedded {len(model.asked)} sentences the shipped file should have given"


def test_prepared_sentences_are_not_embedded_again_on_the_first_question(tmp_path, embedder):
    from assistant import Assistant, Settings

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "某县2025年政府工作报告.txt").write_text(REPORT, encoding="utf-8")
    model = Recorder(model_of(embedder))
    settings = Settings(home=tmp_path / "home", embed_cache_path=tmp_path / "cache.sqlite")
    assistant = Assistant(settings, embedder=ShippedVectors(CachedEmbeddings(model, settings.embed_cache_file)))
    assistant.ingest([tmp_path / "docs"])
    model.asked.clear()

    assert prepares_sentences(settings)
    assert prepare_sentences(assistant) == len(model.asked) > 0
    assert prepare_sentences(assistant) == 0  # kept by the cache: a restart does not pay again
    model.asked.clear()
    assistant.ask("How many community gyms did the county build in 2025?", mode="extractive")
    assert model.asked == []


def test_sentences_are_prepared_only_where_kept_and_free(tmp_path):
    from assistant import Settings

    assert not prepares_sentences(Settings(home=tmp_path, embed_cache=False))
    assert not prepares_sentences(Settings(home=tmp_path, embedding_model="text-embedding-3-small"))

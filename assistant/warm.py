"""Warm-up at the start of a long-lived process (`assistant serve`, the web app), so its first user does not pay
for what every process loads once.

A process's first question loaded the embedding model, jieba and its word lists, the BM25 matrix, every stored
vector (index/exact.py), the fact tables and, for an English question, CC-CEDICT read backwards over the index's
vocabulary (~0.45 s alone): some 2 s on top of a 0.2 s answer. Two questions answered here, one in each language,
extractively (no language model is called), load all of it; the dictionary is read over the index's vocabulary
whatever words they hold.
"""
from __future__ import annotations

import time

# What is asked does not matter, only that each language's path runs: nothing is kept of the answers.
QUESTIONS = ("2020年地区生产总值是多少？", "How many opera houses were built in 2025?")


def warm_up(assistant) -> float:
    """Load everything a first question would; the seconds it took."""
    from assistant.dictionary import reverse_index

    started = time.perf_counter()
    for question in QUESTIONS:
        assistant.ask(question, mode="extractive")
    vocabulary = assistant.index.lexical.vocabulary()
    if vocabulary:
        reverse_index(vocabulary)
    return time.perf_counter() - started

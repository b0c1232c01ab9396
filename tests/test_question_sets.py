"""Every hand-labelled question set line is valid and grounded in the corpus."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.evaluation.dataset import flatten_conversation, load_conversations, load_questions
from assistant.evaluation.scoring import fact_matched, norm
from tests.conftest import REPO, SEEDS

QUESTIONS = REPO / "evals" / "questions"
SEED_TEXT = {p.name: norm(p.read_text(encoding="utf-8")) for p in SEEDS.iterdir()}
SETS = ["dev.jsonl", "heldout.jsonl", "blind.jsonl"]


def all_items():
    for name in SETS:
        for item in load_questions(QUESTIONS / name):
            yield name, item
    for conv in load_conversations(QUESTIONS / "conversations.jsonl"):
        for turn in flatten_conversation(conv):
            yield "conversations.jsonl", turn


ITEMS = list(all_items())


@pytest.mark.parametrize("name,item", ITEMS, ids=[f"{n}:{i['id']}" for n, i in ITEMS])
def test_evidence_quotes_and_facts_are_in_their_documents(name, item):
    for evidence in item["evidence"]:
        assert evidence["source"] in SEED_TEXT, evidence
        assert norm(evidence["quote"]) in SEED_TEXT[evidence["source"]], evidence
    texts = " ".join(SEED_TEXT[e["source"]] for e in item["evidence"])
    for fact in item["facts"]:
        assert any(fact_matched(alt, texts) for alt in fact), fact
    if not item["answerable"]:
        assert item["facts"] == [] and item["evidence"] == []


def test_dev_set_shape():
    items = load_questions(QUESTIONS / "dev.jsonl")
    kinds = [i["kind"] for i in items]
    english = [i for i in items if not any("\u4e00" <= ch <= "\u9fff" for ch in i["question"][:12])]
    assert len(items) >= 120
    assert kinds.count("comparison") >= 12 and kinds.count("unanswerable") >= 15
    assert {"numeric", "entity", "list", "temporal"} <= set(kinds)
    assert kinds.count("numeric") == max(kinds.count(k) for k in set(kinds))
    assert len(english) >= 12
    sources = {e["source"] for i in items for e in i["evidence"]}
    assert sources == set(SEED_TEXT)


def test_every_article_of_the_listing_is_covered():
    from assistant.documents import RawText
    from assistant.ingest.pipeline import build_documents

    listing = SEEDS / "004_7fe58714293151c5.txt"
    docs = build_documents(RawText(source=listing.name, path=str(listing), text=listing.read_text(encoding="utf-8")))
    quotes = [norm(e["quote"]) for _, i in ITEMS for e in i["evidence"] if e["source"] == listing.name]
    for doc in docs:
        assert any(q in norm(doc.text) for q in quotes), doc.title


def test_unanswerable_key_terms_are_in_no_seed():
    terms = json.loads((QUESTIONS / "absent_terms.json").read_text(encoding="utf-8"))
    unanswerable = {i["id"] for _, i in ITEMS if not i["answerable"]}
    assert unanswerable <= set(terms)
    for qid, words in terms.items():
        for word in words:
            hits = [name for name, text in SEED_TEXT.items() if norm(word) in text]
            assert hits == [], f"{qid}: {word!r} occurs in {hits}"

"""The fast search paths give what the plain ones give.

At 100x the seeds the retriever avoids Chroma's metadata filter (slow over a
province's 1,500 places), keeps BM25 in numpy, answers place filters from the
regions the lexical index keeps, and reads the collection a page at a time.
Each test checks one of those against the straightforward way on the seeds.
"""
from __future__ import annotations

import json

import numpy as np
import pytest

from assistant.analysis import analyse
from assistant.index.lexical import LexicalIndex, tokenize
from assistant.retrieval import _where, allowed_regions

QUESTIONS = [
    "漯河市2020年新增了多少家国家级高新技术企业？",
    "郾城区2025年支持哪些企业创建省工程技术研究中心？",
    "尉氏县“十三五”期间生产总值年均增长多少？",
    "河南省科技创新规划提出研发经费投入强度目标是多少？",
]


def region_where(question: str, book) -> dict:
    return _where(allowed_regions(analyse(question, book).places, book), None)


def test_region_filter_from_the_lexical_index_matches_chromas(seeded):
    for question in QUESTIONS:
        where = region_where(question, seeded.index.places)
        assert where, question
        from_lexical = seeded.index.lexical.ids_in_regions(set(where["region"]["$in"]))
        assert from_lexical == seeded.index.vectors.ids_where(where), question
        assert seeded.index.chunk_ids_where(where) == from_lexical


@pytest.mark.parametrize("wide", [True, False], ids=["unfiltered-then-filter", "allowed-ids"])
def test_nearest_within_a_filter_is_chromas_filtered_query(seeded, monkeypatch, wide):
    vectors = seeded.index.vectors
    # Force one path: an unfiltered query of any size, or straight to the allowed ids.
    monkeypatch.setattr(vectors, "UNFILTERED_MAX", 10**6 if wide else 0)
    for question in QUESTIONS:
        where = region_where(question, seeded.index.places)
        allowed = seeded.index.chunk_ids_where(where)
        vector = seeded.embedder.embed_query(question)
        ours = vectors.nearest(vector, 10, len(seeded.index.lexical), allowed)
        got = vectors.collection.query(query_embeddings=[vector], n_results=10, where=where, include=["distances"])
        assert [i for i, _ in ours] == got["ids"][0], question
        assert all(i in allowed for i, _ in ours)
        assert [s for _, s in ours] == pytest.approx([1 - d for d in got["distances"][0]], abs=1e-6)


def test_nearest_escalates_when_the_first_unfiltered_query_falls_short(seeded, monkeypatch):
    """A wide filter whose chunks all lie far from the question: the first unfiltered
    query holds none of them, so larger ones are asked until enough are found."""
    vectors, calls = seeded.index.vectors, []
    vector = seeded.embedder.embed_query("漯河市2020年新增了多少家国家级高新技术企业？")
    total = len(seeded.index.lexical)
    ranked = [i for i, _ in vectors._query(vector, total)]
    far = set(ranked[-total // 4:])  # the quarter of the chunks farthest from the question
    original = vectors._query
    monkeypatch.setattr(vectors, "_query", lambda *a, **kw: calls.append(a[1]) or original(*a, **kw))
    hits = vectors.nearest(vector, 10, total, far)
    assert len(calls) >= 2 and calls == sorted(calls), calls  # asked again, for more
    exact = original(vector, 10, ids=list(far))
    assert [i for i, _ in hits] == [i for i, _ in exact]


def test_nearest_over_more_allowed_ids_than_one_query_takes(seeded, monkeypatch):
    """Allowed ids beyond Chroma's ~32,000 SQL variables go in batches; the batches' best are merged."""
    vectors = seeded.index.vectors
    vector = seeded.embedder.embed_query("一般公共预算收入")
    allowed = set(list(seeded.index.lexical.tokens)[:25])
    exact = vectors._query(vector, 4, ids=sorted(allowed))
    monkeypatch.setattr(vectors, "UNFILTERED_MAX", 0)
    monkeypatch.setattr(vectors, "IDS_MAX", 7)
    merged = vectors.nearest(vector, 4, len(seeded.index.lexical), allowed)
    assert [i for i, _ in merged] == [i for i, _ in exact]
    assert [s for _, s in merged] == pytest.approx([s for _, s in exact])
    assert len(vectors.nearest(vector, 40, len(seeded.index.lexical), allowed)) == 25  # fewer than asked: all


def test_nearest_with_nothing_allowed_or_an_empty_index(seeded):
    vector = seeded.embedder.embed_query("生产总值")
    assert seeded.index.vectors.nearest(vector, 5, len(seeded.index.lexical), set()) == []
    assert seeded.index.vectors.nearest(vector, 5, 0) == []


def full_sort(lexical: LexicalIndex, tokens: list[str], n: int, allowed: set[str] | None = None) -> list[str]:
    """The plain way: score every chunk, keep the allowed, sort, cut."""
    built = lexical._index()
    known = [t for t in tokens if t in built.bm25.vocab_dict]
    scores = built.bm25.get_scores(known)
    rows = [(built.ids[i], float(scores[i])) for i in np.nonzero(scores)[0]]
    rows = [r for r in rows if allowed is None or r[0] in allowed]
    return [i for i, _ in sorted(rows, key=lambda r: r[1], reverse=True)[:n]]


def test_bm25_top_is_a_full_sort_with_or_without_a_filter(seeded):
    lexical, book = seeded.index.lexical, seeded.index.places
    for question in QUESTIONS + ["增长", "2020年 生产总值 增长"]:  # short queries: many ties
        tokens = tokenize(question)
        for n in (1, 5, 40, 10_000):
            assert list(lexical.top(tokens, n)) == full_sort(lexical, tokens, n), (question, n)
        where = region_where(question, book) if analyse(question, book).places else region_where("漯河市", book)
        allowed = seeded.index.chunk_ids_where(where)
        top = lexical.top(tokens, 40, allowed, key=json.dumps(where, ensure_ascii=False))
        assert list(top) == full_sort(lexical, tokens, 40, allowed), question
        assert list(top.values()) == sorted(top.values(), reverse=True)


def test_bm25_top_of_unknown_words_is_empty(seeded):
    assert seeded.index.lexical.top(["不存在的词语xyz"], 5) == {}


def test_reading_the_collection_a_page_at_a_time_loses_nothing(seeded, monkeypatch):
    vectors = seeded.index.vectors
    whole = vectors.collection.get(include=["metadatas"])
    monkeypatch.setattr(vectors, "PAGE", 37)  # 518 chunks: 14 full pages and a part
    chunks = vectors.get_where()
    assert sorted(c.chunk_id for c in chunks) == sorted(whole["ids"])
    assert len(chunks) == len(set(c.chunk_id for c in chunks))
    one_doc = vectors.get_where({"doc_id": chunks[0].doc_id}, with_text=True)
    assert one_doc and all(c.text and c.doc_id == chunks[0].doc_id for c in one_doc)


def test_a_lexical_file_from_before_regions_falls_back_to_chroma(seeded, tmp_path):
    """tokens.jsonl rows written before regions were kept: place filters are asked of Chroma."""
    path = tmp_path / "lexical"
    path.mkdir()
    rows = [{"id": i, "tokens": t} for i, t in seeded.index.lexical.tokens.items()]
    (path / "tokens.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    old = LexicalIndex(path)
    assert len(old) == len(rows)
    assert old.ids_in_regions({"漯河市"}) is None
    old.save()  # saving keeps the rows as they were: no region is invented
    assert LexicalIndex(path).ids_in_regions({"漯河市"}) is None


def test_regions_survive_save_and_load(seeded, tmp_path):
    lexical = LexicalIndex(tmp_path / "lexical")
    chunks = seeded.index.vectors.get_where(with_text=True)[:50]
    lexical.add(chunks)
    lexical.save()
    again = LexicalIndex(tmp_path / "lexical")
    region = chunks[0].metadata["region"]
    assert again.ids_in_regions({region}) == {c.chunk_id for c in chunks if c.metadata["region"] == region}


def test_regions_follow_removal_and_a_lexical_rebuild(fresh, tmp_path):
    from test_learned_places import county_report

    folder = tmp_path / "counties"
    folder.mkdir()
    for name, file in (("兰考县", "lankao.txt"), ("通许县", "tongxu.txt")):
        (folder / file).write_text(county_report(name, "400.1", "20.2"), encoding="utf-8")
    fresh.ingest([folder])
    index = fresh.index

    def agrees(region: str) -> set[str]:
        ids = index.lexical.ids_in_regions({region})
        assert ids is not None and ids == index.vectors.ids_where({"region": {"$in": [region]}})
        return ids

    assert agrees("兰考县") and agrees("通许县")
    fresh.remove("tongxu.txt")
    assert agrees("兰考县") and agrees("通许县") == set()
    index.rebuild_lexical()
    assert agrees("兰考县") and agrees("通许县") == set()


@pytest.fixture
def lexical_copy(seeded, tmp_path, monkeypatch):
    """The seeds' lexical file in a folder of its own, with the BM25 matrix saved even at 518 chunks."""
    from assistant.index import lexical as lexical_module

    monkeypatch.setattr(lexical_module, "SAVE_MATRIX_FROM", 0)
    folder = tmp_path / "lexical"
    folder.mkdir()
    (folder / "tokens.jsonl").write_bytes((seeded.index.lexical.path / "tokens.jsonl").read_bytes())
    return folder


def test_a_saved_bm25_matrix_is_reused_by_the_next_process(lexical_copy, monkeypatch):
    import bm25s

    question = tokenize("漯河市2020年新增国家级高新技术企业")
    first = LexicalIndex(lexical_copy)
    expected = first.top(question, 40)
    saved = list(lexical_copy.glob("bm25-*"))
    assert len(saved) == 1 and (saved[0] / "complete").exists()

    monkeypatch.setattr(bm25s.BM25, "index", lambda *a, **kw: pytest.fail("built again instead of loaded"))
    second = LexicalIndex(lexical_copy)
    assert second.top(question, 40) == pytest.approx(expected)
    assert list(second.top(question, 40)) == list(expected)


def test_a_saved_matrix_is_not_used_for_another_version_of_the_file(lexical_copy, seeded):
    question = tokenize("一般公共预算收入")
    first = LexicalIndex(lexical_copy)
    first.top(question, 5)
    old = list(lexical_copy.glob("bm25-*"))
    chunk = seeded.index.vectors.get_where(with_text=True)[0]
    first.delete([chunk.chunk_id])
    assert first.top(question, 600) and chunk.chunk_id not in first.top(question, 600)  # unsaved: built afresh
    assert list(lexical_copy.glob("bm25-*")) == old  # nothing saved for a state no file holds
    first.save()
    again = LexicalIndex(lexical_copy)
    assert chunk.chunk_id not in again.top(question, 600) and len(again) == len(first)
    assert list(lexical_copy.glob("bm25-*")) != old and len(list(lexical_copy.glob("bm25-*"))) == 1


def test_a_damaged_saved_matrix_is_built_again(lexical_copy, caplog):
    question = tokenize("生产总值 增长")
    expected = LexicalIndex(lexical_copy).top(question, 40)
    [saved] = lexical_copy.glob("bm25-*")
    (saved / "params.index.json").write_text("{not json", encoding="utf-8")
    with caplog.at_level("WARNING"):
        assert LexicalIndex(lexical_copy).top(question, 40) == pytest.approx(expected)
    assert "building it again" in caplog.text
    assert (saved / "complete").exists() and "{not json" not in (saved / "params.index.json").read_text()

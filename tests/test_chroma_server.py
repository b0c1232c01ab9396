"""Server mode: ASSISTANT_CHROMA_URL points two "machines" (two homes) at one real `chroma run`.

Ingest, search and ask go through the server; the lexical index lives in memory,
built from the chunks in the store, and follows what the other machine writes.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

import httpx
import pytest

from assistant import Assistant, Settings

pytestmark = pytest.mark.slow

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
YANCHENG = SEEDS / "002_ef7576812fe255fc.txt"  # the smallest seed: 郾城区 2025 report
QUESTION = "郾城区2025年新培育国家级高新技术企业多少家？"


@pytest.fixture(scope="module")
def chroma_url(tmp_path_factory):
    """A real `chroma run` (the one installed next to this Python) on a free port."""
    from assistant.bench.latency import chroma_server

    assert (Path(sys.executable).parent / "chroma").exists(), "no chroma CLI beside this Python"
    with chroma_server(tmp_path_factory.mktemp("chroma-server")) as url:
        yield url


def machine(tmp_path: Path, name: str, url: str, embedder, collection: str) -> Assistant:
    return Assistant(Settings(home=tmp_path / name, chroma_url=url, collection=collection), embedder=embedder)


def test_ingest_search_ask_through_the_server(chroma_url, tmp_path, embedder):
    a = machine(tmp_path, "a", chroma_url, embedder, "shared1")
    b = machine(tmp_path, "b", chroma_url, embedder, "shared1")  # opened before anything is in the store
    assert a.is_empty() and b.is_empty()
    assert type(a.client).__name__ == "Client" and a.client.get_settings().is_persistent is False

    report = a.ingest([YANCHENG])
    assert report.chunks > 10 and not report.failed
    # Machine b sees the document on its next search: its BM25 follows the store.
    hits = b.search(QUESTION)
    assert hits and hits[0].chunk.source == YANCHENG.name and hits[0].lexical is not None
    assert len(b.index.lexical) == report.chunks
    answer = b.ask(QUESTION)
    assert "6家" in answer.text and answer.citations[0].source == YANCHENG.name
    assert [d["source"] for d in b.documents()] == [YANCHENG.name]
    # Nothing of the index is kept on the machines themselves.
    assert not (tmp_path / "a" / "chroma").exists() and not (tmp_path / "b" / "lexical").exists()

    # A third machine opened later builds its BM25 from the store at open.
    c = machine(tmp_path, "c", chroma_url, embedder, "shared1")
    assert len(c.index.lexical) == report.chunks

    # An unchanged file is skipped by any machine: the store remembers file hashes.
    assert b.ingest([YANCHENG]).skipped == [YANCHENG.name]

    # Removal on one machine is seen by the others.
    assert a.remove(YANCHENG.name) == 1
    assert b.search(QUESTION) == [] and len(b.index.lexical) == 0


def test_changed_file_replaced_everywhere(chroma_url, tmp_path, embedder):
    a = machine(tmp_path, "a", chroma_url, embedder, "shared2")
    b = machine(tmp_path, "b", chroma_url, embedder, "shared2")
    doc = tmp_path / "docs" / "zone.txt"
    doc.parent.mkdir()
    doc.write_text("漯河市政府工作报告（2021年）\n\n（一）开放。实际利用外资增长5%，进出口总额突破60亿元。\n", encoding="utf-8")
    a.ingest([doc])
    assert "60亿元" in b.search("漯河市进出口总额")[0].chunk.text
    doc.write_text("漯河市政府工作报告（2021年）\n\n（一）开放。实际利用外资增长7%，进出口总额突破85亿元。\n", encoding="utf-8")
    assert a.ingest([doc]).replaced
    top = b.search("漯河市进出口总额")[0].chunk  # same chunk id, new text: b notices the content changed
    assert "85亿元" in top.text
    assert b.index.lexical.top(["85亿元"], 5) and not b.index.lexical.top(["60亿元"], 5)


def test_sync_costs_little_when_nothing_changed(chroma_url, tmp_path, embedder):
    a = machine(tmp_path, "a", chroma_url, embedder, "shared3")
    a.ingest([YANCHENG])
    a.search(QUESTION)
    start = time.perf_counter()
    for _ in range(20):
        assert a.index.sync() is False
    assert (time.perf_counter() - start) / 20 < 0.05  # two small requests, not a reload


def test_the_http_api_in_server_mode(chroma_url, tmp_path, embedder):
    from test_serve import Served

    from assistant.serve import create_app

    a = machine(tmp_path, "a", chroma_url, embedder, "shared4")
    with Served(create_app(a)) as served, httpx.Client(base_url=served.url, timeout=120) as http:
        assert http.get("/healthz").json()["store"] == "server"
        files = {"files": (YANCHENG.name, YANCHENG.read_bytes(), "text/plain")}
        assert http.post("/v1/documents", files=files).json()["chunks"] > 10
        other = machine(tmp_path, "b", chroma_url, embedder, "shared4")
        assert "6家" in other.ask(QUESTION).text  # written through the API, read by another machine
        body = http.post("/v1/ask", json={"question": QUESTION}).json()
        assert "6家" in body["answer"] and body["citations"][0]["source"] == YANCHENG.name

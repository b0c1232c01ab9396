"""Passages of our own for the answer-layer tests: a chunk of a work report (or another kind of document) as
retrieval hands it to the answerer, the extractive answer over such passages, and a report of our own ingested
into a home of its own (real Chroma, real embeddings)."""
from __future__ import annotations

from assistant.analysis import analyse
from assistant.answer import extractive as ex
from assistant.documents import Chunk, ScoredChunk


def report_passage(text: str, region: str, issued: int = 2026, heading: list[str] | None = None,
                   kind: str = "government_work_report", n: int = 1) -> ScoredChunk:
    """Chunk n of `region`'s document of `issued`; a work report reviews the year before."""
    meta = {"source": f"{region}{issued}.txt", "title": f"{region}政府工作报告（{issued}年）", "region": region,
            "doc_id": f"{region}{issued}", "doc_kind": kind, "year_issued": issued,
            "year_reviewed": issued - 1 if kind == "government_work_report" else 0}
    chunk = Chunk(chunk_id=f"{region}{issued}:{n:04d}", doc_id=f"{region}{issued}", text=text, start=0,
                  end=len(text), heading_path=heading or ["一、工作回顾"], page=None, metadata=meta)
    return ScoredChunk(chunk=chunk, score=1.0)


def answer(question: str, contexts: list[ScoredChunk]) -> str:
    return ex.answer(question, analyse(question), contexts)


def ingested_report(tmp_path_factory, embedder, name: str, file_name: str, text: str):
    """An Assistant whose home holds one report of our own, written as `file_name`.txt and ingested for real."""
    from assistant import Assistant, Settings

    folder = tmp_path_factory.mktemp(name)
    path = folder / f"{file_name}.txt"
    path.write_text(text, encoding="utf-8")
    assistant = Assistant(Settings(home=folder / "home"), embedder=embedder)
    assert not assistant.ingest([path]).failed
    return assistant


def ingested_texts(assistant, folder, texts: dict[str, str]):
    """`assistant` (a fresh home) with reports of our own ingested for real: each text written as NAME.txt in
    `folder`."""
    folder.mkdir()
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    assert not assistant.ingest([folder]).failed
    return assistant

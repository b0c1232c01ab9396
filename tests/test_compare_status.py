"""A comparison that names a status for each side (an actual figure against a target) reads each side's
status from the words nearest it; a count asked as a noun's 数 asks a figure; a side whose level is asked
"as it stands" is its latest figure. Sentences and places of our own, through the real extractive answerer
over fact rows extracted from them; none of these questions is in a question set."""
from __future__ import annotations

import pytest

from assistant.analysis import analyse, what_is_wanted
from assistant.answer.compare import side_status, year_of_other_side
from assistant.retrieval import _sides
from tests.passages import answer, report_passage


@pytest.mark.parametrize("question, statuses", [
    ("2019年实际完成的粮食产量和2021年的目标相比，哪个多？", ["actual", "target"]),
    ("Actual 2018 grain output versus the 2020 target: which is higher?", ["actual", "target"]),
    ("安徽已有的专精特新企业数和江西2026年的目标比怎么样？", ["unnamed", "target"]),
    # one status after both sides' names is both sides': frame_of reads it as usual
    ("安徽省和江西省2026年粮食产量的目标哪个高？", ["", ""]),
    ("Anhui versus Jiangxi: which has the bigger 2026 target for grain output?", ["", ""]),
    ("2019年和2021年粮食产量分别是多少？", ["", ""]),
])
def test_each_side_takes_the_status_named_beside_it(question, statuses):
    assert [side_status(s) for s in _sides(analyse(question))] == statuses


def test_a_side_stated_as_it_stands_is_not_dated_by_the_other_sides_year():
    sides = _sides(analyse("安徽已有的专精特新企业数和江西2026年的目标比怎么样？"))
    assert [year_of_other_side(s) for s in sides] == [True, False]
    assert not any(year_of_other_side(s) for s in _sides(analyse("2026年安徽和江西的目标分别是多少？")))


@pytest.mark.parametrize("question, wants", [
    ("安徽已有的专精特新企业数和江西的比怎么样？", "number"),
    ("某市的就业人数是？", "number"),
    ("数字经济发展得怎么样？", "text"),
    ("大多数企业怎么样？", "text"),
])
def test_a_count_named_as_a_nouns_number_asks_a_figure(question, wants):
    assert what_is_wanted(question) == wants


def test_an_actual_year_is_set_against_a_target_year():
    question = "2019年实际完成的粮食产量和2021年的目标相比，哪个多？"
    contexts = [
        report_passage("今年主要预期目标是：粮食产量稳定在600万吨以上，城镇新增就业5万人。", "某省", issued=2019, n=1,
                       heading=["二、2019年工作安排"]),
        report_passage("今年主要预期目标是：粮食产量稳定在620万吨以上，城镇新增就业5万人。", "某省", issued=2021, n=2,
                       heading=["二、2021年工作安排"]),
        report_passage("2019年，全省粮食产量达到612万吨，城镇新增就业5.2万人。", "某省", issued=2020, n=3,
                       heading=["一、2019年工作回顾"]),
    ]
    text = answer(question, contexts)
    assert "612万吨" in text and "620万吨" in text, text
    assert "600万吨" not in text, text


def test_a_level_as_it_stands_is_the_latest_figure_against_the_others_target():
    question = "安徽已有的专精特新企业数和江西2026年的目标比怎么样？"
    contexts = [
        report_passage("这五年，专精特新企业从1200家增加到3400家，科技型中小企业达到2万家。", "安徽省", n=1,
                       heading=["一、“十四五”时期回顾"]),
        report_passage("健全优质企业梯度培育体系，专精特新企业达到3000家。", "江西省", n=2,
                       heading=["三、2026年重点工作"]),
    ]
    text = answer(question, contexts)
    assert "3400家" in text and "3000家" in text, text
    assert "江西省（3000家）低于安徽省（3400家）" in text, text


def test_a_count_of_things_named_after_the_indicator_is_not_its_figure():
    question = "2020年某市的细颗粒物浓度是多少？"
    contexts = [report_passage("2020年，全市优良天数增加30天，新增细颗粒物浓度达标县2个，森林覆盖率提高1个百分点。",
                               "某市", issued=2021, n=1, heading=["一、2020年工作回顾"])]
    assert "2个" not in answer(question, contexts)
    # the same count asked for is answered
    asked = "2020年某市新增细颗粒物浓度达标县多少个？"
    assert "2个" in answer(asked, contexts)


def test_a_figure_asked_as_done_is_not_answered_by_the_years_plan():
    contexts = [report_passage("今年主要预期目标是：城镇新增就业12万人以上，居民收入增长与经济增长同步。", "安徽省", issued=2026,
                               n=1, heading=["三、2026年重点工作"])]
    done = answer("How many new urban jobs did Anhui create in 2026?", contexts)
    assert done.startswith("The documents do not say") and "12万人" not in done.split("The reports do give")[0], done
    # asked with intent, or with no tense, the plan answers
    assert "12万人" in answer("How many new urban jobs does Anhui plan to create in 2026?", contexts)
    assert "12万人" in answer("安徽省2026年城镇新增就业多少？", contexts)


def test_life_expectancy_names_no_target():
    from assistant.facts.frame import frame_of

    assert not frame_of(analyse("安徽省人均预期寿命是多少？")).status_named
    assert frame_of(analyse("安徽省2026年的预期目标是多少？")).status == "target"
    contexts = [report_passage("医疗服务持续改善，人均预期寿命从2020年的79.1岁提高到80.2岁。", "安徽省", n=1),
                report_passage("健康江西建设扎实推进，人均预期寿命增至79.6岁。", "江西省", n=2)]
    text = answer("安徽省和江西省的人均预期寿命分别是多少？", contexts)
    assert "80.2岁" in text and "79.6岁" in text, text


def test_each_place_takes_the_time_stated_beside_it():
    from assistant.answer.compare import side_times

    def times(question):
        return [side_times(s) for s in _sides(analyse(question))]

    assert times("合肥2019年新增城镇就业和芜湖“十三五”新增城镇就业相比，哪个多？") == [([2019], []), ([], ["十三五"])]
    # two years by place stay both sides' (a year may be a plan's issue: 2021年印发的规划)
    assert times("合肥市2019年的生产总值和芜湖市2020年的相比如何？") == [None, None]
    # a time before both names, or beside one only, dates both sides
    assert times("2019年合肥市和芜湖市的生产总值哪个高？") == [None, None]
    assert times("合肥市2019年的生产总值和芜湖市的相比如何？") == [None, None]


def test_a_plan_period_side_is_its_total_over_the_period():
    question = "合肥2020年新增城镇就业和芜湖“十三五”新增城镇就业相比，哪个多？"
    contexts = [
        report_passage("2020年，全市新增城镇就业9.2万人，城镇登记失业率2.9%。", "合肥市", issued=2021, n=1,
                       heading=["一、2020年工作回顾"]),
        report_passage("民生实事全部完成。全年新增城镇就业4.1万人，发放稳岗补贴2亿元。", "芜湖市", issued=2021, n=2,
                       heading=["一、2020年工作回顾"]),
        report_passage("这五年，是民生改善的五年。新增城镇就业21万人、农村劳动力转移就业9万人。", "芜湖市",
                       issued=2021, n=3, heading=["一、“十三五”成就回顾"]),
    ]
    text = answer(question, contexts)
    assert "9.2万人" in text and "21万人" in text and "4.1万人" not in text, text


def test_two_different_things_sharing_a_qualifier_get_no_verdict():
    question = "安徽省和江西省2026年哪个省级项目更多？"
    contexts = [report_passage("新建12家省级技术创新中心，加快成果转化。", "安徽省", n=1, heading=["三、2026年重点工作"]),
                report_passage("培育省级绿色工厂80家，推进节能降碳。", "江西省", n=2, heading=["三、2026年重点工作"])]
    text = answer(question, contexts)
    assert "高于" not in text and "低于" not in text, text
    # the same thing on both sides is set side by side
    same = [report_passage("新建12家省级技术创新中心，加快成果转化。", "安徽省", n=1, heading=["三、2026年重点工作"]),
            report_passage("新建省级技术创新中心20家，推进成果转化。", "江西省", n=2, heading=["三、2026年重点工作"])]
    assert "低于" in answer("安徽省和江西省2026年新建省级技术创新中心哪个多？", same)


def test_a_which_is_larger_comparison_answered_for_one_side_says_which_it_lacks():
    contexts = [report_passage("今年主要预期目标是：城镇新增就业12万人以上，居民收入稳步增长。", "安徽省", issued=2021, n=1,
                               heading=["二、2021年工作安排"])]
    text = answer("安徽省2019年实际城镇新增就业和2021年的目标哪个更高？", contexts)
    assert "12万人" in text and "没有2019年的" in text, text

"""What a question asks that the extractive answer must hold beyond its words (assistant/answer/asked.py and its
hooks in extractive.py): the place a "which province" question asks, a place the index holds nothing of, "this
year" as the report's own year, the batch asked (首批), a count of years, the indicator in the figure's sentence, a
part (中央财政赤字) for the whole, intensity said as a share of GDP.

Sentences of our own through the real analysis, fact extraction and answerer (none is from a question set).
"""
from __future__ import annotations

from assistant.analysis import analyse
from assistant.answer import extractive as ex
from assistant.answer.asked import asks_last_year, asks_this_year, indicator_unsaid, place_not_held, place_to_name
from assistant.answer.citations import is_refusal
from assistant.answer.refusal import DURATION, counts_years
from assistant.documents import ScoredChunk
from tests.passages import answer, report_passage


def passage(text: str, region: str = "江西省", issued: int = 2026, heading: list[str] | None = None,
            kind: str = "government_work_report", n: int = 1) -> ScoredChunk:
    return report_passage(text, region, issued, heading or ["一、2025年工作回顾"], kind, n)


def test_a_which_province_answer_names_the_province_its_sentence_is_about():
    text = "全省森林覆盖率达到71.2%，成为全国首个森林覆盖率超过七成的省份。"
    got = answer("哪个省份成为全国首个森林覆盖率超过七成的省份？", [passage(text)])
    assert got.startswith("江西省：") and "七成" in got, got
    english = answer("Which province became the first in China with forest cover above 70 percent?", [passage(text)])
    assert "江西省 (Jiangxi): " in english, english


def test_a_which_place_answer_naming_a_place_or_only_the_field_gets_no_other():
    question = analyse("江西哪个城市成为全省首个生产总值超五千亿元的城市？")
    hit = passage("南昌市生产总值突破五千亿元，成为全省首个。")
    assert place_to_name("南昌市生产总值突破五千亿元", "南昌市生产总值突破五千亿元，成为全省首个。", hit, question) == ""
    # the sentence's own place, not the document's region the question picks from
    assert place_to_name("成为全省首个", "南昌市生产总值突破五千亿元，成为全省首个。", hit, question) == "南昌市"
    assert place_to_name("成为全省首个", "成为全省首个。", hit, question) == ""  # 江西省 is the field asked from
    assert place_to_name("成为全省首个", "成为全省首个。", hit, analyse("江西2025年生产总值是多少？")) == ""


def test_a_county_the_index_holds_nothing_of_is_not_answered_from_its_city():
    city = passage("2021年，九江市获批全国森林城市，城市面貌持续改善。", region="九江市", issued=2022)
    question = "武宁县哪一年获批全国森林城市？"
    got = answer(question, [city])
    assert is_refusal(got) and "没有武宁县的，只有九江市的" in got, got
    # a passage of the city that names the county answers
    naming = passage("2021年，武宁县获批全国森林城市，城市面貌持续改善。", region="九江市", issued=2022)
    assert place_not_held(analyse(question), [naming], [naming]) == ""
    assert "2021年" in answer(question, [naming])
    # refused for another reason (the city's figure is the city's), the note says the same
    figure = passage("全市新开工亿元以上项目320个。", region="九江市", issued=2022)
    got = answer("武宁县2021年新开工了多少个亿元以上项目？", [figure])
    assert is_refusal(got) and "没有武宁县的，只有九江市的" in got, got
    # the county's own passages found: the rule does not apply
    own = passage("2021年，全县获批全国森林城市。", region="武宁县", issued=2022)
    assert place_not_held(analyse(question), [own, city], [city]) == ""


def test_this_year_is_the_year_of_the_report_asked_of():
    review = passage("五年来，粮食产量年均稳定在430亿斤以上，累计建成高标准农田1800万亩。",
                     heading=["一、“十四五”时期工作回顾"])
    plan = passage("稳定粮食生产，粮食产量稳定在440亿斤以上，新建高标准农田300万亩。",
                   heading=["三、2026年重点工作"], n=2)
    assert asks_this_year(analyse("江西今年粮食产量要稳定在多少？"))
    assert not asks_this_year(analyse("江西2025年粮食产量是多少？"))
    got = answer("江西今年粮食产量要稳定在多少？", [review, plan])
    assert "440亿斤" in got and "430亿斤" not in got, got
    assert "300万亩" in answer("江西今年要新建多少万亩高标准农田？", [review, plan])


def test_last_year_is_the_year_the_report_reviews():
    five = passage("五年来，粮食产量年均稳定在430亿斤以上。", heading=["一、“十四五”时期工作回顾"])
    year = passage("过去一年，粮食产量达到436亿斤，比上年增长1.2%。", heading=["一、2025年工作回顾"], n=2)
    plan = passage("粮食产量稳定在440亿斤以上。", heading=["三、2026年重点工作"], n=3)
    assert not asks_last_year(analyse("江西粮食产量比上年增长多少？"))
    got = answer("江西去年粮食产量是多少？", [five, plan, year])
    assert "436亿斤" in got, got


def test_a_batch_asked_must_be_in_the_sentence_answering():
    text = ("全年实施省级重点项目4200个、完成投资1.2万亿元。"
            "安排第二批省级重点项目860个、年度投资2100亿元。")
    got = answer("江西今年第二批省级重点项目有多少个？", [passage(text, heading=["三、2026年重点工作"])])
    assert "860个" in got and "4200个" not in got, got
    assert ex.asked_ordinals("江西确定第二批试点时，全省已有多少所学校？") == set()  # the scene, not the ask
    assert ex.asked_ordinals("首批挂牌的企业有几家？") == {("一", "批")}


def test_a_count_of_years_is_answered_by_a_duration():
    assert counts_years("空气质量已经连续多少年保持全省第一？") and counts_years("这是多少年来首次？")
    assert not counts_years("哪一年建成？") and not counts_years("新增多少家企业？")
    assert not counts_years("近几年新增多少家企业？") and not counts_years("哪几年增速最快？")
    assert DURATION.search("连续12年居全省首位") and DURATION.search("三十年来首次")
    assert not DURATION.search("2025年生产总值") and not DURATION.search("20世纪80年代")
    text = "全省生产总值增长5.6%、总量连续14年居中部第三位。"
    got = answer("江西经济总量已经连续多少年居中部第三位？", [passage(text)])
    assert "14年" in got, got


def test_a_figure_whose_sentence_names_nothing_of_the_indicator_does_not_answer():
    question = "江西2025年城镇居民恩格尔系数是多少？"
    sentence = "财政民生支出占比稳定在78%左右，居民人均可支配收入增长5.5%。"
    assert indicator_unsaid(question, analyse(question), sentence)
    assert not indicator_unsaid("江西2025年居民人均可支配收入增长多少？",
                                analyse("江西2025年居民人均可支配收入增长多少？"), sentence)
    got = answer(question, [passage("全年新增就业42万人。" + sentence + "城镇居民生活水平持续提高。")])
    assert is_refusal(got), got


def test_a_part_does_not_answer_the_whole_it_is_part_of():
    text = ("积极的财政政策要更加有力。今年拟安排财政赤字3.3万亿元，赤字率3%。"
            "其中，中央财政赤字2.4万亿元，地方财政赤字9000亿元。")
    national = passage(text, region="全国", issued=2027, heading=["二、2027年工作总体部署"])
    got = answer("2027年政府工作报告拟安排的财政赤字是多少？", [national])
    assert "3.3万亿元" in got and "2.4万亿元" not in got, got
    part = analyse("2027年中央财政赤字是多少？")
    picks = ex._best_picks([national], part, ex.content_bigrams(part.question, part))
    assert picks and "2.4万亿元" in picks[0].text  # the part asked by name is answered by the part


def test_research_intensity_is_said_as_research_spending_over_gdp():
    text = ("建议今年的主要预期目标是：全市生产总值增长5%左右，"
            "全社会研发经费支出相当于全市生产总值的比例达到3.8%左右，城镇调查失业率5.5%以内。")
    got = answer("江西2026年研发投入强度目标是多少？", [passage(text, heading=["三、2026年主要任务"])])
    assert "3.8%" in got, got


def test_an_english_term_is_found_said_apart_in_the_passage():
    from assistant.answer.refusal import untranslated

    question = "What was the county's total grain output in 2022?"
    assert untranslated(question, "粮食作物种植面积300万亩、总产120万吨") == []  # 粮食…总产
    assert untranslated(question, "油料作物种植面积3万亩、总产5万吨") == ["total grain output"]


def test_a_province_nothing_was_found_of_is_named_in_the_refusal():
    got = answer("四川2025年粮食产量是多少？", [])
    assert is_refusal(got) and "文件中没有四川省的" in got, got


def test_a_thing_named_before_a_measure_any_thing_has_must_be_there():
    from assistant.answer.refusal import indicator_words, too_many_missing

    question = "江西2025年海洋生产总值是多少？"
    words = indicator_words(question, analyse(question))
    assert too_many_missing(words, "全省地区生产总值增长5.5%、达到3.5万亿元")  # 海洋 lacking: the province's
    assert not too_many_missing(words, "海洋生产总值达到2000亿元")


def test_a_part_of_a_pair_asked_is_not_answered_by_the_whole():
    from assistant.facts.match import qualifiers_differ

    assert qualifiers_differ("居民人均可支配收入", "城镇居民人均可支配收入是多少")
    assert not qualifiers_differ("城镇居民人均可支配收入", "城镇居民人均可支配收入是多少")
    assert not qualifiers_differ("城镇居民人均可支配收入", "城镇和农村居民人均可支配收入分别是多少")
    assert not qualifiers_differ("居民人均可支配收入", "居民人均可支配收入是多少")


def test_a_rank_given_in_the_question_is_not_answered_by_another_rank():
    from assistant.answer.asked import stated_ranks

    assert stated_ranks("新能源汽车产量居全国第9") == {9} and stated_ranks("脐橙产量位居全国首位") == {1}
    assert stated_ranks("稳居全国第一方阵，第一批项目") == set()  # a group and a batch are no ranks
    ninth = passage("汽车产量达80万辆，其中新能源汽车产量超40万辆、居全国第9。", n=1)
    first = passage("脐橙、油茶产量位居全国第1，茶叶出口量居全国第3。", n=2)
    assert is_refusal(answer("江西哪些产品产量居全国第一？", [ninth]))
    got = answer("江西哪些产品产量居全国第一？", [ninth, first])
    assert "脐橙" in got and "第9" not in got

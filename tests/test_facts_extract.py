"""Fact extraction on sentences in the reports' own style (no index needed)."""
from assistant.facts.extract import DocContext, extract_facts
from assistant.places import gazetteer_book

find_places = gazetteer_book().find_places  # a sentence read outside any index

CITY_2021 = DocContext(region="漯河市", year_issued=2021, year_reviewed=2020, heading="（八）民生福祉持续增进")


def rows(text, doc=CITY_2021):
    return [(f.place, f.period, f.indicator, f.value, f.unit, f.measure, f.status)
            for f in extract_facts(text, doc, find_places)]


def test_amount_and_share_of_one_sentence():
    assert rows("全年民生支出165.2亿元，占一般公共预算支出的70.9%。") == [
        ("漯河市", "2020", "民生支出", 165.2, "亿元", "amount", "actual"),
        ("漯河市", "2020", "民生支出占一般公共预算支出", 70.9, "%", "share", "actual"),
    ]


def test_items_of_a_list_each_measure_their_own_indicator():
    got = rows("新增城镇就业3.8万人、农村劳动力转移就业1万人、高校毕业生就业2631人。")
    assert [(r[2], r[3], r[4]) for r in got] == [("新增城镇就业", 3.8, "万人"), ("农村劳动力转移就业", 1.0, "万人"),
                                                  ("高校毕业生就业", 2631.0, "人")]


def test_targets_of_the_issue_year_and_growth_rates():
    got = rows("2021年主要预期目标是：地区生产总值增长7%左右，一般公共预算收入增长5%，城镇新增就业3万人。")
    assert got == [
        ("漯河市", "2021", "地区生产总值", 7.0, "%", "growth", "target"),
        ("漯河市", "2021", "一般公共预算收入", 5.0, "%", "growth", "target"),
        ("漯河市", "2021", "城镇新增就业", 3.0, "万人", "count", "target"),
    ]


def test_a_growth_figure_without_its_own_indicator_takes_the_one_before():
    got = rows("一般公共预算收入26.7亿元,增长3.5%,全市排名第一。")
    assert got == [("漯河市", "2020", "一般公共预算收入", 26.7, "亿元", "amount", "actual"),
                   ("漯河市", "2020", "一般公共预算收入", 3.5, "%", "growth", "actual")]


def test_five_year_review_is_cumulative_over_the_plan_and_average_rates():
    got = rows("这五年，全市新增城镇就业23万人。固定资产投资年均增长10.9%，高于全省1个百分点。\n新增城镇就业3万人。")
    assert got[0][:3] == ("漯河市", "十三五", "新增城镇就业") and got[0][6] == "cumulative"
    # a level the five years reached (生产总值突破1500亿元) is the plan's last year's, not a total over it
    assert rows("这五年，全市生产总值突破1500亿元。")[0][1:3] == ("2020", "生产总值")
    assert got[1][1:3] == ("十三五", "固定资产投资") and got[1][5:] == ("growth", "average")
    assert len(got) == 3, "a gap to the province (高于全省1个百分点) is not a value of its own"
    assert got[2][1] == "2020", "the five-year context ends with its paragraph"


def test_the_clause_place_wins_over_the_document_place_and_chinese_numerals_are_read():
    got = rows("郾城区实际利用外资4.37亿美元，增长百分之八点五。")
    assert got == [("郾城区", "2020", "实际利用外资", 4.37, "亿美元", "amount", "actual"),
                   ("郾城区", "2020", "实际利用外资", 8.5, "%", "growth", "actual")]


def test_falls_are_negative_and_base_values_carry_the_multiplier():
    facts = extract_facts("单位生产总值能耗下降3.2%，新增城镇就业3.8万人。", CITY_2021)
    assert (facts[0].measure, facts[0].value) == ("growth", -3.2)
    assert facts[1].base_value == 38000


def test_years_ordinals_and_lone_counters_are_not_figures():
    assert rows("2020年是第一批试点，打造一个中心。") == []


PROVINCE_2026 = DocContext(region="广东省", year_issued=2026, year_reviewed=2025,
                           heading="一、2025年和“十四五”时期工作回顾")


def test_the_start_of_a_span_is_the_level_before_the_period_reviewed():
    got = rows("这五年，是基础支撑更加坚实的五年。城镇化率由52.7%提高至60%以上，地方一般公共预算收入从1.29万亿元提高到1.39万亿元。")
    assert [(r[1], r[2], r[3], r[6]) for r in got] == [
        ("2015", "城镇化率", 52.7, "actual"), ("2020", "城镇化率", 60.0, "actual"),
        ("2015", "地方一般公共预算收入", 1.29, "actual"), ("2020", "地方一般公共预算收入", 1.39, "actual")]
    # a plan review and its last year under one heading: the span runs over the plan
    assert [r[1] for r in rows("人均生产总值由7.34万元提升至10.26万元。", PROVINCE_2026)] == ["2020", "2025"]


def test_a_span_dates_its_start_by_its_own_year_and_its_end_by_the_sentence():
    doc = DocContext(region="全国", year_issued=2015, year_reviewed=2014, heading="二、2015年工作总体部署")
    got = rows("今年拟安排财政赤字1.62万亿元，赤字率从去年的2.1%提高到2.3%。", doc)
    assert [(r[1], r[2], r[3], r[6]) for r in got] == [
        ("2015", "安排财政赤字", 1.62, "target"), ("2014", "赤字率", 2.1, "actual"), ("2015", "赤字率", 2.3, "target")]


def test_a_plan_named_as_the_base_dates_the_figure_to_the_plan_after_it():
    got = rows("一般公共预算收入是“十二五”末的1.7倍，外贸进出口总额是“十二五”的1.47倍。")
    assert [(r[1], r[2], r[6]) for r in got] == [("2020", "一般公共预算收入", "actual"),
                                                 ("十三五", "外贸进出口总额", "cumulative")]


def test_the_whole_a_share_is_of_is_not_the_figures_place():
    got = rows("无人机产量增长39%、占全国9成，货物进出口总额9.5万亿元，贡献了全国24.1%的增量。", PROVINCE_2026)
    assert [r[0] for r in got] == ["广东省"] * 4


def test_a_figure_that_names_a_kind_is_no_fact_but_its_clause_names_the_next():
    got = rows("新签约项目176个，其中超10亿元项目34个。地区生产总值迈上6万亿元台阶，达到62661亿元。")
    assert [(r[2], r[3]) for r in got] == [("新签约项目", 176.0), ("超10亿元项目", 34.0), ("地区生产总值", 62661.0)]
    assert rows("开工建设220千伏胡陈输变电工程，出台“支持实体经济20条”。") == []


def test_a_multiplier_stands_before_any_unit_and_a_rate_keeps_its_denominator():
    got = extract_facts("高速铁路运营里程达1.6万公里，消除安全隐患5.6万余处，全员劳动生产率达到30万元/人。", CITY_2021)
    assert [(f.value, f.unit, f.measure) for f in got] == [(1.6, "万公里", "amount"), (5.6, "万处", "count"),
                                                           (30.0, "万元/人", "amount")]
    assert got[0].base_value == 16000


def test_a_clause_of_respectively_measures_the_figures_before_it_and_pairs_split():
    got = rows("接待国内游客4.16亿人次、入境游客936万人次，分别增长6.7%、39.6%。城乡低保标准分别提高9.97%和14.1%。")
    assert [(r[2], r[3], r[5]) for r in got[2:]] == [("接待国内游客", 6.7, "growth"), ("入境游客", 39.6, "growth"),
                                                       ("城市低保标准", 9.97, "growth"), ("农村低保标准", 14.1, "growth")]


def test_a_chunk_begun_mid_paragraph_keeps_the_paragraphs_opening():
    text = "工业投资占比提高11.9个百分点，民间投资占比达到42.2％。"
    assert [r[1] for r in rows(text)] == ["2020", "2020"]
    got = [(f.period, f.status) for f in extract_facts(text, CITY_2021, find_places, lead="五年来，我们牢记嘱托。")]
    assert got == [("十三五", "cumulative"), ("2020", "actual")], "a change over the five years, a level at their end"


def test_the_year_past_opens_a_paragraph_of_a_work_reports_plan_section():
    doc = DocContext(region="全国", year_issued=2011, year_reviewed=2010, heading="三、2011年的工作")
    got = rows("过去一年，我们的各项工作取得了很大成绩。国内生产总值增长10.3%，城镇新增就业1168万人。", doc)
    assert [r[1] for r in got] == ["2010", "2010"]


def test_ingest_reads_a_chunk_with_the_opening_of_the_paragraph_it_begins_in():
    from assistant.documents import Document
    from assistant.facts.table import stored_facts
    from assistant.ingest.pipeline import chunk_documents

    filler = "坚持稳中求进工作总基调，统筹发展和安全，扎实推进各项工作落地见效。" * 40
    doc = Document(doc_id="d1", source="t.txt", title="政府工作报告", region="漯河市", kind="government_work_report",
                   year_issued=2021, year_reviewed=2020, text="五年来，我们砥砺前行。" + filler + "新增城镇就业23万人。")
    chunks = chunk_documents([doc], 320)
    assert len(chunks) > 1 and "五年来" not in chunks[-1].text
    facts = [f for c in chunks for f in stored_facts(c)]
    assert [(f.figure, f.period, f.status) for f in facts] == [("23万人", "十三五", "cumulative")]


def test_eval_facts_reads_quote_marks_as_typography():
    from assistant.evaluation.facts_eval import indicator_matches

    assert indicator_matches("专精特新中小企业", ["培育“专精特新”中小企业"])
    assert not indicator_matches("高新技术企业", ["“专精特新”企业"])


def test_a_section_reviewing_a_plan_then_its_last_year_dates_flows_by_part():
    from assistant.facts.table import plan_part

    heading = "一、“十四五”时期和2025年工作回顾"
    text = f"{heading}\n生态环境持续改善。治理水土流失面积6779平方公里。\n刚刚过去的2025年很不平凡。生产总值增长5.6%。\n新增就业121.7万人。"
    first, last = text.index("治理"), text.index("新增")
    assert plan_part(text, [heading], first, 2025) == "十四五"
    assert plan_part(text, [heading], last, 2025) == "", "the year's part begins at 刚刚过去的2025年"
    assert plan_part(text, ["一、2025年和“十四五”时期工作回顾"], first, 2025) == "", "the year named first comes first"
    doc = DocContext(region="河南省", year_issued=2026, year_reviewed=2025, heading=heading, plan_part="十四五")
    got = rows(text[text.index("生态"):], doc)
    assert [(r[1], r[6]) for r in got] == [("十四五", "cumulative"), ("2025", "actual"), ("2025", "actual")]


def test_a_review_of_the_year_first_turns_to_the_plan_at_five_years():
    from assistant.facts.table import plan_part

    heading = "一、2025年和“十四五”时期工作回顾"
    text = f"{heading}\n2025年是很不平凡的一年。新增就业121.7万人。\n各位代表！“十四五”顺利收官。五年来，我们砥砺前行。\n——产业升级。新增公园127座。"
    assert plan_part(text, [heading], text.index("新增就业"), 2025) == ""
    assert plan_part(text, [heading], text.index("新增公园"), 2025) == "十四五"

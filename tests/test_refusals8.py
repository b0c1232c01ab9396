"""False refusals where the passage says the question's words another way (session 9, answers8): a short form
of the question's long word (规上 for 规模以上), a pair's joint word before 分别 (城乡 for 城镇 and 农村), a kind
named by its thing alone (肉 for 肉类), and a ratio to an indicator (A与GDP之比) asked as a share, not as that
indicator's amount. Each rule with the passage that must stay refused beside it.

The sentences are written for these tests, in the manner of work reports.
"""
from __future__ import annotations

from assistant.analysis import analyse
from assistant.answer import extractive as ex
from assistant.answer.refusal import (kind_named, measure_penalty, missing_words, said_jointly, shortened_in,
                                      too_many_missing)
from assistant.documents import Chunk, ScoredChunk
from tests.passages import refused


def passage(text: str, reviewed: int = 2022) -> ScoredChunk:
    meta = {"source": "q.txt", "title": f"某省政府工作报告（{reviewed + 1}年）", "region": "某省", "doc_id": "q",
            "doc_kind": "government_work_report", "year_issued": reviewed + 1, "year_reviewed": reviewed}
    chunk = Chunk(chunk_id="q:0001", doc_id="q", text=text, start=0, end=len(text),
                  heading_path=[f"一、{reviewed}年工作回顾"], page=None, metadata=meta)
    return ScoredChunk(chunk=chunk, score=1.0)


def test_a_long_word_of_the_question_is_said_by_its_short_form():
    assert shortened_in("规模以上工业", "全年规上工业营业收入突破2万亿元")
    assert shortened_in("一般公共预算收入", "一般预算收入增长3.1%")
    assert not shortened_in("高新技术企业", "新认定高企310家")  # two characters meet by chance too often
    # characters of the word out of order, or without its first and last, are no short form of it
    assert not shortened_in("规模以上工业", "工业规上企业")
    assert not shortened_in("规模以上工业", "规划建设工厂")
    assert not shortened_in("城镇居民", "城民")  # four characters: too short to shorten safely
    words = ["规模", "以上", "工业", "规模以上工业", "营业", "收入", "营业收入"]
    assert not too_many_missing(words, "全年规上工业营业收入突破2万亿元")
    assert missing_words(words, "全年服务业营业收入突破2万亿元") == ["规模以上工业"]


def test_one_part_of_a_pair_is_said_by_the_joint_word_only_when_the_parts_follow_one_by_one():
    assert said_jointly("农村居民", "城乡居民人均可支配收入分别增长4.9%和6.8%")
    assert said_jointly("城镇", "城乡居民人均可支配收入分别增长4.9%和6.8%")
    # one figure for the pair together is neither part's
    assert not said_jointly("农村居民", "城乡居民人均可支配收入增长5.6%")
    assert not said_jointly("农村居民", "城乡居民收入增长5.6%。农村公路分别新建和改造300公里")  # 分别 of another sentence
    assert missing_words(["农村居民", "收入"], "城乡居民人均可支配收入分别增长4.9%和6.8%") == []


def test_a_kind_is_said_by_its_thing_before_the_word_the_list_shares():
    assert kind_named("禽类", "全年禽、蛋产量分别达到12万吨和30万吨", ["禽类", "产量"])
    assert kind_named("禽类", "禽产量达到12万吨", ["禽类", "产量"])
    assert not kind_named("禽类", "家禽养殖场新增15个", ["禽类", "产量"])  # the thing, but not before 产量
    assert not kind_named("禽类", "禽、蛋产量稳定", ["禽类"])  # nothing else asked: the thing alone is too little
    assert missing_words(["禽类", "产量"], "全年禽、蛋产量分别达到12万吨和30万吨") == []


def test_a_ratio_to_an_indicator_is_asked_as_a_share_not_as_the_indicators_amount():
    question = "某省2022年教育经费支出与生产总值之比是多少？"
    analysis = analyse(question)
    assert not analysis.amount  # 之比 names a ratio: a percentage answers
    assert measure_penalty("全省生产总值达到5.1万亿元", analysis) > 0  # an amount is no ratio
    both = passage("2022年，全省生产总值达到5.1万亿元，增长4.5%。教育经费支出与生产总值之比达到4.2%。")
    text = ex.answer(question, analysis, [both])
    assert "4.2%" in text and "[1]" in text and "5.1万亿元" not in text
    # the output alone, no ratio: refused, not answered with the output
    only_output = passage("2022年，全省生产总值达到5.1万亿元，增长4.5%，一般公共预算收入3200亿元。")
    assert refused(ex.answer(question, analysis, [only_output]))


def test_the_answerer_answers_from_a_joint_word_with_its_parts_one_by_one():
    question = "某省2022年城镇和农村居民人均可支配收入各是多少？"
    each = passage("2022年，城乡居民人均可支配收入分别达4.6万元、2.1万元，城乡收入比缩小至2.19。")
    text = ex.answer(question, analyse(question), [each])
    assert "4.6万元" in text and "2.1万元" in text and "[1]" in text
    together = passage("2022年，城乡居民人均可支配收入达到3.3万元，增长5.1%，社会保障水平不断提高。")
    assert refused(ex.answer(question, analyse(question), [together]))


def test_a_year_named_as_the_reports_asks_what_that_report_says_of_the_years_it_reviews():
    question = "2019年政府工作报告中，过去五年新增了多少公里城市轨道交通？"
    analysis = analyse(question)
    review = "过去五年，新增城市轨道交通运营里程2100公里，新建改建农村公路130万公里。"
    text = ex.answer(question, analysis, [passage(review, reviewed=2018)])
    assert "2100公里" in text and "[1]" in text
    # the same words in the report of another year answer nothing of the 2019 report
    assert refused(ex.answer(question, analysis, [passage(review, reviewed=2021)]))
    # a year named beside the report's too asks that year: no year is dropped
    also = analyse("2019年政府工作报告中，2019年新增了多少公里城市轨道交通？")
    assert ex.report_year_only(also) == set() and ex.report_year_only(analysis) == {2019}


SHARES = ("2022年，全省生产总值达到3.2万亿元，增长4.1%。数字经济核心产业增加值占生产总值比重达到9.6%，"
          "消费对经济增长的贡献率达到61%。")


def test_a_share_of_an_indicator_is_answered_by_a_share_not_by_the_wholes_level_or_growth():
    from assistant.facts.extract import doc_context, extract_facts
    from assistant.facts.frame import frame_of
    from assistant.facts.match import disagreements

    frame = frame_of(analyse("某省2022年数字经济核心产业占GDP比重是多少？"))
    facts = {f.figure: f for f in extract_facts(SHARES, doc_context({"region": "某省", "year_issued": 2023}))}
    assert "measure" in disagreements(facts["3.2万亿元"], frame)  # the whole's level
    assert "measure" in disagreements(facts["4.1%"], frame)  # the whole's growth
    # the share of value added: 增加值 is what a share of GDP is measured in, unasked but not another indicator
    assert disagreements(facts["9.6%"], frame) == []
    # a question on the output itself still takes its level
    assert disagreements(facts["3.2万亿元"], frame_of(analyse("某省2022年生产总值是多少？"))) == []


def test_the_answerer_gives_the_share_asked_of_gdp():
    question = "某省2022年数字经济核心产业占生产总值比重是多少？"
    text = ex.answer(question, analyse(question), [passage(SHARES)])
    assert "9.6%" in text and "[1]" in text and "3.2万亿元" not in text and "4.1%" not in text
    # no share in the passage: refused, not answered with the output
    assert refused(ex.answer(question, analyse(question), [passage("2022年，全省生产总值达到3.2万亿元，增长4.1%。")]))


def test_an_indicator_with_a_word_the_question_says_put_inside_its_name_is_that_indicator():
    from assistant.facts.match import split_by_asked

    assert split_by_asked("财政支出", "财政民生支出", "某市 民生 财政支出 多少")
    assert not split_by_asked("财政支出", "财政民生支出", "某市 财政支出 多少")  # 民生 unasked: a part, not the whole
    assert not split_by_asked("财政支出", "财政教育支出", "某市 民生 财政支出 多少")  # another part
    question = "某市2022年民生方面的财政支出是多少？"
    text = ex.answer(question, analyse(question), [passage("2022年，全市财政民生支出86.5亿元，占一般公共预算支出的78%。")])
    assert "86.5亿元" in text and "[1]" in text
    other = passage("2022年，全市财政教育支出26.5亿元，增长6%。")
    assert refused(ex.answer(question, analyse(question), [other]))


FIVE_YEARS = ("过去五年，全省地区生产总值年均增长5.9%，常住人口城镇化率由58.1%提高到63.2%，"
              "居民人均可支配收入由2.6万元增加到3.4万元。")


def test_a_rise_asked_is_answered_by_the_levels_it_rose_between():
    question = "某省“十四五”期间居民人均可支配收入增长了多少？"
    text = ex.answer(question, analyse(question), [passage(FIVE_YEARS, reviewed=2025)])
    assert "由2.6万元增加到3.4万元" in text and "[1]" in text
    # another indicator's levels do not answer it
    other = passage("过去五年，全省一般公共预算收入由3100亿元增加到3900亿元，年均增长4.7%。", reviewed=2025)
    assert refused(ex.answer(question, analyse(question), [other]))


def test_a_rate_asked_by_name_is_not_answered_by_two_levels():
    from assistant.answer.extractive import rise_asked

    assert rise_asked(analyse("某省“十四五”期间居民人均可支配收入增长了多少？"))
    assert not rise_asked(analyse("某省“十四五”期间居民人均可支配收入年均增速是多少？"))
    assert not rise_asked(analyse("某省“十四五”期间居民人均可支配收入增长了百分之几？"))


def test_a_part_of_the_year_is_said_in_any_of_its_forms():
    from assistant.answer.refusal import part_said

    assert part_said("上半年", "1-6月，全市固定资产投资增长9.2%")
    assert part_said("上半年", "2022年1月份至6月份，全市固定资产投资增长9.2%")
    assert part_said("前三季度", "1至9月，全市社会消费品零售总额增长6%")
    assert not part_said("上半年", "一季度，全市固定资产投资增长5.1%")  # another part
    assert not part_said("上半年", "全年固定资产投资增长9.2%")
    question = "某市2022年上半年固定资产投资增长多少？"
    half = passage("2022年1月份至6月份，全市固定资产投资增长9.2%，高于全省平均水平2.1个百分点。")
    text = ex.answer(question, analyse(question), [half])
    assert "9.2%" in text and "[1]" in text
    quarter = passage("2022年一季度，全市固定资产投资增长5.1%，高于全省平均水平1.3个百分点。")
    assert refused(ex.answer(question, analyse(question), [quarter]))


def test_a_neighbours_figure_does_not_answer_when_the_figure_of_the_thing_asked_is_another_times():
    question = "某省2025年开行中欧班列多少列？"
    # the trains given only as the plan period's total: the count of new zones beside it (dated 2025 by the
    # report) fits the year, not the question
    total = passage("“十四五”时期，自贸试验区新设企业8.2万家，跨境电商综试区扩容至6个，中欧班列累计开行1.2万列。",
                    reviewed=2025)
    assert refused(ex.answer(question, analyse(question), [total]))
    year = passage("2025年，跨境电商综试区扩容至6个，全年开行中欧班列2300列。", reviewed=2025)
    assert "2300列" in ex.answer(question, analyse(question), [year])
    # a Latin name shared counts as naming the thing asked (PM2.5 for PM2.5浓度)
    question = "某市2022年PM2.5浓度下降了多少？"
    text = ex.answer(question, analyse(question), [passage("2022年，全市PM2.5、PM10浓度分别下降7.5%、4.1%。")])
    assert "7.5%" in text and "[1]" in text


def test_growth_alone_beside_a_missing_thing_is_no_answer():
    question = "某省2022年进口增长多少？"
    assert refused(ex.answer(question, analyse(question), [passage("2022年，全省外贸出口增长6.8%，利用外资稳中有进。")]))
    assert "4.4%" in ex.answer(question, analyse(question), [passage("2022年，全省外贸出口增长6.8%，进口增长4.4%。")])


def test_an_english_question_on_a_place_nothing_knows_is_refused():
    from assistant.answer.refusal import unknown_place

    question = "How fast did Qiaoxiang District's economy grow in 2022?"  # no such place in any gazetteer
    analysis = analyse(question)
    assert unknown_place(analysis)
    review = passage("2022年，全省地区生产总值增长4.6%，一般公共预算收入增长3.2%。")
    assert refused(ex.answer(analysis.question, analysis, [review]))
    # a known place, or no level word after the unknown word, is not read as a place lacking
    assert not unknown_place(analyse("How fast did Luohe's economy grow in 2022?"))
    assert not unknown_place(analyse("How much did Luohe spend on zorbing parks in 2022?"))

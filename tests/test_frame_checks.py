"""The checks that keep a figure answer to what was asked: frame agreement, ordinals, unknown terms."""
from dataclasses import replace

from assistant.analysis import analyse
from assistant.answer.extractive import other_ordinal
from assistant.answer.refusal import is_word
from assistant.facts.extract import DocContext, extract_facts
from assistant.facts.frame import frame_of
from assistant.facts.match import disagreements

LUOHE_2021 = DocContext(region="漯河市", year_issued=2021, year_reviewed=2020)


def facts(text, doc=LUOHE_2021):
    return extract_facts(text, doc)


def test_a_target_does_not_answer_an_achieved_value_unless_only_the_plan_exists():
    target = facts("2021年主要预期目标是：城镇新增就业3万人。")[0]
    actual = facts("新增城镇就业3.8万人。")[0]
    asked_2020 = frame_of(analyse("漯河市2020年城镇新增就业多少人？"))
    assert disagreements(actual, asked_2020, 2021) == []
    assert "period" in disagreements(target, asked_2020, 2021)
    asked_2021 = frame_of(analyse("漯河市2021年城镇新增就业多少人？"))
    assert "status" in disagreements(target, asked_2021, 2021)  # an achieved value is looked for first
    assert disagreements(target, replace(asked_2021, plan_answers=True), 2021) == []
    assert disagreements(target, frame_of(analyse("漯河市2021年城镇新增就业的目标是多少？")), 2021) == []


def test_qualifiers_and_named_indicators_make_another_indicator():
    per_head = facts("人均生产总值超6万元。")[0]
    total = frame_of(analyse("漯河市2020年地区生产总值是多少？"))
    assert "indicator" in disagreements(per_head, total, 2021)
    hazards = facts("消除安全隐患5.6万处。")[0]
    assert "indicator" in disagreements(hazards, total, 2021)  # GDP named: a fact of GDP only
    both = frame_of(analyse("漯河市2020年城镇居民和农村居民人均可支配收入各是多少元？"))
    for fact in facts("城镇和农村居民人均可支配收入达到29578元、16458元。"):
        assert disagreements(fact, both, 2021) == [], fact.indicator


def test_a_rank_question_is_told_apart():
    assert frame_of(analyse("漯河市2020年群众满意率在全国排第几？")).rank
    assert not frame_of(analyse("2023年漯河市地区生产总值总量是多少？")).rank


def test_another_batch_does_not_answer():
    question = "2023年河南确定第二批产教融合型企业之前，第一批入库培育的企业有多少家？"
    assert other_ordinal(question, "确定108家企业为河南省第二批产教融合型企业入库培育单位")
    assert not other_ordinal("哪个县入选了第一批国家级数字乡村试点？", "临颍县被确定为首批国家数字乡村试点")
    assert not other_ordinal("新增高新技术企业多少家？", "第二批企业108家")


def test_only_specific_nouns_count_as_terms_the_corpus_lacks():
    assert is_word("业务量") and is_word("房价")
    for token in ("上作", "签下", "第一批", "哪里", "时间", "人数"):  # made-up, verb, numeral, pronoun, everyday
        assert not is_word(token), token


def test_a_ceiling_asked_is_a_target_and_an_annual_mean_is_no_average_growth():
    # 控制在 asks for the ceiling a plan sets; 年均浓度 names a level (the year's mean), not 年均增长
    ceiling = frame_of(analyse("某市2024年细颗粒物年均浓度要控制在多少以内？"))
    assert (ceiling.status, ceiling.status_named) == ("target", True)
    level = frame_of(analyse("某市2023年PM10年均浓度是多少？"))
    assert level.status == "actual"
    assert frame_of(analyse("某市十四五期间生产总值年均增长多少？")).status == "average"
    assert frame_of(analyse("What was the average annual growth of output over the plan period?")).status == "average"


def test_a_plan_s_goal_answers_its_last_year_not_a_year_inside_it():
    # a goal of the plan period is where the plan ends: the target of 2022 is the 2022 report's, not this
    doc = DocContext(region="某县", year_issued=2021, year_reviewed=2020)
    goal = extract_facts("“十四五”时期的主要目标是：全县生产总值达到500亿元，城镇化率达到55%。", doc)[0]
    assert goal.status == "target" and goal.period == "十四五"
    assert "period" in disagreements(goal, frame_of(analyse("某县2022年生产总值目标是多少？")), 2021)
    assert disagreements(goal, frame_of(analyse("某县2025年生产总值目标是多少？")), 2021) == []


def test_a_rate_s_level_asked_is_not_answered_by_its_change_in_points():
    # 城镇化率是多少 asks the level; 提高1.3个百分点 says by how much it moved
    moved = facts("常住人口城镇化率提高1.3个百分点。")[0]
    assert moved.measure == "change"
    assert "measure" in disagreements(moved, frame_of(analyse("某市2020年常住人口城镇化率是多少？")), 2021)
    assert "measure" in disagreements(moved, frame_of(analyse("某市“十四五”末城镇化率的目标是多少？")), 2021)
    assert "measure" not in disagreements(moved, frame_of(analyse("某市2020年常住人口城镇化率提高了多少？")), 2021)

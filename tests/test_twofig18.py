"""Two figures asked in one question (session 18, twofig18).

- A part of a message refused on its own is not reported missing when an answer shown lists a figure for each
  part in one sentence: the whole message's answer ("…渔船A艘、…B艘" answers both asks), or a part's answer whose
  figure the refused part's own note names among the figures the reports give. A change of one thing
  ("由X增长到Y") lists no figure per part: a part asking another year stays reported missing.
The real joined_answer and its helpers over answers written for the test; no sentence here is in a question set.
(类 as a count unit was dropped at merge: "8类30件民生实事" then compared 8类, not 30件 - tests/test_compare16.)
"""
from __future__ import annotations

from assistant.answer.parts import _figure_for_each, _names_listed, joined_answer
from assistant.answer.types import Answer, Figure


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

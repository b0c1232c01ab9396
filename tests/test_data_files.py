"""Domain knowledge lives in assistant/data, read by one loader; the code keeps no word lists of its own."""
from __future__ import annotations

import ast
import re
from importlib import resources
from pathlib import Path

import pytest
import yaml

from assistant.data_files import data_lines, load_data, word_pattern
from assistant.facts.units import base_units, group_of, unit_groups

PACKAGE = Path(__file__).resolve().parents[1] / "assistant"
DATA_FILES = sorted(p.name for p in resources.files("assistant").joinpath("data").iterdir()
                    if p.name.endswith((".yaml", ".tsv")))


def test_the_package_ships_the_data_files():
    assert {"units.yaml", "periods.yaml", "glossary.yaml", "question_words.yaml", "lexical.yaml",
            "indicators.yaml", "places.tsv"} <= set(DATA_FILES)


class _KeysOnce(yaml.SafeLoader):
    """A YAML loader that fails on a key written twice in one mapping (YAML keeps the last, silently)."""


def _mapping_once(loader, node, deep=False):
    keys = [str(loader.construct_object(key, deep=deep)) for key, _ in node.value]
    twice = sorted({key for key in keys if keys.count(key) > 1})
    if twice:
        raise AssertionError(f"written twice: {twice}")
    return yaml.SafeLoader.construct_mapping(loader, node, deep)


_KeysOnce.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_once)


@pytest.mark.parametrize("name", [n for n in DATA_FILES if n.endswith(".yaml")])
def test_no_data_file_writes_a_key_twice(name):
    """A glossary entry added twice with other renderings loses the first without a word: one entry a term."""
    text = resources.files("assistant").joinpath("data", name).read_text(encoding="utf-8")
    yaml.load(text, Loader=_KeysOnce)


def test_the_key_check_finds_a_key_written_twice():
    with pytest.raises(AssertionError, match="park"):
        yaml.load('"park": "园区"\n"park": "公园"\n', Loader=_KeysOnce)


@pytest.mark.parametrize("name", DATA_FILES)
def test_every_data_file_loads(name):
    if name.endswith(".yaml"):
        data = load_data(name)
        assert isinstance(data, (dict, list)) and data, f"{name} is empty"
    else:
        lines = data_lines(name)
        header = lines[0].split("\t")
        assert len(lines) > 1 and all(len(line.split("\t")) <= len(header) for line in lines[1:]), name


@pytest.mark.parametrize("key", ["number", "date", "name", "rate", "compare", "rate_cues", "noise", "follow"])
def test_question_word_lists_compile(key):
    assert word_pattern("question_words.yaml", key).pattern


def test_no_question_fragments_in_the_follow_words():
    follow = word_pattern("question_words.yaml", "follow")
    # Cut out of single dev/held-out questions by the tokenizer, not words anyone types.
    assert not any(follow.fullmatch(fragment) for fragment in ("上作", "对市", "时称", "新入"))


def _strings(source: str) -> list[str]:
    """Every string literal of a module that is code, not a docstring (f-string pieces included)."""
    tree = ast.parse(source)
    docstrings = {id(node.value) for node in ast.walk(tree) if isinstance(node, ast.Expr)}
    return [node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings]


def unit_lists(text: str) -> list[list[str]]:
    """Lists of four or more units written out in a string: "元|吨|亩|家", "[元吨亩户]", "元 吨 亩 家"."""
    units = set(unit_groups())
    found = []
    for alternation in re.findall(r"[^()?:]+(?:\|[^()|?:]+){3,}", text):
        parts = [p for p in alternation.split("|") if p in units]
        if len(parts) >= 4:
            found.append(parts)
    for char_class in re.findall(r"\[([^\]]+)\]", text):
        parts = [c for c in char_class if c in units]
        if len(parts) >= 4:
            found.append(parts)
    words = [w for w in text.split() if w in units]
    if len(words) >= 4:
        found.append(words)
    return found


def test_the_unit_list_check_finds_a_second_list():
    # The lists this package used to keep in code: the check must catch each kind.
    assert unit_lists(r"\d+\s*(?:%|‰|个百分点|[万亿千百]*[元吨亩户人家个项所座条套台辆倍次件种名位]|平方公里|公里)")
    assert unit_lists("平方公里|平方米|公里|千米|个百分点|元|张|家")
    assert unit_lists("% 个百分点 万亿元 亿元 万元 元 亿美元")
    assert not unit_lists(r"(?:19|20)\d{2}年(?:底|末|前)?|第[一二三四]季度")


def test_no_module_keeps_its_own_unit_list():
    offenders = {}
    for path in PACKAGE.rglob("*.py"):
        lists = [found for text in _strings(path.read_text(encoding="utf-8")) for found in unit_lists(text)]
        if lists:
            offenders[str(path.relative_to(PACKAGE))] = lists
    assert not offenders, f"units belong in assistant/data/units.yaml (read via assistant.facts.units): {offenders}"


def test_asked_units_come_from_the_one_list():
    from assistant.analysis import asked_unit

    assert asked_unit("郾城区2025年计划新增多少张养老床位？") == "张"
    assert asked_unit("GDP是多少亿元") == "元"  # 亿 is a multiplier, 元 the unit
    assert asked_unit("粮食产量是多少万吨") == "吨"
    assert asked_unit("建成多少千米高速公路") == "米"
    assert asked_unit("人口是多少万？") == ""  # a bare multiplier names no unit
    assert "亿元" not in base_units() and "万" not in base_units() and "元" in base_units()
    assert group_of("千人") == "count" and group_of("万亩") == "physical" and group_of("人口") == ""


def test_the_tokenizer_keeps_a_unit_with_its_number_unless_it_starts_a_word():
    from assistant.index.lexical import tokenize

    tokens = tokenize("面积12.5平方公里，新增企业28家，涉及3部门，2020年")
    assert {"12.5平方公里", "28家", "2020年", "3", "部门"} <= set(tokens)


def test_one_definition_of_plan_periods():
    from assistant.analysis import detect_years
    from assistant.facts.extract import _plan_of, _span_of

    assert detect_years("“十一五”期间和the 15th five-year plan") == ([], ["十一五", "十五五"])
    assert _span_of("十一五") == (2006, 2010) and _plan_of(2023) == "十四五"


def test_indicator_names_are_the_answerers_synonyms():
    from assistant.answer.extractive import synonyms

    pairs = synonyms("2020年尉氏县地区生产总值增速是多少？")
    assert ("地区生产总值", "GDP") in pairs and ("增速", "增长") in pairs
    assert ("GDP", "经济总量") not in synonyms("GDP是多少")  # a loose alias would match any 经济
    # the shown name, and the names sharing the asked one's head (利用…), never another head's (外商直接投资)
    assert synonyms("漯河市2020年利用外资多少") == [("利用外资", "实际利用外资"), ("利用外资", "利用境外资金")]
    assert not synonyms("漯河市有几所高校")


def test_patterns_built_on_the_shared_year_pattern():
    from assistant.analysis import detect_years
    from assistant.answer.extractive import DATE
    from assistant.facts.extract import YEAR

    assert DATE.fullmatch("2024年3月") and DATE.fullmatch("12月31日")
    assert YEAR.findall("1998年和2025年") == ["1998", "2025"]
    assert detect_years("2019年与2020年相比，120210") == ([2019, 2020], [])

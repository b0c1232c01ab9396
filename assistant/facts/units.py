"""The package's one list of units (assistant/data/units.yaml) and the patterns built from it.

Every pattern that looks for a figure's unit (fact extraction, figure verification, question
analysis, refusal checks, the BM25 tokenizer) builds its alternation here; none keeps a list of its own.
"""
from __future__ import annotations

import re
from functools import lru_cache

from assistant.data_files import load_data

MEASURE_OF_GROUP = {"money": "amount", "physical": "amount", "count": "count", "percent": "percent",
                    "points": "change"}


@lru_cache(maxsize=None)
def unit_groups() -> dict[str, str]:
    """unit -> its group (money, percent, points, count, physical)."""
    data = load_data("units.yaml")
    return {unit: group for group, units in data.items() if group != "multipliers" for unit in units}


def _alternation(units) -> str:
    """Longest first: the regex alternation takes the first unit that matches (个百分点 before 个)."""
    return "|".join(re.escape(u) for u in sorted(units, key=lambda u: (-len(u), u)))


@lru_cache(maxsize=None)
def unit_alternation(*groups: str) -> str:
    """A regex alternation of every unit (or of those of the groups named), longest first."""
    return _alternation(u for u, g in unit_groups().items() if not groups or g in groups)


def multipliers() -> dict[str, int]:
    return load_data("units.yaml")["multipliers"]


def _unprefixed(unit: str) -> str | None:
    """The listed unit a unit is once its leading multiplier goes: 万吨 -> 吨, 千米 -> 米; None when none is."""
    for prefix in sorted(multipliers(), key=len, reverse=True):
        if unit.startswith(prefix) and unit[len(prefix):] in unit_groups():
            return unit[len(prefix):]
    return None


@lru_cache(maxsize=None)
def base_units(*groups: str) -> tuple[str, ...]:
    """Units that are not a multiplier in front of another unit, nor a bare multiplier (万, 亿).

    What a question names after 多少/几 once its 万/亿 is read apart: "多少万吨" asks 吨.
    Example: "元", "吨", "个百分点", "千瓦" are base units; "亿元", "万吨", "千米", "万" are not.
    """
    return tuple(u for u, g in unit_groups().items()
                 if (not groups or g in groups) and u not in multipliers() and _unprefixed(u) is None)


@lru_cache(maxsize=None)
def base_alternation(*groups: str) -> str:
    return _alternation(base_units(*groups))


def group_of(unit: str) -> str:
    """The group of a unit as written, multipliers read off: group_of("千人") -> "count"; "" when unknown."""
    while unit and unit not in unit_groups():
        prefix = next((p for p in sorted(multipliers(), key=len, reverse=True) if unit.startswith(p)), "")
        if not prefix:
            return ""
        unit = unit[len(prefix):]
    return unit_groups().get(unit, "")


def is_unit(word: str) -> bool:
    """A word that is a unit, with or without a multiplier: "人次", "万亩", "亿元" yes; "人口" no."""
    return bool(group_of(word))


def multiplier(unit: str) -> float:
    """3.8万人 -> 10000: the factor a unit's leading 万/亿 carries. A bare 万 or 亿 (减少贫困人口1240万, 为70万妇女
    筛查) counts the people or things named after it, so it carries its factor too: 70万 is 700000 of them, as
    53万名 is 530000."""
    for prefix, factor in sorted(multipliers().items(), key=lambda p: -len(p[0])):
        if unit.startswith(prefix):
            return float(factor)
    return 1.0

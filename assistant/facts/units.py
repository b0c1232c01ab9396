"""The package's one list of units (assistant/data/units.yaml) and the patterns built from it."""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import yaml

MEASURE_OF_GROUP = {"money": "amount", "physical": "amount", "count": "count", "percent": "percent",
                    "points": "change"}


@lru_cache(maxsize=None)
def load_data(name: str) -> dict:
    """A YAML file of assistant/data, read once."""
    text = resources.files("assistant").joinpath("data", name).read_text(encoding="utf-8")
    return yaml.safe_load(text)


@lru_cache(maxsize=None)
def unit_groups() -> dict[str, str]:
    """unit -> its group (money, percent, points, count, physical)."""
    data = load_data("units.yaml")
    return {unit: group for group, units in data.items() if group != "multipliers" for unit in units}


@lru_cache(maxsize=None)
def unit_alternation() -> str:
    """A regex alternation of every unit, longest first (个百分点 must win over 个)."""
    return "|".join(re.escape(u) for u in sorted(unit_groups(), key=len, reverse=True))


def multiplier(unit: str) -> float:
    """3.8万人 -> 10000: the factor a unit's leading 万/亿 carries (none for 万元's base 元 is 万)."""
    for prefix, factor in sorted(load_data("units.yaml")["multipliers"].items(), key=lambda p: -len(p[0])):
        if unit.startswith(prefix) and len(unit) > len(prefix):
            return float(factor)
    return 1.0

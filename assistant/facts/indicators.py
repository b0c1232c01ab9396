"""The indicators a text names, by every name of their synonym groups (data/indicators.yaml).

Its own module so that question reading in either language (analysis.py, english.py) and the fact
frame can use it without importing each other.
"""
from __future__ import annotations

import re
from functools import lru_cache

from assistant.data_files import load_data
from assistant.text import all_han


def named_indicators(text: str) -> tuple[str, ...]:
    """Every name of every indicator group the text names ("GDP增速" -> 地区生产总值, 生产总值, GDP, …)."""
    names: list[str] = []
    for group in load_data("indicators.yaml"):
        if any(len(name) >= 2 and holds_name(text, name) for name in group):
            names += [n for n in group if n not in names]
    return tuple(names)


def holds_name(text: str, name: str) -> bool:
    """The text says the indicator name, a Latin one as a word of its own: M2 is in 广义货币M2 and "M2增长" but not
    in PM2.5 (a Latin or digit character, or a decimal point, right beside it makes it part of another name).
    Chinese names are held anywhere (生产总值 in 地区生产总值). Case does not count (gdp, GDP)."""
    if all_han(name):  # no case and no word edges: a plain substring test (this runs ~10^5 times a question)
        return name in text
    return name_pattern(name.upper()).search(text.upper()) is not None


@lru_cache(maxsize=1024)
def name_pattern(name: str) -> re.Pattern:
    before = r"(?<![A-Z0-9.])" if re.match(r"[A-Z0-9]", name) else ""
    after = r"(?![A-Z0-9]|\.\d)" if re.search(r"[A-Z0-9]$", name) else ""
    return re.compile(before + re.escape(name) + after)

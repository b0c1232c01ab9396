"""The indicators a text names, by every name of their synonym groups (data/indicators.yaml).

Its own module so that question reading in either language (analysis.py, english.py) and the fact
frame can use it without importing each other.
"""
from __future__ import annotations

from assistant.data_files import load_data


def named_indicators(text: str) -> tuple[str, ...]:
    """Every name of every indicator group the text names ("GDP增速" -> 地区生产总值, 生产总值, GDP, …)."""
    upper = text.upper()
    names: list[str] = []
    for group in load_data("indicators.yaml"):
        if any(len(name) >= 2 and name.upper() in upper for name in group):
            names += [n for n in group if n not in names]
    return tuple(names)

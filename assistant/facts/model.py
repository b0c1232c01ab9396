"""A Fact: one figure a report states, with what it measures, where and when."""
from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Fact:
    place: str  # the sentence's own place, else the document's region
    period: str  # "2020", "2021H1", "2021Q1-3", "十四五", "2035", or "" when the text does not say
    indicator: str  # the phrase the figure measures, as the report words it (synonyms are matched later)
    value: float  # as written: 3.8 for 3.8万人
    unit: str  # as written after the number: 万人, 亿元, %, 个百分点
    base_value: float  # in the unit's base: 38000 for 3.8万人 (comparisons across 万/亿)
    measure: str  # amount | growth | share | change | count | multiple
    status: str  # actual | target | cumulative | average
    figure: str  # the figure's own text: "3.8万人", "增长8.5%"
    sentence: str
    chunk_id: str = ""
    start: int = 0  # offsets of the figure in the chunk text
    end: int = 0

    def to_dict(self) -> dict:
        return asdict(self)

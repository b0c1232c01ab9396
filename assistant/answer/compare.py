"""What a comparison sets side by side: the measure it names, and each side's figure.

"2020年漯河市和尉氏县民生支出占比哪个高？" names a share: 70.9% against 68%, never 165.2亿元 against 46.6亿元,
though both passages state those first. "尉氏县和漯河市，谁的经济总量大？" names a level (总量) and asks which
side is larger: each side's figure (431.8亿元, 1500亿元), not a sentence in words about growth.
The words are in data/asking.yaml (measures, asks_which_more).
"""
from __future__ import annotations

from assistant.data_files import word_pattern

RATES = {"growth": {"growth", "change"}, "share": {"share"}}
NOT_LEVELS = {"growth", "share", "change", "multiple"}  # facts.match.RATE_MEASURES


def asked_measure(text: str) -> str:
    """share, growth or amount: the measure a question names ("民生支出占比" -> share, "GDP增速" -> growth,
    "经济总量" -> amount); "" when it names none. A share is read first: 占比 of 增加值 is a share."""
    for measure in ("share", "growth", "amount"):
        if word_pattern("asking.yaml", f"{measure}_words").search(text):
            return measure
    return ""


def asks_which_more(text: str) -> bool:
    """谁的…大, 哪个高, which grew faster: the question asks which side is larger or smaller."""
    return word_pattern("asking.yaml", "asks_which_more").search(text) is not None


def measure_fits(fact, measure: str) -> bool:
    """The fact is of the measure asked: a share for a share, a growth rate for growth, a level for an amount."""
    if measure in RATES:
        return fact.measure in RATES[measure]
    if measure == "amount":
        return fact.measure not in NOT_LEVELS
    return True

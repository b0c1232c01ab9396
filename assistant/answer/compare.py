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


def another_indicator(indicator: str, names: tuple[str, ...], asked: str = "") -> bool:
    """The fact's indicator holds a name of the asked one only as part of another indicator: per unit of it
    (单位地区生产总值能耗), per head (人均地区生产总值), a ratio or share of it (社会物流总费用与GDP的比率,
    …占地区生产总值比重); not when the question words it so itself (单位GDP能耗 asked). The longest name it
    holds is read (地区生产总值 in 单位地区生产总值能耗, not 生产总值). Words: asking.yaml derived_before/after."""
    upper = indicator.upper()
    held = [n for n in names if len(n) >= 2 and n.upper() in upper]
    if not held:
        return False
    name = max(held, key=len).upper()
    at = upper.rfind(name)
    before = word_pattern("asking.yaml", "derived_before").search(upper[:at])
    after = word_pattern("asking.yaml", "derived_after").match(upper[at + len(name):])
    return any(found and found.group(0).strip("的") not in asked.upper() for found in (before, after))


def measure_fits(fact, measure: str) -> bool:
    """The fact is of the measure asked: a share for a share, a growth rate for growth, a level for an amount."""
    if measure in RATES:
        return fact.measure in RATES[measure]
    if measure == "amount":
        return fact.measure not in NOT_LEVELS
    return True

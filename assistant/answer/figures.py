"""Figure verification: every number an answer states must be in a chunk it cites.

A figure is a number with its unit ("28家", "11.2亿美元", "8.5%", "百分之八点五").
Years ("2020年"), citation markers ("[1]") and list numbers ("1.") are not figures:
they carry no unit, so the Chinese pattern never picks them up. In English text a
bare number counts too ("28 companies"), years excepted, since units are words there.
"""
from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from assistant.facts.units import unit_alternation
from assistant.text import YEAR as YEAR_DIGITS

# Every unit of data/units.yaml, longest first: the regex alternation takes the first unit that
# matches, and "个百分点" must win over "个", "万吨" over "万".
UNIT_ZH = unit_alternation()

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
CN_SCALES = {"十": 10, "百": 100, "千": 1000}
CN_CHARS = "零〇一二两三四五六七八九十百千"
CN_NUM = f"[{CN_CHARS}]+(?:点[零〇一二三四五六七八九]+)?"
ARABIC = r"\d+(?:[,，]\d{3})*(?:[.．]\d+)?"  # full-width forms too: "１，２３４"

# A number not glued to a preceding digit, decimal point or "第" (ordinals).
ZH_FIGURE = re.compile(
    rf"(?<![\d.,])(?:百分之{ARABIC}|{ARABIC}\s*(?:{UNIT_ZH}))"
    rf"|(?<![{CN_CHARS}第])(?:百分之{CN_NUM}|{CN_NUM}(?:{UNIT_ZH}))"
)

# English: a number, optionally followed by a unit word we can map onto the Chinese text.
EN_UNIT = (r"percentage points?|per ?cent|billion|million|thousand|"
           r"yuan|US dollars|dollars|tons|tonnes|km|kilometres|kilometers|square kilometres|mu")
EN_FIGURE = re.compile(
    rf"(?<![\w.,])({ARABIC})(?![A-Za-z\d])"  # not "14th", not the tail of another number
    rf"(?:\s*(?:({EN_UNIT})\b|%)(?:\s+(?:of\s+)?(yuan|US dollars|dollars|RMB))?)?", re.I)
MARKER = re.compile(r"[\[［【]\s*\d+(?:\s*[,，、]\s*\d+)*\s*[\]］】]")
LIST_NUMBER = re.compile(r"(?m)^\s*\d+[.)、]\s")
YEAR = re.compile(rf"^{YEAR_DIGITS}$")


def has_cjk(text: str) -> bool:
    return bool(re.search(r"[\u4e00-\u9fff]", text))


def chinese_to_number(text: str) -> str | None:
    """A simple Chinese numeral as Arabic digits, or None when not simple.

    Example: "二十八" -> "28", "八点五" -> "8.5", "一百零五" -> "105", "二〇二一" -> "2021"
    """
    whole, _, frac = text.partition("点")
    if any(ch not in CN_DIGITS and ch not in CN_SCALES for ch in whole + frac) or any(ch in CN_SCALES for ch in frac):
        return None
    if not any(ch in CN_SCALES for ch in whole):  # digit by digit: "二〇二一"
        value = int("".join(str(CN_DIGITS[ch]) for ch in whole) or "0")
    else:
        value, current = 0, 0
        for ch in whole:
            if ch in CN_DIGITS:
                current = CN_DIGITS[ch]
            else:
                value += (current or 1) * CN_SCALES[ch]  # "十五": the leading 一 is implied
                current = 0
        value += current
    return f"{value}." + "".join(str(CN_DIGITS[ch]) for ch in frac) if frac else str(value)


def normalise_text(text: str) -> str:
    """Text in the form figures are compared in: NFKC, no thousands separators,
    no space between a number and its unit, "百分之X" as "X%", "X百分点" as "X个百分点".

    Example: normalise_text("增长 8.5 ％，投资1,234亿元") -> "增长 8.5%，投资1234亿元"
    """
    text = re.sub(r"(?<=\d),(?=\d{3}(?!\d))", "", text)  # ASCII commas only: "，" separates clauses
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"(?<=\d),(?=\d{3}(?!\d))", "", text)  # full-width digits became ASCII above
    text = re.sub(rf"(?<=\d)\s+(?=%|{UNIT_ZH})", "", text)
    text = re.sub(rf"百分之({ARABIC}|{CN_NUM})", lambda m: _arabic(m.group(1)) + "%", text)
    return re.sub(r"(?<=\d)百分点", "个百分点", text)


def _arabic(number: str) -> str:
    if re.fullmatch(ARABIC, number):
        return number
    return chinese_to_number(number) or number


def normalise_figure(figure: str) -> str:
    """The canonical form of a Chinese-style figure.

    Example: normalise_figure("11.2 亿美元") -> "11.2亿美元"
             normalise_figure("１，２３４ 家") -> "1234家"
             normalise_figure("百分之八点五") -> "8.5%"
             normalise_figure("二十八家") -> "28家"
    """
    text = normalise_text(figure).strip()
    text = re.sub(r"\s+", "", text)
    m = re.fullmatch(rf"({CN_NUM})((?:{UNIT_ZH}).*)", text)
    if m and chinese_to_number(m.group(1)):
        return chinese_to_number(m.group(1)) + m.group(2)
    return text


def find_figures(text: str) -> list[str]:
    """The figures stated in `text`, as written (Chinese or English answers).

    Example: find_figures("2020年新增28家[1]，增长8.5%，利用外资11.2 亿美元[2]。")
               -> ["28家", "8.5%", "11.2 亿美元"]
             find_figures("Exports reached 1.12 billion US dollars in 2021 [1].")
               -> ["1.12 billion US dollars"]
    """
    text = MARKER.sub(lambda m: " " * len(m.group(0)), text)  # blanked, not removed: spans stay put
    text = LIST_NUMBER.sub(lambda m: " " * len(m.group(0)), text)
    found = [(m.start(), m.end()) for m in ZH_FIGURE.finditer(text) if _is_figure_zh(m.group(0))]
    for m in EN_FIGURE.finditer(text):
        overlaps = any(a < m.end() and m.start() < b for a, b in found)  # "8.5%" is caught by both
        if not overlaps and not YEAR.match(m.group(0)) and not (has_cjk(text) and m.lastindex == 1):
            found.append((m.start(), m.end()))
    return [text[a:b].strip() for a, b in sorted(found)]


def _is_figure_zh(match: str) -> bool:
    # "一个", "一项" are mostly the article "a", not a stated figure.
    return not re.fullmatch(rf"一(?:{UNIT_ZH})", match)


def english_to_chinese(figure: str) -> str | None:
    """An English figure in the Chinese documents' form, when the unit maps simply.

    Example: "1.12 billion US dollars" -> "11.2亿美元", "300 million yuan" -> "3亿元", "8.5 percent" -> "8.5%",
             "2.8 percentage points" -> "2.8个百分点", "28 companies" -> None
    """
    m = EN_FIGURE.fullmatch(figure.strip())
    if not m:
        return None
    number, unit, currency = normalise_text(m.group(1)), (m.group(2) or "").lower(), (m.group(3) or "").lower()
    if unit.startswith("percentage"):
        return number + "个百分点"
    if figure.strip().endswith("%") or unit.startswith("per"):
        return number + "%"
    money = {"yuan": "元", "rmb": "元", "us dollars": "美元", "dollars": "美元"}
    scales = {"billion": 10**9, "million": 10**6, "thousand": 10**3}
    if unit in scales:
        try:
            value = Decimal(number) * scales[unit]
        except InvalidOperation:
            return None
        return chinese_scale(value) + money.get(currency, "")
    if unit in money:
        return number + money[unit]
    return None


def chinese_scale(value: Decimal) -> str:
    """A value written the way the reports write it: 1120000000 -> "11.2亿", 12500000 -> "1250万"."""
    for word, size in (("亿", 10**8), ("万", 10**4)):
        if value >= size:
            return format((value / size).normalize(), "f") + word
    return format(value.normalize(), "f")


def _glued(before: str, first: str) -> bool:
    if first.isdigit():
        return before.isdigit() or before == "."
    return first in CN_CHARS and before != "" and before in CN_CHARS


def _find_bounded(needle: str, haystack: str) -> bool:
    """`needle` occurs in `haystack` not glued to other digits: "28家" is not in "128家"."""
    start = haystack.find(needle)
    while start != -1:
        end = start + len(needle)
        before, after = haystack[start - 1:start], haystack[end:end + 2]
        bad_after = needle[-1].isdigit() and (after[:1].isdigit() or re.match(r"\.\d", after))
        if not _glued(before, needle[0]) and not bad_after:
            return True
        start = haystack.find(needle, start + 1)
    return False


def figure_supported(figure: str, texts: list[str]) -> bool:
    """True when `figure` is stated in one of `texts` (the chunks its sentence cites).

    Example: figure_supported("28家", ["新增国家级高新技术企业28家"]) -> True
             figure_supported("28家", ["新增128家"]) -> False
             figure_supported("8.5%", ["增长百分之八点五"]) -> True
             figure_supported("1.12 billion US dollars", ["实际利用外资11.2亿美元"]) -> True
    An English figure with no mappable unit counts when its bare number is there
    ("28 companies" and "28家"); one whose unit maps but differs is unverified.
    """
    haystacks = [normalise_text(t) for t in texts]
    candidates = _candidates(figure)
    return any(_find_bounded(c, h) for c in candidates for h in haystacks)


def _candidates(figure: str) -> list[str]:
    if has_cjk(figure) or "%" in figure or "％" in figure:
        raw = re.sub(r"\s+", "", unicodedata.normalize("NFKC", figure))
        return list(dict.fromkeys([normalise_figure(figure), raw]))
    mapped = english_to_chinese(figure)
    if mapped:
        return [mapped]
    m = EN_FIGURE.match(figure.strip())
    return [normalise_text(m.group(1))] if m else []

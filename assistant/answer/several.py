"""Several things asked in one question, each answered with its own figure from its own clause.

"2014年要淘汰的钢铁、水泥、平板玻璃落后产能分别是多少" names three items and asks a figure of each; the best
single clause may name two of them with no figure of either ("钢铁、水泥等15个重点行业…完成"). Each item is
asked as a question of its own (the question with the other items left out) and its answer must state a
figure in the item's own part of the clause: "钢铁2700万吨" answers 钢铁, "钢铁、水泥等15个" does not.
The words that frame a run of items are in data/asking.yaml.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from assistant.analysis import Analysis
from assistant.data_files import load_data, word_pattern
from assistant.facts.indicators import named_indicators
from assistant.facts.units import base_alternation

# a run of two or more items joined by 、 or 和/及/与; an item holds no punctuation or joining word
ITEM = r"[^、+＋，,。；;：:？?！!\s和及与“”\"]{1,24}"
ITEM_RUN = re.compile(rf"{ITEM}(?:(?:、|和|及|与){ITEM})+")
JOINS = re.compile(r"、|和|及|与")
# the parts of a clause one item's figure is stated in: 钢铁2700万吨、水泥4200万吨 are two
OWN_PART = re.compile(r"[^、，,；;。：:]+")
YEARS = re.compile(r"(?:19|20)\d\d")
# an English question's list of what it asks: "(growth, unemployment, inflation)" or ": exports and imports?"
ENGLISH_LIST = re.compile(r"\(([^()]*,[^()]*)\)|:\s*([^:?]+(?:,|\band\b)[^:?]+)\??$")
ENGLISH_JOINS = re.compile(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")
SHORT_ITEM = 3  # characters at most of an item that is a qualifier of the last item's indicator (城镇, 农村)
GAP = 8  # characters at most between an item's name and its figure (控制在, 达到, 增长)
# a number with a measure word of counting right before a name: the count of it (6个世界级, 3家国家级)
COUNT_BEFORE = re.compile(rf"(?:\d+|[一二两三四五六七八九十百千]+)\s*(?:{base_alternation('count')})$")


@dataclass
class Item:
    name: str  # as the question says it: 钢铁, 物价涨幅
    question: str  # the question asking this item alone


def asks_each(question: str) -> bool:
    """The question asks a figure of each thing it names: 分别是多少, 各是多少, or 多少 twice."""
    return bool(word_pattern("asking.yaml", "asks_each").search(question)) or len(re.findall(r"多少", question)) >= 2


def asked_items(analysis: Analysis) -> list[Item]:
    """The items a figure question asks one figure each of, with the question for each; [] for any other.

    Example: asked_items(analyse("2012年报告对物价涨幅和进出口增长分别定了什么目标？")) ->
      [Item("物价涨幅", "2012年报告对物价涨幅分别定了什么目标？"), Item("进出口增长", "2012年报告对进出口增长分别定了什么目标？")]
    Places and years are sides of a comparison, not items (漯河市和尉氏县, 2013年和2014年).
    """
    question = analysis.question
    if analysis.comparison:
        return []
    if analysis.language == "en":
        return _english_items(analysis)
    if not asks_each(question):
        return []
    for run in ITEM_RUN.finditer(question):
        parts = JOINS.split(run.group(0))
        first, last = _first_name(parts[0]), _last_name(parts[-1])
        names = [first, *parts[1:-1], last]
        if any(not n or YEARS.search(n) or analysis.book.find_places(n) for n in names):
            continue
        start = run.start() + len(parts[0]) - len(first)
        end = run.end() - len(parts[-1]) + len(last)
        head = shared_head(last) or qualified_head(names)
        names = [n + head if head and len(n) <= SHORT_ITEM and head not in n else n for n in names[:-1]] + [last]
        return [Item(n, question[:start] + n + question[end:]) for n in names]
    return []


def _english_items(analysis: Analysis) -> list[Item]:
    """The items of an English question listing what it asks in brackets or after a colon ("…targets for
    2026 (growth, unemployment, inflation)?"): each element read into the reports' words as a question of
    its own (assistant/english.py through analyse), its question the reading without the other elements."""
    from assistant.analysis import analyse

    found = ENGLISH_LIST.search(getattr(analysis, "original", "") or "")
    if not found:
        return []
    elements = [e.strip() for e in ENGLISH_JOINS.split(found.group(1) or found.group(2)) if e.strip()]
    names = []
    for element in elements:
        words = analyse(element, analysis.book).question.split()
        if words and not words[0].isascii() and words[0] not in names:
            names.append(words[0])
    if len(names) < 2 or len(names) != len(elements):
        return []
    reading = analysis.question
    for name in names:
        reading = reading.replace(name, " ")
    return [Item(name, " ".join(f"{reading} {name}".split())) for name in names]


def item_names(name: str) -> tuple[str, ...]:
    """The item and the other names of the indicator it names most closely (data/indicators.yaml): 物价涨幅
    -> 居民消费价格涨幅, CPI…; 城镇居民人均可支配收入 -> 城镇居民收入, not 居民人均可支配收入 (a name it only
    contains, of another indicator)."""
    groups = [(max(len(n) for n in group if len(n) >= 2 and n.upper() in name.upper()), group)
              for group in load_data("indicators.yaml")
              if any(len(n) >= 2 and n.upper() in name.upper() for n in group)]
    longest = max((length for length, _ in groups), default=0)
    return tuple(dict.fromkeys([name, *(n for length, group in groups if length == longest for n in group)]))


def shared_head(last: str) -> str:
    """The indicator the items before the last one share with it: "城镇和农村居民人均可支配收入" names 城镇居民人均
    可支配收入 too. It is the longest name of data/indicators.yaml the last item ends with, shorter than it;
    "" when there is none (钢铁、水泥、平板玻璃落后产能: each item is a thing of its own)."""
    ends = [n for n in named_indicators(last) if last.endswith(n) and len(n) < len(last)]
    return max(ends, key=len, default="")


def qualified_head(names: list[str]) -> str:
    """The thing short items qualify, said once after the last of them: in "世界级、国家级、区域级产业集群" the
    items are of one length and end alike (…级), so the last item is one of them and the rest its head
    (产业集群); "" when they differ ("钢铁、水泥、平板玻璃落后产能" names three things)."""
    *first, last = names
    size = len(first[0]) if first else 0
    if (not first or size > SHORT_ITEM or len(last) <= size + 1 or any(len(n) != size for n in first)
            or any(n[-1] != last[size - 1] for n in first)):
        return ""
    return last[size:]


def _first_name(text: str) -> str:
    """The first item without the words setting the scene: "2014年要淘汰的钢铁" -> "钢铁"."""
    cut = max((m.end() for m in word_pattern("asking.yaml", "before_items").finditer(text)), default=0)
    return text[cut:]


def _last_name(text: str) -> str:
    """The last item without the asking words after it: "平板玻璃落后产能分别是多少" -> "平板玻璃落后产能"."""
    found = word_pattern("asking.yaml", "after_items").search(text)
    return text[:found.start()] if found else text


def states_own_figure(names: tuple[str, ...], span: str, figure: re.Pattern) -> bool:
    """Some part of the span (between 、，；) names the item and states its figure right after it: "钢铁2700万吨"
    and "居民消费价格涨幅控制在4%左右" do; "钢铁、水泥等15个重点行业" does not (水泥等15个 counts a group).
    `names`: the item as asked, then the other names of its indicator (data/indicators.yaml: 物价涨幅 is
    居民消费价格涨幅); a part holding the asked name's first two characters and half its character pairs names
    it too (进出口增长 in 进出口总额增长; 城镇居民收入 not in 农村居民收入), the figure then coming after the last
    pair found."""
    asked = names[0]
    pairs = {asked[i:i + 2] for i in range(max(1, len(asked) - 1))}
    for part in OWN_PART.findall(span):
        # a name after 占 is a share's denominator: 占规模以上工业增加值比重达42.2% is no figure of it
        said = [n for n in names if n and n in part]
        ends = [part.index(n) + len(n) for n in said if not part[:part.index(n)].endswith("占")]
        if not said and asked[:2] in part and sum(p in part for p in pairs) >= max(1, len(pairs) / 2):
            ends = [max(part.rfind(p) + 2 for p in pairs if p in part)]
        for end in ends:
            found = figure.search(part, end)
            if found and len(part[end:found.start()]) <= GAP and "等" not in part[end:found.start()]:
                return True
        # a count stands before what it counts: "着力培育6个世界级、7个国家级…产业集群" counts 世界级 with 6个
        if any(COUNT_BEFORE.search(part[:part.index(n)]) for n in said):
            return True
    return False


def item_picks(analysis: Analysis, answer_item, figure: re.Pattern, answered: list[str] = ()) -> list:
    """One pick per item the reports answer, or [] when fewer than two are (the question is then answered
    as a whole) or when the whole question's answer `answered` (its spans) states every item's figure
    already. `answer_item(item_analysis, require)`: the best pick for one item's question whose span passes
    `require(span)`."""
    items = asked_items(analysis)
    if len(items) < 2:
        return []
    checks = [lambda span, names=item_names(item.name): states_own_figure(names, span, figure) for item in items]
    if answered and all(any(check(span) for span in answered) for check in checks):
        return []
    picks = []
    for item, check in zip(items, checks):
        found = answer_item(replace(analysis, question=item.question), check)
        if found is not None:
            picks.append(found)
    return picks if len(picks) >= 2 else []


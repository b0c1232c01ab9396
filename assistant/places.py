"""Places: one gazetteer shared by document metadata and question analysis.

Known places carry their aliases (Chinese and English) and their parent, so a
question about 漯河市 can also reach the district and zone reports of Luohe.
Unknown places are still found by their self-identifying phrases
("许昌市人民政府", "在许昌市第八届人民代表大会").
"""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Place:
    name: str  # canonical: 漯河市
    level: str  # province | city | county | district | zone
    parent: str = ""
    aliases: tuple[str, ...] = ()
    english: tuple[str, ...] = ()


GAZETTEER: tuple[Place, ...] = (
    Place("河南省", "province", "", ("河南省", "河南", "豫"), ("henan",)),
    Place("漯河市", "city", "河南省", ("漯河市", "漯河"), ("luohe",)),
    Place("郾城区", "district", "漯河市", ("郾城区", "郾城"), ("yancheng",)),
    Place("源汇区", "district", "漯河市", ("源汇区", "源汇"), ("yuanhui",)),
    Place("召陵区", "district", "漯河市", ("召陵区", "召陵"), ("zhaoling",)),
    Place("舞阳县", "county", "漯河市", ("舞阳县", "舞阳"), ("wuyang",)),
    Place("临颍县", "county", "漯河市", ("临颍县", "临颍"), ("linying",)),
    Place("漯河经济技术开发区", "zone", "漯河市",
          ("漯河经济技术开发区", "漯河经开区", "漯河经济开发区"),
          ("luohe economic and technological development zone", "luohe economic-technological development zone",
           "luohe development zone", "luohe etdz", "development zone")),
    Place("开封市", "city", "河南省", ("开封市", "开封"), ("kaifeng",)),
    Place("尉氏县", "county", "开封市", ("尉氏县", "尉氏"), ("weishi",)),
    Place("洛阳市", "city", "河南省", ("洛阳市", "洛阳"), ("luoyang",)),
    Place("南阳市", "city", "河南省", ("南阳市", "南阳"), ("nanyang",)),
    Place("郑州市", "city", "河南省", ("郑州市",), ("zhengzhou",)),
    Place("郑州航空港经济综合实验区", "zone", "郑州市",
          ("郑州航空港经济综合实验区", "郑州航空港", "航空港区", "航空港实验区"),
          ("zhengzhou airport economy zone", "zhengzhou airport zone", "zhengzhou airport", "airport economy zone")),
    Place("许昌市", "city", "河南省", ("许昌市", "许昌"), ("xuchang",)),
    Place("新乡市", "city", "河南省", ("新乡市", "新乡"), ("xinxiang",)),
    Place("周口市", "city", "河南省", ("周口市", "周口"), ("zhoukou",)),
    Place("驻马店市", "city", "河南省", ("驻马店市", "驻马店"), ("zhumadian",)),
    Place("平顶山市", "city", "河南省", ("平顶山市", "平顶山"), ("pingdingshan",)),
    Place("安阳市", "city", "河南省", ("安阳市", "安阳"), ("anyang",)),
    Place("商丘市", "city", "河南省", ("商丘市", "商丘"), ("shangqiu",)),
    Place("信阳市", "city", "河南省", ("信阳市", "信阳"), ("xinyang",)),
)

BY_NAME = {p.name: p for p in GAZETTEER}
# Places the indexed documents name themselves by ("兰考县人民政府") that the gazetteer does not
# know: found in questions too (see `learn`), but never given to the tokenizer.
LEARNED: tuple[Place, ...] = ()

# A generic place name: 2-6 Han characters ending in an administrative suffix.
_GENERIC = r"[\u4e00-\u9fff]{2,6}?(?:省|市|县|区)"
SELF_NAMING = (
    re.compile(rf"({_GENERIC})人民政府"),
    re.compile(rf"在({_GENERIC})第[一二三四五六七八九十\d]+届人民代表大会"),
    re.compile(r"([\u4e00-\u9fff]{2,8}?(?:经济技术开发区|高新技术产业开发区|经开区|高新区))"),
)
_NOT_PLACES = {"全市", "我市", "本市", "全县", "我县", "全区", "我区", "城区", "市区", "县区", "各县区", "开发区", "示范区"}


def canonical(name: str) -> str:
    """Map an alias to its canonical name: canonical("漯河经开区") -> "漯河经济技术开发区"."""
    for place in GAZETTEER:
        if name == place.name or name in place.aliases:
            return place.name
    return name


def ancestors(name: str) -> list[str]:
    """ancestors("郾城区") -> ["漯河市", "河南省"]."""
    out, place = [], BY_NAME.get(name)
    while place and place.parent:
        out.append(place.parent)
        place = BY_NAME.get(place.parent)
    return out


def descendants(name: str) -> list[str]:
    """descendants("漯河市") -> ["郾城区", "源汇区", …, "漯河经济技术开发区"] (kept until the gazetteer changes:
    a province has 1,500 places under it at 100x the seeds)."""
    known = _matchers()["descendants"]
    if name not in known:
        known[name] = [p.name for p in GAZETTEER if name in ancestors(p.name)]
    return list(known[name])


def learn(names) -> None:
    """Make the places of indexed documents findable in questions, when the gazetteer lacks them.

    Example: after a report of 兰考县 is indexed, "兰考县2023年生产总值" (and "兰考2023年…")
    is filtered to it instead of searching every county's reports. Learned places have
    no parent, and are not added to the tokenizer (chunks already indexed were split
    without them, so the same text must keep splitting the same way).
    """
    global LEARNED
    known = set(BY_NAME) | {p.name for p in LEARNED}
    new = sorted({n for n in names if n and len(n) >= 3 and n not in known and n not in _NOT_PLACES})
    if new:
        LEARNED = LEARNED + tuple(Place(n, level_of(n), "", _learned_aliases(n), ()) for n in new)


def _learned_aliases(name: str) -> tuple[str, ...]:
    """兰考县 -> (兰考县, 兰考); 某某经开区 <-> 某某经济技术开发区; 某某高新区 <-> 某某高新技术产业开发区."""
    pairs = (("经济技术开发区", "经开区"), ("经开区", "经济技术开发区"), ("高新技术产业开发区", "高新区"),
             ("高新区", "高新技术产业开发区"))
    for long, short in pairs:
        if name.endswith(long) and len(name) > len(long) + 1:
            return name, name[:-len(long)] + short
    if name[-1] in "省市县区" and len(name) >= 4 or name[-1] in "省市县" and len(name) == 3:
        return name, name[:-1]
    return (name,)


def level_of(name: str) -> str:
    place = BY_NAME.get(name)
    if place:
        return place.level
    for suffix, level in (("开发区", "zone"), ("实验区", "zone"), ("省", "province"), ("市", "city"), ("县", "county"), ("区", "district")):
        if name.endswith(suffix):
            return level
    return "city"


_MATCHERS: dict = {}


def _matchers():
    """One compiled pattern over every Chinese alias, and English names by their first word.

    Rebuilt when the gazetteer is replaced (the benchmark adds synthetic places): with
    1,500 places, a regex per alias per question cost 120 ms a search.
    """
    key = (id(GAZETTEER), len(GAZETTEER), id(LEARNED), len(LEARNED))
    if _MATCHERS.get("key") != key:
        by_alias: dict[str, str] = {}
        by_first_word: dict[str, list[tuple[str, str]]] = {}
        for place in GAZETTEER + LEARNED:
            for alias in place.aliases:
                by_alias.setdefault(alias, place.name)  # an alias two places share goes to the first
            for english in place.english:
                by_first_word.setdefault(english.split()[0], []).append((english, place.name))
        longest_first = sorted(by_alias, key=len, reverse=True)
        pattern = re.compile("|".join(map(re.escape, longest_first))) if longest_first else None
        _MATCHERS.update(key=key, pattern=pattern, by_alias=by_alias, by_first_word=by_first_word, descendants={})
    return _MATCHERS


def _alias_spans(text: str) -> list[tuple[int, int, str]]:
    """Every alias occurrence, longest alias first, without overlaps.

    Example: _alias_spans("漯河经开区和郾城区") -> [(0, 5, "漯河经济技术开发区"), (6, 9, "郾城区")]
    """
    m = _matchers()
    if m["pattern"] is None:
        return []
    return [(hit.start(), hit.end(), m["by_alias"][hit.group()]) for hit in m["pattern"].finditer(text)]


def _english_places(lowered: str) -> list[str]:
    """Places whose English name stands in the text as whole words, in gazetteer order."""
    words = set(re.findall(r"[a-z][a-z-]*", lowered))
    hits = {name for word in words for english, name in _matchers()["by_first_word"].get(word, ())
            if re.search(rf"\b{re.escape(english)}\b", lowered)}
    return [place.name for place in GAZETTEER if place.name in hits]


def find_places(text: str) -> list[str]:
    """Canonical places named in a text, in order of first mention.

    Example: find_places("漯河经开区和郾城区2025年") -> ["漯河经济技术开发区", "郾城区"]
    English names count too: find_places("Weishi county GDP") -> ["尉氏县"].
    """
    found: list[str] = []
    for _, _, name in _alias_spans(text):
        if name not in found:
            found.append(name)
    lowered = text.lower()
    found += [name for name in _english_places(lowered) if name not in found]
    # "development zone" alone means the Luohe zone only when nothing more specific matched.
    return _drop_shadowed(found, lowered)


def _drop_shadowed(found: list[str], lowered: str) -> list[str]:
    if "漯河经济技术开发区" in found and "zone" in lowered and "airport" in lowered:
        found = [f for f in found if f != "漯河经济技术开发区"] if "luohe" not in lowered else found
    return found


def count_places(text: str) -> dict[str, int]:
    """Mentions per canonical place, known places and self-named unknown ones."""
    counts: dict[str, int] = {}
    for _, _, name in _alias_spans(text):
        counts[name] = counts.get(name, 0) + 1
    for pattern in SELF_NAMING:
        for m in pattern.finditer(text):
            name = canonical(m.group(1))
            if name in _NOT_PLACES or name.startswith(("全", "我", "本", "各")):
                continue
            counts[name] = counts.get(name, 0) + 3  # a self-naming phrase outweighs passing mentions
    return counts

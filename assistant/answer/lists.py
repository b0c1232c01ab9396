"""Lists whose items follow the words that name them.

A report often names a list, then gives its items in the clauses or the sentence after it:
"着重解决好现有“三个1亿人”问题，促进约1亿农业转移人口落户城镇，改造约1亿人居住的…，引导约1亿人…。"
or a short run-in heading, then what it heads: "新兴产业增势强劲。…新能源、生物医药、节能环保产业保持两位数增长。"
A list question answered with the naming words alone answers nothing: the items go with them.
(A colon, 即/包括 and 一是…二是… are read in extractive.py.)
"""
from __future__ import annotations

import re

from assistant.data_files import load_data, word_pattern
from assistant.answer.figures import chinese_to_number
from assistant.english import renderings_of
from assistant.text import regex

# two or more items of a list: 签约、开工和投产 (the same shape extractive.ENUMERATION reads)
# "+" joins items (金融+财政) unless a closing quote follows it: “人工智能+”, “益生菌+” name one thing each
JOIN = r"(?:、|[+＋](?![”\"’」』]))"
ENUMERATION = re.compile(rf"[^、+＋，,。；;：:\s]{{1,20}}{JOIN}[^、+＋，,。；;：:\s]{{1,20}}")
NUMERALS = {2: "两二", 3: "三", 4: "四", 5: "五", 6: "六", 7: "七", 8: "八", 9: "九", 10: "十"}
COUNTERS = "个大项条类种批家方面"
ITEM = r"[^、+＋，,。；;：:\s和及与]{1,20}"
ITEM_RUN = re.compile(rf"{ITEM}(?:(?:{JOIN}|和|及|与){ITEM})+")
JOINED_ITEM = r"[^、+＋，,。；;：:\s]{1,20}"  # an item of a run joined by 、 or + alone
ITEM_JOINS = re.compile(rf"{JOIN}|和|及|与")
HEADING = 12  # characters at most of a run-in heading sentence (新兴产业增势强劲。)
DIGIT = re.compile(r"\d")
CLAUSE = re.compile(r"[^，,；;。！？!?]+[，,；;。！？!?]?")


def lists_items(sentence: str, count: int) -> bool:
    """The sentence gives `count` items: a run of them (A、B和C) or that many clauses."""
    runs = {len(ITEM_JOINS.split(m.group(0))) for m in ITEM_RUN.finditer(sentence)}
    return count in runs or len(CLAUSE.findall(sentence)) >= count


def names_counted_list(span: str, count: int) -> bool:
    """The span names a list of `count` things: "三个1亿人", "四大产业", "3项任务" for 3, 4, 3."""
    if count < 2:
        return False
    numerals = f"[{NUMERALS.get(count, '')}]|{count}" if count in NUMERALS else str(count)
    return re.search(rf"(?<![\d一二三四五六七八九十])(?:{numerals})[{COUNTERS}]", span) is not None


def items_after(span: str, rest: list[str], following: list[str], count: int, limit: int,
                grams: set[str] = frozenset(), spelled: tuple[str, ...] = ()) -> str:
    """The span with the items that follow it, or "" when it gives its items itself or none follow.

    `rest`: the clauses after the span in its sentence; `following`: the sentences after that sentence;
    `count`: how many items the question counts (0: it does not say).
    - a span naming a list of the counted number ("三个1亿人") takes that many clauses after it, or the
      next sentence when it ends its own;
    - a span holding a name the question spells by its items' counts (`spelled`: "三区一高地一家园") and
      ending its sentence takes the first clause of each next sentence opening with the verb said before the
      name (基本建成“三区一高地一家园”。… 基本建成国际食品名城核心区,…), when there are as many as it counts;
    - a short sentence of its own without figures (a run-in heading) takes the clause of the next sentence
      that enumerates (、), when that clause shares none of the question's words `grams`: the heading
      then carries what the question asks, and the items alone would never be found (one sharing them
      is found on its own, without the heading).
    """
    if ENUMERATION.search(span):
        return ""
    repeated = verb_items(span, rest, following, count, spelled)
    if repeated:
        text = f"{span.rstrip('，,。；; ')}：{'；'.join(repeated)}。"
        return text if len(text) <= limit else ""
    following = following[:1]  # the sentence right after the span's own
    if names_counted_list(span, count):
        # as many clauses after it as it counts, or a next sentence listing as many items
        more = rest[:count] if len(rest) >= count else (
            following[:1] if not rest and following and lists_items(following[0], count) else [])
    elif not rest and following and len(span.strip("，,。；; ")) <= HEADING and not DIGIT.search(span):
        listing = [c for c in CLAUSE.findall(following[0]) if ENUMERATION.search(c)][:1]
        more = [c for c in listing if not any(g in c for g in grams)]
    else:
        return ""
    text = span + "".join(more)
    return text if more and len(text) <= limit else ""


# -- a name spelled by its items' counts ("三去一降一补") -----------------------------------------------------

NUMERAL_VALUES = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
# one part: a numeral, a counter perhaps, and the word its items share (三去, 一高地, 三个1亿人); a numeral right
# after a numeral (十四五) is a number, not a part
SPELLED_PART = re.compile(r"([一两二三四五六七八九十])[个大项条]?([^一两二三四五六七八九十]{1,4}?)(?=[一两二三四五六七八九十]|$)")
QUOTED = re.compile(r"[“\"‘'（(]([^“”\"‘’'（）()]{3,12})[”\"’'）)]")


def spelled_parts(term: str) -> list[tuple[int, str]]:
    """(count, word) of each part of a name spelled by its items' counts: "三去一降一补" -> [(3, 去), (1, 降), (1, 补)],
    "三个1亿人" -> [(3, 1亿人)]; [] for a name that is not (十四五, 国际食品名城, 三农: one part without a counter
    is a word of its own)."""
    if not re.fullmatch(rf"(?:{SPELLED_PART.pattern})+", term):
        return []
    parts = [(NUMERAL_VALUES[m.group(1)], m.group(2)) for m in SPELLED_PART.finditer(term)]
    counter = re.match(r"[一两二三四五六七八九十][个大项条]", term) is not None
    return parts if len(parts) >= 2 or counter else []


def spelled_terms(question: str, original: str = "") -> dict[str, list[tuple[int, str]]]:
    """The quoted names a list question spells by its items' counts and asks the items of, with their parts:
    "“三去一降一补”具体是哪五项" -> {三去一降一补: […]}; "“三大攻坚战”取得了哪些成效" asks no items of it -> {}."""
    found = {}
    english = bool(original) and word_pattern("asking.yaml", "spelled_asked_english").search(original) is not None
    asked = word_pattern("asking.yaml", "spelled_asked")
    for text in filter(None, (question, original)):
        for m in QUOTED.finditer(text):
            parts = spelled_parts(m.group(1))
            if parts and sum(n for n, _ in parts) >= 2 and (english or asked.search(text[m.end():])):
                found[m.group(1)] = parts
    return found


def spells(span: str, parts: list[tuple[int, str]]) -> bool:
    """A run of items in span spells the name: as many items as it counts, each holding its part's word, in order
    ("去产能、去库存、去杠杆、降成本、补短板" for 三去一降一补). A name of one part ("四大基地") says only the
    kind of its items: any four bases hold its word, the four it names may not (肉类加工、…“四大基地”)."""
    if len(parts) < 2:
        return False
    words = [word for n, word in parts for _ in range(n)]
    for run in ITEM_RUN.finditer(span):
        items = ITEM_JOINS.split(run.group(0))
        if len(items) == len(words) and all(w in item for w, item in zip(words, items)):
            return True
    return False


def verb_items(span: str, rest: list[str], following: list[str], count: int, spelled: tuple[str, ...]) -> list[str]:
    """The items of a spelled name the span holds, given in the sentences after it, each opening with the verb said
    before the name ("基本建成“三区一高地一家园”。…基本建成内陆开放经济先行区,…"): the first clause of each, when
    as many as counted follow within twice as many sentences; else []."""
    if rest or count < 2:
        return []
    for term in spelled:
        said = re.search(rf"([\u4e00-\u9fff]{{2,4}})[“\"‘']?{re.escape(term)}", span)
        if not said:
            continue
        verb = said.group(1)
        items = [CLAUSE.match(s.strip()).group(0).rstrip("，,。；; ") for s in following[:2 * count]
                 if s.strip().startswith(verb) and CLAUSE.match(s.strip())]
        if len(items) == count:
            return items
    return []


def english_list(original: str) -> bool:
    """An English question asks for a list by a plural noun after which: "Which emerging industries in Luoyang
    kept…" -> True; "Which province became…", "In which years did…" -> False (data/asking.yaml)."""
    found = word_pattern("asking.yaml", "english_list").search(original or "")
    if word_pattern("asking.yaml", "english_name_items").search(original or ""):
        return True  # "Name four of them": the imperative asks items, as many as it counts
    return bool(found) and found.group(1).lower() not in load_data("asking.yaml")["english_not_items"]


def english_one_asked(original: str) -> bool:
    """An English question asking which one thing ("Which city in Henan reached…", "Which company's pilot line…"):
    its reading asks 哪些 as for any which, but a clause naming it without a list of items answers it. A plural
    noun in the words after which, up to the first word ending a noun phrase ("Which key food industry chains
    did…"), a count (which two) or a list word (list, name three) asks several."""
    from assistant.analysis import question_words

    found = re.search(r"\bwhich\s+(.*)", original or "", re.I)
    if not found or question_words("list").search(original) or word_pattern("asking.yaml", "english_name_items").search(original):
        return False
    data = load_data("asking.yaml")
    for word in re.findall(r"[A-Za-z'-]+", found.group(1))[:5]:
        word = word.lower()
        if word in data["english_phrase_ends"]:
            break
        # a plural of four letters or more (gas, bus are no plurals)
        if re.fullmatch(r"[a-z-]{2,}(?:ies|[^su\W']s)", word) and word not in data["english_not_items"]:
            return False
    return True


def counted_run(span: str, count: int, grams: set[str]) -> bool:
    """A run of `count` items named right after it by their count and a noun sharing a word of the question:
    "集成电路、生物医药、人工智能三大先导产业" gives the three 产业 a question about three leading industries asks,
    where "吴淞、南大、桃浦等区域" in a clause on 主导产业 gives three items of something else."""
    if count < 2 or count not in NUMERALS:
        return False
    numerals = f"[{NUMERALS[count]}]|{count}"
    for named in regex(rf"(?:{numerals})[{COUNTERS}]([\u4e00-\u9fff]{{2,8}})").finditer(span):
        if not any(g in named.group(1) for g in grams):
            continue
        before = span[:named.start()]
        run = re.search(rf"{ITEM}(?:(?:{JOIN}|和|及|与){ITEM})+$", before)
        if run and len(ITEM_JOINS.split(run.group(0))) == count:
            return True
        # and read with 、 alone: 和 inside a name (呼和浩特) or an item (软件和信息服务业) joins nothing
        run = re.search(rf"{JOINED_ITEM}(?:{JOIN}{JOINED_ITEM})+$", before)
        if run and len(re.split(JOIN, run.group(0))) == count:
            return True
    return False


ENGLISH_NUMBERS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine", 10: "ten"}
ENGLISH_COUNTS = {word: n for n, word in ENGLISH_NUMBERS.items()}  # "four" -> 4


def asked_count(question: str) -> int:
    """How many items a list question counts: "哪三条" / "三大产业是哪些" / "which two" -> 3, 3, 2; else 0."""
    told = word_pattern("asking.yaml", "english_name_items").search(question)
    if told and told.group(1).lower() in ENGLISH_COUNTS:
        return ENGLISH_COUNTS[told.group(1).lower()]  # "…six parks. Name three of them": the three told
    found = word_pattern("question_words.yaml", "counted").search(question)
    if not found:
        return 0
    number = next((g for g in found.groups() if g), "")
    if number.isdigit():
        return int(number)
    if number.lower() in ENGLISH_COUNTS:
        return ENGLISH_COUNTS[number.lower()]
    value = chinese_to_number(number)
    return int(value) if value and value.isdigit() else 0


def characters_counted(question: str) -> bool:
    """The count a Chinese question says is of characters, not items: "城市精神是哪八个字" asks a slogan of eight
    characters, given as four words of two (“坚韧、忠勇、开放、争先”)."""
    return re.search(r"[两二三四五六七八九十\d]+个?字(?![号母])", question) is not None


def quoted_characters(span: str) -> set[int]:
    """The characters of each quoted run of items in span, without their joins: "“坚韧、忠勇、开放、争先”的城市精神"
    -> {8}."""
    return {len(re.sub(rf"{JOIN}|\s", "", quoted)) for quoted in re.findall(r"“([^“”]{2,40})”", span)
            if re.search(JOIN, quoted)}


def counts_said(question: str) -> set[int]:
    """The counts a question says anywhere, in figures, Chinese numerals or English words: "eight clusters. Name
    four of them" -> {8, 4}."""
    return {n for n in NUMERALS
            if regex(rf"(?<!\d){n}(?!\d)|[{NUMERALS[n]}]|\b{ENGLISH_NUMBERS[n]}\b", re.I).search(question)}


def other_count_said(question: str, count: int) -> bool:
    """The question counts something else besides its `count` items: "eight clusters. Name four of them", "在三个
    领域中列出两项" say 8 and 3 beside 4 and 2. A count is a number before a counter (三个, 8项) or an English
    count word; numerals inside a name (十四五, 十堰) count nothing."""
    for n in NUMERALS:
        if n == count:
            continue
        if regex(rf"(?:(?<!\d){n}|[{NUMERALS[n]}])[{COUNTERS}]|\b{ENGLISH_NUMBERS[n]}\b", re.I).search(question):
            return True
    return False


def other_counted_run(span: str, count: int, grams: set[str], question: str = "") -> bool:
    """A run named after it by another count than the question's, with a noun sharing its words: "新增荆州、孝感、
    黄冈3个过三千亿元城市" when four 千亿县 are asked is the list of another thing, however many words it shares.
    A count the question says itself is no other (eight clusters, name four of them: the eight are the list)."""
    said = counts_said(question)
    return count >= 2 and any(counted_run(span, other, grams) for other in NUMERALS
                              if other != count and other not in said)


# -- a list of the asked thing's instances, or of kinds of things the asked one is among ----------------------

QUESTION_RUN = 3  # characters at least of the question's own noun said in an item (产业集群, 龙头企业)
TAIL = 3  # characters at most after the noun in a run's last item (为重点: what the clause says of the run)


def question_runs(text: str, grams: set[str]) -> list[tuple[int, int]]:
    """(start, end) of the stretches of `text`, three characters or more, every pair of whose characters is a
    word pair of the question (`grams`): "培育一批国家级产业集群" with 国家级 and 产业集群 asked -> both."""
    runs, start = [], None
    for i in range(len(text) - 1):
        if text[i:i + 2] in grams:
            start = i if start is None else start
            continue
        if start is not None and i + 1 - start >= QUESTION_RUN:
            runs.append((start, i + 1))
        start = None
    if start is not None and len(text) - start >= QUESTION_RUN:
        runs.append((start, len(text)))
    return runs


def _own_before(item: str, end: int, grams: set[str]) -> str:
    """What the item says of its own before the question's noun ending at `end`: after the last quantity word
    (一批, 若干: data/asking.yaml list_quantity; the words before it are the verb of the whole run), without
    the question's words."""
    before = item[:end]
    cut = max((m.end() for m in word_pattern("asking.yaml", "list_quantity").finditer(before)), default=0)
    before = before[cut:]
    for start, stop in reversed(question_runs(before, grams)):
        before = before[:start] + before[stop:]
    # a count is the item's own too (含氟新材料3条产业链: the three named before it, 3条 of them)
    return "".join(c for c in before if c.isdigit() or ("\u4e00" <= c <= "\u9fff" and not any(c in g for g in grams)))


def heads(item: str, run: tuple[int, int], last: bool) -> bool:
    """The question's words at `run` are the item's head noun: they end it; in a run's last item they may be
    followed by what the clause says of the run (…产业集群为重点, 三字 at most) or, after 等, by anything
    (云龙湖等实验室加快建设). Words of the question followed by words of its own (制造业创新中心) qualify
    another noun."""
    if run[1] == len(item):
        return True
    return last and (len(item) - run[1] <= TAIL or "等" in item[:run[0]])


# 等 closing a list (A、B、C等严重自然灾害), not inside a word (高等, 平等, 等级, 等于)
CLOSES_LIST = re.compile(r"(?<![高平同对均初中])等(?![级于同待候])")


def closed(items: list[str]) -> list[str]:
    """The items up to the one that closes the list with 等 and its noun: "汶川特大地震、玉树强烈地震、舟曲特大山洪
    泥石流等严重自然灾害和灾后恢复重建重大胜利" lists three disasters; what 和 adds after the noun is no item of them."""
    end = next((n for n, item in enumerate(items) if CLOSES_LIST.search(item)), None)
    return items if end is None else items[:end + 1]


def asked_items_kind(span: str, grams: set[str]) -> tuple[int, bool]:
    """(instances, categories) of the runs of items in a list question's span.

    An item ending with the question's noun (three characters or more of its words, 产业集群) with words of its
    own before it names an instance of it: "千亿级食品制造产业集群、百亿级液压科技产业集群" names two clusters.
    An item that is the noun itself ("培育一批国家级产业集群、产业园区、龙头企业": nothing of its own after the
    quantity word but the question's words) beside items that are other things names kinds of things, the
    asked one among them: such a run gives no instance of what is asked, however many words it shares.
    The noun said once after the last item heads them all: "液压科技、装配式建筑等8个产业集群" names two.
    `instances`: the most items of one run naming an instance; `categories`: some run is such a list of kinds."""
    instances, categories = 0, False
    for run in ITEM_RUN.finditer(span):
        named = bare = other = 0
        last_named = False
        items = closed(ITEM_JOINS.split(run.group(0)))
        for n, item in enumerate(items, start=1):
            found = [r for r in question_runs(item, grams) if heads(item, r, last=n == len(items))]
            last_named = False
            if not found:
                other += 1
            elif len(_own_before(item, found[-1][0], grams)) <= 1:
                bare += 1
            else:
                named += 1
                last_named = n == len(items)
        if named == 1 and last_named and other == len(items) - 1:
            named = len(items)  # the noun said once, after the last item, heads them all (A、B等8个产业集群)
        instances = max(instances, named)
        categories = categories or (bare >= 1 and other >= 1 and not named)
    return instances, categories


def head_kind(original: str) -> tuple[str, ...]:
    """How the names of the things an English list question asks end, read from its plural head noun through the
    glossary: "Which new medical centres did…" -> (中心,) (…防治中心、…危重症中心), "Which two new towns…" ->
    (新城,) (the longest term ending at the noun: new town). A Chinese question, one asking one thing, or a noun the
    glossary lacks or renders in one character (cities: 市) -> (). What a list of that kind is named by: its items
    end so, where another list of the same passage names other things."""
    found = word_pattern("asking.yaml", "english_list").search(original or "")
    if not found or found.group(1).lower() in load_data("asking.yaml")["english_not_items"]:
        return ()
    before = re.findall(r"[A-Za-z-]+", original[found.start():found.start(1)])[1:]  # the words between which and it
    for n in range(min(3, len(before)), -1, -1):
        chinese = renderings_of(" ".join([*before[len(before) - n:], found.group(1)]))
        ends = tuple(c for c in chinese if re.fullmatch(r"[\u4e00-\u9fff]{2,}", c))
        if ends:
            return ends
    return ()

"""When the best evidence does not answer: the checks that make the extractive answerer refuse.

A right-looking figure about something else is worse than no answer. Each check is a
general rule set on the dev set and scored on the held-out set (evals/README.md):
the measure asked for (多少张 needs 张), the indicator named (消费支出 is not 可支配收入),
English glossary terms, and question words the corpus never uses.
"""
from __future__ import annotations

import re
from functools import lru_cache

from assistant.analysis import ASKED_GROUPS, Analysis, budget_words_naming_report
from assistant.data_files import load_data, word_pattern
from assistant.english import main_clause
from assistant.facts.units import base_alternation, group_of, is_unit, unit_alternation
from assistant.text import YEAR, regex

# Asking words, and words a question uses that a report never needs to (data/question_words.yaml).
QUESTION_NOISE = word_pattern("question_words.yaml", "noise")
FOLLOW_WORDS = word_pattern("question_words.yaml", "follow")
# A number with its unit (data/units.yaml, with any 万/亿 in front), or a rate in thousandths.
# a rough figure's mark (500多万台, 300余人: data/question_words.yaml approximate_marks) stands between the numeral
# and its unit
ROUGH = f"{load_data('question_words.yaml')['approximate_marks']}?"
FIGURE = re.compile(rf"\d+(?:\.\d+)?\s*{ROUGH}(?P<unit>‰|[万亿千百]*(?:{unit_alternation()}))")
UNKNOWN_TERM_PENALTY = 0.5
ENGLISH_UNKNOWN_SHARE = 0.5  # an English word no glossary knows, against a Chinese term the corpus lacks
COMMON_WORD = 5000  # jieba dictionary count above which a noun is everyday language (时间 33,288; 人数 8,857)
MEASURE_PENALTY = 1.0
# A question asking the value of a rate or share (覆盖率是多少, 占比有多大, A与B之比是多少), and what states one.
SHARE_ASKED = re.compile(r"(?:率|比重|比例|之比|占比|份额)的?(?:是|为|达到?|有|在)?(?:多少|多大|几)"
                         r"|(?<!growth )\b(?:rate|ratio|share|proportion)\b(?! of growth)", re.I)
# A number of years (连续37年, 30年来, 三十年): one to three digits or Chinese numerals before 年; a calendar year
# has four digits. Not a unit of data/units.yaml, or every year would be a figure.
DURATION = re.compile(r"(?<![\d.])\d{1,3}\s*(?:多)?年(?![代级度])|(?<![一二两三四五六七八九十百])[一二两三四五六七八九十百]+年(?![代级度])")
# A span of time in any unit (用不到27天, 历时12年, 3个月): what a question asking how long something took wants
TIME_SPAN = re.compile(rf"{DURATION.pattern}|(?<![\d.])\d{{1,4}}\s*(?:多)?(?:个月|天|周|小时)|[一二两三四五六七八九十百]+(?:个月|天|周)")
PERCENTAGE = re.compile(r"\d\s*(?:%|％|‰|个?百分点)|百分之|[一二三四五六七八九]成")  # a clause without the measure asked for (张, 元, a quantity) never beats one with it


def aliases(place: str, book) -> list[str]:
    known = book.place(place)  # the gazetteer's, or a place `book` learned from its index (漯河经开区)
    return list(known.aliases) if known else [place]


NUMERAL = r"(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+)"


def has_unit(text: str, unit: str) -> bool:
    """has_unit("新增床位1200张", "张") -> True; has_unit("养老服务中心5个", "张") -> False."""
    return bool(regex(rf"{NUMERAL}\s*{ROUGH}[万亿千百]*{unit}").search(text))


def has_quantity(text: str, multiples_count: bool = False) -> bool:
    """A figure that is not a percentage or a multiple: "884亿元" yes, "增长13.1%" and "增长1.2倍" no; a multiple
    counts when a change is asked (`multiples_count`: "By how much did X lift Y": 增长近7倍)."""
    multiples = set() if multiples_count else set(load_data("units.yaml")["ratio_units"])
    return any(not re.match(r"\s*(?:%|‰|个百分点)", text[m.end():]) and not is_percentage(m.group("unit"))
               and m.group("unit") not in multiples for m in FIGURE.finditer(text))


def is_percentage(unit: str) -> bool:
    return unit == "‰" or group_of(unit) == "percent"


def measure_penalty(text: str, analysis: Analysis) -> float:
    """The question named its measure (多少张, 多少元) or asked a quantity: a clause without it does not answer."""
    asked = f"{analysis.original} {analysis.question}"
    if counts_years(asked):  # 连续多少年: a duration, whatever else the clause states
        return 0.0 if duration_pattern(asked).search(text) else MEASURE_PENALTY
    if analysis.unit and not has_unit(text, analysis.unit):
        return MEASURE_PENALTY
    if SHARE_ASKED.search(analysis.question) and not PERCENTAGE.search(text):
        return MEASURE_PENALTY  # 森林覆盖率是多少: a count (新建森林乡村24个) is no rate
    if analysis.amount and not analysis.unit and not has_quantity(text, change_asked(analysis)):
        return MEASURE_PENALTY
    if not analysis.unit and asks_count(analysis) and not has_count(text):
        return MEASURE_PENALTY  # how many visitors: 成交439.7亿元 is a sum, of the event's deals
    return 0.0


def change_asked(analysis: Analysis) -> bool:
    """The question asks how much a thing changed ("By how much did … lift", 增长了多少: data/question_words.yaml
    change_asked and rate), which a multiple answers."""
    asked = f"{analysis.original} {analysis.question}"
    return (word_pattern("question_words.yaml", "change_asked").search(asked.lower()) is not None
            or word_pattern("question_words.yaml", "rate").search(asked) is not None)


def asks_count(analysis: Analysis) -> bool:
    """An English question asking how many things ("How many visitors attended …?"), no unit or sum named
    (data/english.yaml count_asked): what answers it is a count."""
    return bool(analysis.original) and word_pattern("english.yaml", "count_asked").search(analysis.original.lower()) is not None


def has_count(text: str) -> bool:
    """Some figure of `text` may be a count: one whose unit is not a sum of money, a rate or points ("1837家",
    "2061万架次", "386万千瓦" yes; "439.7亿元、增长3.7%" no), or a numeral with no unit known."""
    figures = list(FIGURE.finditer(text))
    if not figures:
        return True  # a count in words or in a unit no list knows: left to the other checks
    return any(group_of(f.group("unit")) not in ("money", "percent", "points") and not is_percentage(f.group("unit"))
               for f in figures)


def counts_years(question: str) -> bool:
    """counts_years("经济总量连续多少年居全国首位？") -> True; counts_years("哪一年建成？") -> False; a question
    asking how long something took counts time too (time_taken)."""
    return word_pattern("question_words.yaml", "years_count").search(question) is not None or time_taken(question)


def time_taken(question: str) -> bool:
    """time_taken("How long did the Central Axis take to be listed?") -> True; time_taken("哪一年建成？") -> False."""
    return word_pattern("question_words.yaml", "time_taken").search(question) is not None


def duration_pattern(question: str) -> re.Pattern:
    """What answers a question counting time: a span in any unit when it asks how long something took, else years."""
    return TIME_SPAN if time_taken(question) else DURATION


def answers_measure(text: str, analysis: Analysis) -> bool:
    if analysis.wants in ("number", "rate") and not re.search(NUMERAL, without_vague_quantities(text)):
        return False  # "新培育认定一批公共海外仓" says no number of anything
    if analysis.wants == "rate" and not analysis.unit and not states_a_rate(text):
        return False  # a growth target asked: 十项措施 counts measures, it states no rate
    return measure_penalty(text, analysis) == 0.0


def without_vague_quantities(text: str) -> str:
    """The text without the quantity words that count nothing (一批, 一系列, 若干: data/asking.yaml list_quantity),
    whose 一 is no figure of what a question asks how many of."""
    return word_pattern("asking.yaml", "list_quantity").sub(" ", text)


def states_a_rate(text: str) -> bool:
    """A clause that may state a rate or a change: a figure in digits, a share or points in words (百分之八,
    三成), or a multiple (增长一倍, 翻一番). "推出…十项措施" (a count in words) states none."""
    return re.search(r"\d|倍|番", text) is not None or PERCENTAGE.search(text) is not None


def unknown_terms(question: str, analysis: Analysis, known) -> list[str]:
    """Content words of the question that occur nowhere in the corpus (`known(token)` is False).

    Example: for "漯河市2023年快递业务量是多少？" over the seeds -> ["业务量"]
    A question whose key term the corpus never uses cannot be answered from it.
    """
    from assistant.index.lexical import tokenize

    out = []
    english_terms = analysis.expansion if analysis.language == "en" else ""  # the glossary speaks for them
    # an English term is known when one of its renderings is: 技工学校 unknown is no gap when 技工院校 is known
    # (a rendering jieba reads as one word the index holds only inside a longer one, 研发投入 of 研发投入强度, is
    # known by its pieces)
    said = {t for group in analysis.renderings if any(all(known(t) for t in pieces(r)) for r in group)
            for r in group for t in tokenize(r)}
    # a piece of a place's name the search cut gives (津市 of 天津市) is the place, no term
    named = [alias for alias in place_words(analysis) if alias in question]
    for token in tokenize(f"{question} {english_terms}"):
        if len(token) < 2 or not re.search(r"[\u4e00-\u9fff]", token) or re.search(r"\d", token) or token in said:
            continue
        if QUESTION_NOISE.fullmatch(token) or FOLLOW_WORDS.search(token) or is_unit(token) or counted_in(token) \
                or token in place_words(analysis) or any(token in alias for alias in named):
            continue
        if f"》{token}" in question:
            continue  # the kind of a work its title names (《科学》杂志): a passage names the work by its title alone
        if not known(token) and is_word(token) and token not in out and not named_otherwise(token, known):
            out.append(token)  # (a rendering is in reading and expansion both)
    # an English figure question's words that no glossary or word list knows (assistant/english.py) and
    # the reports do not use as they are: each stands for a Chinese term of the indicator the reading
    # could not name; in a question asking for a name or a date the words describe the answer, and the
    # coverage of the reading already counts them
    if analysis.wants in ("number", "rate"):
        out += [word for word in analysis.unknown if not known(word)]
    return out


def counted_in(token: str) -> bool:
    """A unit and 数 (套数, 户数, 台数): the count of the things that unit counts, how a question asks a figure,
    no term a report must write (it writes 500万套).
    Example: counted_in("套数") -> True; counted_in("指数") -> False"""
    return len(token) >= 2 and token.endswith("数") and is_unit(token[:-1])


def pieces(words: str) -> list[str]:
    """The smallest words `words` is cut into: the tokens no other token of it lies inside (研发, 投入 of 研发投入,
    not the whole, which the search cut also gives).
    Example: pieces("研发投入") -> ["研发", "投入"]"""
    from assistant.index.lexical import tokenize

    tokens = tokenize(words)
    return [t for t in tokens if not any(o != t and o in t for o in tokens)]


def named_otherwise(token: str, known) -> bool:
    """A question's name of an indicator (data/indicators.yaml) whose other name the index holds: 个税 where the
    reports write 个人所得税. The reports then speak of the thing, by another of its names.
    Example: named_otherwise("个税", known) -> True when some passage writes 个人所得税"""
    from assistant.facts.table import synonym_groups
    from assistant.index.lexical import tokenize

    return any(token in group and any(name != token and all(known(t) for t in tokenize(name)) for name in group)
               for group in synonym_groups())


def said_by(word: str, analysis: Analysis, text: str) -> bool:
    """An English word no list knows that a passage says all the same: the passage writes the Chinese of one of
    its dictionary senses (analysis.senses, dictionary.said_senses). The word then counts against no answer from
    that passage; against a passage writing none of them it still does, which keeps a question about something
    the reports never mention refused.
    Example: said_by("heritage", analysis, "…成功申报世界文化遗产") -> True when 遗产 is a sense of heritage"""
    return any(chinese in text for chinese in analysis.senses.get(word, ()))


def unsaid(unknown: list[str], analysis: Analysis, text: str) -> list[str]:
    """The question's unknown terms that `text` does not say: its English words (analysis.unknown) are left out
    when the passage says every one of them (said_by), Chinese terms (absent from the whole corpus) never are. A
    passage saying one unknown word and not another is about something else ("scientists' salaries": 待遇 of
    低保 without 科学家), so each still counts against it."""
    english = set(analysis.unknown)
    # (a passage saying most of them, not all, was tried: a sense is often an everyday word, 严重 of "severe", and
    # "monthly allowance for veterans with severe injuries" then took 退役军人…就业 for an answer)
    if not english or not all(said_by(word, analysis, text) for word in english):
        return list(unknown)
    return [term for term in unknown if term not in english]


def unknown_penalty(unknown: list[str], analysis: Analysis) -> float:
    """What the question's unknown terms take off the best clause's score, for two terms at most.

    A Chinese term the corpus never uses is proof the reports lack it; an English word no glossary knows is
    only a gap of the reading (the reports may well say it: "collective" for 集体), so it weighs half.
    Example: ["业务量"] -> 0.5; ["collective"] -> 0.25; ["public", "sense", "security", "campus"] -> 1.0
    """
    english = set(analysis.unknown)
    # an English question's Chinese terms are the reading's renderings, not the asker's words: one the corpus
    # never writes is a gap of the reading as much as an English word no list knows (钢铁集团 for "steel groups")
    read = analysis.language == "en"
    weight = sum(ENGLISH_UNKNOWN_SHARE if term in english or read else 1.0 for term in unknown)
    return UNKNOWN_TERM_PENALTY * min(2.0, weight)


def is_word(token: str) -> bool:
    """A specific term: a noun of jieba's dictionary that is not among the commonest words.

    A token jieba's HMM made up from two characters that happen to meet ("大会上作的" -> 上作), a verb
    (签下), a numeral (第一批), a pronoun (哪里) or an everyday noun (时间, 人数) says nothing about what
    the corpus holds, so it never counts as a term the corpus lacks.
    """
    import jieba
    import jieba.posseg

    jieba.dt.check_initialized()  # the dictionary is read on first use
    tag = jieba.posseg.dt.word_tag_tab.get(token)
    frequency = jieba.dt.FREQ.get(token) or 0
    return bool(tag) and (tag.startswith("n") or tag in ("vn", "j")) and 0 < frequency <= COMMON_WORD


VALUE_MARKS = frozenset(load_data("asking.yaml")["value_marks"])  # 实际, 名义: which value, not which indicator
ASKED_MEASURE = re.compile(rf"^\s*(?:{'|'.join(load_data('question_words.yaml')['asked_measures'])})")
# the verb asking the figure with its aspect mark (完成了多少, 达到了多少, a budget's 安排了多少): how the question asks, not
# the indicator's words (a sentence saying only 安排 of 国防支出预算安排了多少 states another budget line)
ASKING = re.compile(r"(?:(?:是|为|有|达到?|完成|实现|共|在|安排)了?|了)?(?:多少|(?<![哪第])几)")
RATE_TAIL = re.compile(r"的?(?:预期)?(?:增速|增长率|增幅|增长|目标|规模|总量|数量|比例|比重|占比)*$")
BEFORE_INDICATOR = re.compile(rf".*(?:{YEAR}年(?:末|底|上半年|前)?|[，,、：:“”（）()]|市|县|区|省|的)")
NOT_AT_LEVEL = re.compile(rf".*(?:{YEAR}年(?:末|底|上半年|前)?|[，,、：:“”（）()]|的)")
# a place's level said as a scope (全市, 本县, 我省): where, not what
SCOPE = re.compile(r"[全本我该][市县区省]")


def indicator_words(question: str, analysis: Analysis) -> list[str]:
    """The words naming what a figure question asks about, around its 多少.

    Example: "2020年尉氏县农村居民人均消费支出是多少元？" -> ["农村居民", "人均", "消费", "支出"] (and their parts)
    """
    from assistant.index.lexical import tokenize

    question = without_split_noise(when_said(question))
    asking = ASKING.search(question)
    if not asking:
        return []
    before = before_indicator(RATE_TAIL.sub("", question[:asking.start()].rstrip()), analysis)  # an English reading spaces its words
    after = re.sub(rf"^\s*[万亿千百]*(?:{base_alternation(*ASKED_GROUPS)})?", "", question[asking.end():])
    after = ASKED_MEASURE.sub("", after)  # 多少金额的采购协议: the amount asked, not the indicator
    after = re.split(r"[？?，,。；;]", after)[0]
    places = place_words(analysis)
    # the year's budget naming the report to read ("the 2015 budget") is no word of the indicator
    places |= budget_words_naming_report(f"{analysis.original or ''} {analysis.question}")
    keep = lambda t: (len(t) >= 2 and re.search(r"[\u4e00-\u9fff]", t) and not re.search(r"\d", t)  # noqa: E731
                      and not QUESTION_NOISE.fullmatch(t) and not FOLLOW_WORDS.search(t) and not is_unit(t)
                      and t not in places)
    words = [t for t in tokenize(f"{before} {after}") if keep(t)]
    # 实际 of 实际增长多少 says the achieved value is asked, not what grew: a passage stating it need not write it
    words = [t for t in words if t not in VALUE_MARKS or any(t != o and t in o for o in words)]
    earlier = follow_up(question, asking.start())
    if earlier is not None and not [t for t in tokenize(f"{earlier[1]} {after}") if keep(t)]:
        # "…哪个开行列数更多？各开了多少列？": the sentence asking 多少 names no thing of its own, only the
        # sides it refers back to (各, 两年): the thing asked is the one the sentence before names
        named = [t for t in tokenize(VERDICT_ASKED.sub(" ", earlier[0])) if keep(t) and not COMPARATIVE_WORD.fullmatch(t)]
        return [t for t in named if t not in VALUE_MARKS or any(t != o and t in o for o in named)]
    return words


SENTENCE_END = re.compile(r"[？?！!。]")
REFERRING = word_pattern("question_words.yaml", "referring")
COMPARATIVE_WORD = word_pattern("question_words.yaml", "comparative_words")
VERDICT_ASKED = word_pattern("question_words.yaml", "verdict_asked")


def follow_up(question: str, at: int) -> tuple[str, str] | None:
    """(the sentences before, the asking sentence's own words before `at` less its words referring back to them)
    when the 多少 at `at` stands in a sentence after another ("…哪个更多？各开了多少列？"); None in a question's
    first sentence. Referring words (各, 两年, 两者: data/question_words.yaml referring) name the sides asked
    before, not a thing."""
    ends = [m.end() for m in SENTENCE_END.finditer(question, 0, at)]
    if not ends or not re.search(r"[\u4e00-\u9fff]{2}", question[:ends[-1]]):
        return None
    return question[:ends[-1]], REFERRING.sub(" ", question[ends[-1]:at])


def before_indicator(text: str, analysis: Analysis) -> str:
    """What follows the last year, mark, 的, or place level (市, 县, 区, 省) before the question's 多少: the
    indicator's words. When that cut leaves no word, the level it cut at was the indicator's own (新增园区, 全国文明
    城市): the cut is then made at the places the question was read with (漯河市, 全市) only."""
    cut = BEFORE_INDICATOR.sub("", text)
    if re.search(r"[\u4e00-\u9fff]{2}", cut):
        year = TRAILING_YEAR.search(text[:len(text) - len(cut)]) if only_change(cut) else None
        # the year said after the thing ("医养结合养老机构2025年增加到多少家"): what follows it says only how the
        # thing changed, the thing is named before the year
        ahead = BEFORE_INDICATOR.sub("", text[:year.start()]) if year else ""
        return f"{ahead} {cut}" if re.search(r"[\u4e00-\u9fff]{2}", ahead) else cut
    text = NOT_AT_LEVEL.sub("", text)
    names = sorted({n for n in place_words(analysis) if len(n) >= 2}, key=len, reverse=True)
    ends = [m.end() for m in SCOPE.finditer(text)]
    ends += [m.end() for m in re.finditer("|".join(map(re.escape, names)), text)] if names else []
    return text[max(ends):] if ends else text


TRAILING_YEAR = re.compile(rf"{YEAR}年(?:末|底|上半年|前)?\s*$")


def only_change(words: str) -> bool:
    """The words say only how a thing changed or was added (增加到, 提高至, 新增): no thing of their own.
    Example: only_change("增加到") -> True; only_change("养老机构增加到") -> False"""
    rest = word_pattern("asking.yaml", "change_words").sub("", words)
    rest = re.sub(r"[到至为了要将达]", "", word_pattern("asking.yaml", "added_words").sub("", rest))
    return not re.search(r"[\u4e00-\u9fff]{2}", rest)


def without_split_noise(question: str) -> str:
    """The question with the noise words the search cut splits into pieces blanked whole: 政府工作报告 is the
    report asked about, never the indicator, but its pieces 政府 and 工作 would pass as indicator words (an English
    question's "according to its report" is read as 政府工作报告, right before the indicator)."""
    split = _split_noise()
    return split.sub(" ", question) if split else question


@lru_cache(maxsize=1)
def _split_noise() -> re.Pattern | None:
    """The noise words of three Chinese characters or more that the search cut gives in pieces, once per process."""
    from assistant.index.lexical import tokenize

    split = [w for group in load_data("question_words.yaml")["noise"] for w in ([group] if isinstance(group, str) else group)
             if re.fullmatch(r"[\u4e00-\u9fff]{3,}", w) and len(tokenize(w)) > 1]
    return re.compile("|".join(sorted(split, key=len, reverse=True))) if split else None


def when_said(question: str) -> str:
    """The question with its plan periods blanked, with the word of time after them ("十三五时期", "十四五期间",
    "“十三五”以来"): they say when, not what the figure is of; a passage on that time need not repeat them
    (漯河十三五时期有几个贫困村出列: "169个贫困村全部出列" in the report reviewing those five years)."""
    from assistant.text import plan_periods

    names = "|".join(map(re.escape, plan_periods()))
    tails = "|".join(load_data("periods.yaml")["tails"])
    return re.sub(rf"[“\"]?(?:{names})[”\"]?(?:{tails})?", " ", question)


def untranslated(question: str, text: str, senses: dict | None = None) -> list[str]:
    """An English question's specific terms (two words or more) none of whose Chinese renderings is in text, nor
    any Chinese the dictionary gives for the term (`senses`: analysis.senses, dictionary.said_senses).

    Example: untranslated("What was Luoyang's total tourism revenue?", "社会消费品零售总额…") -> ["tourism revenue"]
    """
    from assistant.analysis import english_terms
    from assistant.facts.indicators import named_indicators

    # a rendering that names an indicator is there under any of its names (实际使用外资 for 利用外资), also said
    # apart (粮食作物播种面积…、总产65.7万吨 for 粮食总产)
    def said(term: str, chinese: list[str]) -> bool:
        return any(stands_in(c, text) or said_apart(c, text) or said_otherwise(c, text)
                   for c in [*chinese, *named_indicators(" ".join(chinese))]) \
            or any(c in text for c in (senses or {}).get(term, ())) \
            or any(stands_in(c, text) for c in own_gloss(question, term))

    terms = english_terms(question)
    unsaid = [term for term, chinese in terms
              if " " in term and not any(QUESTION_NOISE.fullmatch(c) for c in chinese)  # "how many", "five-year plan"
              and not said(term, chinese)]
    # a term and the English the question explains it with in brackets ("R&D intensity (R&D spending relative to
    # GDP)") name one thing: a passage saying either says it
    renderings = dict(terms)
    for group in bracket_glosses(question):
        if any(said(term, renderings.get(term, [])) for term in group):
            unsaid = [term for term in unsaid if term not in group]
    # a term set against another thing ("imports (not total trade)") must stand in the passage itself, one word or
    # not: 进口 inside 进出口 is the other thing (stands_in)
    unsaid += [term for term in contrasted(question)
               if term not in unsaid and not any(stands_in(c, text) for c in renderings.get(term, []))]
    return unsaid


# an English aside in brackets: what it explains ends right before it
ENGLISH_ASIDE = re.compile(r"[(（]\s*([A-Za-z][^()（）\u4e00-\u9fff]*?)\s*[)）]")


def _contrast() -> re.Pattern:
    return regex(rf"(?:{load_data('english.yaml')['aside_contrast']})(?![a-z])", re.I)


def _explained(before: str) -> set[str]:
    """The glossary terms the text before a bracket ends with."""
    from assistant.analysis import english_terms
    from assistant.text import term_regex

    before = before.rstrip().lower()
    return {term for term, _ in english_terms(before) if re.search(rf"(?<![a-z]){term_regex(term)}$", before)}


def contrasted(question: str) -> list[str]:
    """The terms an aside sets against another thing: contrasted("Shanghai's imports (not total trade)") ->
    ["imports"]."""
    return [term for aside in ENGLISH_ASIDE.finditer(question) if _contrast().match(aside.group(1))
            for term in _explained(question[:aside.start()])]


def bracket_glosses(question: str) -> list[set[str]]:
    """Each English aside in brackets with the term it explains, as the glossary's terms: the terms inside it and the
    one the text before the bracket ends with.

    Example: bracket_glosses("What was Hunan's R&D intensity (R&D spending relative to GDP) in 2025?")
    -> [{"r&d intensity", "r&d spending", "relative to gdp"}]
    """
    from assistant.analysis import english_terms

    out = []
    for aside in ENGLISH_ASIDE.finditer(question):
        if _contrast().match(aside.group(1)):
            continue  # "imports (not total trade)": set against another thing, not explained (contrasted)
        inside = {term for term, _ in english_terms(aside.group(1))}
        explained = _explained(question[:aside.start()])
        if inside and explained:
            out.append(inside | explained)
    return out


# an English term the question glosses itself in Chinese: "'little giant'-type (专精特新) firms", "rural happiness
# homes (农村幸福院)": a few words of the same phrase (no clause mark) between the term and the bracket
GLOSS_AFTER = re.compile(r"[\w\s'\"‘’“”-]{0,20}?[(（]\s*([\u4e00-\u9fff“”\"]+)\s*[)）]")


def own_gloss(question: str, term: str) -> list[str]:
    """The Chinese the question itself gives in brackets right after an English term: the writer's own rendering
    of it, which the passages say whatever the glossary renders the term as.

    Example: own_gloss("How many 'little giant'-type (专精特新) firms?", "little giant") -> ["专精特新"]
    """
    from assistant.text import term_regex

    out = []
    for found in re.finditer(rf"(?<![a-z]){term_regex(term.lower())}(?![a-z])", question.lower()):
        gloss = GLOSS_AFTER.match(question, found.end())
        if gloss:
            out.append(gloss.group(1).strip("“”\""))
    return out


def stands_in(word: str, text: str) -> bool:
    """`word` stands in `text` other than inside a joint word naming two things at once (data/joint_words.yaml):
    进出口 is imports and exports together, so a passage writing 出口 only inside 进出口 does not say exports.
    Example: stands_in("出口", "进出口总额增长5%") -> False; stands_in("出口", "进出口总额增长5%，其中出口增长8%") -> True"""
    if word not in text:
        return False
    for joint, parts in load_data("joint_words.yaml").items():
        if joint not in word and any(part in word for part in parts):
            text = text.replace(joint, " " * len(joint))
    return word in text


def missing_words(words: list[str], text: str) -> list[str]:
    """The whole words (not their parts) absent from text; a word whose parts are all there counts as present.

    Example: missing_words(["城镇", "居民", "城镇居民", "消费"], "城镇和农村居民…") -> ["消费"]
    """
    from assistant.facts.indicators import named_indicators

    whole = [w for w in dict.fromkeys(words) if not any(w != o and w in o for o in words)]
    out = []
    for w in whole:
        parts = [o for o in words if o != w and o in w]
        # an indicator is there under any of its names (生产总值 as GDP: data/indicators.yaml)
        named = stands_in(w, text) or any(len(n) >= 2 and (stands_in(n, text) or said_apart(n, text))
                                          for n in named_indicators(w))
        named = named or said_otherwise(w, text, words)
        if not named and not (parts and all(stands_in(p, text) for p in parts)):
            out.append(w)
    return [w for w in out if not pair_shortened(w, whole, out, text)]


def pair_shortened(word: str, whole: list[str], missing: list[str], text: str) -> bool:
    """A word of two characters the question writes next to another (投入 资金) that the passage writes as the
    pair's short form, the first character of each (投资): the commonest way Chinese shortens two words
    (halves_shortened), which the tokenizer cut apart in the question. Both must be missing as they are.
    Example: pair_shortened("投入", ["交通", "投入", "资金"], ["投入", "资金"], "…投资额分别达2400亿元") -> True"""
    at = whole.index(word)
    pairs = [whole[i:i + 2] for i in (at - 1, at) if 0 <= i and i + 1 < len(whole)]
    return any(all(len(w) == 2 and w in missing and re.fullmatch(r"[\u4e00-\u9fff]+", w) for w in pair)
               and halves_shortened("".join(pair), text) for pair in pairs)


def said_apart(name: str, text: str) -> bool:
    """A name of four characters or more said as its head, then its tail within the clause run of one sentence:
    "粮食作物播种面积162.8万亩、总产65.7万吨" says 粮食总产 (a list sharing its head word)."""
    if shares_tail(name, text) or abbreviates(name, text):
        return True
    if len(name) < 4 or not re.fullmatch(r"[\u4e00-\u9fff]+", name):
        return False
    head, tail = name[:2], name[2:]
    # the tail opens an item of its own (after 、 or a clause mark), not a word after a figure: 以上 of 规模以上 in
    # "规模工业增加值占全省比重增至76%以上" is the figure's "or more"
    return any(not (BOUND_WORD.match(tail) and AFTER_FIGURE.search(text[:found.end() - len(tail)]))
               for found in re.finditer(rf"{head}[^。；;！？]{{0,30}}?(?<![\u4e00-\u9fff]{{2}}){tail}", text))


AFTER_FIGURE = re.compile(r"\d[^，,、；;：:\s\d]{0,2}$")  # a numeral with its sign or unit ends the text: 76%, 1500亿
# the words a figure's bound is said with after it (76%以上): after a figure they are the bound's, whereas another
# tail may well follow one inside the name (覆盖农村5亿人口 says 农村人口)
BOUND_WORD = re.compile(r"以[上下内]|左右|之[内间]")


def said_otherwise(name: str, text: str, words: list[str] = ()) -> bool:
    """A word of the question the passage says in another of the ways reports shorten or merge words: its
    short form (规上工业 for 规模以上工业, 公交 for 公共交通), a pair's joint word before 分别 (城乡居民…分别 for 农村居民), or a
    kind's bare name in a list before another word asked (肉、奶产量 for 肉类 and 产量)."""
    return (shortened_in(name, text) or said_jointly(name, text) or kind_named(name, text, words)
            or part_said(name, text) or rank_said(name, text))


RANK_STATED = re.compile(r"第\s*\d+|第[一二三四五六七八九十]|\d+\s*[位名]")  # 第四位, 第6, 前3名


def rank_said(name: str, text: str) -> bool:
    """A word asking a rank (排名, 位次: data/fact_cues.yaml question_rank), alone or after what is ranked (世界排名),
    that the passage says as reports state a rank: by the ordinal itself (从世界第六位上升到第四位), with what is
    ranked standing in it. Example: rank_said("世界排名", "…从世界第六位上升到第四位") -> True"""
    from assistant.facts.extract import cues

    words = [w for w in cues()["question_rank"] if re.fullmatch(r"[\u4e00-\u9fff]+", w)]
    found = re.fullmatch(rf"([\u4e00-\u9fff]*?)(?:{'|'.join(words)})", name) if words else None
    return bool(found) and RANK_STATED.search(text) is not None and (not found.group(1) or found.group(1) in text)


def part_said(name: str, text: str) -> bool:
    """A part of a year (上半年, 前三季度) the passage states in another form of the same part (1月份至6月份, 1-6月,
    1至9月): both read as the part they are by the rule facts are dated by (facts/extract.py _sub_year), each
    expression of data/periods.yaml part_year in the passage. Another part (一季度 for 上半年) is not it.
    Example: part_said("上半年", "1-6月，全市规上工业增加值增长8%") -> True; part_said("上半年", "一季度增长5%") -> False"""
    asked = part_of_year(name)
    if not asked:
        return False  # no part of a year
    parts = "|".join(load_data("periods.yaml")["part_year"])
    return any(part_of_year(found.group(0)) == asked for found in re.finditer(parts, text, re.I))


SAME_PARTS = {"M1-3": "Q1", "M1-6": "H1", "M1-9": "Q1-3"}  # months from January that make a quarter or a half


def part_of_year(words: str) -> str:
    """The part of a year words name, as facts are dated ("H1" for 上半年, 1-6月 and 1月份至6月份), or ""."""
    from assistant.facts.extract import _sub_year

    part = _sub_year("2000", words)[4:]
    return SAME_PARTS.get(part, part)


SHORT_FORM_SHARE = 0.4  # a short form keeps at least this share of its long form's characters (研发经费 of 研究与试验发展经费)


def shortened_in(name: str, text: str) -> bool:
    """`text` writes `name` (five Chinese characters or more) as a short form of it: a run of three characters or
    more of its own, in its order, that begins with its first and ends with its last (规上工业 for 规模以上工业,
    规上 for 规模以上). The reverse of abbreviates(): there the question is short and the passage long. The
    first and last characters kept and the order of all keep a chance meeting of common characters out.
    Example: shortened_in("规模以上工业", "规上工业增加值增长6.5%") -> True; shortened_in("规模以上工业", "规划工业") -> False"""
    if len(name) == 4 and re.fullmatch(r"[\u4e00-\u9fff]+", name):
        return halves_shortened(name, text)
    if len(name) < 5 or not re.fullmatch(r"[\u4e00-\u9fff]+", name):
        return False
    shortest = max(3, int(len(name) * SHORT_FORM_SHARE + 0.999))
    for start in (m.start() for m in re.finditer(re.escape(name[0]), text)):
        for size in range(shortest, len(name)):
            run = text[start:start + size]
            if len(run) == size and run[-1] == name[-1] and re.fullmatch(r"[\u4e00-\u9fff]+", run) \
                    and in_order(run, name):
                return True
    return False


def halves_shortened(name: str, text: str) -> bool:
    """A word of four Chinese characters, two words of two, written as the first character of each (公交 for 公共交通,
    环保 for 环境保护, 科研 for 科学研究): the commonest way Chinese shortens such a word. Two characters meeting by
    chance in that order are rare enough, and the check asks only whether the sentence names the indicator at all.
    Example: halves_shortened("公共交通", "公交出行分担率达到30%") -> True; halves_shortened("公共交通", "交通") -> False"""
    return name[0] + name[2] in text


def in_order(short: str, long: str) -> bool:
    """Every character of `short` stands in `long`, in the same order."""
    rest = iter(long)
    return all(ch in rest for ch in short)


def said_jointly(name: str, text: str) -> bool:
    """A word naming one part of a pair (城镇, 农村居民) the passage names by the pair's joint word (城乡居民,
    data/fact_cues.yaml paired) in a sentence that then gives the parts' figures one by one (分别): "城乡居民人均
    可支配收入分别达6.9万元、3.4万元" says 农村居民人均可支配收入. A joint figure with no 分别 (城乡居民收入增长5%)
    is both parts' together, so it never says one part."""
    from assistant.facts.extract import cues

    for whole, parts in cues()["paired"].items():
        for part in parts:
            if part in name and re.search(rf"{re.escape(name.replace(part, whole, 1))}[^。；;！？]*?分别", text):
                return True
    return False


def kind_named(name: str, text: str, words: list[str] = ()) -> bool:
    """A word naming a kind by its thing and a kind word (肉类: data/question_words.yaml kind_suffixes) the
    passage says by the thing alone, right before another word of the question (肉产量 with 产量 asked) or
    before it as an item of a list sharing it (肉、奶产量): a bare one-character thing elsewhere (肌肉) says
    nothing."""
    suffixes = "|".join(load_data("question_words.yaml")["kind_suffixes"])
    found = re.fullmatch(rf"([\u4e00-\u9fff]+?)(?:{suffixes})", name)
    if not found:
        return False
    thing = re.escape(found.group(1))
    others = "|".join(re.escape(w) for w in words if w != name and len(w) >= 2 and found.group(1) not in w)
    if not others:
        return False
    # the thing, then any other items of its list (、奶), then the word they share (产量)
    return re.search(rf"{thing}(?:[、和及与][\u4e00-\u9fff]{{1,4}}?)*(?:{others})", text) is not None


ABBREVIATION_GAP = 4  # characters of the full form an abbreviation may drop between two it keeps


def abbreviates(short: str, text: str) -> bool:
    """A Chinese abbreviation of four characters or more whose full form stands in text: an abbreviation keeps
    characters of its full form in their order and drops the rest (跨境电商 for 跨境电子商务, 研发经费 for
    研究与试验发展经费), so its characters stand in order within one clause, a few dropped between any two,
    the whole no longer than twice and a half the short form. Three characters are too few to tell a full
    form from a chance meeting of common characters."""
    if len(short) < 4 or not re.fullmatch(r"[\u4e00-\u9fff]+", short):
        return False
    gap = rf"[\u4e00-\u9fff]{{0,{ABBREVIATION_GAP}}}?"
    found = re.search(gap.join(map(re.escape, short)), text)
    return found is not None and len(found.group(0)) <= 2.5 * len(short)


def shares_tail(name: str, text: str) -> bool:
    """A name said as an item of a list whose items share its tail: "PM2.5、PM10浓度" says PM2.5浓度,
    "城镇、农村居民人均可支配收入" says 城镇居民人均可支配收入 (a head of two characters or more, a tail of two
    Chinese characters or more, items of up to twelve characters joined by 、 和 及 与)."""
    for cut in range(2, len(name) - 1):
        head, tail = name[:cut], name[cut:]
        if not re.fullmatch(r"[\u4e00-\u9fff]{2,}", tail):
            continue
        if re.search(rf"{re.escape(head)}(?:[、和及与][^、和及与，,。；;！？\s]{{1,12}}?)+{re.escape(tail)}", text):
            return True
    return False


def long_words(words: list[str], question: str, text: str) -> list[str]:
    """`words` with the pieces of a short form of the question (新农 of 新农合) replaced by the long form `text`
    writes it as (新型农村合作医疗), by the rule retrieval reads short forms with (facts.match.spelled_out):
    the tokenizer cuts a short form it does not know, and its pieces alone stand nowhere in the long form."""
    from assistant.facts.match import spelled_out

    pieces = {}
    for cut, spans in spelled_out(question, text, by_form=True):
        for piece in cut:
            pieces.setdefault(piece, spans[0])
    return list(dict.fromkeys(pieces.get(w, w) for w in words))


def only_added(word: str) -> bool:
    """The word says only that something was added (新增, 新建成: data/asking.yaml added_words), not what. (Words
    of change, 增长, were tried too: on blind-next2 one answerable question more was refused.)"""
    return word_pattern("asking.yaml", "added_words").fullmatch(word) is not None


def only_made(word: str) -> bool:
    """The word says only that something was made or built (建成, 打造: data/asking.yaml made_words), not what."""
    return word_pattern("asking.yaml", "made_words").fullmatch(word) is not None


def too_many_missing(words: list[str], text: str, said=None) -> bool:
    """Two of the question's indicator words absent, or its one indicator, a term of three characters or
    more (常住人口), absent; a shorter word (增速, 各定) is too loose to refuse on alone. `said(word, text)`: a word
    the passage says otherwise than the question writes it (an English reading's: read_said)."""
    whole = [w for w in dict.fromkeys(words) if not any(w != o and w in o for o in words)]
    missing = missing_words(words, text)
    if said is not None:
        missing = [w for w in missing if not said(w, text)]
    if len(missing) >= 2 and not framing_only(whole, missing):
        return True
    if len(whole) == 1 and len(missing) == 1 and len(missing[0]) >= 3:
        return True
    # the thing named first absent, only what any thing has left (森林覆盖率 asked, 幼儿园覆盖率 found)
    generic = set(load_data("question_words.yaml")["generic_measures"])
    return (len(whole) >= 2 and whole[0] in missing and len(whole[0]) >= 2
            and all(w in generic for w in whole if w not in missing))


def framing_only(whole: list[str], missing: list[str]) -> bool:
    """The words missing all open the question's words and twice as many follow them, every one said: they set
    the scene ("民生实事提出要提升建设…基层应急消防保障点": the programme the item is in), the thing counted is said
    whole. Qualifiers a passage may lack in the same way (高新技术 of 高新技术企业营业收入) leave fewer words said.
    Example: framing_only(["民生", "实事", "提升", "建设", "基层", "应急", "消防", "保障"], ["民生", "实事"]) -> True"""
    said = [w for w in whole if w not in missing]
    return (len(said) >= 2 * len(missing) and len(said) >= 3
            and max(whole.index(w) for w in missing if w in whole) < min(whole.index(w) for w in said))


def read_said(analysis: Analysis):
    """For an English question, whether a word of its reading that `text` lacks is said there all the same: the
    reading chose one word where the English has several (change_said); None for a Chinese question, whose words
    are the asker's own. (A glossary term said by another of its renderings was tried too: 进出口 for "trade" then
    said "imports (not total trade)", a question the reports do not answer.)"""
    if analysis.language != "en":
        return None
    named = named_renderings(analysis.original or analysis.question)
    asides = aside_renderings(analysis.original or analysis.question) + spelled_asides(analysis)
    return lambda word, text: change_said(word, text) or named_said(word, text, named) or \
        short_said(word, text, named) or aside_said(word, text, asides)


def aside_renderings(question: str) -> list[list[str]]:
    """Per English aside in brackets (bracket_glosses), the renderings of its terms and of the term it explains."""
    from assistant.analysis import english_terms

    renderings = dict(english_terms(question))
    return [[c for term in group for c in renderings.get(term, [])] for group in bracket_glosses(question)]


# the English words a bracketed name explains: up to three words right before the bracket, after a possessive or
# a clause mark ("Zhejiang's Yiwu service (Yixin'ou)": Yiwu service)
BEFORE_ASIDE = re.compile(r"((?:[A-Za-z][\w'’&-]*\s+){0,2}[A-Za-z][\w&-]*)\s*$")


def spelled_asides(analysis: Analysis) -> list[list[str]]:
    """Per bracketed name an English question spells in pinyin ("Yiwu service (Yixin'ou)"), the Chinese the reading
    wrote for it (义新欧) with the renderings of the words it explains (义乌, 服务): the name and the words before it
    name one thing, so a passage writing the name (中欧班列（义新欧）) says them.
    Example: for "How many trips did Zhejiang's Yiwu service (Yixin'ou) run?" -> [["义新欧", "义乌", "服务"]]"""
    from pypinyin import lazy_pinyin

    from assistant.analysis import english_terms

    original = analysis.original or ""
    spelled: dict[str, str] = {}
    for group in analysis.renderings:  # a group's first word is the reading's (义乌 before its homophones)
        for c in group:
            if re.fullmatch(r"[\u4e00-\u9fff]{2,}", c):
                spelled.setdefault("".join(lazy_pinyin(c)), c)
    out = []
    for aside in ENGLISH_ASIDE.finditer(original):
        name = spelled.get(re.sub(r"[^a-z]", "", aside.group(1).lower()))
        before = BEFORE_ASIDE.search(original[:aside.start()].split("'s ")[-1].split(",")[-1])
        if not name or not before:
            continue
        words = before.group(1)
        group = [name, *(spelled[w] for w in re.findall(r"[a-z]+", words.lower()) if w in spelled)]
        group += [c for _, chinese in english_terms(words) for c in chinese]
        out.append(list(dict.fromkeys(group)))
    return out


def aside_said(word: str, text: str, asides: list[list[str]]) -> bool:
    """The reading's word renders a term of a bracketed aside or the term it explains, and `text` says another
    rendering of the group: the two name one thing, so what the passage lacks is only the other wording.
    Example: with "R&D intensity (R&D spending relative to GDP)", 经费 is said by "全社会研发投入强度提升至2.62%"."""
    return any(any(word in c for c in group) and any(stands_in(c, text) for c in group) for group in asides)


def named_renderings(question: str) -> list[list[str]]:
    """The renderings of the English question's terms of two words or more ("foreign trade": 外贸 进出口,
    "high-speed rail": 高铁 高速铁路). Such a term names one thing, so its renderings are its names: a report
    writing any of them says it. A one-word term ("trade": 贸易 进出口, "capacity") is left out: its renderings
    are senses of a broad word, not names of one thing (进出口 does not say "imports (not total trade)")."""
    from assistant.analysis import english_terms

    return [chinese for term, chinese in english_terms(question) if " " in term.strip() and len(chinese) > 1]


def named_said(word: str, text: str, named: list[list[str]]) -> bool:
    """The reading's word is one name of a term and `text` writes another name of it (three characters or more:
    a two-character name is an everyday word some passage writes of something else).
    Example: named_said("高铁", "高速铁路运营里程达1.6万公里", [["高铁", "高速铁路"]]) -> True"""
    if any(stands_in(other, text) for group in named if word in group
           for other in group if other != word and len(other) >= 3):
        return True
    # a piece of one name (居民 of 农村居民) is said by another name written whole or apart around a figure (农村人口 in
    # "覆盖农村5亿人口"), the piece's own name then being merely the reading's choice
    return any(said_apart(other, text) for group in named if word not in group and any(word in g for g in group)
               for other in group if word not in other and len(other) >= 4)


def short_said(word: str, text: str, named: list[list[str]]) -> bool:
    """The reading's word is a piece of one name of a term whose other name is that name shortened, and `text` writes
    the short name: the reading's words are cut from the long name (实体经济 into 实体, 经济), and a passage writing
    the short one (服务实体融资) says the term whole, the piece it leaves out too.
    Example: short_said("经济", "服务实体融资1.58万亿元", [["实体经济", "实体"]]) -> True"""
    return any(word in long and word != long and short != long and short in long and word not in short
               and stands_in(short, text) for group in named for long in group for short in group)


def change_said(word: str, text: str) -> bool:
    """An English question's verb of change ("cut", "reduce", "raise") is read as one Chinese word (下降, 增长), but
    reports say a change in the word that fits its thing: capacity is 压减, 退出 or 淘汰, a standard 提高, a count
    增加. The reading's word counts as said by a passage writing any word of the same direction (data/english.yaml
    change_said); a change the other way (下降 for 增长) never says it.
    Example: change_said("下降", "全年退出钢铁产能超过6500万吨") -> True; change_said("增长", "进口下降3%") -> False"""
    same = load_data("english.yaml")["change_said"].get(word)
    return bool(same) and any(stands_in(w, text) for w in same)


def place_words(analysis: Analysis) -> set[str]:
    return {alias for place in analysis.places for alias in aliases(place, analysis.book)}


def unknown_qualifier(analysis: Analysis, spans: list[str] = ()) -> bool:
    """An English figure question naming one indicator, with a word no glossary knows right before it ("How much
    lottery revenue…"): the indicator of something the reading cannot name, as 彩票收入 is one the passages lack in
    a Chinese question. A question naming several things ("Fortune Global 500 firms, listed companies…") is left
    to the coverage of its other words."""
    from assistant.analysis import english_terms

    if analysis.wants not in ("number", "rate") or not analysis.unknown:
        return False
    original = (analysis.original or analysis.question).lower()
    terms = english_terms(original)
    if len(terms) != 1:
        return False
    term = re.escape(terms[0][0])
    # a qualifier the answering clause says in Chinese (said_by) is known to it
    return any(re.search(rf"(?<![a-z]){re.escape(word.lower())}\s+{term}", original)
               and not any(said_by(word, analysis, text) for text in spans) for word in analysis.unknown)


def unknown_place(analysis: Analysis) -> bool:
    """An English question naming its place by a word nothing knows, followed by a place's level ("Wanzhou
    District's economy", levels: data/english.yaml own_level), with no place read: the place asked is one the
    reports and the gazetteer lack, so a figure of the places the passages are about answers another place."""
    if analysis.language != "en" or analysis.places or not analysis.unknown:
        return False
    levels = "|".join(dict.fromkeys(w for words in load_data("english.yaml")["own_level"].values()
                                    for w in words.split("|")))
    original = analysis.original or analysis.question
    return any(re.search(rf"\b{re.escape(word)}\s+(?:{levels})\b", original, re.I) for word in analysis.unknown)


def answers_question(question: str, analysis: Analysis, spans: list[str], cited: list[str],
                     words_said: bool = False) -> bool:
    """Do the picked clauses (`spans`, from the passages `cited`) answer what was asked?

    `words_said`: the clauses come from the sentence clearly the closest to an English question in meaning
    (answer/semantic.py), which says its words whatever the reading made of them: the checks of the reading's words
    (untranslated, too_many_missing, unknown_qualifier) are left out; the measure or an unknown place still refuse.

    Example: "2020年尉氏县农村居民人均消费支出是多少元？" with the clause "人均可支配收入达到16458元"
    -> False: the unit agrees, but 消费 and 支出 are in no cited passage.
    """
    if not any(answers_measure(span, analysis) for span in spans):
        return False  # asked for a figure (in 张, in 元, a quantity) and the best evidence holds none
    if analysis.language == "en" and not words_said and all(untranslated(main_clause(analysis.original or question), text, analysis.senses)
                                         for text in cited):
        return False  # "tourism revenue" asked, 社会消费品零售总额 found (an opening "When …," clause only sets the scene)
    # the sentence closest in meaning says the qualifier as it says the other words ("prepared-meals industry
    # chain": 预制菜…产业链规模 is the sentence, whatever the reading made of the hyphenated word)
    if analysis.language == "en" and not words_said and unknown_qualifier(analysis, spans):
        return False  # "lottery revenue": 收入 found, of what the reports never say
    if unknown_place(analysis):
        return False  # "Wanzhou District's economy": a place no one knows, the passages of others
    if analysis.wants in ("number", "rate") and not words_said:  # an English question is read into Chinese words too
        words = indicator_words(question, analysis)
        said = read_said(analysis)
        if all(too_many_missing(long_words(words, question, text), text, said) for text in cited):
            return False  # the figure is about something else: 贷款 for 存款, 可支配收入 for 消费支出
    return True

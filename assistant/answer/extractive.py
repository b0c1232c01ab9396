"""The extractive answerer: offline, deterministic, the default when no LLM is configured.

From the top chunks it picks the clause(s) that answer: those covering the
question's terms and holding the kind of thing asked for (a figure with a unit
for 多少/how much, a date for 何时/哪年, a name for 哪/什么), then composes a short
answer with [n] markers: one clause per fact, one per side of a comparison.
When the best evidence covers too little of the question it refuses.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from functools import lru_cache

from assistant.analysis import Analysis, asks_amount, asks_which_place, question_words
from assistant.facts.extract import DocContext, doc_context, extract_facts
from assistant.facts.frame import Frame, frame_of, named_indicators
from assistant.facts.indicators import holds_name
from assistant.facts.table import synonym_groups
from assistant.facts.units import base_alternation, base_units, unit_groups
from assistant.data_files import load_data, word_pattern
from assistant.text import YEAR, regex
from assistant.facts.match import disagreements, increment_for_stock, shares_asked
from assistant.answer.citations import CHUNK_SENTENCE
from assistant.answer.instructions import without_instructions
from assistant.answer.asked import (KIND_WEIGHT, other_measure, ahead_asked, looks_back, thing_unsaid, code_unsaid_in, names_nothing, only_event_said, another_year_only, asked_text, asks_achieved, asks_past_event, year_asked_within, plan_date, asking_grams, dated_elsewhere, figure_bonus, given_figures,
                                    indicator_unsaid, head_unsaid, other_kind, other_kind_check, kind_bonus, outside_titles, with_datelines, asks_news_date,
                                    holds_dateline, DATELINE_WEIGHT, asks_delivery, delivery_line, part_year, asks_whole_year, part_statement, rank_scopes, rank_marks, subject_unnamed,
                                    ranked_place, ranks_bonus, other_rank, stated_ranks, name_kind_ends, not_held_note, place_label,
                                    place_not_held, place_to_name, place_without_documents, sentence_of,
                                    said_after_figures, this_year_frame)
from assistant.answer.compare import (CLAUSE_MARKS, another_indicator, asked_measure, asks_derived, asks_which_more, bound_only, counts_another,
                                      measure_fits, qualifiers_only, rates_of_one_thing, report_plan_asked, report_side, said_of, counted_after,
                                      side_status, side_times, year_of_other_side)
from assistant.answer.lists import (ENGLISH_COUNTS, asked_count, asked_items_kind, characters_counted, quoted_characters, other_count_said, head_kind, counted_run, other_counted_run, english_list, english_one_asked, items_after, spelled_terms,
                                    spells)
from assistant.answer.several import item_picks
from assistant.answer.refusal import (FIGURE, named_renderings, QUESTION_NOISE, aliases, answers_measure, answers_question,
                                      counts_years, duration_pattern, unknown_penalty, measure_penalty, place_words, unknown_terms,
                                      indicator_words, long_words, read_said, too_many_missing, unsaid, untranslated, said_by)
from assistant.answer.types import REFUSAL_EN, REFUSAL_ZH
from assistant.english import main_clause, number_of_one
from assistant.documents import ScoredChunk
from assistant.retrieval import allowed_regions

REFUSE_BELOW = 0.35  # calibrated on evals/questions/dev.jsonl: 3 of 116 answerable refused, 11 of 16 unanswerable
# Checked again on all eleven corpus dev sets (1,292 questions, session 12), by the margin _answer compares with it
# (the weakest pick's score less its unknown-term penalty), counts per bin <0 | 0-.1 | .1-.2 | .2-.3 | .3-.35 |
# .35-.5 | >=.5: answerable answered right en 1|4|0|0|1|18|444, zh 0|0|0|0|2|17|507 (those under .35 answered by
# the semantic or per-side paths); answerable refused en 9|0|3|2|2|1|14, zh 1|0|0|2|0|0|1; unanswerable refused en
# 86|4|1|2|0|1|11, zh 108|1|1|1|1|2|8. Between .1 and .35 lie 9 answerable refusals, the right clause picked in
# one or two (the others are list and comparison questions whose best clause is about something else), and 6
# unanswerable ones: a lower bar, or one relative to the question's language or to how many terms it reads (the
# two interleave at every count), would answer more wrongly than rightly. What refuses answerable figure
# questions is mostly no fitting clause at all (the margin under 0): a misread frame or reading, not the bar.
SPELLS_OUT = ("即", "分别是", "分别为", "具体是", "具体为", "包括")
# a colon between digits is a ratio (16.5:53.1:30.4), not the end of a clause
CLAUSE_END = re.compile(r"(?:[^，,。！？；;!?：:]|(?<=\d)[:：](?=\d))*[，,。！？；;!?：:]?")
# a date written in figures with dashes, slashes or dots (a web page's 2022-11-24) is a day
ISO_DAY = rf"(?<![\d.]){YEAR}[-/.]\d{{1,2}}[-/.]\d{{1,2}}(?![\d.])"
DATE = re.compile(rf"{ISO_DAY}|{YEAR}年(?:底|末|前|\d{{1,2}}月)?|[〇零一二三四五六七八九]{{4}}年|\d{{1,2}}月(?:\d{{1,2}}日)?"
                  r"|第[一二三四]季度|[一二三四]季度|[上下]半年|年底|年内|年初"
                  r"|(?<![换])[春夏秋冬]季(?!度)"  # a season dates a plan (秋季开班招生), not 换季 or 季度
                  # a time relative to the report's year or a holiday (今明两年, “五一”前): data/periods.yaml
                  + "".join(f"|{pattern}" for pattern in load_data("periods.yaml")["relative_dates"]))
# a date naming its year: what answers a question asking the year (哪一年, which year)
YEAR_DATE = re.compile(rf"{ISO_DAY}|{YEAR}年|[〇零一二三四五六七八九]{{4}}年")
LINE_BREAK = re.compile(r"\s*\n\s*")
DAY = re.compile(rf"\d{{1,2}}月\d{{1,2}}日|{ISO_DAY}")
# Two or more items of a list: 签约、开工和投产; 金融+财政+土地+信用; or clauses after a colon (目标是：…；…)
# "+" joins items (金融+财政) unless a closing quote follows it: “人工智能+”, “益生菌+” name one thing each
JOIN = r"(?:、|[+＋](?![”\"’」』]))"
ENUMERATION = re.compile(rf"[^、+＋，,。；;：:\s]{{1,20}}{JOIN}[^、+＋，,。；;：:\s]{{1,20}}")
ITEM = r"[^、+＋，,。；;：:\s和及与]{1,20}"
ITEM_SEPARATOR = re.compile(rf"{JOIN}|和|及|与")
ITEM_RUN = re.compile(rf"{ITEM}(?:(?:{JOIN}|和|及|与){ITEM})+")
JOINED_RUN = re.compile(rf"[^、+＋，,。；;：:\s]{{1,20}}(?:{JOIN}[^、+＋，,。；;：:\s]{{1,20}})+")  # items joined by 、 or + only
ITEMS_AFTER_COLON = re.compile(r"[：:][^：:]+[；;][^：:]+")
OPENS_LIST = re.compile(r"[：:]\s*$")
FIRST_ITEM = re.compile(r"(?<![一二三四五六七八九十])一是")
INTRODUCES_ITEMS = re.compile(rf"(?<!\d)[：:](?!\d)|{'|'.join(SPELLS_OUT)}")
LEADS_LIST = re.compile(r"\s*(?:是|为|包括|有)?\s*[：:]")
NO_ITEMS = 0.1  # what a list question's span naming no items loses
LEVEL_CUT = 0.05  # what a figure question's span ending at a change, its level in the next clause, loses
# a section's number at the head of a span ("二、", "（三）"): 、 after it joins no items
HEADING_NUMBER = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])")
INSTANCES_BONUS = 0.4  # a list question's span naming two instances of the asked noun or more: more than a run of as many
# items as counted (0.3), whose items may be other things (液压软管产业集群和产业示范基地)
SPELLED_BONUS = 0.6  # a run of items spelling the question's own name of the list (三去一降一补): the list itself
LIST_LIMIT = 300  # characters of a list answer (a list's answer may run to 400)
YEAR_MISMATCH = 0.4
# What answers a figure question without being a figure statement: a rank (居全国第5, 第1位) or a
# count in words (六家); a bare number ("表2", a year) does not
RANK = re.compile(r"第\s*\d+|第[一二三四五六七八九十]|\d+\s*[位名]")
NUMBER_WORDS = re.compile(rf"[一二两三四五六七八九十百千]+(?:{base_alternation('count')})")


@dataclass
class Pick:
    n: int  # 1-based passage number
    text: str
    score: float
    side: Analysis | None = None  # the side of a comparison it answers
    dated: str = ""  # the year the passage dates the span to, said before it (2025年：…首次突破…)
    rank: float | None = None  # what it is ranked by when not its score (pick: a bound ranks below a value)

    def ranked(self) -> float:
        return self.score if self.rank is None else self.rank


def sentences(text: str) -> list[str]:
    """sentences("新增28家，入库152家。增长8.5%。") -> ["新增28家，入库152家。", "增长8.5%。"]

    The same cut as the one that finds a citation's supporting sentence, so the quote shown is the clause's sentence.
    """
    return [m.group(0) for m in CHUNK_SENTENCE.finditer(text) if m.group(0).strip()]


def clauses(text: str) -> list[str]:
    """clauses("新增企业28家，入库152家。") -> ["新增企业28家，", "入库152家。"]

    A clause that spells out the one before ("建成“四个强县”,即经济强县、生态强县…") stays
    with it: an answer naming the list without its items answers nothing.
    """
    out: list[str] = []
    for clause in CLAUSE_END.findall(text):
        if not clause.strip():
            continue
        if out and clause.lstrip().startswith(SPELLS_OUT):
            out[-1] += clause
        else:
            out.append(clause)
    return out


def without_source_opening(question: str) -> str:
    """The question without an opening naming the piece it reads from, when words of the thing asked are left:
    without_source_opening("2025年7月的河南特色农业集群报道称，河南已创建多少个…") -> "河南已创建多少个…"."""
    rest = word_pattern("question_words.yaml", "source_opening").sub("", question, count=1)
    return rest if rest != question and re.search(r"[\u4e00-\u9fff]{2}", QUESTION_NOISE.sub(" ", rest)) else question


def content_bigrams(text: str, analysis: Analysis) -> set[str]:
    """Character bigrams of the question's content words (places, years, question words removed, and an opening
    naming the piece read from: source_opening)."""
    text = without_source_opening(text)
    text = re.sub(rf"{YEAR}年?", " ", text)
    for place in analysis.places:
        for alias in sorted(aliases(place, analysis.book), key=len, reverse=True):
            text = text.replace(alias, " ")
    text = QUESTION_NOISE.sub(" ", text)
    grams = set()
    # an acronym with its digits is one name (M2, PM2.5): its digits alone ("2") would match any figure
    for run in re.findall(r"[\u4e00-\u9fff]+|[A-Z]+\d+(?:\.\d+)?(?![\d%])|[A-Za-z]+|\d+(?:\.\d+)?%?",
                          f"{text} {analysis.expansion}"):
        if ACRONYM.fullmatch(run):
            grams.add(run)
            continue
        if re.fullmatch(r"[A-Za-z]+", run):
            if run.isupper() and len(run) >= 2:
                grams.add(run)  # an acronym the reports use as is: GDP, PM
            continue  # other English words never occur in the Chinese text; the glossary covers them
        grams.update(run[i:i + 2] for i in range(max(1, len(run) - 1)))
    return {g for g in grams if len(g) == 2 or g.isdigit() or g.isupper()}


def coverage(grams: set[str], text: str) -> float:
    if not grams:
        return 0.0
    return sum(1 for g in grams if (holds_name(text, g) if ACRONYM.fullmatch(g) else g in text)) / len(grams)


def as_read(text: str, analysis: Analysis) -> str:
    """The text with, after it, the reading's word for each English term the text says in another of its
    renderings: "supply water" is read 供水 and a passage writes 通水, "opened" is read 开通 and a passage writes
    开园. An English term is one thing in all its renderings, so a clause saying any of them says the term, as a
    Chinese question's word is said by the clause writing it. Chinese questions: the text as is, but for a first
    place asked (全国第一), which a text writing 首位 or 榜首 says (retrieval.first_place_words)."""
    text = with_first_place(text, analysis)
    if analysis.language != "en" or not analysis.renderings:
        return text
    said = []
    for group in analysis.renderings:
        read = next((r for r in group if r in analysis.question), None)
        if read is None or read in text:
            continue
        # another rendering of the term, none a part of the one read (国家 of 国家级: its own grams are there)
        if any(other in text for other in group
               if other != read and re.fullmatch(r"[\u4e00-\u9fff]{2,}", other) and other not in read and read not in other):
            said.append(read)
    return f"{text}｜{' '.join(said)}" if said else text


def with_first_place(text: str, analysis: Analysis) -> str:
    """The text with 第一 after it when the question asks a first place and the text writes it otherwise (首位)."""
    others = _first_place_others(analysis.question)
    if others and "第一" not in text and any(w in text for w in others):
        return f"{text}｜第一"
    return text


@lru_cache(maxsize=256)
def _first_place_others(question: str) -> tuple[str, ...]:
    """The other words of a first place the question asks as 第一 (首位, 榜首), read once a question: as_read runs
    on every span."""
    from assistant.retrieval import first_place_words

    return tuple(w for w in first_place_words(question) if w != "第一") if "第一" in question else ()


ACRONYM = re.compile(r"[A-Z]+\d+(?:\.\d+)?")  # M2, PM2.5: held as a word of its own (M2 is not in PM2.5)


PERIOD_WORDS = re.compile(r"累计|五年来|年均|“?十[一二三四五]五”?(?:期间|时期|以来)")


def period_penalty(text: str, analysis: Analysis) -> float:
    """A question about one year is not answered by a five-year total: "累计…城镇新增就业4.6万人"."""
    if len(analysis.years) == 1 and not analysis.periods and PERIOD_WORDS.search(text):
        return 0.15
    return 0.0


def several_figures_bonus(text: str, analysis: Analysis) -> float:
    """A question asking two figures ("完成投资多少，占计划的比例是多少？") wants a span holding both."""
    asks = len(re.findall(r"多少|(?<![哪第])几|分别|各是", analysis.question))
    if asks < 2 or analysis.wants not in ("number", "rate"):
        return 0.0
    return 0.05 * min(len(FIGURE.findall(text)), asks)


def asks_day(question: str) -> bool:
    from assistant.facts.extract import cue_pattern

    return cue_pattern("question_day").search(question.lower()) is not None


def wanted_bonus(text: str, wants: str, question: str = "", original: str = "") -> float:
    """What a span holding (or lacking) the kind of thing asked gains (loses); `original`: an English question as
    asked, whose "how many years" its reading may not keep."""
    if wants in ("rate", "number"):
        from assistant.answer.figures import normalise_text

        text = normalise_text(text)  # 百分之八十 is 80%
    if wants == "rate":
        return 0.25 if re.search(r"\d\s*(?:%|个百分点)", text) else -0.2
    counted = f"{question} {original}".strip()
    if wants == "number" and counted and counts_years(counted):
        # a count of years or a time taken (用了多少年, 连续几年, how long did it take) is answered by a duration
        # (历时12年, 连续37年, 用不到27天), which states no figure with a unit: 年 is no unit of a quantity
        return max(duration_bonus(text, counted), 0.25 if FIGURE.search(text) else -0.2)
    if wants == "number":
        return 0.25 if FIGURE.search(text) else -0.2
    if wants == "date":  # a date the question already names (哪一年…2021年印发的规划) is not the one it asks
        return 0.25 if new_dates(year_pattern(f"{question} {original}"), text, question) else -0.1
    if wants == "day":  # 哪天, on what date: a month and day, not the year alone ("2026年上海市政府工作报告")
        return 0.3 if new_dates(DAY, text, question) else -0.2
    if wants == "person":  # 谁, who: a clause naming someone by office (市长刘宛康)
        return 0.25 if names_a_person(text) else -0.1
    return 0.0


LEAD_MATCH = 0.1  # a duration after the very word the question puts before its count (连续多少年: 连续37年)


def duration_bonus(text: str, question: str) -> float:
    """What a span stating a duration gains for a question counting time (-1 when it states none): 0.25 for a
    duration in figures (37年) or after a word leading one (data/question_words.yaml duration_leads: 历时九年);
    LEAD_MATCH more when that word is the question's own before its count (连续多少年 -> 连续37年). A duration in
    words after none of them names a stretch of time (奋斗的五年), it counts nothing. A run of years asked (连续多少年,
    duration_runs) is counted after a word of a run only (连续37年), not by a time taken (用13年时间)."""
    words = load_data("question_words.yaml")
    leads, runs = tuple(words["duration_leads"]), tuple(words["duration_runs"])
    asked = re.search(r"([\u4e00-\u9fff]{2})(?:多少|几)个?年", question)
    run_asked = bool(asked) and asked.group(1).endswith(runs)  # 连续多少年: a run of years, not a time taken
    best = -1.0
    for found in duration_pattern(question).finditer(text):
        before = text[:found.start()].rstrip()
        if not (found.group(0)[0].isdigit() or before.endswith(leads)) or (run_asked and not before.endswith(runs)):
            continue
        best = max(best, 0.25 + (LEAD_MATCH if asked and before.endswith(asked.group(1)) else 0.0))
    return best


def year_pattern(question: str) -> re.Pattern:
    """The dates answering a date question: any (DATE), or only those naming a year when it asks the year
    (data/question_words.yaml year_asked: "In which year is X to host…" is not answered by 冬季运动会's season)."""
    return YEAR_DATE if question_words("year_asked").search(question) else DATE


def asks_person(question: str) -> bool:
    return question_words("person").search(question) is not None


def names_a_person(text: str) -> bool:
    """An office followed by a name of two to four characters: "省长刘小涛", "市长 刘宛康", "国务院总理 温家宝"; or a
    person's name with no office: one the tokenizer knows as a name (袁隆平院士), or one it does not, cut into single
    characters before a verb a clause names a person with ("屠呦呦获得诺贝尔生理学或医学奖": data/question_words.yaml
    person_verbs)."""
    if re.search(rf"(?:{question_words('offices').pattern})\s*[;；:：]?\s*[\u4e00-\u9fff]{{2,4}}", text):
        return True
    return _named_person(text)


@lru_cache(maxsize=4096)
def _named_person(text: str) -> bool:
    import jieba.posseg

    verbs = set(load_data("question_words.yaml")["person_verbs"])
    words = [(w.word, w.flag) for w in jieba.posseg.dt.cut(text)]
    if any(flag == "nr" and len(word) >= 2 for word, flag in words):
        return True
    singles = 0  # single Han characters in a row, no word the dictionary knows
    for word, flag in words:
        if word in verbs and 2 <= singles <= 3:
            return True
        singles = singles + 1 if len(word) == 1 and "\u4e00" <= word <= "\u9fff" and flag not in ("p", "c", "u", "d", "m", "q", "r") else 0
    return False


def new_dates(pattern: re.Pattern, text: str, question: str) -> list[str]:
    """The dates of text the question does not state itself.

    Example: new_dates(DATE, "2021年印发规划，展望2035年", "2021年印发的规划要在哪一年建成？") -> ["2035年"]
    """
    stated = set(re.findall(rf"(?<!\d){YEAR}(?!\d)", question))
    return [m.group(0) for m in pattern.finditer(outside_titles(text))
            if m.group(0) not in question and not (re.fullmatch(rf"{YEAR}年", m.group(0)) and m.group(0)[:4] in stated)]


def asks_list(question: str, original: str = "") -> bool:
    """哪些, 哪几条, 分别指什么, which three: the answer is a list's items; `original`: an English question as
    asked, whose plural noun after which asks a list too (lists.english_list)."""
    return question_words("list").search(question) is not None or english_list(original)


def list_bonus(span: str, analysis: Analysis, grams: set[str] = frozenset()) -> float:
    """A list question is answered by a span giving items (集成电路、生物医药、人工智能; 金融+财政+土地+信用;
    是：…；…), not by one naming the list (大力发展三大先导产业). Two sides compared (分别是什么) are not a list.
    `grams`: the question's words; items that are kinds of things, the asked noun one of them (一批国家级产业集群、
    产业园区、龙头企业 for which clusters), give none of its instances; two items or more each naming one of
    its instances (食品制造产业集群、液压科技产业集群) give them best (lists.asked_items_kind)."""
    if analysis.comparison or not asks_list(analysis.question, analysis.original):
        return 0.0
    if english_one_asked(analysis.original) and (kind := name_kind_ends(analysis)) \
            and not kind_bonus(span, kind, asked_text(analysis)):
        # "Which theme park opened…" asks one name of a kind: a run of items naming none of that kind (新增公园127座、
        # …) is no list of what is asked; a run holding one (鸿蒙生态创新中心等一批平台) may still answer
        return 0.0
    span = HEADING_NUMBER.sub("", span)  # a section's number (二、河南省…) is no item of a run
    spelled = spelled_terms(analysis.question, analysis.original)
    if any(spells(span, parts) for parts in spelled.values()):
        return SPELLED_BONUS
    wanted = counted_items(analysis)  # an English question counts in English
    # (an English which asking one thing, read 哪些 as any which, asks no instances of a kind)
    if wanted and counted_run(span, wanted, grams):
        # the items counted and named after them (A、B、C三大先导产业, 研发创新、…、食品云“四大平台”): the list asked,
        # though an item shares the question's words (食品 of 食品云): the count and noun after the run head them all
        return INSTANCES_BONUS
    if wanted and other_counted_run(span, wanted, grams, asked_text(analysis)):
        return -NO_ITEMS  # a run counted by another number (3个过三千亿元城市 for four 千亿县) lists another thing
    instances, categories = asked_items_kind(span, grams) if not english_one_asked(analysis.original) else (0, False)
    if categories:
        return -NO_ITEMS
    if instances >= max(2, wanted):
        return INSTANCES_BONUS  # as many instances as asked (name four of them: four at least)
    if not (ENUMERATION.search(span) or ITEMS_AFTER_COLON.search(span)):
        # a span giving no items (围绕休闲食品产业链, the heading of one of them; 营养与健康 joins no items) answers
        # less than one giving them; numbered items (一是…) and as many joined by 和 as are counted are items
        # (an English which asking one thing, read 哪些 as any which, wants a name, not items: no loss)
        gives = FIRST_ITEM.search(span) or (wanted and wanted in item_counts(span))
        return 0.0 if gives or english_one_asked(analysis.original) else -NO_ITEMS
    # as many items as the question counts (三大先导产业是哪些 -> 集成电路、生物医药、人工智能), or a count of
    # characters (哪八个字) a quoted run's words make together (“坚韧、忠勇、开放、争先”)
    if wanted and wanted in (quoted_characters(span) if characters_counted(analysis.question) else item_counts(span)):
        return 0.3
    # a run of another number of items than the question counts (five centres for which six cities, three 链 for
    # the four bases) is a list of something else: no more than a span giving no list. Not when the question says
    # another count too (eight clusters, name four of them), nor for items in clauses (是：…；…, 一是…)
    if wanted and not other_count_said(asked_text(analysis), wanted) \
            and not ITEMS_AFTER_COLON.search(span) and not FIRST_ITEM.search(span):
        return 0.0
    if not english_one_asked(analysis.original) and not ITEMS_AFTER_COLON.search(span) and not FIRST_ITEM.search(span) \
            and all(re.search(r"\d", run.group(0)) for run in ENUMERATION.finditer(span)):
        # every run joins figures (保供煤炭超35亿吨、居全国首位): clauses of quantities, not the names a list question
        # asks for; a run of names (牛奶、牛肉、羊肉…等产量稳居全国首位) gives them better. (An English which asking
        # one thing wants a name, which a span of figure runs may hold besides: 《鲁镇》 after 11亿人次、…)
        return FIGURE_RUN_BONUS
    return 0.2


FIGURE_RUN_BONUS = 0.1


def listed_noun(analysis: Analysis) -> str:
    """The noun a Chinese list question asks items of, right after its asking word: "确立了哪几条核心原则" ->
    核心原则; "" for none (分别指什么) or an English question (its reading's words are no noun of the passage)."""
    if analysis.language != "zh" or analysis.comparison or not asks_list(analysis.question):
        return ""
    found = word_pattern("asking.yaml", "listed_noun").search(analysis.question)
    return found.group(1) if found else ""


def gives_items(span: str) -> bool:
    """The span gives items of a list: a run (A、B), clauses after a colon, numbered items (一是…)."""
    return bool(ENUMERATION.search(span) or ITEMS_AFTER_COLON.search(span) or FIRST_ITEM.search(span))


def counted_items(analysis: Analysis) -> int:
    """How many items a list question counts: by a count word (哪五项, which two), else by the name it asks the
    items of, spelled by their counts ("三区一高地一家园"分别指什么: 3 + 1 + 1 = 5; lists.spelled_terms)."""
    told = asked_count(analysis.question) or asked_count(analysis.original)
    spelled = spelled_terms(analysis.question, analysis.original)
    return told or max((sum(n for n, _ in parts) for parts in spelled.values()), default=0)


def item_counts(span: str) -> set[int]:
    """The lengths of the runs of items in span: "集成电路、生物医药、人工智能三大…" -> {3}; a run read with 和/及/与
    joining items and read with 、 alone (软件和信息服务业 is one item): "金融业、软件和信息服务业" -> {3, 2}."""
    return ({len(ITEM_SEPARATOR.split(m.group(0))) for m in ITEM_RUN.finditer(span)}
            | {len(re.split(JOIN, m.group(0))) for m in JOINED_RUN.finditer(span)})


def restates(span: str, question: str, analysis: Analysis) -> bool:
    """The span says nothing the question does not: a heading or title made of its words ("主要预期目标",
    "2026年江苏省政府工作报告") is no answer."""
    said = f"{question} {analysis.expansion} {' '.join(place_words(analysis))}"
    # a comparison sets figures side by side whatever it asks ("Did A add more X than B?"): a side's own figure is news
    if (analysis.wants != "name" or analysis.comparison) and any(
            number not in said for number in re.findall(r"\d+(?:\.\d+)?", span)):
        return False  # a figure or a date of its own answers any question but one asking a name
    characters = set(re.findall(r"[\u4e00-\u9fff]", re.sub(rf"{YEAR}年", " ", span)))
    # one character of its own at most: a name, however short (泉州, 舞阳县), adds two
    return bool(characters) and sum(1 for c in characters if c not in said) <= 1


def head_ends_asked(analysis: Analysis) -> tuple[str, ...]:
    """How the names of the things an English list question asks end (lists.head_kind), or () when it asks places:
    "which Fujian cities" are named 福州, 厦门 (the gazetteer knows them), and no city's name ends 城市.
    Example: "Which new medical centres did…" -> ("中心",); "Which Fujian cities were picked…" -> ()"""
    if analysis.wants not in ("name", "text") or asks_which_place(analysis.original or ""):
        return ()
    return head_kind(analysis.original)


def best_span(chunk_text: str, grams: set[str], analysis: Analysis, accept=None, bonus=None) -> tuple[str, float]:
    """The clause, or two to four adjacent clauses of one sentence, that best answer; scored.

    `accept(span, sentence)`: when given, only spans it accepts are considered (figures that fit the question).
    `bonus(span)`: when given, added to a span's score (a comparison side's figure naming the asked indicator).
    """
    best, best_score = "", -1.0
    wants = "day" if analysis.wants == "date" and asks_day(analysis.question) else analysis.wants
    wants = "person" if wants in ("name", "text") and asks_person(analysis.question) else wants
    listing = asks_list(analysis.question, analysis.original) and not analysis.comparison  # 分别是什么 of two sides is no list
    counted = counted_items(analysis) if listing else 0
    spelled = spelled_terms(analysis.question, analysis.original) if listing else {}
    figure_asked = analysis.wants in ("number", "rate") and not analysis.comparison
    # a date question whose words the passage mostly lacks (a dateline: 在…人民代表大会…会议上 for 人代会上作的)
    # is left to the date and the passage's place and year
    date_asked = analysis.wants == "date" and coverage(grams, chunk_text) >= 0.5
    cut = with_datelines(sentences(without_instructions(chunk_text)))  # a planted order is no answer; a
    # dateline goes with the issuer or headline above it
    batch = asked_ordinals(analysis.question)
    asking = asking_grams(analysis, content_bigrams)  # a name asked after a clause setting the scene
    asking = asking if any(g in chunk_text for g in asking) else set()  # a passage without them: no pointer
    kind = name_kind_ends(analysis)  # 哪家, which villages: a name ending as that kind's do
    # an English list of another kind (which new medical centres): how its head noun's names end, a bonus only
    head_ends = head_ends_asked(analysis) if listing and not kind else ()
    # several of a kind counted (哪三条道路, which two meetings): the kind's own noun (道路, 会议) is no word of the
    # things asked, 新建农村公路 names no road, 巴山路 does (one asked, it may be part of its name: 海螺集团)
    grams = {g for g in grams if not g.endswith(kind)} if kind and counted >= 2 else grams
    # and a common noun the reports use for other things (任务 read from "mission": 首要任务 is a task) says nothing
    # of which one is asked
    grams = grams - kind_nouns(analysis) if kind else grams
    given = given_figures(analysis)  # the name of the project built for 4.7亿元: the clause stating 4.7亿元
    given = given + [w for w in map(round_in_words, given) if w]  # 1000亿元 is written 千亿元 (超千亿元县)
    # the figure given is matched as a figure: its digits (10, 00 of 1000亿元) are no words of the question
    grams = {g for g in grams if not g.isdigit()} if given else grams
    news_date = asks_news_date(analysis)  # when was the news published: the page's dateline, under its headline
    delivery = asks_delivery(analysis)  # when was the report delivered: its delivery line, not its printing date
    scopes = rank_scopes(analysis)  # a rank asked in the city and in the province: a span stating both
    held_rank = not analysis.comparison and bool(stated_ranks(analysis.question, verbs_only=False))
    marks = rank_marks(analysis)  # and each rank in a scope asked (全省 for "in Henan")
    for j, sentence in enumerate(cut):
        if batch and not batch & ordinals(sentence):
            continue  # 首批…有多少个: a sentence on the projects of no batch (1596个…完成投资) counts others
        parts = clauses(sentence)
        for i in range(len(parts)):
            for width in (1, 2, 3, 4):
                if i + width > len(parts):
                    break
                span = "".join(parts[i:i + width])
                if len(span) > 140:
                    break
                if figure_asked and width > 1 and subject_of_next(parts[i + width - 1], parts[i + width:]):
                    continue  # a clause after the span's last figure names the next figure's thing (…19％，全省
                    # 进出口总值创历史新高，达到5379亿元): its words say nothing of the figures before it
                head = span
                if listing and opens_list(span, parts[i + width:], cut[j + 1:j + 2]):
                    span = with_items(span, parts[i + width:], cut[j + 1:], LIST_LIMIT)
                elif listing and (after := items_after(span, parts[i + width:], cut[j + 1:], counted, LIST_LIMIT, grams,
                                                           tuple(spelled))):
                    span = after  # the list named ("三个1亿人"), its items in the clauses after it (lists.py)
                if listing and FIRST_ITEM.search(span):
                    span = with_numbered_items(span, "".join(cut[j + 1:]), LIST_LIMIT)
                if accept is not None and not accept(span, sentence):
                    continue
                if counted >= 2 and span == head and not lists_items(span, kind, asked_text(analysis)):
                    continue  # which three roads: a span naming no two things (新建农村公路14公里) lists none of
                    # them; one extended with the items after its list's name (三个一百：…，…，…) lists them
                if restates(span, analysis.question, analysis):
                    continue  # a restated question is never an answer
                if held_rank and any(other_rank(analysis, part) for part in parts[i:i + width]):
                    continue  # what holds a rank (居全国第一) asked: a clause stating only other ranks (第10位升至
                    # 第5位) is of another thing, however many words it shares; the one stating the rank may answer
                if (figure_asked or date_asked) and grams and not any(g in span for g in grams) \
                        and not (news_date and holds_dateline(span)) and not (delivery and delivery_line(span)):
                    continue  # a figure or date in a clause sharing no word with the question is one of something else
                if asking and not any(g in span for g in asking):
                    continue  # the clause that asks says what the name is of; a span without it names another
                if (analysis.wants == "date" and grams and not DAY.search(span)
                        and not any(g in span for g in grams)):
                    continue  # a year beside no word of the event asked (获批国家森林城市) dates something else;
                    # a dateline's day (2021年2月24日在…会议上) may date the report the question names
                score = (coverage(grams, as_read(span, analysis)) + wanted_bonus(span, wants, analysis.question, analysis.original)
                         - measure_penalty(span, analysis) - period_penalty(sentence, analysis)
                         # items sharing no word with the question are some other list's (吃苦耐劳、一往无前),
                         # unless they are names of the kind asked (which roads: 巴山路、岷山路)
                         # or items spelling the question's name of the list (三去一降一补: 去产能、…)
                         + (list_bonus(span, analysis, grams) if not grams or any(g in span for g in grams)
                            or (kind and kind_bonus(span, kind, asked_text(analysis)) > 0)
                            or any(spells(span, parts) for parts in spelled.values()) else 0.0)
                         + several_figures_bonus(span, analysis) - 0.002 * max(0, len(head) - 50))
                if figure_asked and level_cut(parts[i + width - 1], parts[i + width:]):
                    score -= LEVEL_CUT  # the level the change reached is the next clause's: the span with it answers
                if bonus is not None:
                    score += bonus(span)
                named = kind_bonus(span, kind, asked_text(analysis), asked_count(asked_text(analysis)) if listing else 1)
                # a counted list of a kind (which two meetings) is answered by names of that kind: a list naming
                # none (国际机场二跑道、…) lists other things, however many of the question's words it shares
                score += named if named or not (counted >= 2 and kind) else -KIND_WEIGHT
                score += max(0.0, kind_bonus(span, head_ends, asked_text(analysis), counted or 1))
                score += figure_bonus(span, given)
                if news_date and holds_dateline(span):
                    score += DATELINE_WEIGHT
                if delivery and delivery_line(span):
                    score += DATELINE_WEIGHT
                score += ranks_bonus(span, scopes, marks)
                if score > best_score:
                    best, best_score = span, score
    return best.strip("，,；;：:。 —"), best_score


def states_a_number(clause: str) -> bool:
    """The clause holds a figure, a count in words or a rank."""
    return bool(re.search(r"\d", clause) or NUMBER_WORDS.search(clause) or RANK.search(clause))


def subject_of_next(clause: str, rest: list[str]) -> bool:
    """The clause states no figure and the next clause states one naming nothing of its own (达到5379亿元): the
    clause is that figure's subject (全省进出口总值创历史新高), not more of the figures before it. A clause saying
    what a figure before it is for (计划投资4.8亿元，启动…新院区建设，新增床位600张) is no next figure's subject."""
    return (not states_a_number(clause) and bool(rest) and states_a_number(rest[0])
            and names_nothing(rest[0]))


def level_cut(clause: str, rest: list[str]) -> bool:
    """The clause states a change (贡献率上升3个百分点) and the next, naming nothing of its own and stating no change,
    the level it reached (达到51.2%): a span ending at the change cuts the statement before its level."""
    change = word_pattern("asking.yaml", "change_words")
    return (bool(rest) and states_a_number(clause) and change.search(clause) is not None
            and states_a_number(rest[0]) and names_nothing(rest[0]) and change.search(rest[0]) is None)


ROUND_FIGURE = re.compile(r"(10{1,3})([万亿]?[\u4e00-\u9fff]*)")
ROUND_WORDS = {"10": "十", "100": "百", "1000": "千"}


def round_in_words(figure: str) -> str:
    """A round figure as reports write a threshold in words: "1000亿元" -> "千亿元" (生产总值超千亿元县), "100万人"
    -> "百万人"; "" for any other figure (1200亿元, 4.7亿元)."""
    found = ROUND_FIGURE.fullmatch(figure)
    return ROUND_WORDS[found.group(1)] + found.group(2) if found and found.group(2) else ""


def kind_nouns(analysis: Analysis) -> set[str]:
    """The common nouns of the kind of name a question asks (data/question_words.yaml name_kinds, nouns): words of
    the question that name no one thing of that kind (任务 for which mission; a mission is named …号)."""
    asked = asked_text(analysis)
    for kind in load_data("question_words.yaml").get("name_kinds", []):
        if re.search("|".join(kind["asks"]), asked, re.I):
            return set(kind.get("nouns", []))
    return set()


def lists_items(span: str, kind: tuple[str, ...], question: str) -> bool:
    """The span names two things or more: a run of items (巴山路、岷山路和市场北路; 一是…), clauses after a colon,
    or, for a kind asked (which two villages), clauses naming one each (甲村荣获…,乙村荣获…)."""
    if ENUMERATION.search(span) or ITEMS_AFTER_COLON.search(span) or ITEM_RUN.search(span) or FIRST_ITEM.search(span):
        return True
    return bool(kind) and kind_bonus(span, kind, question, 2) > kind_bonus(span, kind, question, 1)


def opens_list(span: str, rest: list[str], following: list[str]) -> bool:
    """The span introduces a list: it holds a colon or 即/包括 ("主要预期目标是：", "困难和挑战:一是…", "即建设…之城")
    with clauses after it, or it ends its sentence and the next begins with a colon ("主要预期目标" then "是：地区生产总值增长…", a line broken in a copy)."""
    if OPENS_LIST.search(span) or INTRODUCES_ITEMS.search(span):
        return bool(rest or following)
    return not rest and bool(following) and LEADS_LIST.match(following[0]) is not None


def with_items(span: str, rest: list[str], following: list[str], limit: int) -> str:
    """A span that opens a list with the items it introduces, as many as fit in `limit` characters: the rest of
    its sentence, then the sentences after it while the list goes on (目标是：A；B；C。 ends at the 。)."""
    for part in [*rest, *following]:
        if len(span) + len(part) > limit:
            break
        span += part
        if part.rstrip().endswith(("。", "！", "？", "!", "?")):
            break
    return span


def with_numbered_items(span: str, after: str, limit: int) -> str:
    """A span giving the first of numbered items ("困难和挑战:一是疫情…仍未消除") with the first clause of each
    next one the passage gives after it (二是…, 三是…), in order, as many as fit in `limit` characters."""
    for number in "二三四五六七八九十":
        found = re.search(rf"{number}是[^。；;，,！？]*", after)
        if not found or len(span) + len(found.group(0)) + 1 > limit:
            break
        span = f"{span.rstrip('。；;，, ')}；{found.group(0)}"
        after = after[found.end():]
    return span


LOOKED_BACK = 0.1  # a passage of a report's look back, for a name asked as still to come


def agreement(hit: ScoredChunk, analysis: Analysis) -> float:
    """Place and year of the chunk against the question's: exact place +, other year -."""
    meta, bonus = hit.chunk.metadata, 0.0
    if analysis.places:
        # A place's own report beats its districts' (retrieval lets them in for recall).
        bonus += 0.08 if meta.get("region") in analysis.places else -0.08
    if analysis.years:
        doc_years = {meta.get("year_reviewed"), meta.get("year_issued")} - {0, None}
        if period := meta.get("period"):
            first, last = (int(x) for x in str(period).split("-"))
            doc_years |= set(range(first, last + 1))
        mentioned = any(str(y) in hit.chunk.text for y in analysis.years)
        if report_year_only(analysis) and meta.get("year_issued"):
            # the year names the report asked about (the 2013 report): the report issued then, not the next one
            # reviewing that year
            doc_years, mentioned = {meta.get("year_issued")}, False
        if doc_years & set(analysis.years) or mentioned:
            bonus += 0.1
        elif analysis.wants == "date":
            pass  # asked for a date, the question's year sets the scene (2021年印发的规划…哪一年建成): no figure of it
        elif meta.get("doc_kind") == "government_work_report" and not analysis.periods:
            bonus -= YEAR_MISMATCH  # a work report reviews one year and plans the next: not this year's figure
        elif doc_years:
            bonus -= 0.15
        # Within a report, the section says which year it is about: "三、2024年重点工作安排".
        heading_years = {int(y) for y in re.findall(rf"({YEAR})年", hit.chunk.heading)}
        if heading_years and analysis.wants != "date" and not heading_years & set(analysis.years):
            bonus -= 0.12
    if ahead_asked(analysis) and looks_back(hit):
        bonus -= LOOKED_BACK  # which expo will it host: the one it hosted last year is no answer
    return bonus


def pick(contexts: list[ScoredChunk], analysis: Analysis, grams: set[str], limit: int = 5,
         frame: Frame | None = None, dated: bool = False, new_only: bool = True, require=None,
         held=None) -> Pick | None:
    """The best span of the first `limit` passages; with a figure question's frame, only spans whose
    figures fit it (place, period, status, measure), so a neighbouring figure is never the answer;
    `dated`: only spans stating a date the question does not; `require(span)`: only spans it passes;
    `held(hit)`: only passages it passes."""
    best, best_rank = None, 0.0
    for n, hit in enumerate(contexts[:limit], start=1):
        if held is not None and not held(hit):
            continue
        accept = fitting_figures(hit, this_year_frame(frame, hit, analysis), asked=asked_text(analysis)) if frame is not None else (stating_a_date(analysis, new_only) if dated else None)
        if require is not None:
            accept = _both(accept, require)
        span, score = best_span(list_readable(hit, analysis), grams, analysis, accept)
        score = 0.8 * score + 0.2 * coverage(grams, as_read(hit.chunk.text, analysis)) + agreement(hit, analysis)
        score += 0.05 * (limit - n) / limit  # retrieval order breaks ties
        # an achieved value stated as a value beats one stated only as a bound ("粮食产量1350.97亿斤" over "连续9年
        # 稳定在1300亿斤以上"), as a comparison side's does (BOUND_PENALTY); the ranking only: the score stays the
        # span's own, for the refusal thresholds
        rank = score - (BOUND_PENALTY if span and frame is not None and frame.figure and frame.status != "target"
                        and bound_only(span) else 0.0)
        if span and (best is None or rank > best_rank):
            best, best_rank = Pick(n, span, score, rank=rank), rank
    return best


def list_readable(hit: ScoredChunk, analysis: Analysis) -> str:
    """The chunk's text a span may come from. For a list question, not the opening of a chunk whose overlap opens
    inside a run of items (Chunk.opens_in_list: "大健康、现代化工、农产品加工5大支柱产业…" cut from a list of five):
    read alone it is a whole list of fewer items; the chunk before holds the list whole. For any other question, the
    text without_cut_clause leaves it."""
    text = hit.chunk.text
    if not hit.chunk.opens_in_list or analysis.comparison or not asks_list(analysis.question, analysis.original):
        return without_cut_clause(hit.chunk, analysis)
    end = re.search(r"[。！？!?；;]", text[:hit.chunk.own_offset + 1])
    return text[end.end():] if end else text[hit.chunk.own_offset:]


def without_cut_clause(chunk, analysis: Analysis) -> str:
    """The chunk's text a figure question reads: without the first clause of an overlap opening inside a sentence
    (Chunk.opens_in_sentence), whose subject stands in the chunk before, so its figure is of a thing it does not
    name ("释放产值超1500亿元" of 新增工业产能项目, read as a photonics industry's output); the chunk before holds the
    sentence whole. A name or list question reads it all: the clause's names are names whatever its subject
    (以利通液压、汇龙液压等为代表)."""
    text = chunk.text
    if not chunk.opens_in_sentence or analysis.wants not in ("number", "rate"):
        return text
    end = re.search(r"[，,、；;。！？!?]", text[:chunk.own_offset])
    return text[end.end():] if end else text


def _both(accept, require):
    """accept(span, sentence) that also wants require(span)."""
    return lambda span, sentence: (accept is None or accept(span, sentence)) and require(span)


def _item_pick(contexts: list[ScoredChunk], analysis: Analysis, require) -> Pick | None:
    """The answer to one item of a question asking several (several.py): its figure, as _best_picks finds
    one, from a span `require` passes."""
    frame, grams = frame_of(analysis), content_bigrams(analysis.question, analysis)
    best = pick(contexts, analysis, grams, frame=frame if frame.figure else None, require=require)
    if frame.figure and frame.years and (best is None or best.score < REFUSE_BELOW):
        best = pick(contexts, analysis, grams, frame=replace(frame, plan_answers=True), require=require)
    return best


def _side_contexts(contexts: list[ScoredChunk], side: Analysis, others: set[str] = frozenset()) -> list[tuple[int, ScoredChunk]]:
    """Passages for one side; a place the other side names is not this side's (漯河市 vs 郾城区)."""
    from assistant.retrieval import side_regions

    allowed, naming = side_regions(side, others)
    by_report = report_side(side)  # "2016年政府工作报告…": that report's passages only
    out = []
    for n, hit in enumerate(contexts, start=1):
        meta = hit.chunk.metadata
        years = {meta.get("year_reviewed"), meta.get("year_issued")}
        if allowed and meta.get("region") not in allowed or by_report and meta.get("year_issued") not in side.years:
            continue
        if naming and not any(name in hit.chunk.text for name in naming):
            continue  # a side read in the report of the place above it: only its passages naming the side's place
        # a side's period named in the passage ("十三五"期间…改善率) dates it as well as a year would
        if side.years and not (years & set(side.years) or any(str(y) in hit.chunk.text for y in side.years)
                               or any(period in hit.chunk.text for period in side.periods)):
            continue
        out.append((n, hit))
    return out


def compare(contexts: list[ScoredChunk], analysis: Analysis, grams: set[str]) -> list[Pick]:
    from assistant.retrieval import _sides

    picks, sides = [], _sides(analysis)
    names = named_indicators(f"{analysis.question} {analysis.expansion}")
    # unless a number is asked for (多少, growth rate), a side may be stated in words (达到全国平均水平);
    # not when the question asks which side is larger (谁的经济总量大) or names the measure compared (占比)
    # (which side is larger is a figure's question even when no indicator's name is known: "bigger economy")
    need = lambda side: side.wants in ("number", "rate") or asks_which_more(analysis.question) or (  # noqa: E731
        bool(names) and bool(asked_measure(analysis.question)))
    chosen = []
    for side in sides:
        others = {p for s in sides if s is not side for p in s.places}
        side = own_time(side, others)
        best = _pick_side(contexts, analysis, side, others, names, grams, need(side))
        if best:
            picks.append(best)
            chosen.append((side, others))
    if len(picks) == 2:
        picks = _agreeing_units(picks, chosen, contexts, analysis, names, grams, need)
    return picks


def own_time(side: Analysis, others: set[str]) -> Analysis:
    """A side with the years and periods the question gives it alone (year_of_other_side, side_times,
    reviewed_years)."""
    if year_of_other_side(side):
        return replace(side, years=[], report_years=[])  # its level as it stands: the latest figure
    if times := side_times(side):  # 洛阳2020年…和漯河“十三五”…: each side its own time
        return replace(side, years=times[0], periods=times[1],
                       report_years=[y for y in side.report_years if y in times[0]])
    if reviewed := reviewed_years(side, others):
        return replace(side, years=reviewed, report_years=[])
    return side


def _pick_side(contexts: list[ScoredChunk], analysis: Analysis, side: Analysis, others: set[str],
               names: tuple[str, ...], grams: set[str], need: bool, require=None) -> Pick | None:
    """One side's pick: what a year achieved first, then its plan; with `require(hit)(span)`, only spans it passes."""
    frame = read_above(side_frame(side, names), side, others)
    best = None
    if frame.figure and not frame.status_named:
        # what a year achieved first, as for one year asked (_best_picks): a year's target stated in its
        # own report is its figure only when no report states what it achieved
        best = _side_pick(contexts, analysis, side, others, replace(frame, plan_answers=False), names, grams,
                          True, require)  # a figure: a side in words is no achieved value over a target
        if best is not None and not states_figure(contexts[best.n - 1], best.text, frame.book):
            best = None  # "实施一批老旧小区…整治" states no achieved figure: the plan's 600个 is the side's
    if best is None or best.score < REFUSE_BELOW:
        best = _side_pick(contexts, analysis, side, others, frame, names, grams, need, require) or best
    if best is None and frame.figure and not (frame.years or frame.periods or frame.status_named):
        # a side asked with no year and no status whose figure only its plan states (推动4个国家骨干冷链物流基地提质
        # 升级): the plan answers, as for one place asked (_best_picks). Only when no clause states an achieved
        # figure at all: a weak one (全县GDP完成431.8亿元 for 经济总量, under one wording of the question) still wins
        # over the plan's 650亿元 under another wording
        best = _side_pick(contexts, analysis, side, others, replace(frame, status="target"), names, grams, need,
                          require) or best
    return best


def unit_kinds(hit: ScoredChunk, span: str, book) -> set[str]:
    """What the span's figures measure, by unit: money, a rate (% and 百分点), a count, or a physical unit
    itself (亩 is no 吨): multipliers read off (万亩 and 亩 are one)."""
    from assistant.facts.units import group_of

    text = hit.chunk.text
    at = text.find(span.strip())
    kinds = set()
    for fact in chunk_facts(hit, book):
        if at >= 0 and at <= fact.start and fact.end <= at + len(span.strip()):
            group = group_of(fact.unit)
            kinds.add("rate" if group in ("percent", "points") else _plain_unit(fact.unit) if group == "physical"
                      else group)
    return kinds - {""}


def _agreeing_units(picks: list[Pick], chosen: list, contexts: list[ScoredChunk], analysis: Analysis,
                    names: tuple[str, ...], grams: set[str], need) -> list[Pick]:
    """Two sides whose figures measure different things by their units (劳务报酬20亿元 against 高标准农田443.9万亩,
    一个占比4% against 投入9884.5亿元) set nothing side by side: one side took a figure of something else. The side
    read again for a figure in the other side's unit, when its passages state one, is taken (of the two ways, the
    one scoring higher) when the two then measure one thing (sides_pair: a sum of something else in the other's unit is
    no side either); else each side keeps its pick, and a side the reports lack is not filled."""
    book = frame_of(analysis).book
    kinds = [unit_kinds(contexts[p.n - 1], p.text, book) for p in picks]
    if not kinds[0] or not kinds[1] or kinds[0] & kinds[1]:
        return picks
    options = []
    for i in (0, 1):
        side, others = chosen[i]
        wanted = kinds[1 - i]
        in_unit = lambda hit, wanted=wanted: lambda span: bool(unit_kinds(hit, span, book) & wanted)  # noqa: E731
        again = _pick_side(contexts, analysis, side, others, names, grams, need(side), in_unit)
        if again is None or again.score < REFUSE_BELOW:
            continue
        read = [again, picks[1]] if i == 0 else [picks[0], again]
        if sides_pair(read, contexts, grams):  # the two now measure one thing, as the verdict sets them
            options.append((again.score + picks[1 - i].score, read))
    return max(options, key=lambda o: o[0])[1] if options else picks


def read_above(frame: Frame, side: Analysis, others: set[str] | None = None) -> Frame:
    """A side read in the report of the place above it (西安 in 陕西省's report: retrieval.side_regions), from its
    passages naming the side's place only: their figures are written as the report's place's (中欧班列（西安）开行
    6037列 is a fact of 陕西省), so that place agrees with the side's frame too."""
    from assistant.retrieval import side_regions

    allowed, naming = side_regions(side, set(side.beside) if others is None else others)
    return replace(frame, places=list(dict.fromkeys(frame.places + allowed))) if naming and frame.places else frame


def own_place_said(hit: ScoredChunk, side: Analysis, others: set[str], frame: Frame):
    """require(span) for a side read in the report above it: the span names the side's place (中欧班列（西安）开行
    6037列), or states a figure of the side's own place; the report's own total beside it (全省港口货物吞吐量20.3亿吨
    in a passage naming 青岛港) is no figure of the side."""
    from assistant.retrieval import side_regions

    _, naming = side_regions(side, others)
    text = hit.chunk.text
    own = [f for f in chunk_facts(hit, frame.book) if side_fact(f, text, side, naming)]

    def said(span: str) -> bool:
        at = text.find(span.strip())
        return any(at <= f.start and f.end <= at + len(span.strip()) for f in own)

    return said


def side_fact(fact, text: str, side: Analysis, naming: list[str]) -> bool:
    """A fact is a side's: of the side's own place, or of the report's place in a clause naming the side's place
    (中欧班列（西安）开行6037列; not 全省港口货物吞吐量20.3亿吨 before 青岛港's own figure)."""
    if fact.place in side.places:
        return True
    at = max((text.rfind(mark, 0, fact.start) for mark in CLAUSE_MARKS), default=-1) + 1
    if any(n in text[at:fact.end] for n in naming):
        return True
    # a sentence about the side's place whose later clause states its figure with no place of its own: "高质量建设
    # 金华（义乌）中欧班列集结中心，…，全年开行3000列以上" (not a clause saying the report's place whole, 全省…)
    start = sentence_start(text, fact.start)
    clause = text[at:fact.end]
    return any(n in text[start:at] for n in naming) and not word_pattern("compare.yaml", "place_whole").search(clause) \
        and not side.book.find_places(clause)


SENTENCE_MARKS = "。；;！？!?\n"


def sentence_start(text: str, position: int) -> int:
    """Where the sentence holding `position` of `text` begins."""
    return max((text.rfind(mark, 0, position) for mark in SENTENCE_MARKS), default=-1) + 1


def reviewed_years(side: Analysis, others: set[str]) -> list[int]:
    """A side by place whose only years name the reports read ("going by their 2026 government work reports,
    whose R&D intensity is higher, A or B?"): each report's figure is that of the year it looks back on (2025),
    not a 2026 plan's. [] when the years are also the figure's, a plan or target is asked, or the sides are years."""
    issued = report_year_only(side)
    if not issued or not others - set(side.places) or side_frame(side).status_named or plan_asked(side):
        return []
    return sorted(year - 1 for year in issued)


def states_figure(hit: ScoredChunk, span: str, book) -> bool:
    """The span holds a figure statement (a fact read from its passage)."""
    at = hit.chunk.text.find(span.strip())
    return at >= 0 and any(at <= f.start and f.end <= at + len(span.strip()) for f in chunk_facts(hit, book))


def _side_pick(contexts: list[ScoredChunk], analysis: Analysis, side: Analysis, others: set[str], frame: Frame,
               names: tuple[str, ...], grams: set[str], need: bool, require=None) -> Pick | None:
    """The best span for one side of a comparison from its first SIDE_PASSAGES passages: its own year, place and
    status (`frame`), figures naming the indicator asked; with `require(hit)(span)`, only spans it passes."""
    best = None
    # 今年/去年 with no year named: each passage's own report year (asked.this_year_frame), as for one side asked
    passages = [(n, hit, indicator_fits(hit, this_year_frame(frame, hit, side), grams, names,
                                        f"{side.question} {side.expansion}", asks_derived(side, names)))
                for n, hit in _side_contexts(contexts, side, others)[:SIDE_PASSAGES]]
    # a side whose passages state a figure of the asked indicator (its name, not words it shares) is answered
    # by such a figure only: "生产基地13家" shares 生产 with 生产总值, "全县GDP完成431.8亿元" names it
    floor = 1.0 if names and frame.figure and any(fit(hit.chunk.text) >= 1.0 for _, hit, fit in passages) else None
    kind_of_other = other_kind_check(side.question, side, bare=False)
    for n, hit, fit in passages:
        # no figure asked (相比如何), a side may be said in words; a span stating figures states one of the side's own
        # place, time and status ("高铁营业里程达到3万公里" of 2020 is no side of the report's own years)
        own = this_year_frame(frame, hit, side)
        accept = naming_figures(fitting_figures(hit, own, need_number=need), fit, floor) if frame.figure \
            else fitting_figures(hit, own, need_number=False)
        if set(frame.places) - set(side.places):  # read_above: the report's place's figures said of the side's
            accept = _both(accept, own_place_said(hit, side, others, frame))
        if require is not None:
            accept = _both(accept, require(hit))
        if frame.figure:
            # a side is held to what its own question would be: a clause stating the thing of another kind in the
            # kind's slot (地铁运营里程 for 高铁运营里程: asked.other_kind) states no figure of the side; the thing
            # with no kind before it may be (the other report words the kind otherwise, or leaves it to a heading)
            accept = _both(accept, lambda span, text=hit.chunk.text: not kind_of_other(span, text))
        over = over_period(hit, frame, side)
        # an achieved value is stated as a value before a bound (稳定在70%以上 beside 占…的70.9%); a target may be one
        bound = BOUND_PENALTY if frame.status != "target" else 0.0
        span, score = best_span(without_cut_clause(hit.chunk, side), grams, analysis, accept,
                                bonus=lambda span, fit=fit, over=over: INDICATOR_FIT_WEIGHT * max(0.0, fit(span)) + over(span)
                                - (bound if bound and bound_only(span) else 0.0))
        score = 0.8 * score + 0.2 * coverage(grams, hit.chunk.text) + agreement(hit, side)
        if span and (best is None or score > best.score):
            best = Pick(n, span, score, side)
    return best


INDICATOR_FIT_WEIGHT = 0.3
BOUND_PENALTY = 0.15  # a side's span whose every figure is a bound (compare.bound_only)
PERIOD_FIT_WEIGHT = 0.15


def over_period(hit: ScoredChunk, frame: Frame, side: Analysis):
    """bonus(span): a side asked over a plan period alone (漯河“十三五”新增城镇就业) is answered by a figure over
    that period (这五年…新增城镇就业23万人) before one of a year within it (全年新增城镇就业3.8万人)."""
    if side.years or not side.periods:
        return lambda span: 0.0
    facts = [f for f in chunk_facts(hit, frame.book) if str(f.period) in side.periods]
    text = hit.chunk.text

    def bonus(span: str) -> float:
        at = text.find(span.strip())
        inside = at >= 0 and any(at <= f.start and f.end <= at + len(span.strip()) for f in facts)
        return PERIOD_FIT_WEIGHT if inside else 0.0

    return bonus
SIDE_PASSAGES = 5  # a side's passages read: as many as the answer draws for it (retrieval.answer_depth, k = 5)


def naming_figures(accept, fit, floor: float | None = None):
    """accept(span, sentence) that also wants the span's figures to name the asked indicator (fit above 0, or
    no figure: a side in words): 肉类总产11.2万吨 is no answer to 粮食总产量; with `floor`, a fit of at least
    that (a figure, named as the indicator asked)."""
    if floor is not None:
        return lambda span, sentence: accept(span, sentence) and fit(span) >= floor
    return lambda span, sentence: accept(span, sentence) and fit(span) != 0.0


def side_frame(side: Analysis, names: tuple[str, ...] = ()) -> Frame:
    """A comparison side's frame: its own place, year and status. Each side may word its indicator its own
    way (民生资金占财政总支出 vs 民生支出占比), so the indicator names are not required here (indicator_fit
    scores them); a comparison naming an indicator asks for its figures even when it asks which (哪个更快)."""
    frame = frame_of(side)
    # a side asked in words (How did … change, 分别是什么) is a level unless a rate is named: the difference
    # is the verdict's to work out, 比去年多100万人 is not the year's target
    level = (side.wants in ("name", "text") and bool(names)
             and not question_words("rate_cues").search(f"{side.question} {side.expansion}"))
    # a quantity asked (分别是多少, no rate named) is one for each side too (_sides keeps no `amount`)
    quantity = asks_amount(side.question, side.wants)
    frame = replace(frame, plan_answers=True, indicators=(), figure=frame.figure or bool(names),
                    amount=frame.amount or level or quantity)
    # the measure the comparison names is the one compared (compare.py): 占比 a share, 总量 a level
    measure = asked_measure(f"{side.question} {side.expansion}")
    if measure:
        frame = replace(frame, rate=measure != "amount", amount=measure == "amount", figure=True)
    # the question's statuses, one per side (2015年实际 against 2017年目标): each side's own
    if status := side_status(side):
        frame = replace(frame, status="actual" if status == "unnamed" else status, status_named=status != "unnamed")
    if report_side(side):
        # a year named as a report's: what that report states (_side_contexts), of the year it looks back on (an
        # achieved value first, as ever) or of its own year (its plan: 今年拟安排财政赤字1.2万亿元)
        frame = replace(frame, years=sorted({y - 1 for y in side.years} | set(side.years)))
        if report_plan_asked(side):  # 报告提出当年…: the report's plan for its own year, not what it looks back on
            frame = replace(frame, years=list(side.years), status="target", status_named=True)
    if side.status:
        # a side of a year's target against its achieved value: that year and that status only, whatever year its
        # report looks back on (the 2016 report's 1312万 of 2015 is no 2016 target)
        frame = replace(frame, years=list(side.years), status=side.status, status_named=True)
    return frame


def indicator_fit(fact, text: str, grams: set[str], names: tuple[str, ...], asked: str = "",
                  derived: frozenset[str] = frozenset()) -> float:
    """How well a fact names the indicator asked, 0 to 1: 1 when its indicator is a name of one the question
    names (data/indicators.yaml: 粮食总产 for 粮食总产量), 0 when it holds that name only as part of another
    indicator (单位地区生产总值能耗 for GDP: compare.another_indicator; `asked`, the question), else the share
    of the question's words in its clause up to the figure: for 粮食总产量, "粮食作物播种面积162.8万亩、总产
    65.7万吨" holds 粮食 and 总产, "肉类总产11.2万吨" only 总产."""
    if any(holds_name(fact.indicator, name) for name in names):  # M2 is named by 广义货币M2, not by PM2.5
        if another_indicator(fact.indicator, names, asked) or counts_another(fact, names, asked):
            return 0.0
        # `derived`: names the question says only inside another indicator (GDP of 单位GDP能耗: compare.derived_only);
        # a fact of that plain indicator (国内生产总值) is not the one asked
        held = [n for n in names if len(n) >= 2 and holds_name(fact.indicator, n)]
        plain = bool(held) and all(n in derived for n in held) and not another_indicator(fact.indicator, names)
        # a share asked (民生支出占比) is what a share's fact states, however it words the whole (占一般公共预算支出的)
        return 0.0 if plain and not (fact.measure == "share" and shares_asked(asked)) else 1.0
    said = said_of(fact.indicator, text, fact.start)  # a part (其中…) with its whole's words
    said += f" {counted_after(fact, text)}"  # a count of what follows it (45件民生实事)
    return 0.0 if qualifiers_only(grams, said) else coverage(grams, said)  # 城镇老旧小区 for 城镇低保: 0


def indicator_fits(hit: ScoredChunk, frame: Frame, grams: set[str], names: tuple[str, ...], asked: str = "",
                   derived: frozenset[str] = frozenset()):
    """fit(span): the best indicator_fit of the span's figures that fit the frame; -1 when it states none
    (a side stated in words), so only a span whose figures all name something else scores 0."""
    facts = [f for f in chunk_facts(hit, frame.book)
             if not disagreements(f, frame, hit.chunk.metadata.get("year_issued") or None)]
    text = hit.chunk.text

    def fit(span: str) -> float:
        at = text.find(span.strip())
        inside = [f for f in facts if at >= 0 and at <= f.start and f.end <= at + len(span.strip())]
        if not inside or not grams and not names:
            return -1.0
        return max(indicator_fit(f, text, grams, names, asked, derived) for f in inside)

    return fit


def answer(question: str, analysis: Analysis, contexts: list[ScoredChunk], known=None, near=None) -> str:
    """The answer text with [n] markers, or the fixed refusal sentence; a comparison the reports answer for
    one side only is refused with that side's clause and the name of the side they lack. `near`: a
    semantic.Nearness, which judges an English question's unknown words by meaning (closest_picks)."""
    text = _answer(question, analysis, contexts, known, near)
    if analysis.comparison and text in (REFUSAL_ZH, REFUSAL_EN):
        text += one_side_only(question, analysis, contexts)
    elif text in (REFUSAL_ZH, REFUSAL_EN) and (lacking := place_without_documents(analysis, contexts)):
        text += not_held_note(lacking, analysis, contexts)  # the reports found are of another place
    return text


def one_side_only(question: str, analysis: Analysis, contexts: list[ScoredChunk]) -> str:
    """" 报告中只有尉氏县的：…总产65.7万吨[3]；没有郾城区的。" when one side of a comparison is answered and
    the other is not; "" otherwise."""
    from assistant.analysis import by_status
    from assistant.retrieval import _sides

    # a side picked under REFUSE_BELOW is a side the reports do not answer (a 2026 target asked as 2025's figure)
    found = [picks[0] for grams in _gram_sets(question, analysis)
             if len(picks := [p for p in compare(contexts, analysis, grams) if p.score >= REFUSE_BELOW]) == 1]
    if not found:
        return ""
    best = max(found, key=lambda p: p.score)
    # sides by status (a target and its achieved value: analysis.by_status) differ by their questions alone
    statuses = by_status(analysis)
    missing = [s for s in _sides(analysis) if s.places != best.side.places or s.years != best.side.years
               or s.periods != best.side.periods or statuses and s.question != best.side.question]
    if len(missing) != 1:
        return ""
    have, lack = _side_label(best.side, analysis), _side_label(missing[0], analysis)
    span = LINE_BREAK.sub(" ", best.text).strip()
    if analysis.language == "en":
        return f" The reports found answer for {have} only: {span}[{best.n}]; nothing for {lack}."
    return f"报告中只有{have}的：{span}[{best.n}]；没有{lack}的。"


def _answer(question: str, analysis: Analysis, contexts: list[ScoredChunk], known=None, near=None) -> str:
    refusal = REFUSAL_EN if analysis.language == "en" else REFUSAL_ZH
    if not contexts:
        return refusal
    analysis = ranked_place(analysis)  # a rank in the city and in the province: one place, ranked twice
    unknown = unknown_terms(question, analysis, known) if known else []
    short_forms = [t for t in unknown if spelled_out(t, contexts)]
    unknown = [t for t in unknown if not any(t in form for form in short_forms)]  # 人代 with 人代会
    gram_sets = _gram_sets(question, analysis)
    weakest = lambda ps: min((p.score for p in ps), default=-1.0)  # noqa: E731
    weakest_ranked = lambda ps: min((p.ranked() for p in ps), default=-1.0)  # noqa: E731
    picks = max((_best_picks(contexts, analysis, grams) for grams in gram_sets), key=weakest_ranked, default=[])
    if analysis.comparison and weakest(picks) < REFUSE_BELOW:
        # no one wording answers every side: each side in the wording its own report matches
        picks = max([picks, each_side_best(contexts, analysis, gram_sets)], key=weakest)
    # several items asked a figure each (钢铁、水泥、平板玻璃…分别是多少): each from its own clause
    picks = item_picks(analysis, lambda item, require: _item_pick(contexts, item, require), FIGURE,
                       [p.text for p in picks]) or picks
    # the English words no list knows count against a pick unless the sentence stating it says them all (a word
    # said elsewhere in the passage is about another sentence's thing)
    said = lambda p: sentence_of(p.text, contexts[p.n - 1].chunk.text)  # noqa: E731
    # the kind a name is asked of (哪个主题乐园) is no word the answer must say: a name of that kind (乐高乐园) says it
    unsaid_by = lambda p: without_kind_asked(unsaid(unknown, analysis, said(p)), question, p.text, analysis)  # noqa: E731
    if len(picks) <= 1 and (saying := saying_picks(analysis, contexts, gram_sets, unknown, picks)):
        picks = saying  # the English words no list knows said by the clause itself, not only by its sentence
    read = bool(picks) and min(p.score - unknown_penalty(unsaid_by(p), analysis) for p in picks) >= REFUSE_BELOW
    text, words = _verified(question, analysis, contexts, picks) if read else (refusal, True)
    if text == refusal and words and read:
        # the clause picked names another thing than the one asked (进出口 for 出口, 地铁 for 高铁): the best clause
        # naming the thing asked is tried instead, and passes every check any answer does
        picks = naming_picks(question, analysis, contexts, gram_sets, unknown)
        if picks:
            text, words = _verified(question, analysis, contexts, picks)
        if text == refusal and words:
            # that clause too refused for the indicator's words: the best clause saying enough of them on its own
            picks = naming_picks(question, analysis, contexts, gram_sets, unknown, own_words=True)
            if picks:
                text, words = _verified(question, analysis, contexts, picks)
        # an English question with words no list reads refused for its words (a clause scoring too low for them, or a
    # check of the reading's words): the reading failed. One whose every word was read is left refused: a passage
    # writing 进出口 for exports asked is about another thing (joint words), however near in meaning
    # a rendering no passage holds (进口 in a corpus writing only 进出口) is the reading's right word for what the
    # reports do not say, as a Chinese question's absent term is: only words no list reads open this path
    english = any(t in analysis.unknown for t in unknown)
    if text == refusal and words and english and near is not None:
        # the sentence clearly the closest to the question in meaning says its words
        picks = closest_picks(analysis, contexts, gram_sets, unknown, near)
        if picks:
            text, _ = _verified(question, analysis, contexts, picks, meant=True)
    return text


def _verified(question: str, analysis: Analysis, contexts: list[ScoredChunk], picks: list[Pick],
              meant: bool = False) -> tuple[str, bool]:
    """The answer composed from `picks` once every check passes, else the refusal; with whether a check of the
    reading's words refused (untranslated, too_many_missing, indicator_unsaid: the passage writes the question's
    words otherwise than the reading says them). `meant`: the picks come from the sentence clearly the closest to
    the question in meaning (closest_picks), which says its words: those checks are left out, every other holds."""
    refusal = REFUSAL_EN if analysis.language == "en" else REFUSAL_ZH
    cited = [f"{contexts[p.n - 1].chunk.title} {contexts[p.n - 1].chunk.heading} {contexts[p.n - 1].chunk.text}"
             for p in picks]
    spans = [p.text for p in picks]
    # whether the checks other than those of the reading's words pass: asked first, so the check that refuses is
    # the last one called (assistant.bench.refusals names it so)
    beside = meant or analysis.language != "en" or answers_question(question, analysis, spans, cited, words_said=True)
    if not answers_question(question, analysis, spans, cited, words_said=meant):
        return refusal, not meant and beside
    sentences = [sentence_of(p.text, contexts[p.n - 1].chunk.text) for p in picks]
    if thing_unsaid(analysis, sentences):
        return refusal, False  # a thing named after a place (益阳电厂) asked, a sentence not naming it found
    if code_unsaid_in(analysis, sentences):
        return refusal, False  # 5G基站 asked, 城市停车场 found
    if code_asked_unsaid(analysis, [p.text for p in picks]):
        return refusal, False  # the hotline's number asked, a clause naming no number found
    if any(other_ordinal(question, p.text) or other_rank(analysis, p.text) for p in picks):
        return refusal, False  # another batch (第二批 for 第一批), another rank (居全国第9 for 第一)
    if any(subject_unnamed(analysis, text) for text in cited):
        return refusal, False  # the passage dated names too little of the thing asked: another thing's date
    held = [contexts[p.n - 1] for p in picks]
    if not analysis.comparison and place_not_held(analysis, contexts, held):
        return refusal, False  # answer() says which places the reports found are of
    if any(only_event_said(question, analysis, sentence_of(p.text, contexts[p.n - 1].chunk.text)) for p in picks):
        return refusal, False  # the sentence shares only the event's name with the question (食博会's deals for visitors)
    if not meant and any(indicator_unsaid(question, analysis, sentence_of(p.text, contexts[p.n - 1].chunk.text))
                         for p in picks):
        return refusal, True  # the figure's own sentence names nothing of the indicator asked
    if any(said_after_figures(question, analysis, p.text, contexts[p.n - 1].chunk.text) for p in picks):
        return refusal, False  # the thing asked said only after the figures, stating a rank (电力外送量…居全国首位)
    if not meant and any(head_unsaid(question, analysis, p.text, contexts[p.n - 1].chunk.text) for p in picks):
        return refusal, True  # the figure's lead lacks the head of the thing asked (销量 asked, 产量 stated)
    if any(other_measure(question, analysis, p.text, contexts[p.n - 1].chunk.text) for p in picks):
        return refusal, False  # another quantity of the thing asked (产能 for 产量): what the reports give is said
    # read in the text the figure was read from: a kind said only in an overlap's cut clause is another sentence's
    if not meant and any(other_kind(question, analysis, p.text, without_cut_clause(contexts[p.n - 1].chunk, analysis))
                         for p in picks):
        return refusal, True  # the figure is of another kind of the thing (液压科技产业营业收入 for 纺织产业营业收入)
    if any(dated_elsewhere(p.text, contexts[p.n - 1].chunk.text, analysis) for p in picks):
        return refusal, False  # the figure is another year's, restated without its year
    if any(another_part(analysis, sentence_of(p.text, contexts[p.n - 1].chunk.text)) for p in picks):
        return refusal, False  # 上半年 asked, 一季度 stated: another part of the year's figure
    if any(part_year(p.text, contexts[p.n - 1].chunk.text, analysis) for p in picks):
        if asks_whole_year(analysis):
            return refusal, False  # the figure is of a part of the year (上半年, 1-6月), the whole year asked
        # the year asked alone: the statement that says which part of it the figure is of
        picks = [replace(p, text=part_statement(p.text, contexts[p.n - 1].chunk.text))
                 if part_year(p.text, contexts[p.n - 1].chunk.text, analysis) else p for p in picks]
    if not analysis.comparison and analysis.wants in ("number", "rate"):
        # a second thing asked stated in the next clause of the same sentence (营业收入达到100亿元，年税收达到5亿元)
        words = asked_words(question, analysis)
        picks = [replace(p, text=with_asked_clauses(p.text, sentence_of(p.text, contexts[p.n - 1].chunk.text), words))
                 for p in picks]
    picks = [naming_place(p, analysis, contexts) for p in picks]
    if not analysis.comparison and any(not year_held(contexts[p.n - 1], analysis) for p in picks):
        return refusal, False
    text = compose(picks, analysis, contexts, grams_for_verdict(question, analysis))
    # a side's figure missing is worth saying; a date question over a range (2016—2020年…和哪一年相比) has no sides
    # (or which side is larger: 哪个更高 asks a figure of each side)
    figures = analysis.wants in ("number", "rate") or frame_of(analysis).figure or asks_which_more(analysis.question)
    if analysis.comparison and figures and len(picks) == 1 and (lacking := side_lacking(picks[0], analysis, contexts)):
        text += (f" The reports found say nothing of {lacking}." if analysis.language == "en"
                 else f"检索到的报告没有{lacking}的。")
    return text, False


def code_asked_unsaid(analysis: Analysis, spans: list[str]) -> bool:
    """An English question asking the number one thing is known by ("what is the number of the hotline", asked as a
    name: english.number_of_one) answered by no span writing a number: the clause is about the thing's topic (养老服务),
    not its number, as a figure question's answer must hold a figure."""
    return (analysis.language == "en" and analysis.wants == "name" and number_of_one(analysis.original or "")
            and not any(re.search(r"\d", span) for span in spans))


def asked_words(question: str, analysis: Analysis) -> list[str]:
    """The words naming what a figure question asks: its indicator words, and for an English question each term
    of its reading (税 of "annual tax", a word of one character the indicator words leave out)."""
    words = list(indicator_words(question, analysis))
    if analysis.language == "en":
        places = {n for place in analysis.places for n in (place, *aliases(place, analysis.book))}
        words += [t for t in analysis.question.split() if re.fullmatch(r"[\u4e00-\u9fff]+", t)
                  and not QUESTION_NOISE.fullmatch(t) and t not in places and not any(t in p for p in analysis.periods)]
    return list(dict.fromkeys(words))


def with_asked_clauses(span: str, sentence: str, words: list[str]) -> str:
    """The span with the clauses right after it in its sentence that each state a figure of a question word the
    span does not say: two things asked, stated side by side ("营业收入达到100亿元，年税收达到5亿元" for revenue and
    tax), are answered together. The first clause naming none of them ends the run."""
    at = sentence.find(span.strip())
    if at < 0:
        return span
    out = span.rstrip()
    for clause in re.findall(r"[，,；;][^，,；;。！？]*", sentence[at + len(span.strip()):]):
        new = [w for w in words if w in clause and w not in out]
        if not new or not re.search(r"\d", clause):
            break
        out += clause
    return out


def closest_picks(analysis: Analysis, contexts: list[ScoredChunk], gram_sets: list[set[str]], unknown: list[str],
                  near) -> list[Pick]:
    """An English figure question whose reading failed (it holds words no list reads, analysis.unknown, and was
    refused for its words: a clause scoring too low for them, or a check of the reading's words) answered from the
    sentence clearly the closest to it in meaning (semantic.Nearness.closest) among the sentences of the passages
    read that carry a figure of the asked kind: its English words count as said there. The clause is picked from
    that sentence with the question's frame (place, period, status, measure) and must score as any answer does; a
    rendering no passage holds still counts against it, and _verified's checks other than those of the reading's
    words still apply."""
    if analysis.language != "en" or analysis.comparison or analysis.wants not in ("number", "rate") \
            or not any(t in analysis.unknown for t in unknown):
        return []
    closest = closest_sentence(analysis, contexts, near)
    if closest is None:
        return []
    best = sentence_pick(analysis, contexts, gram_sets, *closest)
    rest = [t for t in unknown if t not in analysis.unknown]  # renderings no passage holds: said by none
    if best is None or best.score - unknown_penalty(rest, analysis) < REFUSE_BELOW:
        return []
    return [best]


def saying_picks(analysis: Analysis, contexts: list[ScoredChunk], gram_sets: list[set[str]],
                 unknown: list[str], picks: list[Pick]) -> list[Pick]:
    """For an English question with words no list reads (analysis.unknown) whose best clause does not say them
    itself: the best clause that says every one of them itself (said_by: the Chinese of one of each word's
    dictionary senses), [] when none scores as any answer does once the words it does not say are taken off. The
    words only count against a clause, they never draw one (a lone word before a noun is not searched: "rural
    teacher dormitory units"), so the clause scoring best without them is as likely another thing's: one whose
    sentence says none of them (农村公路 for 农村教师周转宿舍), or one beside the clause that does in a sentence
    listing several things (完成农村公路建设120公里，新建农村教师周转宿舍300套). The clause picked passes every check any
    answer does."""
    english = [t for t in unknown if t in analysis.unknown]
    if analysis.language != "en" or analysis.comparison or not english:
        return []
    # said before the clause's first figure: the figure given is then the one they describe
    within = lambda span: all(said_by(word, analysis, before_figure(span)) for word in english)  # noqa: E731
    if picks and all(within(p.text) for p in picks):
        return []
    picks = [p for grams in gram_sets for p in _best_picks(contexts, analysis, grams, within=within)]
    best = max(picks, key=lambda p: p.score, default=None)
    if best is None:
        return []
    said = sentence_of(best.text, contexts[best.n - 1].chunk.text)
    if best.score - unknown_penalty(unsaid(unknown, analysis, said), analysis) < REFUSE_BELOW:
        return []
    return [best]


def before_figure(span: str) -> str:
    """The words of a span before its first figure: "加快农村教师周转宿舍建设，年内完工" of "…年内完工300套，…120公里"."""
    figure = FIGURE.search(span)
    return span[:figure.start()] if figure else span


HELD = 5  # the passages an answer is picked from (pick's limit)
STATED = re.compile(r"[。！？；!?;]\s*$")  # a sentence that states something ends in a stop


def sentence_pick(analysis: Analysis, contexts: list[ScoredChunk], gram_sets: list[set[str]], n: int,
                  sentence: str) -> Pick | None:
    """The best pick of passage `n` from within `sentence`, as the lexical path picks (its fallbacks too: a year
    only planned for, a report's year); None when no clause of it fits the question's frame."""
    within = lambda span: span.strip() in sentence  # noqa: E731
    held = lambda hit: hit is contexts[n - 1]  # noqa: E731
    picks = [p for grams in gram_sets for p in _best_picks(contexts, analysis, grams, within=within, held_only=held)]
    return max(picks, key=lambda p: p.score, default=None)


def closest_sentence(analysis: Analysis, contexts: list[ScoredChunk], near) -> tuple[int, str] | None:
    """(passage number, sentence) of the sentence clearly the closest to an English question in meaning
    (semantic.Nearness.closest) among the sentences of the passages read that carry a figure of the asked kind."""
    read = [(n, sentence) for n, hit in enumerate(contexts[:HELD], start=1) for sentence in sentences(hit.chunk.text)]
    found = [(n, sentence) for n, sentence in read if answers_measure(sentence, analysis)]
    candidates = [sentence for _, sentence in found]
    if len(set(candidates)) == 1:
        # a lone candidate is the closest of nothing: it is measured against every other sentence read with it
        # (headings and titles, which end in no stop, name a section, not a thing stated), and is about the question
        # only when it is clearly the closest of them all
        candidates += [sentence for _, sentence in read if sentence not in candidates and STATED.search(sentence)]
    closest = near.closest(analysis.original or analysis.question, candidates)
    return None if closest is None or closest >= len(found) else found[closest]


def figure_after_word(span: str, words: list[str]) -> bool:
    """Some clause of `span` states a figure (a numeral with its unit) after a word of the indicator asked: the
    figure is the thing's own ("出口逆势增长17.8%"), not a neighbour's in a clause naming the thing for something else
    ("电子信息产业增加值增长40.9%，…出口量居全国第2位": a rank, no figure of exports)."""
    for clause in re.split(r"[，,；;。]", span):
        at = [clause.find(w) for w in words if w in clause]
        # a rank (第2位) is no figure of the thing
        if at and any(clause[:f.start()][-1:] != "第" for f in FIGURE.finditer(clause, min(at))):
            return True
    return False


def naming_picks(question: str, analysis: Analysis, contexts: list[ScoredChunk], gram_sets: list[set[str]],
                 unknown: list[str], own_words: bool = False) -> list[Pick]:
    """A figure question refused because its best clause names another thing (a check of the indicator's words
    refused it) answered from the best clause that names the thing asked: one stating some word of the indicator
    (indicator_unsaid) and, for an English question, a rendering of each of its terms (untranslated). The clause must
    score as any answer does; a comparison is left to its sides. `own_words`: the clause must also say enough of the
    indicator's words itself (too_many_missing, the check answers_question applies to the passage), when the
    clause picked without it was refused again for them."""
    if analysis.comparison or analysis.wants not in ("number", "rate"):
        return []
    asked = main_clause(analysis.original or question)

    every = indicator_words(question, analysis)
    words = [w for w in every if not any(w in p for p in analysis.periods)]
    said = read_said(analysis)

    def names_asked(span: str) -> bool:
        if indicator_unsaid(question, analysis, span) or not figure_after_word(span, words):
            return False
        # one word of the indicator said (生产总值 of 国内生产总值增速 in "R&D支出占国内生产总值比重") is not enough
        # when two are missing: the same kind of clause would be refused again
        if own_words and too_many_missing(long_words(every, question, span), span, said):
            return False
        return analysis.language != "en" or not untranslated(asked, span, analysis.senses)

    picks = [p for grams in gram_sets for p in _best_picks(contexts, analysis, grams, within=names_asked)]
    best = max(picks, key=lambda p: p.score, default=None)
    said = lambda p: sentence_of(p.text, contexts[p.n - 1].chunk.text)  # noqa: E731
    if best is None or best.score - unknown_penalty(unsaid(unknown, analysis, said(best)), analysis) < REFUSE_BELOW:
        return []
    return [best]


def without_kind_asked(terms: list[str], question: str, span: str, analysis: Analysis) -> list[str]:
    """The unknown terms but the kind a name is asked of, when the span names one of it, and its parts (主题 of
    主题乐园)."""
    kinds = [t for t in terms if names_kind_asked(t, question, span, place_words(analysis))]
    return [t for t in terms if not any(t in kind for kind in kinds)]


@lru_cache(maxsize=1)
def _counters() -> str:
    """The one-character counters (个, 家, 座 …: the count units of data/units.yaml) that stand between 哪 and the
    kind a name is asked of (哪两家钢铁集团)."""
    return "".join(unit for unit in base_units("count") if len(unit) == 1)


def names_kind_asked(term: str, question: str, span: str, places: set[str] = frozenset()) -> bool:
    """The term is the kind of thing a name is asked of (哪个主题乐园, 哪两家钢铁集团: right after 哪 and its
    counter) and the span names one of that kind: a name ending with the term's last two characters (乐高乐园 for
    主题乐园), itself no word of the question. The reports name the thing, not its kind. The span must say what
    the question says of it too (开园 for 哪个主题乐园开园): a park named beside no word of 获得国际大奖 is
    not the one that won it."""
    asking = regex(rf"哪[{_counters()}一两二三四五六七八九十几些]{{0,2}}{re.escape(term)}").search(question)
    if len(term) < 3 or not asking:
        return False
    head = term[-2:]
    if not any(found.group(0) not in question and found.group(0) != term
               for found in re.finditer(rf"[\u4e00-\u9fff]{{2,6}}?{re.escape(head)}", span)):
        return False
    rest = re.sub(rf"{YEAR}年?", " ", question[:asking.start()] + " " + question[asking.end():])
    for place in places:
        rest = rest.replace(place, " ")
    pairs = {rest[i:i + 2] for i in range(len(rest) - 1) if re.fullmatch(r"[\u4e00-\u9fff]{2}", rest[i:i + 2])}
    pairs = {p for p in pairs if not QUESTION_NOISE.fullmatch(p)}
    return any(pair in span for pair in pairs)


def each_side_best(contexts: list[ScoredChunk], analysis: Analysis, gram_sets: list[set[str]]) -> list[Pick]:
    """Each side of a comparison answered with the question's words as its own report words them: one says
    GDP (全县GDP完成431.8亿元), the other 生产总值 (辖区生产总值…239.5亿元), so no one wording of the question
    scores both; [] unless every side is answered."""
    best: dict[tuple, Pick] = {}
    for grams in gram_sets:
        for found in compare(contexts, analysis, grams):
            key = (tuple(found.side.places), tuple(found.side.years), tuple(found.side.periods))
            if key not in best or found.score > best[key].score:
                best[key] = found
    from assistant.retrieval import _sides

    return list(best.values()) if len(best) == len(_sides(analysis)) >= 2 else []


def side_lacking(answered: Pick, analysis: Analysis, contexts: list[ScoredChunk]) -> str:
    """The label of the comparison side a one-sided answer leaves out: its passage is one side's alone."""
    from assistant.retrieval import _sides

    sides = _sides(analysis)
    holding = []
    for side in sides:
        others = {p for s in sides if s is not side for p in s.places}
        if any(n == answered.n for n, _ in _side_contexts(contexts, side, others)):
            holding.append(side)
    if len(holding) != 1 or len(sides) != 2:
        return ""
    return _side_label(next(s for s in sides if s is not holding[0]), analysis)


def spelled_out(term: str, contexts: list[ScoredChunk]) -> bool:
    """A short form whose full form a passage uses: 人代会 for 人民代表大会, 综试区 for 综合试验区.

    Its characters stand in order within one run of Chinese text a little longer than the term; two-character
    terms are left out, since two characters meet by chance too often.
    """
    if len(term) < 3:
        return False
    pattern = regex("[\u4e00-\u9fff]{0,3}".join(re.escape(ch) for ch in term))
    return any(len(m.group(0)) > len(term) for hit in contexts[:5] for m in pattern.finditer(hit.chunk.text))


def year_held(hit: ScoredChunk, analysis: Analysis) -> bool:
    """Does a work report's passage speak of a year the question names? The year the report reviews, the year
    it plans (issued), the years its heading or text names: 2018年…创新中心 is not answered from the report on
    2020, however well its words match. Plans and news, whose other passages may name the year, and documents
    of unknown years are given the benefit."""
    meta = hit.chunk.metadata
    if not analysis.years or meta.get("doc_kind") != "government_work_report":
        return True
    years = {meta.get("year_reviewed"), meta.get("year_issued")} - {0, None}
    if not years:
        return True
    stated = {int(y) for y in re.findall(rf"(?<!\d)({YEAR})(?!\d)", f"{hit.chunk.heading} {hit.chunk.text}")}
    return bool((years | stated) & set(analysis.years))


def _gram_sets(question: str, analysis: Analysis) -> list[set[str]]:
    """The question's own words, and those words with the glossary's Chinese for its English terms.

    Scored apart: "GDP" in a Chinese question should match "全县GDP完成…" as well as "生产总值".
    """
    plain = content_bigrams(question, replace(analysis, expansion=""))
    sets = [plain, content_bigrams(question, analysis)]
    for word, other in synonyms(question):
        if word in question:
            sets.append(content_bigrams(question.replace(word, other), replace(analysis, expansion="")))
    unique = []
    for grams in sets:
        if grams and grams not in unique:
            unique.append(grams)
    if not unique and (analysis.wants == "date" or asks_person(question)):
        # "尉氏县2021年政府工作报告是什么时候作的/由谁作的": nothing but place, year and asking words; the date
        # or person of the passages found for them (the report's dateline) is the answer
        return [set()]
    if analysis.wants == "date" and not analysis.unknown and names_report(question) \
            and all(only_office(g, question) for g in unique):
        # "When did the governor deliver the 2026 work report?": the office (省长) says who delivered the report,
        # not what is dated; the report's own date line (2026年2月3日在…会议上) dates it, as above
        return [set()]
    return unique


def names_report(question: str) -> bool:
    """The question names a report itself (政府工作报告, 报告): the document, not a thing it speaks of."""
    return word_pattern("asking.yaml", "report_words").search(question) is not None


def only_office(grams: set[str], question: str) -> bool:
    """Every word pair of `grams` is part of an office the question names (省长, 市长: question_words offices)."""
    offices = [m.group(0) for m in question_words("offices").finditer(question)]
    return bool(grams) and all(any(g in office for office in offices) for g in grams)


def synonyms(question: str) -> list[tuple[str, str]]:
    """(a name in the question, another name of the same thing): reports name one indicator several ways
    (data/indicators.yaml) and questions word a few things two ways (data/question_words.yaml variants).

    A name is swapped for its group's first (shown) name and for its Latin abbreviations (GDP, CPI), not
    for every alias: a loose alias (经济总量 for GDP) lets a passage match on a generic word (经济).
    Example: synonyms("生产总值增速") -> [("生产总值", "地区生产总值"), ("生产总值", "GDP"), ("增速", "增长")];
    synonyms("粮食产量") -> [("粮食产量", "粮食总产量"), ("粮食产量", "粮食总产")]
    """
    out = []
    for group in [*synonym_groups(), *load_data("question_words.yaml")["variants"]]:
        found = [name for name in group if name in question]
        if found:
            word = max(found, key=len)
            # and for the names sharing its head (粮食产量 -> 粮食总产): the same words, worded tighter
            targets = [group[0], *(name for name in group[1:] if re.fullmatch(r"[A-Za-z]+", name)
                                   or (len(word) >= 4 and name[:2] == word[:2] and len(name) >= 4))]
            out += [(word, other) for other in dict.fromkeys(targets) if other != word]
    return out


def _best_picks(contexts: list[ScoredChunk], analysis: Analysis, grams: set[str], within=None, held_only=None) -> list[Pick]:
    """The best pick(s) for the question; `within(span)`, `held_only(hit)`: only spans and passages they pass (the
    sentence closest_picks names), through every fallback below."""
    if analysis.comparison:
        picks = compare(contexts, analysis, grams)
        if len(picks) >= 2:
            return picks
    frame = frame_of(analysis)
    best = None
    if analysis.wants == "date" and not frame.figure:
        # a date comes from the clause that states it, not from the one beside it that matches more words;
        # one the question states itself only when no clause states another; a clause stating none is no answer
        best = pick(contexts, analysis, grams, dated=True, require=within, held=held_only)
        if best is None or best.score < REFUSE_BELOW:
            best = pick(contexts, analysis, grams, dated=True, new_only=False, require=within, held=held_only)
        if best is None or best.score < REFUSE_BELOW:
            best = first_in_year_reviewed(contexts, analysis, grams) or best
        return [best] if best else []
    best = pick(contexts, analysis, grams, frame=frame if frame.figure else None, require=within, held=held_only)
    if best is not None and not frame.figure and (noun := listed_noun(analysis)) and not gives_items(best.text):
        # a list question answered by a span giving no items (the report's title the question names): a span
        # of the passages giving items of the noun asked (核心原则: "明确了“对标一流、人才为本…”的核心原则")
        # answers it, when it scores enough to answer at all
        listed = pick(contexts, analysis, grams, held=held_only,
                      require=lambda span: gives_items(span) and noun in span and (within is None or within(span)))
        best = listed if listed is not None and listed.score >= REFUSE_BELOW else best
    if frame.figure and not (frame.years or frame.periods or frame.status_named) \
            and (best is None or best.score < REFUSE_BELOW) and not asks_achieved(analysis):
        # no year and no status asked ("首批拔尖创新人才培养改革试点项目有多少个") and no achieved value found: a
        # figure only the plan states (建好首批24个…) answers, as a plan answers a year its reports only plan for
        best = pick(contexts, analysis, grams, frame=replace(frame, status="target"), require=within,
                    held=held_only) or best
    if frame.figure and (frame.years or frame.periods) and (best is None or best.score < REFUSE_BELOW) \
            and not asks_achieved(analysis):
        # no achieved value: a year its reports only plan for is answered with the plan, unless it is asked
        # as done (did … create): the plan is then no answer; a plan period asked, by the plan's own targets
        # for it (asked.plans_period_asked)
        best = pick(contexts, analysis, grams, frame=replace(frame, plan_answers=True), require=within,
                    held=held_only)
    if frame.figure and frame.rate and (best is None or best.score < REFUSE_BELOW) and rise_asked(analysis):
        # "How much did per capita income rise over the past five years?": a clause giving the indicator's level
        # at both ends (从27136元增长到36439元) states how much it rose, though it names no rate
        best = pick(contexts, analysis, grams, frame=replace(frame, rate=False),
                    require=lambda span: FROM_TO.search(span) is not None and (within is None or within(span)),
                    held=held_only) or best
    if frame.figure and (best is None or best.score < REFUSE_BELOW) and (issued := report_year_only(analysis)):
        # the year names the report asked about ("According to the 2013 work report, how many … over the previous
        # five years"): its figures are of the years it looks back on, so that report's passages answer with the
        # year they state; another report's passages still do not
        best = pick(contexts, analysis, grams, frame=replace(frame, years=[]),
                    held=lambda hit: (hit.chunk.metadata.get("year_issued") in issued
                                      and (held_only is None or held_only(hit))), require=within) or best
    return [best] if best else []


def first_in_year_reviewed(contexts: list[ScoredChunk], analysis: Analysis, grams: set[str]) -> Pick | None:
    """"In what year did the airport first handle 50 million passengers?": a report's review of a year says what
    happened in it without naming the year (江北国际机场年旅客吞吐量首次突破5000万人次). A clause saying the thing
    happened for the first time (data/asking.yaml first_time_said), whose figures ingest read as achieved in one
    year (the year the section reviews, not a five-year span's 五年来), is dated to that year. None when the
    question asks no first time, asks a plan, or the clause has no figure dated to one year."""
    asked = asked_text(analysis)
    if not word_pattern("asking.yaml", "first_time_asked").search(asked) or plan_asked(analysis):
        return None
    said = word_pattern("asking.yaml", "first_time_said")
    found = pick(contexts, analysis, grams, require=lambda span: said.search(span) is not None)
    if found is None:
        return None
    year = one_year_achieved(contexts[found.n - 1], found.text, frame_of(analysis).book)
    return replace(found, dated=f"{year}年") if year else None


def plan_asked(analysis: Analysis) -> bool:
    """A date question asking when something is to happen (计划何时, by when does X aim to): no past event."""
    asked = asked_text(analysis)
    return (question_words("intent").search(asked) is not None
            or word_pattern("question_words.yaml", "plan_dates").search(asked) is not None)


def one_year_achieved(hit: ScoredChunk, span: str, book) -> int | None:
    """The one year all the span's figures are achieved in, as ingest read them (a section reviewing 2025: 2025);
    None when a figure is of a span of years, a plan, or of no year, or the span states none."""
    at = hit.chunk.text.find(span.strip())
    inside = [f for f in chunk_facts(hit, book)
              if at >= 0 and at <= f.start and f.end <= at + len(span.strip())]
    years = {f.period for f in inside}
    if not inside or len(years) != 1 or any(f.status != "actual" for f in inside):
        return None
    year = years.pop()
    return int(year) if re.fullmatch(YEAR, year) else None


def another_part(analysis: Analysis, sentence: str) -> bool:
    """A question asking a part of a year (上半年, first half) answered from a sentence that states only other
    parts of it (一季度, 1-9月): the figure is of another stretch of the year. A sentence stating the part asked in
    any form (1-6月, 1月份至6月份: refusal.part_of_year) or no part at all is left to the other checks."""
    from assistant.answer.refusal import part_of_year

    asked = part_of_year(analysis.question)
    if not asked or analysis.comparison:
        return False
    parts = "|".join(load_data("periods.yaml")["part_year"])
    stated = {part_of_year(found.group(0)) for found in re.finditer(parts, sentence, re.I)} - {""}
    return bool(stated) and asked not in stated


# a level at a start and at an end in one clause: 由138亿元增长到239.5亿元, 从2020年的7.34万元提高至10.26万元
FROM_TO = re.compile(r"(?:由|从)[^，,。；;：:]*?\d[^，,。；;：:]*?(?:到|至)[^，,。；;：:]*?\d")


def rise_asked(analysis: Analysis) -> bool:
    """A growth asked as how much something rose, with no rate named (增速, growth rate, how fast, 百分点): the
    levels it rose between answer it too (data/asking.yaml growth_words)."""
    from assistant.data_files import word_pattern

    asked = f"{analysis.original} {analysis.question}"
    return (word_pattern("asking.yaml", "growth_words").search(asked) is None
            and re.search(r"\bhow fast\b|\bpercent|百分|%|倍|\btimes\b", asked, re.I) is None)


def report_year_only(analysis: Analysis) -> set[int]:
    """The years of a question that names every year it names once, as its report's ("2013年政府工作报告中…",
    "the 2013 work report"): set() when a year is also named otherwise (2013年政府工作报告中2013年的目标)."""
    asked = analysis.original or analysis.question
    if not analysis.years or not set(analysis.years) <= set(analysis.report_years):
        return set()
    if any(len(re.findall(rf"(?<!\d){y}(?!\d)", asked)) > 1 for y in analysis.years):
        return set()
    return set(analysis.years)


def stating_a_date(analysis: Analysis, new_only: bool = True):
    """accept(span, sentence) for best_span: the span states a date (a day when one is asked), with `new_only`
    one the question does not state."""
    pattern = DAY if asks_day(analysis.question) else year_pattern(asked_text(analysis))
    past = asks_past_event(analysis)  # what year did X become Y: not the year a plan names (到2025年)
    within = year_asked_within(analysis)  # when in 2024: a month or season of 2024, not 2021年
    other = lambda span: within is not None and another_year_only(outside_titles(span), within)  # noqa: E731
    if not new_only:
        return lambda span, sentence: (pattern.search(outside_titles(span)) is not None
                                       and not (past and plan_date(span)) and not other(span))
    return lambda span, sentence: (bool(new_dates(pattern, span, analysis.question)) and not (past and plan_date(span))
                                   and not other(span))


def fitting_figures(hit: ScoredChunk, frame: Frame, need_number: bool = True, asked: str = ""):
    """accept(span, sentence) for best_span: a span stating figures passes only if one of them fits the
    frame; a span with no figure statement passes only if it has a number (a rank), left to the other checks."""
    facts = chunk_facts(hit, frame.book)
    issued = hit.chunk.metadata.get("year_issued") or None
    total = total_asked(asked or frame.words)  # the question as asked: "in total" of an English one
    addition = addition_asked(asked or frame.words)  # 新认定了多少家: a level reached (从481家增加到636家) is no addition
    money = money_asked(frame.words)  # 营业收入 asked: a count (驰名商标2个) is of other things

    def accept(span: str, sentence: str) -> bool:
        at = hit.chunk.text.find(span.strip())
        inside = [f for f in facts if at >= 0 and at <= f.start and f.end <= at + len(span.strip())]
        if need_number and frame.rank and not RANK.search(span):  # a rank question: only a span stating
            return False                                           # a rank answers it (not its figure's title)
        if need_number and counts_years(frame.words):  # 连续多少年: 连续37年 answers (年 is no unit of a
            return duration_pattern(frame.words).search(span) is not None  # figure), whatever else it states
        if not inside:  # no figure statement: a rank (居全国第5) answers a question about a rank only;
            # a count in words (六家) a question about a count
            if not need_number:
                return True
            if RANK.search(span):
                return frame.rank
            return bool(NUMBER_WORDS.search(span))
        counted = [f for f in inside if money and unit_groups().get(f.unit) == "count"]  # of other things
        fitting = [f for f in inside
                   if not disagreements(f, frame, issued) and not counts_another(f, frame.indicators, frame.words)
                   and not (total and added(f, hit.chunk.text, facts)) and f not in counted
                   and not (addition and reached(f, hit.chunk.text))]
        # the figures of the thing asked all of another time or status (中欧班列累计开行1.7万列, five years' total,
        # for one year's trains): a neighbour's figure that fits (跨境电商综试区7个) does not make the span an answer.
        # An indicator of data/indicators.yaml asked is checked by name already: a fitting figure names it (总产
        # for 粮食产量), whatever words its neighbours share with the question (粮食作物播种面积)
        naming = [] if frame.indicators else [f for f in inside if names_asked_words(f.indicator, frame.words)
                                              and f not in counted]
        # a total asked (一共几个) is stated as 总数 after the addition naming the thing (新增…城市12个，总数达到22个)
        totals = total and any(word_pattern("asking.yaml", "total_asked").search(f.indicator) for f in fitting)
        # where a thing stands asked (总里程, total length): a span stating what was added to it (新增运营里程30公里) is
        # the addition's, whatever else it counts (开通2条地铁新线), unless it states a figure in the addition's own
        # unit that fits (总里程达410公里)
        added_kinds = {unit_groups().get(f.unit) for f in inside if f in naming and increment_for_stock(f, frame)}
        if added_kinds and not any(unit_groups().get(f.unit) in added_kinds for f in fitting):
            return False
        return bool(fitting) and (not naming or totals or any(f in fitting for f in naming))

    return accept


def money_asked(words: str) -> bool:
    """The figure question's indicator words name a sum of money (营业收入, 产值, 投资额: data/asking.yaml
    money_nouns) and it asks no count (多少家, 多少个): a count of things is then no answer, whatever it shares
    with the question (培育液压产业中国驰名商标2个 for 液压产业营业收入)."""
    from assistant.analysis import asked_unit
    from assistant.answer.refusal import ASKING
    from assistant.index.lexical import tokenize

    asking = ASKING.search(words)
    if not asking or unit_groups().get(asked_unit(words)) == "count":
        return False
    ends = re.compile(f"(?:{word_pattern('asking.yaml', 'money_nouns').pattern})$")
    return any(ends.search(t) for t in tokenize(words[:asking.start()]))


def total_asked(words: str) -> bool:
    """The question asks how many there are in all (一共几个, 总数, in total), not how many were added: unless it
    names an addition itself (新增…一共多少), data/asking.yaml total_asked and added_words."""
    return (word_pattern("asking.yaml", "total_asked").search(words) is not None
            and word_pattern("asking.yaml", "added_words").search(words) is None)


def addition_asked(words: str) -> bool:
    """The question asks what was added (新增多少, 新认定了多少家, how many new), not a total: data/asking.yaml
    added_words and total_asked."""
    return (word_pattern("asking.yaml", "added_words").search(words) is not None
            and word_pattern("asking.yaml", "total_asked").search(words) is None)


def reached(fact, text: str) -> bool:
    """The figure is the level a change reached, after 到/至 in its clause opened by 从/由 (从481家增加到636家,
    分别从771家、481家增加到1076家、636家): a count at the period's end, not what was added in it."""
    start = max((m.end() for m in re.finditer(r"[，,；;。：:\n]", text[:fact.start])), default=0)
    clause = text[start:fact.start]
    return re.search(r"[从由]", clause) is not None and re.search(r"[到至][^从由到至]*$", clause) is not None


def added(fact, text: str, facts=()) -> bool:
    """The figure counts what was added (新增黄石、咸宁等全国文明城市12个): an addition word stands before it in
    its clause, after any figure before it. A total asked is stated apart (总数达到22个; 新认定…17家、总数达到55家
    after the addition's own figure), and the addition is no answer to it."""
    start = max((m.end() for m in re.finditer(r"[，,；;。：:\n]", text[:fact.start])), default=0)
    start = max([start, *(f.end for f in facts if f.end <= fact.start)])
    return word_pattern("asking.yaml", "added_words").search(text[start:fact.start]) is not None


def names_asked_words(indicator: str, asked: str) -> bool:
    """The indicator shares a pair of Chinese characters or a Latin name with the question's words, asking words
    aside: 中欧（亚）班列累计开行 with "河南省 2025年 中欧班列 多少" (中欧, 班列); PM2.5 with PM2.5浓度."""
    pairs, latin = _asked_pairs(asked)
    return (any(indicator[i:i + 2] in pairs for i in range(len(indicator) - 1))
            or bool(latin & set(LATIN_NAME.findall(indicator.upper()))))


@lru_cache(maxsize=256)  # one question's words, set beside each of its candidates' indicators (thousands of times)
def _asked_pairs(asked: str) -> tuple[frozenset[str], frozenset[str]]:
    asked = QUESTION_NOISE.sub(" ", asked)
    pairs = {asked[i:i + 2] for i in range(len(asked) - 1) if re.fullmatch(r"[\u4e00-\u9fff]{2}", asked[i:i + 2])}
    return frozenset(pairs), frozenset(LATIN_NAME.findall(asked.upper()))


LATIN_NAME = re.compile(r"[A-Z][A-Z0-9.]*[A-Z0-9]")


def chunk_facts(hit: ScoredChunk, book) -> tuple:
    """The chunk's figure statements: those ingest stored when it did (it read them with the start of the
    paragraph the chunk begins in: "刚刚过去的2025年，…" dates the chunk's opening "全省生产总值增长5.6%", which
    read alone falls under its section's heading "“十四五”时期…回顾"); else read now, places with `book`."""
    chunk = hit.chunk
    if chunk.facts_field is not None:
        return _stored_facts_of(chunk.chunk_id, chunk.facts_field, chunk.text)
    return _facts_of(chunk.chunk_id, chunk.text, doc_context(chunk.metadata, chunk.heading, chunk.chunk_id), book)


@lru_cache(maxsize=4096)
def _stored_facts_of(chunk_id: str, field: str, text: str) -> tuple:
    from assistant.facts.table import from_field

    return tuple(from_field(field, chunk_id, text))


@lru_cache(maxsize=4096)
def _facts_of(chunk_id: str, text: str, doc: DocContext, book) -> tuple:
    return tuple(extract_facts(text, doc, book.find_places))


def compose(picks: list[Pick], analysis: Analysis, contexts: list[ScoredChunk] | None = None,
            grams: set[str] | None = None) -> str:
    # a span is one line of the answer: a line break inside it (a heading, a page's line) is a space
    # one span picked for both sides of a comparison ("由138亿元增长到239.5亿元") is said once, with no verdict
    picks = [p for i, p in enumerate(picks) if all((p.text, p.n) != (q.text, q.n) for q in picks[:i])]
    sentences = [f"{p.dated + '：' if p.dated else ''}{LINE_BREAK.sub(' ', p.text).strip()}[{p.n}]" for p in picks]
    body = "；".join(sentences) + "。"
    if len(picks) == 2 and contexts and all(p.side is not None for p in picks):
        body += verdict(picks, contexts, analysis, grams or set())
    if analysis.language == "en":
        return f"According to the reports: {body}"
    return body


# 第二批, 第十一届, 首批: the counters of a series' members live in data/question_words.yaml (ordinal_counters)
ORDINAL = re.compile(rf"第([一二三四五六七八九十\d]+)([{load_data('question_words.yaml')['ordinal_counters']}])|首([批届])")


def naming_place(pick: Pick, analysis: Analysis, contexts: list[ScoredChunk]) -> Pick:
    """The pick, led by the place it is about when the question asks which place and the span names none
    ("山东省：地区生产总值…达到10.3万亿元，成为…北方第一个过10万亿元省份")."""
    hit = contexts[pick.n - 1]
    place = place_to_name(pick.text, sentence_of(pick.text, hit.chunk.text), hit, analysis)
    colon = ": " if analysis.language == "en" else "："
    return replace(pick, text=f"{place_label(place, analysis)}{colon}{pick.text}") if place else pick


def asked_ordinals(question: str) -> set[tuple[str, str]]:
    """The batch or session the asking clause names (…，首批挂牌的企业有几家 -> {("一", "批")}): the sentence
    answering must name it; one named only in a clause setting the scene (2023年确定第二批…时，全省已有多少所)
    is left to other_ordinal."""
    asking = [c for c in re.split(r"[，,；;]", question) if re.search(r"多少|几|哪|什么|谁|how|what|which", c)]
    return ordinals(asking[-1]) if asking else set()


def ordinals(text: str) -> set[tuple[str, str]]:
    """{("一", "批"), …}: 首批 is 第一批."""
    return {(m.group(1) or "一", m.group(2) or m.group(3)) for m in ORDINAL.finditer(text)}


def other_ordinal(question: str, span: str) -> bool:
    """The question asks about one batch or session (第一批) and the span speaks of another (第二批) only."""
    # the clause that asks (…，第一批入库培育的企业有多少家) says which one; other clauses set the scene
    asking = [c for c in re.split(r"[，,；;]", question) if re.search(r"多少|几|哪|什么|谁|how|what|which", c)]
    asked = ordinals(asking[-1]) if asking and ordinals(asking[-1]) else ordinals(question)
    stated = ordinals(span)
    counters = {c for _, c in asked}
    return bool(asked) and not asked & stated and any(c in counters for _, c in stated)


def grams_for_verdict(question: str, analysis: Analysis) -> set[str]:
    """The words a comparison's figures are matched on: the question's own, and for an English question the other
    names of its terms of two words or more (高速铁路 beside the reading's 高铁), as the sides' reports write them."""
    grams = content_bigrams(question, replace(analysis, expansion=""))
    if analysis.language == "en":
        names = " ".join(name for group in named_renderings(analysis.original or question) for name in group)
        grams |= content_bigrams(names, replace(analysis, expansion="")) if names else set()
    return grams


def sides_pair(picks: list[Pick], contexts: list[ScoredChunk], grams: set[str]):
    """The two facts, one of each side's span, that the verdict sets side by side (_side_pair); None when none can be."""
    facts = [_side_facts(p, contexts, grams) for p in picks]
    texts = {id(f): contexts[p.n - 1].chunk.text for p, side in zip(picks, facts) for _, f in side}
    said = {key: _said_of(f, texts[key]) for side in facts for _, f in side for key in [id(f)]}
    counted = {key: counted_after(f, texts[key]) for side in facts for _, f in side for key in [id(f)]}
    # each figure's sentence up to it (and a count's words after it): a figure stated in a sentence's later clause
    # is said of its opening too
    leads = {key: f"{_lead_of(f, texts[key])} {counted[key]}" for side in facts for _, f in side for key in [id(f)]}
    return _side_pair(*facts, said=said, counted=counted, leads=leads, grams=grams)


def verdict(picks: list[Pick], contexts: list[ScoredChunk], analysis: Analysis, grams: set[str]) -> str:
    """"2023年（172.3亿元）高于2020年（165.2亿元），多7.1亿元（+4.3%）[2][1]。" when each side's span states a
    figure of the side's frame in the same kind of unit; "" when the two cannot be set side by side."""
    from assistant.facts.units import group_of, multiplier

    pair = sides_pair(picks, contexts, grams)
    if pair is None:
        return ordinal_verdict(picks, analysis)
    a, b = pair
    group = group_of(a.unit)  # 万套 is a count of 套 though units.yaml lists only 套
    # two years: the later one first, so the percentage is the change over time; places each with a year of its
    # own (漯河市2024年 against 郾城区2025年) are said in the question's order
    paired = len(analysis.places) >= 2 and all(len(p.side.years) == 1 for p in picks)
    if not paired and _years_of(picks[0].side) < _years_of(picks[1].side):
        a, b, picks = b, a, picks[::-1]
    labels = [_side_label(p.side, analysis) for p in picks]
    markers = f"[{picks[0].n}][{picks[1].n}]" if picks[0].n != picks[1].n else f"[{picks[0].n}]"
    if a.base_value == b.base_value:  # "the same" answers "did both post the same…?" as well as "which is higher"
        return (f" {labels[0]} and {labels[1]} are the same ({a.figure} each){markers}." if analysis.language == "en"
                else f"{labels[0]}与{labels[1]}相同（均为{a.figure}）{markers}。")
    decline = declines_compared(a, b, f"{analysis.question} {analysis.original or ''}")
    higher = abs(a.base_value) > abs(b.base_value) if decline else a.base_value > b.base_value
    if group == "percent" or group == "points":
        gap = f"{_number(abs(a.value - b.value))}个百分点"
        points = _number(abs(a.value - b.value))
        gap_en = f"{points} percentage point{'' if points == '1' else 's'}"  # 1 percentage point, 0.5 percentage points
    else:
        diff = abs(a.base_value - b.base_value) / multiplier(a.unit)
        change = (a.base_value / b.base_value - 1) * 100 if b.base_value else None
        gap = f"{_number(diff)}{a.unit}" + (f"（{change:+.1f}%）" if change is not None else "")
        gap_en = f"{_number(diff)}{a.unit}" + (f" ({change:+.1f}%)" if change is not None else "")
    if analysis.language == "en":
        word = ("larger" if higher else "smaller") if decline else ("higher" if higher else "lower")
        if group == "count" and not decline:  # things counted: so many more or fewer of them
            gap_en = f"{_number(diff)}{a.unit} {'more' if higher else 'fewer'}" + \
                (f" ({change:+.1f}%)" if change is not None else "")
            return f" {labels[0]} ({a.figure}) is {word} than {labels[1]} ({b.figure}): {gap_en}{markers}."
        return f" {labels[0]} ({a.figure}) is {word} than {labels[1]} ({b.figure}) by {gap_en}{markers}."
    word, more = ("高于", "多") if higher else ("低于", "少")
    if group in ("percent", "points"):
        more = "高" if higher else "低"
    if decline:  # a fall against a fall: the larger one is said larger (下降5.6%大于下降4.8%; 减少1442万人多于1232万人)
        rate = group in ("percent", "points")
        word, more = (("大于", "大") if rate else ("多于", "多")) if higher else (("小于", "小") if rate else ("少于", "少"))
    return f"{labels[0]}（{a.figure}）{word}{labels[1]}（{b.figure}），{more}{gap}{markers}。"


ORDINAL_NOUN = 2  # characters after an ordinal that say what it counts (第21届省运会: 省运)


def side_ordinal(span: str) -> tuple[int, str] | None:
    """The one ordinal a side's span states, as (number, what it counts): "办好第21届省运会" -> (21, "届省运");
    None for none, for several, or for a number that cannot be read."""
    from assistant.answer.figures import chinese_to_number

    found = [(m, m.group(1) or "一", m.group(2) or m.group(3)) for m in ORDINAL.finditer(span)]
    if len(found) != 1:
        return None
    m, number, counter = found[0]
    value = number if number.isdigit() else chinese_to_number(number)
    if not value or not str(value).isdigit():
        return None
    return int(value), counter + span[m.end():m.end() + ORDINAL_NOUN]


def ordinal_verdict(picks: list[Pick], analysis: Analysis) -> str:
    """Two sides each holding the same series' edition, session or batch (第21届省运会 against 第17届省运会), asked
    which is higher or larger: the higher ordinal is said higher. Editions of two different things (第21届省运会,
    第5届进博会) are never set side by side: what follows the counter must be the same."""
    if not asks_which_more(f"{analysis.question} {analysis.original or ''}"):
        return ""
    read = [side_ordinal(p.text) for p in picks]
    if None in read or read[0][1] != read[1][1] or read[0][0] == read[1][0]:
        return ""
    (a, _), (b, _) = read
    labels = [_side_label(p.side, analysis) for p in picks]
    if not all(labels):
        return ""
    said = [ORDINAL.search(p.text).group(0) for p in picks]
    markers = f"[{picks[0].n}][{picks[1].n}]" if picks[0].n != picks[1].n else f"[{picks[0].n}]"
    high, low = (0, 1) if a > b else (1, 0)
    if analysis.language == "en":
        return f" {labels[high]} ({said[high]}) is higher-numbered than {labels[low]} ({said[low]}){markers}."
    return f"{labels[high]}（{said[high]}）序号高于{labels[low]}（{said[low]}）{markers}。"


def declines_compared(a, b, question: str) -> bool:
    """Two falls set side by side, as the question asks them (data/compare.yaml decline_asked: 降幅, 减少数): both
    figures are stored as falls (below zero, or at it), so their sizes are compared, not their signs: a fall of
    5.6% is larger than one of 4.8%, though -5.6 is below -4.8."""
    return (a.value <= 0 and b.value <= 0 and word_pattern("compare.yaml", "decline_asked").search(question) is not None)


def _years_of(side: Analysis) -> tuple:
    """A side's years, for ordering two years' sides ((), for a side that is a place)."""
    return tuple(sorted(side.years))


def _side_facts(pick: Pick, contexts: list[ScoredChunk], grams: set[str]) -> list[tuple[float, object]]:
    """The facts of a side's span that fit its frame, each with how well it names what is asked."""
    hit = contexts[pick.n - 1]
    names = named_indicators(f"{pick.side.question} {pick.side.expansion}")
    frame = this_year_frame(read_above(side_frame(pick.side, names), pick.side), hit, pick.side)
    at = hit.chunk.text.find(pick.text)
    measure = asked_measure(f"{pick.side.question} {pick.side.expansion}")
    inside = [f for f in chunk_facts(hit, frame.book) if at >= 0 and at <= f.start and f.end <= at + len(pick.text)
              and not disagreements(f, frame, hit.chunk.metadata.get("year_issued") or None)
              and measure_fits(f, measure)]
    if set(frame.places) - set(pick.side.places):  # read_above: only the figures said of the side's own place
        from assistant.retrieval import side_regions

        naming = side_regions(pick.side, set(pick.side.beside))[1]
        inside = [f for f in inside if side_fact(f, hit.chunk.text, pick.side, naming)]
    return [(indicator_fit(f, hit.chunk.text, grams, names, f"{pick.side.question} {pick.side.expansion}",
                           asks_derived(pick.side, names)), f) for f in inside]


def _said_of(fact, text: str) -> str:
    """What a figure is said of: its indicator and its clause up to the figure ("建设口袋公园、街头游园12个")."""
    return f"{said_of(fact.indicator, text, fact.start)} {counted_after(fact, text)}"


def _lead_of(fact, text: str) -> str:
    """The figure's sentence up to it: "高质量建设金华（义乌）中欧班列集结中心，…，全年开行" for 3000列."""
    return text[sentence_start(text, fact.start):fact.start]


def _side_pair(first: list, second: list, said: dict | None = None, counted: dict | None = None,
               leads: dict | None = None, grams: set[str] = frozenset()):
    """The two facts, one a side, that can be set side by side (same measure, same kind of unit; money and
    physical units the same once 万/亿 are read off: 亿美元 is not 亿元, 亿斤 not 万吨) and best name what is
    asked; None when no two can. 播种面积300.5万亩、总产210.5万吨 against 粮食总产量190.2万吨 pairs the 万吨."""
    from assistant.facts.units import group_of

    def comparable(a, b) -> bool:
        group = group_of(a.unit)  # multipliers read off: 万套 against 套, 万张 against 张
        if not group or group != group_of(b.unit) or a.measure != b.measure:
            return False
        # counts too: 39项 (projects) against 10件 (matters) counts two kinds of thing, never one side of the other,
        # unless each names after its figure the one thing both count (45件民生实事 and 60项民生实事项目)
        # (the thing counted may stand before its figure as well: 新建概念验证中心5家 against 新培育10个概念验证中心)
        return group not in ("money", "physical", "count") or _plain_unit(a.unit) == _plain_unit(b.unit) \
            or group == "count" \
            and (alike_counters(a.unit, b.unit) or same_counted(a, b, counted or {})
                 or counted_either_side(a, b, counted or {}, said or {})
                 or general_counter(a.unit, b.unit) and same_thing(a, b, said or {}))

    def naming(facts: list) -> list:  # a figure naming nothing asked is another's, when some figure names it;
        # one naming the asked indicator (fit 1) beats one sharing some of the question's words with it
        return [(fit, f) for fit, f in facts if fit >= 1.0] or [(fit, f) for fit, f in facts if fit > 0] or facts

    # equally well named, a side's latest figure is its level: "从0.94万家增加到1.55万家" stands at 1.55万家
    pairs = [(fa + fb, _latest_year(a) + _latest_year(b), -i - j, a, b) for i, (fa, a) in enumerate(naming(first))
             for j, (fb, b) in enumerate(naming(second)) if comparable(a, b) and (min(fa, fb) >= 1.0 or same_thing(a, b, said or {})
                                                         or asked_in_both(a, b, leads or {}, grams))]
    if not pairs:
        return None
    best = max(pairs, key=lambda p: p[:3])
    return best[3], best[4]


def counted_either_side(a, b, counted: dict, said: dict) -> bool:
    """Two counts with different counters, one naming what it counts after its figure (新培育10个概念验证中心), the
    other before it (新建省级以上概念验证中心5家: what follows is the next item, 、中试基地): the one's words after it
    and the other's before it share two character pairs or more. Two counts both naming their thing before the
    figure (民生实事10件, 民生实事12项) are left apart, as ever: a counter there may count another unit of it."""
    after = [(counted.get(id(f), "") or "").strip() for f in (a, b)]
    named_after = [bool(w) and not w.startswith(("、", "，", ",", "；")) for w in after]
    if named_after[0] == named_after[1]:
        return False
    first, second = (a, b) if named_after[0] else (b, a)
    return same_counted(first, second, {id(first): counted.get(id(first), ""), id(second): said.get(id(second), "")})


def alike_counters(first: str, second: str) -> bool:
    """Two counters of one kind (人, 名: data/compare.yaml counters_alike), multipliers read off (万名)."""
    from assistant.data_files import load_data

    units = {_plain_unit(first), _plain_unit(second)}
    return any(units <= set(kind) for kind in load_data("compare.yaml")["counters_alike"])


def general_counter(first: str, second: str) -> bool:
    """One of two counters is the general one (个: data/compare.yaml general_counters), which counts any thing: 绿色工厂
    100家 and 绿色工厂200个 count one thing when both say it (same_thing); 民生实事10件 and 12项, two specific
    counters, are left apart as ever."""
    from assistant.data_files import load_data

    general = set(load_data("compare.yaml")["general_counters"])
    return bool({_plain_unit(first), _plain_unit(second)} & general)


def same_counted(a, b, counted: dict) -> bool:
    """Two counts written with different counters (件, 项; 个, 家) count one thing: the words after each figure
    (compare.counted_after) share two character pairs or more (民生实事, 概念验证中心)."""
    words = [counted.get(id(f), "") for f in (a, b)]
    pairs = [{w[i:i + 2] for i in range(len(w) - 1) if re.fullmatch(r"[\u4e00-\u9fff]{2}", w[i:i + 2])} for w in words]
    return len(pairs[0] & pairs[1]) >= 2


def asked_in_both(a, b, leads: dict, grams: set[str]) -> bool:
    """Two counts or amounts whose sentences up to them both say two or more of the same word pairs of the question
    (班列 and 开行 of "开行的中欧班列"): each sentence states the thing asked, one in its opening clause (高质量建设金华
    中欧班列集结中心，…，全年开行3000列), so the two measure one thing. Rates are told apart by what they are of."""
    if a.measure in ("growth", "share", "change", "multiple") or not leads:
        return False
    held = [{g for g in grams if g in leads.get(id(f), "")} for f in (a, b)]
    return len(held[0] & held[1]) >= 2


def same_thing(a, b, said: dict) -> bool:
    """Two figures neither of which is named as the asked indicator measure one thing only if what each is said
    of (its indicator and its clause up to it: _said_of) shares two character pairs or more with the other's
    (城镇新增就业 and 新增城镇就业, 新建口袋公园 and 建设口袋公园、街头游园); 省级概念验证中心 and 培育省级及以上绿色工厂
    share only the question's 省级: two things, never set side by side. Rates (增长5.5% against 地区生产总值增长
    4.5%) are told apart by their measure, already the same."""
    if a.measure in ("growth", "share", "change", "multiple"):
        return rates_of_one_thing(a, b)  # compare.py: 广义货币增长16% is no match for 国内生产总值增长8%

    def pairs(text: str) -> set[str]:
        text = text.upper()
        return {text[i:i + 2] for i in range(len(text) - 1) if re.fullmatch(r"[\u4e00-\u9fffA-Z]{2}", text[i:i + 2])}

    return len(pairs(said.get(id(a), a.indicator)) & pairs(said.get(id(b), b.indicator))) >= 2


def _latest_year(fact) -> int:
    """The last year of a fact's period ("2021-2025" -> 2025); 0 when it has none."""
    years = re.findall(rf"{YEAR}", str(getattr(fact, "period", "") or ""))
    return max(int(y) for y in years) if years else 0


def _side_label(side: Analysis, analysis: Analysis) -> str:
    status = _status_label(side, analysis)
    if status:
        year = (f"{side.years[0]} " if analysis.language == "en" else f"{side.years[0]}年") if side.years else ""
        return f"{year}{status}"
    if len(analysis.places) >= 2 and side.places and side.places != analysis.places:
        # a place paired with a year of its own (漯河市2024年 against 郾城区2025年) is said with it
        own_year = len(side.years) == 1 and len(analysis.years) >= 2
        year = (f" {side.years[0]}" if analysis.language == "en" else f"{side.years[0]}年") if own_year else ""
        return f"{side.places[0]}{year}"
    if side.years:
        return f"{side.years[0]}" if analysis.language == "en" else f"{side.years[0]}年"
    return side.periods[0] if side.periods else ""


def _status_label(side: Analysis, analysis: Analysis) -> str:
    """A side of a target-against-achieved question (retrieval._sides) is named by its status: 目标 or 实际."""
    from assistant.analysis import by_status
    from assistant.facts.frame import frame_of

    if not side.whole or not by_status(analysis):
        return ""
    target = frame_of(side).status == "target"
    if analysis.language == "en":
        return "target" if target else "actual"
    return "目标" if target else "实际"


def _plain_unit(unit: str) -> str:
    """The unit without its multipliers: 亿美元 -> 美元, 万吨 -> 吨, 个百分点 -> 个百分点."""
    from assistant.facts.units import multipliers, unit_groups

    prefixes = sorted(multipliers(), key=len, reverse=True)
    while True:
        prefix = next((p for p in prefixes if unit.startswith(p) and unit[len(p):] in unit_groups()), "")
        if not prefix:
            return unit
        unit = unit[len(prefix):]


def _number(value: float) -> str:
    """7.1, 12, 0.25: as few decimals as the value needs (at most two)."""
    return f"{value:.2f}".rstrip("0").rstrip(".")

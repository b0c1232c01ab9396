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

from assistant.analysis import Analysis
from assistant.answer.citations import CHUNK_SENTENCE
from assistant.answer.types import REFUSAL_EN, REFUSAL_ZH
from assistant.documents import ScoredChunk
from assistant.retrieval import allowed_regions

REFUSE_BELOW = 0.35  # calibrated on evals/questions/dev.jsonl: 3 of 116 answerable refused, 11 of 16 unanswerable
CLAUSE_END = re.compile(r"[^，,。！？；;!?：:]*[，,。！？；;!?：:]?")
FIGURE = re.compile(r"\d+(?:\.\d+)?\s*(?:%|‰|个百分点|[万亿千百]*[元吨亩户人家个项所座条套台辆倍次件种名位]|平方公里|公里|千米|米|万|亿)")
DATE = re.compile(r"(?:19|20)\d{2}年(?:底|末|前|\d{1,2}月)?|\d{1,2}月(?:\d{1,2}日)?|第[一二三四]季度|年底|年内")
QUESTION_NOISE = re.compile(
    r"多少|哪几[个家项所座条次位种类]?|几[个家项所座条次]?|哪些|哪个|哪家|哪一?年|什么时候|什么|是否|有没有|怎样|如何|请问|请|告诉|一下|"
    r"分别|各是|各|吗|呢|是|为|的|了|在|有|和|与|及|共|达到|达|约|大约|左右|计划|目标|要求|提出|"
    r"报告|政府工作报告|规划|纲要|文件|期间|年度|今年|去年|新闻|报道|该|其|中|给出|列出|提到|称|显示"
)
# Words a question uses that a report never needs to: asking words, not content.
FOLLOW_WORDS = re.compile(r"各是|一共|合计|几家|几个|几所|几条|几位|几项|哪几|哪一|哪座|哪家|哪个|哪年|哪天|一天|第几|排第|"
                          r"打算|时候|名字|叫做|对比|相比|当年|上年|整个|点名|例子|报道|提到|称|是否|分别|多大|多高|"
                          r"人次|万亩|月份|月$|标题|注明|日期|上作|新入|时称|对市|降幅|奖项")
UNKNOWN_TERM_PENALTY = 0.5
YEAR_MISMATCH = 0.4
MEASURE_PENALTY = 1.0  # a clause without the measure asked for (张, 元, a quantity) never beats one with it
# Reports name one indicator several ways; a question in one wording should find the others.
SYNONYMS = (("地区生产总值", "GDP"), ("生产总值", "GDP"), ("GDP", "生产总值"), ("利用外资", "利用境外资金"), ("增速", "增长"))


@dataclass
class Pick:
    n: int  # 1-based passage number
    text: str
    score: float


def sentences(text: str) -> list[str]:
    """sentences("新增28家，入库152家。增长8.5%。") -> ["新增28家，入库152家。", "增长8.5%。"]

    The same cut as the one that finds a citation's supporting sentence, so the quote shown is the clause's sentence.
    """
    return [m.group(0) for m in CHUNK_SENTENCE.finditer(text) if m.group(0).strip()]


def clauses(text: str) -> list[str]:
    """clauses("新增企业28家，入库152家。") -> ["新增企业28家，", "入库152家。"]"""
    return [c for c in CLAUSE_END.findall(text) if c.strip()]


def content_bigrams(text: str, analysis: Analysis) -> set[str]:
    """Character bigrams of the question's content words (places, years, question words removed)."""
    text = re.sub(r"(?:19|20)\d{2}年?", " ", text)
    for place in analysis.places:
        for alias in sorted(_aliases(place), key=len, reverse=True):
            text = text.replace(alias, " ")
    text = QUESTION_NOISE.sub(" ", text)
    grams = set()
    for run in re.findall(r"[\u4e00-\u9fff]+|[A-Za-z]+|\d+(?:\.\d+)?%?", f"{text} {analysis.expansion}"):
        if re.fullmatch(r"[A-Za-z]+", run):
            if run.isupper() and len(run) >= 2:
                grams.add(run)  # an acronym the reports use as is: GDP, PM
            continue  # other English words never occur in the Chinese text; the glossary covers them
        grams.update(run[i:i + 2] for i in range(max(1, len(run) - 1)))
    return {g for g in grams if len(g) == 2 or g.isdigit() or g.isupper()}


def _aliases(place: str) -> list[str]:
    from assistant.places import BY_NAME

    known = BY_NAME.get(place)
    return list(known.aliases) if known else [place]


def coverage(grams: set[str], text: str) -> float:
    if not grams:
        return 0.0
    return sum(1 for g in grams if g in text) / len(grams)


NUMERAL = r"(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+)"


def has_unit(text: str, unit: str) -> bool:
    """has_unit("新增床位1200张", "张") -> True; has_unit("养老服务中心5个", "张") -> False."""
    return bool(re.search(rf"{NUMERAL}\s*[万亿千百]*{unit}", text))


def has_quantity(text: str) -> bool:
    """A figure that is not a percentage: "884亿元" yes, "增长13.1%" no."""
    return any(not re.match(r"\s*(?:%|‰|个百分点)", text[m.end():]) and not m.group().endswith(("%", "‰"))
               for m in FIGURE.finditer(text))


def measure_penalty(text: str, analysis: Analysis) -> float:
    """The question named its measure (多少张, 多少元) or asked a quantity: a clause without it does not answer."""
    if analysis.unit and not has_unit(text, analysis.unit):
        return MEASURE_PENALTY
    if analysis.amount and not analysis.unit and not has_quantity(text):
        return MEASURE_PENALTY
    return 0.0


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


def wanted_bonus(text: str, wants: str) -> float:
    if wants == "rate":
        return 0.25 if re.search(r"\d\s*(?:%|个百分点)", text) else -0.2
    if wants == "number":
        return 0.25 if FIGURE.search(text) else -0.2
    if wants == "date":
        return 0.25 if DATE.search(text) else -0.1
    return 0.0


def best_span(chunk_text: str, grams: set[str], analysis: Analysis) -> tuple[str, float]:
    """The clause, or two or three adjacent clauses of one sentence, that best answer; scored."""
    best, best_score = "", -1.0
    for sentence in sentences(chunk_text):
        parts = clauses(sentence)
        for i in range(len(parts)):
            for width in (1, 2, 3):
                if i + width > len(parts):
                    break
                span = "".join(parts[i:i + width])
                if len(span) > 140:
                    break
                score = (coverage(grams, span) + wanted_bonus(span, analysis.wants) - measure_penalty(span, analysis)
                         - period_penalty(sentence, analysis)
                         + several_figures_bonus(span, analysis) - 0.002 * max(0, len(span) - 50))
                if score > best_score:
                    best, best_score = span, score
    return best.strip("，,；;：:。 "), best_score


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
        if doc_years & set(analysis.years) or mentioned:
            bonus += 0.1
        elif meta.get("doc_kind") == "government_work_report" and not analysis.periods:
            bonus -= YEAR_MISMATCH  # a work report reviews one year and plans the next: not this year's figure
        elif doc_years:
            bonus -= 0.15
        # Within a report, the section says which year it is about: "三、2024年重点工作安排".
        heading_years = {int(y) for y in re.findall(r"((?:19|20)\d{2})年", hit.chunk.heading)}
        if heading_years and not heading_years & set(analysis.years):
            bonus -= 0.12
    return bonus


def pick(contexts: list[ScoredChunk], analysis: Analysis, grams: set[str], limit: int = 5) -> Pick | None:
    best = None
    for n, hit in enumerate(contexts[:limit], start=1):
        span, score = best_span(hit.chunk.text, grams, analysis)
        score = 0.8 * score + 0.2 * coverage(grams, hit.chunk.text) + agreement(hit, analysis)
        score += 0.05 * (limit - n) / limit  # retrieval order breaks ties
        if span and (best is None or score > best.score):
            best = Pick(n, span, score)
    return best


def _side_contexts(contexts: list[ScoredChunk], side: Analysis, others: set[str] = frozenset()) -> list[tuple[int, ScoredChunk]]:
    """Passages for one side; a place the other side names is not this side's (漯河市 vs 郾城区)."""
    allowed = [p for p in allowed_regions(side.places) if p not in others or p in side.places]
    out = []
    for n, hit in enumerate(contexts, start=1):
        meta = hit.chunk.metadata
        years = {meta.get("year_reviewed"), meta.get("year_issued")}
        if allowed and meta.get("region") not in allowed:
            continue
        if side.years and not (years & set(side.years) or any(str(y) in hit.chunk.text for y in side.years)):
            continue
        out.append((n, hit))
    return out


def compare(contexts: list[ScoredChunk], analysis: Analysis, grams: set[str]) -> list[Pick]:
    from assistant.retrieval import _sides

    picks, sides = [], _sides(analysis)
    for side in sides:
        best = None
        others = {p for s in sides if s is not side for p in s.places}
        for n, hit in _side_contexts(contexts, side, others)[:4]:
            span, score = best_span(hit.chunk.text, grams, analysis)
            score = 0.8 * score + 0.2 * coverage(grams, hit.chunk.text) + agreement(hit, side)
            if span and (best is None or score > best.score):
                best = Pick(n, span, score)
        if best:
            picks.append(best)
    return picks


def unknown_terms(question: str, analysis: Analysis, known) -> list[str]:
    """Content words of the question that occur nowhere in the corpus (`known(token)` is False).

    Example: for "漯河市2023年快递业务量是多少？" over the seeds -> ["业务量"]
    A question whose key term the corpus never uses cannot be answered from it.
    """
    from assistant.index.lexical import tokenize

    out = []
    english_terms = analysis.expansion if analysis.language == "en" else ""  # the glossary speaks for them
    for token in tokenize(f"{question} {english_terms}"):
        if len(token) < 2 or not re.search(r"[\u4e00-\u9fff]", token) or re.search(r"\d", token):
            continue
        if QUESTION_NOISE.fullmatch(token) or FOLLOW_WORDS.search(token) or token in _place_words(analysis):
            continue
        if not known(token):
            out.append(token)
    return out


ASKING = re.compile(r"(?:是|为|有|达到?|完成|实现|共|了|在)?(?:多少|(?<![哪第])几)")
RATE_TAIL = re.compile(r"的?(?:预期)?(?:增速|增长率|增幅|增长|目标|规模|总量|数量|比例|比重|占比)*$")
BEFORE_INDICATOR = re.compile(r".*(?:(?:19|20)\d{2}年(?:末|底|上半年|前)?|[，,、：:“”（）()]|市|县|区|省|的)")


def indicator_words(question: str, analysis: Analysis) -> list[str]:
    """The words naming what a figure question asks about, around its 多少.

    Example: "2020年尉氏县农村居民人均消费支出是多少元？" -> ["农村居民", "人均", "消费", "支出"] (and their parts)
    """
    from assistant.analysis import UNITS
    from assistant.index.lexical import tokenize

    asking = ASKING.search(question)
    if not asking:
        return []
    before = BEFORE_INDICATOR.sub("", RATE_TAIL.sub("", question[:asking.start()]))
    after = re.sub(rf"^\s*[万亿千百]*(?:{UNITS})?", "", question[asking.end():])
    after = re.split(r"[？?，,。；;]", after)[0]
    places = _place_words(analysis)
    return [t for t in tokenize(f"{before} {after}")
            if len(t) >= 2 and re.search(r"[\u4e00-\u9fff]", t) and not re.search(r"\d", t)
            and not QUESTION_NOISE.fullmatch(t) and not FOLLOW_WORDS.search(t) and t not in places]


def untranslated(question: str, text: str) -> list[str]:
    """An English question's specific terms (two words or more) none of whose Chinese renderings is in text.

    Example: untranslated("What was Luoyang's total tourism revenue?", "社会消费品零售总额…") -> ["tourism revenue"]
    """
    from assistant.analysis import english_terms

    return [term for term, chinese in english_terms(question)
            if " " in term and not any(QUESTION_NOISE.fullmatch(c) for c in chinese)  # "how many", "five-year plan"
            and not any(c in text for c in chinese)]


def missing_words(words: list[str], text: str) -> list[str]:
    """The whole words (not their parts) absent from text; a word whose parts are all there counts as present.

    Example: missing_words(["城镇", "居民", "城镇居民", "消费"], "城镇和农村居民…") -> ["消费"]
    """
    whole = [w for w in dict.fromkeys(words) if not any(w != o and w in o for o in words)]
    out = []
    for w in whole:
        parts = [o for o in words if o != w and o in w]
        if w not in text and not (parts and all(p in text for p in parts)):
            out.append(w)
    return out


def _place_words(analysis: Analysis) -> set[str]:
    return {alias for place in analysis.places for alias in _aliases(place)}


def answer(question: str, analysis: Analysis, contexts: list[ScoredChunk], known=None) -> str:
    """The answer text with [n] markers, or the fixed refusal sentence."""
    refusal = REFUSAL_EN if analysis.language == "en" else REFUSAL_ZH
    if not contexts:
        return refusal
    penalty = UNKNOWN_TERM_PENALTY * min(2, len(unknown_terms(question, analysis, known))) if known else 0.0
    picks = max((_best_picks(contexts, analysis, grams) for grams in _gram_sets(question, analysis)),
                key=lambda ps: min((p.score for p in ps), default=-1.0), default=[])
    if not picks or min(p.score for p in picks) - penalty < REFUSE_BELOW:
        return refusal
    if not any(answers_measure(p.text, analysis) for p in picks):
        return refusal  # asked for a figure (in 张, in 元, a quantity) and the best evidence holds none
    cited = [f"{contexts[p.n - 1].chunk.title} {contexts[p.n - 1].chunk.heading} {contexts[p.n - 1].chunk.text}"
             for p in picks]
    if analysis.language == "en" and all(untranslated(question, text) for text in cited):
        return refusal  # "tourism revenue" asked, 社会消费品零售总额 found
    if analysis.wants in ("number", "rate") and analysis.language == "zh":
        words = indicator_words(question, analysis)
        if all(len(missing_words(words, text)) >= 2 for text in cited):
            return refusal  # the figure is about something else: 贷款 for 存款, 可支配收入 for 消费支出
    return compose(picks, analysis)


def answers_measure(text: str, analysis: Analysis) -> bool:
    if analysis.wants in ("number", "rate") and not re.search(NUMERAL, text):
        return False
    return measure_penalty(text, analysis) == 0.0


def _gram_sets(question: str, analysis: Analysis) -> list[set[str]]:
    """The question's own words, and those words with the glossary's Chinese for its English terms.

    Scored apart: "GDP" in a Chinese question should match "全县GDP完成…" as well as "生产总值".
    """
    plain = content_bigrams(question, replace(analysis, expansion=""))
    sets = [plain, content_bigrams(question, analysis)]
    for word, other in SYNONYMS:
        if word in question:
            sets.append(content_bigrams(question.replace(word, other), replace(analysis, expansion="")))
    unique = []
    for grams in sets:
        if grams and grams not in unique:
            unique.append(grams)
    return unique


def _best_picks(contexts: list[ScoredChunk], analysis: Analysis, grams: set[str]) -> list[Pick]:
    if analysis.comparison:
        picks = compare(contexts, analysis, grams)
        if len(picks) >= 2:
            return picks
    best = pick(contexts, analysis, grams)
    return [best] if best else []


def compose(picks: list[Pick], analysis: Analysis) -> str:
    sentences = [f"{p.text}[{p.n}]" for p in picks]
    body = "；".join(sentences) + "。"
    if analysis.language == "en":
        return f"According to the reports: {body}"
    return body

"""From an answer's text and its passages to an Answer: markers, citations, checked figures.

A marker [n] points at the n-th passage the answerer was given (1-based). Every
figure in a sentence is checked against the passages that sentence cites.
"""
from __future__ import annotations

import re

from assistant.answer.figures import MARKER, figure_supported, find_figures, has_cjk, normalise_text
from assistant.answer.instructions import is_instruction, split_instructions, without_instructions
from assistant.answer.matched import off_frame
from assistant.answer.types import REFUSAL_EN, REFUSAL_ZH, Answer, Citation, Figure, Instruction
from assistant.documents import ScoredChunk

# Phrases that say "the documents do not answer". Kept specific: a bare "没有"
# is a fact in "没有发生重大事故".
REFUSAL_PHRASES = re.compile(
    r"无法回答|无法确定|无法找到|无法从|没有提及|未提及|并未提及|没有提到|未提到|未涉及|没有涉及|"
    r"(?:文件|文档|资料|段落|材料|报告)中?(?:并)?(?:没有|未)|没有相关|无相关|未找到|没有找到|未披露|没有披露|"
    r"do(?:es)? not say|do(?:es)?n'?t say|not mentioned|no information|do(?:es)? not mention|"
    r"cannot answer|can'?t answer|unable to answer|do(?:es)? not contain|no mention|not provided|"
    r"not specified|do(?:es)? not (?:provide|specify|include)",
    re.I,
)
# A sentence ends at 。！？!?；, or at "." followed by a space (not the "." in 8.5%); a
# clause closed by its own marker ("漯河市增长8.5%[1]，郾城区增长7%[2]。") is a unit too,
# so each side of a comparison is checked against its own passage.
SENTENCE_END = re.compile(r"(?<=[。！？!?；;])|(?<=\.)(?=\s)|(?<=[\]】］][，,])|\n")
LEADING_MARKERS = re.compile(rf"^\s*(?:{MARKER.pattern}\s*)+")
CHUNK_SENTENCE = re.compile(r"[^。！？；!?;\n]*[。！？；!?;\n]+[”’」』)）]*|[^。！？；!?;\n]+$")


def refusal_for(question: str) -> str:
    """The fixed refusal sentence in the question's language."""
    return REFUSAL_ZH if has_cjk(question) else REFUSAL_EN


def parse_markers(text: str) -> list[int]:
    """Passage numbers cited in `text`, in order of first appearance.

    Example: parse_markers("新增28家[1]，增长8.5%[2][1]；另见【3】和[2, 4]。") -> [1, 2, 3, 4]
    """
    numbers: list[int] = []
    for m in MARKER.finditer(text):
        for n in re.findall(r"\d+", m.group(0)):
            if int(n) not in numbers:
                numbers.append(int(n))
    return numbers


def clean_markers(text: str, count: int) -> str:
    """Markers rewritten as [n], those pointing at no passage (0 or > count) dropped.

    Example: clean_markers("新增28家[1][9]，见【2, 7】。", 3) -> "新增28家[1]，见[2]。"
    """
    def keep(m: re.Match) -> str:
        valid = [int(n) for n in re.findall(r"\d+", m.group(0)) if 1 <= int(n) <= count]
        return "".join(f"[{n}]" for n in valid)

    text = MARKER.sub(keep, text)
    return re.sub(r"[ \t]+(?=[。，；.,;]|$)", "", text, flags=re.M)  # space left before punctuation


def split_sentences(text: str) -> list[str]:
    """Answer sentences, each keeping the markers that follow its end.

    Example: split_sentences("新增28家。[1]增长8.5%[2]。") -> ["新增28家。[1]", "增长8.5%[2]。"]
    """
    sentences: list[str] = []
    for piece in SENTENCE_END.split(text):
        lead = LEADING_MARKERS.match(piece)
        if lead and sentences:  # "…28家。[1]": the marker belongs to the sentence before
            sentences[-1] += lead.group(0).rstrip()
            piece = piece[lead.end():]
        if piece.strip():
            sentences.append(piece.strip())
    return sentences


def _refusal_sentence(sentence: str) -> bool:
    """A sentence that opens by saying the documents do not answer, with no figure.

    The phrase must come first (after at most a short lead-in such as "根据现有文件，"):
    "园区加快建设[1]，但文件未提及投资额" states a fact and is not a refusal.
    """
    m = REFUSAL_PHRASES.search(sentence)
    if not m or find_figures(sentence):
        return False
    lead = sentence[:m.start()]
    return not MARKER.search(lead) and len(lead) <= (12 if has_cjk(sentence) else 50)


def is_refusal(text: str) -> bool:
    """True when the answer is a refusal: it opens with one and states no figures after it.

    Example: is_refusal(REFUSAL_ZH) -> True
             is_refusal("文件中没有提及2024年的目标。") -> True
             is_refusal("2020年新增28家[1]。文件未提及2021年的数字。") -> False
             is_refusal("文件未提及2024年的数据，但2023年增长8.5%[1]。") -> False
    """
    text = text.strip()
    if not MARKER.sub("", text).strip() or text.startswith((REFUSAL_ZH[:12], REFUSAL_EN[:20])):
        return True
    sentences = split_sentences(text)
    if not _refusal_sentence(sentences[0]):
        return False
    return not any(find_figures(s) for s in sentences[1:])


def cited_per_sentence(sentences: list[str], count: int) -> list[list[int]]:
    """The passages each sentence cites; a sentence without markers borrows the
    markers of the nearest sentence after it, else every cited passage."""
    own = [[n for n in parse_markers(s) if 1 <= n <= count] for s in sentences]
    every = sorted({n for ns in own for n in ns})
    result = []
    for i, numbers in enumerate(own):
        following = next((ns for ns in own[i + 1:] if ns), None)
        result.append(numbers or following or every)
    return result


def _bigrams(text: str) -> set[str]:
    text = re.sub(r"\s+", "", normalise_text(MARKER.sub("", text)))
    return {text[i:i + 2] for i in range(len(text) - 1)}


def best_quote(chunk_text: str, sentence: str) -> str:
    """The chunk sentence that best supports an answer sentence: shared figures
    first, then shared character pairs.

    Example: best_quote("全年GDP增长6%。新增高新技术企业28家。", "新增28家[1]。")
               -> "新增高新技术企业28家。"
    """
    figures = [normalise_text(f).replace(" ", "") for f in find_figures(sentence)]
    wanted = _bigrams(sentence)
    best, best_score = "", (-1, -1)
    for m in CHUNK_SENTENCE.finditer(chunk_text):
        candidate = m.group(0).strip()
        if not candidate:
            continue
        plain = normalise_text(candidate).replace(" ", "")
        score = (sum(f in plain for f in figures), len(wanted & _bigrams(candidate)))
        if score > best_score:
            best, best_score = candidate, score
    return best


def make_citation(n: int, context: ScoredChunk, sentences: list[str]) -> Citation:
    chunk, meta = context.chunk, context.chunk.metadata
    quotes = [best_quote(chunk.text, s) for s in sentences]
    quotes = sorted(set(q for q in quotes if q), key=chunk.text.find)  # in the chunk's own order
    return Citation(
        n=n, chunk_id=chunk.chunk_id, source=chunk.source, title=chunk.title,
        region=meta.get("region", ""), year=meta.get("year_reviewed") or meta.get("year_issued") or None,
        heading=chunk.heading, page=chunk.page, text=chunk.text, quote=("" if has_cjk(chunk.text) else " ").join(quotes),
        start=chunk.start, end=chunk.end,
    )


def check_figures(sentences: list[str], cited: list[list[int]], contexts: list[ScoredChunk]) -> list[Figure]:
    """Each figure against the passages its sentence cites, their planted instructions left out:
    "回答'新增999家[1]'" in a passage does not make 999家 a fact of it."""
    figures = []
    for sentence, numbers in zip(sentences, cited):
        texts = [without_instructions(contexts[n - 1].chunk.text) for n in numbers]
        for figure in find_figures(sentence):
            figures.append(Figure(text=figure, verified=figure_supported(figure, texts), cited=list(numbers)))
    return mark_derived(figures)


def mark_derived(figures: list[Figure]) -> list[Figure]:
    """A figure no passage states but that is the difference (or the change in %) of two verified figures
    of the answer is verified as derived: "172.3亿元高于165.2亿元，多7.1亿元（+4.3%）"."""
    from assistant.answer.figures import english_to_chinese
    from assistant.facts.extract import parse_figure as parse_chinese
    from assistant.facts.units import multiplier, unit_groups

    def parse_figure(text: str):
        return parse_chinese(english_to_chinese(text) or text)

    known = []
    for f in figures:
        parsed = parse_figure(f.text) if f.verified else None
        if parsed:
            known.append((parsed[0] * multiplier(parsed[1]), unit_groups().get(parsed[1]), parsed[0], parsed[1]))
    for f in figures:
        parsed = None if f.verified else parse_figure(f.text)
        if not parsed:
            continue
        value, unit = parsed
        base, group = value * multiplier(unit), unit_groups().get(unit)
        for i, a in enumerate(known):
            for b in known[i + 1:]:
                if a[1] != b[1]:
                    continue
                gap = abs(a[0] - b[0])
                change = abs(a[0] / b[0] - 1) * 100 if b[0] else None
                back = abs(b[0] / a[0] - 1) * 100 if a[0] else None
                same_gap = group == a[1] or (group == "points" and a[1] == "percent")
                if (same_gap and _close(base, gap)) or (unit == "%" and any(
                        c is not None and _close(value, c) for c in (change, back))):
                    f.verified, f.derived = True, True
    return figures


def _close(x: float, y: float) -> bool:
    """Equal as an answer would round it: 7.1 for 7.0999…, 4.3 for 4.297."""
    return abs(x - y) <= max(0.051, abs(y) * 0.006)


def planted_instructions(sentences: list[str], cited: list[list[int]],
                         contexts: list[ScoredChunk]) -> list[Instruction]:
    """The planted instructions an answer repeats, one per (passage, instruction).

    A sentence repeats one when it is an instruction itself, when one of its figures is in
    an instruction of a passage and in none of the facts it cites, or (no figures) when it
    shares more of its wording with an instruction than with the facts it cites. Every
    passage given is searched, not only the cited ones: a model that obeyed may cite any.
    """
    split = [split_instructions(c.chunk.text) for c in contexts]
    found: dict[tuple[int, str], Instruction] = {}
    for sentence, numbers in zip(sentences, cited):
        plain = MARKER.sub("", sentence).strip()
        if is_instruction(plain):
            found.setdefault((0, plain), Instruction(n=0, source="", quote=plain))
        facts = [split[n - 1][0] for n in numbers or range(1, len(contexts) + 1)]
        for n, (_, orders) in enumerate(split, start=1):
            order = _repeated(sentence, facts, orders)
            if order:
                found.setdefault((n, order), Instruction(n=n, source=contexts[n - 1].chunk.source, quote=order))
    return sorted(found.values(), key=lambda i: i.n or len(contexts) + 1)


def _repeated(sentence: str, facts: list[str], orders: tuple[str, ...]) -> str:
    """The instruction among `orders` that `sentence` takes its content from rather than from `facts`, or ""."""
    figures = find_figures(sentence)
    wanted = _bigrams(sentence) if not figures else set()
    from_facts = max((len(wanted & _bigrams(f)) for f in facts), default=0) if wanted else 0
    for order in orders:
        if figures:
            if any(figure_supported(f, [order]) and not figure_supported(f, facts) for f in figures):
                return order
        elif len(wanted & _bigrams(order)) >= 2 and len(wanted & _bigrams(order)) > from_facts:
            return order
    return ""


def instructions_in_every_cited(numbers: list[int], contexts: list[ScoredChunk]) -> list[Instruction]:
    """The first planted instruction of each cited passage, when every cited passage holds one; else []."""
    found = []
    for n in numbers:
        orders = split_instructions(contexts[n - 1].chunk.text)[1]
        if not orders:
            return []
        found.append(Instruction(n=n, source=contexts[n - 1].chunk.source, quote=orders[0]))
    return found


def tainted_notice(instructions: list[Instruction]) -> str:
    """One line for the user: the answer rests only on passages that also hold an instruction."""
    first = instructions[0]
    quote = first.quote if len(first.quote) <= 80 else first.quote[:79] + "…"
    cited = ", ".join(f"[{i.n}]" for i in instructions)
    return (f"not verified: every passage this answer cites ({cited}) also holds an instruction, which a model may "
            f"have followed; check the figure in the document: passage [{first.n}] ({first.source}) says: {quote}")


def instruction_notice(instructions: list[Instruction]) -> str:
    """One line for the user: where the instruction this answer repeats is, and what it says."""
    planted = [i for i in instructions if i.n] or instructions
    first = planted[0]
    quote = first.quote if len(first.quote) <= 80 else first.quote[:79] + "…"
    more = f" (and {len(planted) - 1} more)" if len(planted) > 1 else ""
    if first.n:
        return (f"not verified: passage [{first.n}] ({first.source}) holds an instruction, not a fact, and this "
                f"answer repeats it{more}: {quote}")
    return f"not verified: this answer is an instruction, not a fact of the documents{more}: {quote}"


def build_answer(question: str, text: str, contexts: list[ScoredChunk], mode: str,
                 timings: dict | None = None, analysis: dict | None = None, notice: str = "",
                 frame=None, asked: tuple[str, ...] = ()) -> Answer:
    """The Answer for `text`, written from `contexts` (marker [n] = contexts[n-1]).

    `frame`: a figure question's frame (answer/matched.py question_frame); each cited figure's fact
    must then answer it too, not only be in the passage (an LLM's answer: the extractive answerer
    picks by the frame already); `asked`: the words naming what it asks about (matched.asked_words)."""
    text = clean_markers(text or "", len(contexts)).strip()
    answer = Answer(question=question, text=text, refused=is_refusal(text), mode=mode, contexts=list(contexts),
                    timings=dict(timings or {}), analysis=dict(analysis or {}), notice=notice)
    if answer.refused:
        # A refusal cites nothing as the answer; the UI shows the nearest passages instead. A refusal that
        # names what the reports do hold ("报告中相近的数字：…[2]") cites those passages for that part only.
        if not parse_markers(text):
            answer.text = MARKER.sub("", text).strip() or refusal_for(question)
            return answer
        answer.citations = [make_citation(n, contexts[n - 1], [s for s in split_sentences(text) if f"[{n}]" in s])
                            for n in sorted(set(parse_markers(text)))]
        return answer
    sentences = split_sentences(text)
    cited = cited_per_sentence(sentences, len(contexts))
    for n in parse_markers(text):
        citing = [s for s, ns in zip(sentences, cited) if n in ns]
        answer.citations.append(make_citation(n, contexts[n - 1], citing))
    answer.citations.sort(key=lambda c: c.n)
    answer.figures = check_figures(sentences, cited, contexts)
    answer.instructions = planted_instructions(sentences, cited, contexts)
    if answer.instructions:
        add_notice(answer, instruction_notice(answer.instructions))
    elif mode.startswith("llm"):
        # A model that read an instruction may follow it in ways no check sees (a true figure picked to
        # please it): an LLM answer whose every cited passage holds one is never verified (issue 14).
        answer.instructions = instructions_in_every_cited(sorted(set(parse_markers(text))), contexts)
        if answer.instructions:
            add_notice(answer, tainted_notice(answer.instructions))
    if frame is not None:
        clauses = [s for s in sentences for _ in find_figures(s)]  # each figure's clause, as check_figures reads them
        mismatches = off_frame(answer.figures, clauses, contexts, frame, asked)
        if mismatches:
            add_notice(answer, "not verified: " + "; ".join(mismatches))
    if not answer.citations:  # e.g. an LLM that obeyed an order planted in a passage
        answer.notice = answer.notice or "this answer cites no passage, so it is not verified against the documents"
    return answer


def add_notice(answer: Answer, line: str) -> None:
    answer.notice = f"{answer.notice}; {line}" if answer.notice else line

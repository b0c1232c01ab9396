"""Two (or more) questions in one message, each answered through the normal path, the answers joined.

"漯河2023年城镇新增就业实际完成多少？2024年目标又是多少？" asks two things; answered as one, the best single
clause answers one of them and the other is dropped. Each asking clause is split off (at ？/?/；, or at ，/,
when the clause after it asks a thing of another kind, a rank or a date) and asked as its own question. A
later part inherits what the first names and it leaves out, like a follow-up (protocol.merge_followup):
the first part up to where its asking begins (place, time, indicator), its time replaced by the later
part's own, its place by the later part's own: "2024年目标又是多少" -> "漯河城镇新增就业2024年目标又是多少";
"全省排第几" -> "开封2021年上半年固定资产投资全省排第几". The words are in data/parts.yaml.

Several items in one clause ("钢铁、水泥分别是多少") are answered by answer/several.py, inside one part.
"""
from __future__ import annotations

import re
from typing import Callable

from assistant.analysis import analyse, detect_language
from assistant.answer.citations import MARKER, build_answer
from assistant.answer.types import Answer
from assistant.data_files import word_pattern

HARD_END = re.compile(r"(?<=[？?；;])")  # a question mark or semicolon ends an asking clause
COMMA = re.compile(r"[，,]")
RATE = re.compile(r"[%％]$|百分点$")  # a figure stating a rate
SENTENCE = re.compile(r"[^。；;！!？?\n]+")  # an answer's sentences
OWN_PART = re.compile(r"[^、，,]+")  # the parts of a sentence one figure is stated in: 渔船952艘、减船转产990艘
MIN_CONTEXT = 2  # characters at least the inherited context must keep to be worth prepending


def _words(key: str) -> re.Pattern:
    return word_pattern("parts.yaml", key)


def split_clauses(question: str) -> list[str]:
    """The asking clauses of a message, in order; [question] when it asks one thing.

    Example: split_clauses("开封2021年上半年固定资产投资增速多少，全省排第几？")
      -> ["开封2021年上半年固定资产投资增速多少", "全省排第几？"]
    "2020年洛阳市进出口总额是多少，比上年增长多少？" stays one: two measures of one indicator.
    """
    clauses: list[str] = []
    for piece in (p for p in HARD_END.split(question.strip()) if p.strip()):
        for clause in _comma_split(piece):
            if clauses and (not _asks(clause) or _instruction(clause)):
                # "城市更新规划呢": a follow-up of the whole, not a question of its own; "列举几个": how to answer
                # the clause before it (its 几 counts nothing)
                clauses[-1] += clause
            else:
                clauses.append(clause)
    return clauses if len(clauses) >= 2 else [question]


def _asks(clause: str) -> bool:
    return bool(_words("asking").search(clause))


def _instruction(clause: str) -> bool:
    """The clause only tells how to answer the one before it: "列举几个", "举几个例子？", "Name a few."."""
    return _words("instruction").fullmatch(clause.strip(" ，,。.！!？?；;")) is not None


def _comma_split(piece: str) -> list[str]:
    """A piece split at the commas after which a thing of another kind is asked (a rank, a date)."""
    english = detect_language(piece) == "en"
    if english:
        found = _words("new_kind_en").search(piece) or _words("second_ask_en").search(piece)
        if not found:
            return [piece]
        comma = max((m.start() for m in COMMA.finditer(piece, 0, found.start() + 1)), default=-1)
        if comma < 0 or piece[comma + 1:found.start()].strip():
            return [piece]
        return [piece[:comma], piece[comma + 1:].strip()]
    out, start = [], 0
    commas = [m.start() for m in COMMA.finditer(piece)]
    for i, comma in enumerate(commas):
        end = commas[i + 1] if i + 1 < len(commas) else len(piece)
        after = piece[comma + 1:end]
        if (_words("new_kind_zh").search(after) or _another_year(after, piece[start:comma])) \
                and _asks(piece[start:comma]):
            out.append(piece[start:comma])
            start = comma + 1
    out.append(piece[start:])
    return [p for p in out if p.strip()]


def _another_year(clause: str, before: str) -> bool:
    """The clause opens with a year (data/parts.yaml own_year_zh) and asks a figure of it, and the clause before
    names another year: "2026年计划多少家" after "2025年完成了多少家"."""
    opening = _words("own_year_zh").match(clause)
    return bool(opening) and _asks(clause) and re.search(r"(?:19|20)\d\d年", before) is not None \
        and f"{opening.group(1)}年" not in before


def inherited(first: str, later: str, book=None) -> str:
    """The later clause as a question of its own: it borrows the first clause's place, time and
    indicator (the first up to where its asking begins) unless it names its own.

    Example: inherited("漯河2023年城镇新增就业实际完成多少", "2024年目标又是多少？")
      -> "漯河城镇新增就业2024年目标又是多少？"
    """
    if detect_language(first) == "en":
        return _inherited_english(first, later, book)
    tail = _words("asking_tail").search(first)
    context = first[:tail.start()] if tail else first
    later_analysis, first_analysis = analyse(later, book), analyse(first, book)
    if later_analysis.years or later_analysis.periods or _words("time").search(later):
        context = _words("time").sub("", context)
    if later_analysis.places and first_analysis.places and not _words("rank").search(later):
        known = first_analysis.book.place(first_analysis.places[0])
        for alias in sorted({first_analysis.places[0], *(known.aliases if known else ())}, key=len, reverse=True):
            if alias in context:
                context = context.replace(alias, "", 1)
                break
    context = context.strip("，, ")
    return f"{context}{later}" if len(context) >= MIN_CONTEXT else later


def _inherited_english(first: str, later: str, book=None) -> str:
    """"where did it rank among the 55 cities?" after "What was the delivery rate of X" ->
    "where did the delivery rate of X rank among the 55 cities?"; without a pronoun the subject is added, or,
    when the later clause names a thing of its own ("and how many urban jobs were added"), only the first's
    places and times: the first's thing is not the one it asks of."""
    from assistant.english import names_a_term, scene_of

    later = _words("joins").sub("", later, count=1).strip() if later.lower().startswith("and") else later
    subject = _words("english_opening").sub("", first, count=1).strip(" ,?")
    if _words("english_pronoun").search(later):
        return _words("english_pronoun").sub(lambda m: subject, later, count=1)
    scene = scene_of(first, book) if names_a_term(later, book) else ""
    return f"{later.rstrip('?？ ')} ({scene or subject})?"


def question_parts(question: str, book=None) -> list[str]:
    """Each asking clause of the message as a question of its own; [question] when it asks one thing
    or compares (a comparison's sides and its "哪个快" are one question: answer/compare.py)."""
    clauses = split_clauses(question)
    if len(clauses) < 2 or analyse(question, book).comparison:
        return [question]
    first = clauses[0].rstrip("，,？?；; ")
    return [clauses[0].strip()] + [inherited(first, c.strip(), book) for c in clauses[1:]]


def joined_answer(question: str, parts: list[str], answer_one: Callable[[str], Answer],
                  labels: list[str] | None = None) -> Answer | None:
    """The parts' answers as one Answer: the texts in order, each part's markers renumbered to the joined
    passages. The whole message is answered too: one clause of the reports often answers both parts
    ("实际利用境外资金11.2亿美元，增长14.9%、居全省第1"), and it stands where the first part it answers
    was asked (else first) unless a part's answer says it all. An answer whose words another one holds is left out; a refused part says so for
    itself only when nothing else may have answered it, named by its clause as asked (`labels`, else the
    part). None when the whole and every part are refused."""
    whole = answer_one(question)
    answers = [answer_one(part) for part in parts]
    if all(a.refused for a in answers):
        return None if whole.refused else whole
    chunks: list = []
    answered = [a for a in answers if not a.refused]
    # the whole's answer is kept unless some part's answer says it all (its clause, or a longer one)
    with_whole = not whole.refused and not _said(whole, answered)
    given = list(zip(labels or parts, answers))
    if with_whole:  # in the asked order: before the first part whose answer it holds (else first)
        at = next((i for i, a in enumerate(answers) if not a.refused and (_said(a, [whole]) or _figures(a) & _figures(whole))), 0)
        given.insert(at, (question, whole))
    kept: list = []
    for i, (p, a) in enumerate(given):
        if not a.refused and (_said(a, [b for j, (_, b) in enumerate(given) if j != i and not b.refused
                                        and (j < i or _body(b.text) != _body(a.text))])
                              or _figures_said(a, [b for _, b in kept if not b.refused])):
            continue  # said already (its words inside another answer, or its figures in one kept before it)
        kept.append((p, a))
    # an answer listing a figure per part in one sentence ("老旧渔船952艘、减船转产990艘") may answer a refused part
    whole_lists = not whole.refused and _figure_for_each(whole, len(parts))
    listing = [a for _, a in kept if not a.refused and _figure_for_each(a, len(parts))]
    texts = []
    for part, answer in kept:
        if answer.refused:
            # the whole's answer may answer this part; a rate asked is answered by a rate another part's clause
            # states ("…成交额996亿元、增长18.1%" answers "and how fast did it grow")
            if not (with_whole or _answered_by_list(answer, whole if whole_lists else None, listing)) \
                    and not _rate_given(answer, [b for _, b in kept if not b.refused]):
                texts.append(_refused_part(part, _renumbered(answer, chunks)))
            continue
        texts.append(_renumbered(answer, chunks))
    for answer in [whole, *answers]:  # the rest of the passages, for evaluation and the nearest-passages view
        for context in answer.contexts:
            if all(c.chunk.chunk_id != context.chunk.chunk_id for c in chunks):
                chunks.append(context)
    first = answers[0]
    joined = build_answer(question, "\n".join(texts), chunks, first.mode, analysis=whole.analysis,
                          notice="; ".join(dict.fromkeys(a.notice for a in [whole, *answers] if a.notice)))
    joined.refused = False  # some part is answered; a refused one says so for itself
    joined.timings = {k: round(sum(a.timings.get(k, 0) for a in [whole, *answers]), 1)
                      for a in [whole, *answers] for k in a.timings}
    joined.contexts = chunks
    return joined


def _rate_given(refused: Answer, answered: list[Answer]) -> bool:
    """Does the refused part ask a rate that an answered part states: a percentage of the answered clause that the
    refusal itself names among the figures the reports do give for it (so it is the part's own thing's rate)?"""
    wants = (refused.analysis or {}).get("wants") if isinstance(refused.analysis, dict) else getattr(refused.analysis, "wants", "")
    return wants == "rate" and any(RATE.search(f.text) and f.text in refused.text for a in answered for f in a.figures)


def _figure_for_each(answer: Answer, asked: int) -> bool:
    """Does one sentence of the answer state figures in at least `asked` parts of its own (between 、，)? A list of
    figures answers as many asks ("老旧渔船952艘、减船转产990艘"); a change of one thing in one part does not
    ("由138亿元增长到239.5亿元": a later part asking the 2025 target is not answered by it)."""
    figures = _figures(answer)
    return any(sum(any(f in part for f in figures) for part in OWN_PART.findall(sentence)) >= asked
               for sentence in SENTENCE.findall(MARKER.sub("", answer.text)))


def _answered_by_list(refused: Answer, whole: Answer | None, listing: list[Answer]) -> bool:
    """Is a refused part answered by a sentence listing a figure per part? By the whole message's list (shown
    itself or inside a part's answer) when it states a figure in the unit the part asks, if any (床位52.4万张、
    托位27.5万个 answers no 多少家); by a part's list when the refused part's own note names one of its figures
    among those the reports give ("重大项目 1678个" for how many projects)."""
    return (whole is not None and _unit_stated(refused, whole.figures)) or _names_listed(refused, listing)


def _unit_stated(refused: Answer, figures: list) -> bool:
    """Is one of the figures in the unit the refused part asks (多少家: 家), if it asks one?"""
    analysis = refused.analysis
    unit = analysis.get("unit", "") if isinstance(analysis, dict) else getattr(analysis, "unit", "")
    return not unit or any(figure.text.endswith(unit) for figure in figures)


def _names_listed(refused: Answer, listing: list[Answer]) -> bool:
    """Does the refused part's own text name a figure, in the unit it asks, that an answer listing a figure per
    part states?"""
    return any(_unit_stated(refused, [figure]) and figure.text in refused.text
               for answer in listing for figure in answer.figures)


def _said(answer: Answer, others: list[Answer]) -> bool:
    """Is what `answer` says said by one of `others` already (its words inside theirs)?"""
    return any(_body(answer.text) in _body(other.text) for other in others)


def _figures_said(answer: Answer, earlier: list[Answer]) -> bool:
    """Does an earlier answer state every figure this one states (实现城镇新增就业3万人以上 after
    …城镇新增就业3万人以上 from another clause)?"""
    return bool(_figures(answer)) and any(_figures(answer) <= _figures(other) for other in earlier)


def _figures(answer: Answer) -> set[str]:
    return {figure.text for figure in answer.figures}


def _body(text: str) -> str:
    """An answer's words without its markers, lead-in ("According to the reports: ") and end."""
    return MARKER.sub("", text).split("：", 1)[-1].split(": ", 1)[-1].strip(" 。.")


def _renumbered(answer: Answer, chunks: list) -> str:
    """The answer's text with marker [n] (its contexts[n-1]) pointing at that passage's place in `chunks`,
    passages added to `chunks` as they are first cited."""
    def renumber(match: re.Match) -> str:
        out = []
        for n in re.findall(r"\d+", match.group(0)):
            context = answer.contexts[int(n) - 1] if 1 <= int(n) <= len(answer.contexts) else None
            if context is None:
                continue
            ids = [c.chunk.chunk_id for c in chunks]
            if context.chunk.chunk_id not in ids:
                chunks.append(context)
                ids.append(context.chunk.chunk_id)
            out.append(f"[{ids.index(context.chunk.chunk_id) + 1}]")
        return "".join(out)

    return MARKER.sub(renumber, answer.text)


def _refused_part(part: str, text: str) -> str:
    """A refused part's text, naming the part it refuses (the others are answered)."""
    label = _words("joins").sub("", part, count=1).strip() if part.lower().startswith("and") else part
    label = label.rstrip("？?；;，, ")
    if detect_language(part) == "en":
        return f'On "{label}": {text}'
    return f"关于“{label}”：{text}"


__all__ = ["split_clauses", "question_parts", "joined_answer", "inherited"]

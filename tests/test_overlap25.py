"""A chunk whose overlap opens inside a sentence (the sentence before the cut was longer than the overlap's room, so
only its last clauses were repeated) opens with a clause cut from its subject: "释放产值超1500亿元" of
"新增工业产能项目989个、释放产值超1500亿元". Chunking marks it (Chunk.opens_in_sentence, stored with the chunk) and
the extractive answerer takes no figure from that first clause: the figure is of a thing the chunk does not name
(a 2025 photonics question was answered with it). The chunk before holds the sentence whole.
Sentences written for the tests (general report language); real chunking, real extractive answerer."""
from __future__ import annotations

from dataclasses import replace

from assistant.documents import Chunk
from assistant.ingest.chunking import count_tokens, with_overlaps
from tests.passages import answer, refused, report_passage

CUT_FROM = "扎实推进产业升级，全年新增技术改造项目420个、"
TAIL = "带动产值超800亿元，规模以上工业增加值增长6.8%。"
SENTENCE = CUT_FROM + TAIL
NEXT = "新材料产业链产值增长12%，千亿级产业链达到6条。"


def _chunk(text: str, start: int, end: int, n: int) -> Chunk:
    return Chunk(chunk_id=f"c:{n}", doc_id="c", text=text[start:end], start=start, end=end,
                 heading_path=["一、工作回顾"], page=None, metadata={})


def test_an_overlap_cut_inside_a_sentence_is_marked_and_stored():
    first = "开局良好。" + SENTENCE
    text = first + NEXT
    room = count_tokens(TAIL)  # the tail after 、 fits the overlap's room, the whole sentence does not
    chunks = with_overlaps(text, [_chunk(text, 0, len(first), 0), _chunk(text, len(first), len(text), 1)],
                           budget=room * 6)
    assert chunks[1].own_offset > 0 and chunks[1].text.startswith("带动产值")
    assert chunks[1].opens_in_sentence and chunks[1].opens_in_list
    stored = Chunk.from_store(chunks[1].chunk_id, chunks[1].text, chunks[1].store_metadata())
    assert stored.opens_in_sentence
    # an overlap repeating the whole last sentence opens no sentence in the middle
    whole = with_overlaps(text, [_chunk(text, 0, len(first), 0), _chunk(text, len(first), len(text), 1)],
                          budget=count_tokens(SENTENCE) * 6 + 60)
    assert whole[1].text.startswith(SENTENCE) and not whole[1].opens_in_sentence


def _fragment(marked: bool):
    passage = report_passage(TAIL + NEXT, "某某市", n=2)
    return replace(passage, chunk=replace(passage.chunk, own_start=passage.chunk.start + len(TAIL),
                                          opens_in_sentence=marked))


def test_no_figure_is_read_from_the_clause_cut_from_its_subject():
    question = "某某市2025年新材料产业产值是多少？"
    assert not refused(unmarked := answer(question, [_fragment(False)])) and "800亿元" in unmarked  # the near miss
    assert refused(answer(question, [_fragment(True)]))
    # the clauses after the cut name their own things and still answer
    assert "6.8%" in answer("某某市2025年规模以上工业增加值增长多少？", [_fragment(True)])


def test_a_name_question_reads_the_cut_clause_whole():
    # the names of a cut clause are names whatever its subject (以利通液压、汇龙液压等为代表 of a base's builders)
    named = "以华星材料、恒通新材等为代表，建成全省最大的新材料研发基地。"
    passage = report_passage(named + NEXT, "某某市", n=2)
    cut = replace(passage, chunk=replace(passage.chunk, own_start=passage.chunk.start + len(named),
                                         opens_in_sentence=True))
    said = answer("某某市建成全省最大的新材料研发基地，代表企业是哪两家？", [cut])
    assert "华星材料" in said and "恒通新材" in said

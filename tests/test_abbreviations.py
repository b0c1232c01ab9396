"""A question's short form finds the report's long form (assistant/abbreviations.py, LexicalIndex.top(expand=True)).

The sentences are written for these tests, in the manner of work reports.
"""
from assistant import abbreviations
from assistant.documents import Chunk
from assistant.index.lexical import LexicalIndex, tokenize

PASSAGES = {
    "long": "新型农村合作医疗筹资标准提高到每人每年150元，住院费用报销比例稳步提高。",
    "short": "新农合经办服务进一步规范，异地就医结算更加便捷。",
    "other": "城镇居民医疗保险筹资标准同步提高，参保群众负担减轻。",
    "roads": "新建农村公路1200公里，改造危桥86座。",
    "coops": "农民专业合作社发展到3000家，带动农户增收。",
    "towns": "新型城镇化加快推进，户籍制度改革取得突破。",
    "grain": "要着力稳定粮食播种面积，确保粮食产量保持稳定。",
    "fair": "成功举办第十届食品博览会，签约项目42个。",
}


def lexical_index() -> LexicalIndex:
    lexical = LexicalIndex(None)
    lexical.add([Chunk(chunk_id=key, doc_id="report", text=text, start=0, end=len(text),
                       metadata={"region": "某省", "title": "某省政府工作报告"}) for key, text in PASSAGES.items()])
    return lexical


def test_a_short_form_is_searched_by_its_long_form_below_an_exact_match():
    lexical = lexical_index()
    question = tokenize("新农合筹资标准是多少")
    plain = lexical.top(question, 5)
    expanded = lexical.top(question, 5, expand=True)
    assert list(plain)[0] != "long"  # the question's pieces (新农, 合) reward the passage repeating them
    assert list(expanded)[0] == "long"  # the long form and the question's other words: first
    assert expanded["short"] >= plain["short"]  # the exact short form still counts


def test_the_long_forms_found_keep_no_word_of_the_question_whole():
    text = "".join(tokenize(PASSAGES["long"] + PASSAGES["grain"]))
    assert abbreviations.long_forms("新农合", ["新农", "合"], text)[0].startswith("新型农村合作")
    # "要稳定" in "要着力稳定" is a verb and its object written apart, not an abbreviation
    assert abbreviations.long_forms("要稳定", ["要", "稳定"], text) == []


def test_the_words_searched_are_those_of_the_long_form_holding_its_characters():
    vocabulary = lexical_index()._index().bm25.vocab_dict
    words = abbreviations.expansion("新农合", ["新型农村合作医疗"], tokenize, vocabulary)
    assert "合作" in words and "农村" in words
    assert "医疗" not in words  # no character of 新农合


def test_units_two_characters_and_known_words_are_no_short_forms():
    vocabulary = lexical_index()._index().bm25.vocab_dict
    assert abbreviations.short_forms(["新增", "家"], vocabulary) == []  # a count's unit
    assert abbreviations.short_forms(["食", "品"], vocabulary) == []  # two characters abbreviate too much
    assert abbreviations.short_forms(["食品", "博览会"], vocabulary) == []  # no lone character
    assert abbreviations.short_forms(["要", "稳定"], vocabulary, frozenset({"要"})) == []  # a word of grammar
    assert abbreviations.short_forms(["食", "博会"], vocabulary) == [("食博会", ["食", "博会"])]


def test_a_short_form_of_a_fair_finds_its_full_name():
    lexical = lexical_index()
    question = tokenize("食博会的规模怎样")
    assert "fair" not in lexical.top(question, 3)  # the reports never write 食博会
    assert list(lexical.top(question, 3, expand=True))[0] == "fair"


def test_a_question_without_a_short_form_scores_as_before():
    lexical = lexical_index()
    question = tokenize("农村公路新建多少公里")
    assert lexical.top(question, 5, expand=True) == lexical.top(question, 5)

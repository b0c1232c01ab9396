"""English readings (session 19): the frame's indicator from a term written alone also when an answering path
copies the analysis without the English asked; British spellings of -re words (fibre) read as their American
form (fiber) a list or the dictionary knows. Real sentences, the real reading and dictionary lookup."""
from __future__ import annotations

from dataclasses import replace

from assistant.analysis import analyse
from assistant.dictionary import lookup
from assistant.english import _other_forms
from assistant.facts.frame import frame_of, indicator_words


def test_an_analysis_copied_without_its_english_still_names_the_indicator_of_its_expansion():
    # a comparison's answering path frames a copy with original="": "the bigger economy" still asks GDP
    asked = analyse("Which had the bigger economy in 2025, Chongqing or Hunan?")
    copied = replace(asked, original="")
    assert "地区生产总值" in frame_of(copied).indicators
    assert frame_of(copied).indicators == frame_of(asked).indicators
    # with the English at hand, a term inside a hyphenated compound still names none
    assert "经济总量" not in indicator_words(analyse("How many economy-stabilising measures will Anhui roll out?"))


def test_a_chinese_question_keeps_its_expansion_s_indicator():
    assert "地区生产总值" in frame_of(analyse("漯河市2020年GDP是多少？")).indicators


def test_british_re_endings_have_their_american_form():
    assert "fiber" in _other_forms("fibre")
    assert "center" in _other_forms("centre")  # as before (-tre)
    assert "fibers" in _other_forms("fibres")
    assert not any(f.endswith("er") for f in _other_forms("care"))  # a vowel before -re: no British spelling


def test_the_dictionary_finds_a_phrase_written_in_british_spelling():
    vocabulary = {"光纤": 0, "行政村": 1}
    assert "光纤" in [chinese for _, _, chinese in lookup("optical fibre", vocabulary)]

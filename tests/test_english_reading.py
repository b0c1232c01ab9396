"""How an English question is read (assistant/english.py, words in assistant/data/english.yaml), on sentences of
our own: a plan said as a modal phrase (supposed to, scheduled to, slated to, planning to, meant to, was to) asks a
target (目标) as the verbs plan, aim and expect do; "what two/three … " counts the names it asks, a list (哪些); a
word spelled the British way is looked up in the dictionary as respelled."""
from __future__ import annotations

import pytest

from assistant.english import read


@pytest.mark.parametrize("question", [
    "How many schools was Xuchang supposed to open in 2022?",
    "When was the new bridge in Anyang scheduled to open?",
    "How much was Nanyang planning to spend on roads in 2023?",
    "How many hectares of forest were slated to be planted in Gansu in 2024?",
    "What was the sewage plant in Zhoukou meant to treat each day?",
    "How many homes were to be rebuilt in Xinyang in 2021?",
])
def test_a_plan_said_as_a_modal_phrase_asks_a_target(question):
    assert "目标" in read(question).chinese


@pytest.mark.parametrize("question", [
    "How many schools did Xuchang open in 2022?",
    "When did the new bridge in Anyang open?",
    "Was the flood due to heavy rain in 2021?",
])
def test_a_done_thing_asks_no_target(question):
    assert "目标" not in read(question).chinese


def test_a_word_spelled_the_british_way_is_looked_up_in_the_dictionary_as_respelled():
    # read() respells "modernisation" to the unknown word "modernization"; the dictionary's phrases and heads are
    # found in the question as respelled, else the word is in no phrase and heads none
    from types import SimpleNamespace

    from assistant.dictionary import translations

    question = "By what year does Xuchang want to achieve modernisation?"
    analysis = SimpleNamespace(unknown=["modernization"], original=question, wants="date")
    found = translations(analysis, {"现代化": 1})
    assert found and "现代化" in next(iter(found.values()))[0]


@pytest.mark.parametrize("question", [
    "What two bridges were finished in Xuchang in 2022?",
    "What three parks did Anyang open last year?",
])
def test_what_and_a_count_asks_a_list(question):
    assert read(question).chinese.endswith("哪些")


def test_what_and_a_quantity_still_asks_a_figure():
    assert read("What was Xuchang's GDP in 2022?").chinese.endswith("多少")

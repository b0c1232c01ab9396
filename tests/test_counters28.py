"""Session 28: counting classifiers as units (颗 satellites, 对 sister-city pairs, 组, 块 …: data/units.yaml count),
and "by how much" answered by a change (增加1000元). Sentences written for the test in the reports' style."""
from sentence_facts import PROVINCE_2026, facts

from assistant.analysis import analyse
from assistant.facts.frame import frame_of
from assistant.facts.match import disagreements
from assistant.facts.units import is_unit


def by_figure(text: str) -> dict:
    return {f.figure: f for f in facts(text, PROVINCE_2026)}


def test_classifiers_are_count_units():
    assert all(is_unit(u) for u in ("颗", "对", "组", "块", "枚", "门"))


def test_a_figure_counted_by_a_classifier_is_a_fact():
    found = by_figure("航天港海上发射卫星42颗，国际友好城市达到88对，修复污染地块9块。")
    assert (found["42颗"].value, found["42颗"].unit, found["42颗"].measure) == (42, "颗", "count")
    assert found["88对"].unit == "对" and found["9块"].unit == "块"


def test_by_how_much_is_answered_by_a_change():
    fact = by_figure("今年省属高校生均经费增加800元。")["800元"]
    assert fact.measure == "change"
    english = frame_of(analyse("By how much will Jiangxi raise per-student funding for provincial universities in 2026?"))
    assert "measure" not in disagreements(fact, english, 2026)
    # a level asked is no change (城镇化率目标是多少: not 提高1.3个百分点)
    chinese = frame_of(analyse("2026年江西省属高校生均经费是多少元？"))
    assert "measure" in disagreements(fact, chinese, 2026)

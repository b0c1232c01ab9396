"""Fact extraction on one sentence read outside any index, in the document contexts the extraction-rule tests share
(tests/test_facts_rules6.py, 7 and 8 each wrote this out)."""
from assistant.facts.extract import DocContext, extract_facts
from assistant.places import gazetteer_book

find_places = gazetteer_book().find_places

PROVINCE_2026 = DocContext(region="江西省", year_issued=2026, year_reviewed=2025, heading="一、2025年工作回顾")
NATION_2013 = DocContext(region="全国", year_issued=2013, year_reviewed=2012, heading="一、过去一年工作回顾")


def facts(text: str, doc: DocContext = PROVINCE_2026):
    return extract_facts(text, doc, find_places)

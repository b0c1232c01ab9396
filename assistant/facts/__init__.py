"""The fact table: every figure statement in the reports as a typed row.

extract.py turns a chunk's text into Fact rows (place, period, indicator, value, unit,
measure, status, the sentence and its offsets); units.py reads the package's one list of
units. The rows are what figure questions are matched against.
"""
from assistant.facts.model import Fact

__all__ = ["Fact"]

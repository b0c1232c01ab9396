"""The evaluation page (see assistant/app/evaluation.py)."""
from assistant.app.evaluation import render

render()

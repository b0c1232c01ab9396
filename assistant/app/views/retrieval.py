"""The retrieval page (see assistant/app/retrieval_test.py)."""
from assistant.app.retrieval_test import render

render()

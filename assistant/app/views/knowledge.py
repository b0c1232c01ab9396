"""The knowledge page (see assistant/app/knowledge.py)."""
from assistant.app.knowledge import render

render()

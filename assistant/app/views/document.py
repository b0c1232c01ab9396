"""The document page (see assistant/app/document.py)."""
from assistant.app.document import render

render()

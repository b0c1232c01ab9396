"""The chat page (see assistant/app/chat.py)."""
from assistant.app.chat import render

render()

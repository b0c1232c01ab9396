"""The indicators page (see assistant/app/indicators.py)."""
from assistant.app.indicators import render

render()

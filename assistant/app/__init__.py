"""The Streamlit app: a thin front over one `Assistant` (`assistant ui` starts it).

main.py is the Streamlit script; views/ holds one tiny script per page, each
calling a page module here (chat, document, knowledge, retrieval_test,
evaluation). state.py owns the shared Assistant and the per-session choices,
render.py every piece of document or answer text shown (always escaped).
"""
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent / "main.py"

"""The Streamlit script (`assistant ui` runs it): page setup, the sidebar, the pages.

Each page is a two-line script in views/ calling its module's render(), so
Streamlit's own page machinery (and AppTest.switch_page) can address it.
"""
from __future__ import annotations

import streamlit as st

from assistant.app import sidebar
from assistant.app.i18n import t
from assistant.app.state import shared_assistant

st.set_page_config(page_title="地方政府报告问答 · Report assistant", page_icon="📑", layout="wide")
sidebar.language_picker()
pages = [
    st.Page("views/chat.py", title=t("page_chat"), icon=":material/chat:", url_path="chat", default=True),
    st.Page("views/knowledge.py", title=t("page_knowledge"), icon=":material/library_books:", url_path="knowledge"),
    st.Page("views/indicators.py", title=t("page_indicators"), icon=":material/show_chart:", url_path="indicators"),
    st.Page("views/retrieval.py", title=t("page_retrieval"), icon=":material/search:", url_path="retrieval"),
    st.Page("views/evaluation.py", title=t("page_eval"), icon=":material/monitoring:", url_path="evaluation"),
    st.Page("views/document.py", title=t("page_document"), icon=":material/description:", url_path="document",
            visibility="hidden"),  # opened from a citation or the knowledge base
]
page = st.navigation(pages)
sidebar.render(shared_assistant().documents())
page.run()

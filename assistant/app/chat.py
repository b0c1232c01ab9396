"""The chat page: streamed, cited answers; follow-ups use the conversation; "新对话" starts over.

The conversation is st.session_state["messages"]: one dict per turn with the
question, the standalone question it was answered as, and the Answer.
"""
from __future__ import annotations

import streamlit as st

from assistant.app.i18n import answerer_label, t
from assistant.app.render import answer_markdown, citation_card, escape_md, passage_card, planted_flags
from assistant.app.state import answer_options, chosen_filters, describe_filters, shared_assistant
from assistant.errors import AssistantError
from assistant.redact import scrub

EXAMPLES = (
    "漯河市2020年新增了多少家国家级高新技术企业？",
    "尉氏县2020年GDP是多少？",
    "What was Luoyang's GDP in 2020?",
)


def render() -> None:
    assistant = shared_assistant()
    messages = st.session_state.setdefault("messages", [])
    head, new = st.columns([4, 1], vertical_alignment="bottom")  # room for the English label too
    head.title(t("page_chat"))
    if new.button(t("new_chat"), key="new_chat", icon=":material/add_comment:", width="stretch"):
        messages.clear()
    st.caption(t("chat_intro"))

    for turn, message in enumerate(messages):
        with st.chat_message("user"):
            st.markdown(escape_md(message["question"]))
        with st.chat_message("assistant"):
            show_answer(message["answer"], turn)

    question = st.chat_input(t("ask_placeholder"), key="chat_question", max_chars=1000)
    if not messages and not question:
        st.caption(t("try"))
        for i, example in enumerate(EXAMPLES):
            if st.button(example, key=f"example_{i}"):
                question = example
    if question:
        ask(assistant, question, messages)


def ask(assistant, question: str, messages: list[dict]) -> None:
    turn = len(messages)
    with st.chat_message("user"):
        st.markdown(escape_md(question))
    with st.chat_message("assistant"):
        filters = chosen_filters(assistant)
        if filters:
            st.caption(escape_md(t("sidebar_filters", f=describe_filters(filters))))
        history = [{"question": m["standalone"], "answer": m["answer"].text} for m in messages]
        live, parts, answer = st.empty(), [], None
        try:
            options = answer_options()
            with st.spinner(t("thinking")):
                for piece in assistant.stream(question, history=history, filters=filters, **options):
                    if isinstance(piece, str):
                        parts.append(piece)
                        live.markdown(escape_md("".join(parts)) + " ▌")
                    else:
                        answer = piece
        except AssistantError as e:
            live.empty()
            st.error(escape_md(t("error", e=scrub(str(e)))))
            return
        live.empty()
        show_answer(answer, turn)
    messages.append({"question": question, "answer": answer,
                     "standalone": answer.analysis.get("standalone", question)})


def show_answer(answer, turn: int) -> None:
    standalone = answer.analysis.get("standalone", "")
    if standalone and standalone != answer.question:  # a follow-up, read with the conversation
        st.caption(escape_md(t("understood", q=standalone)))
    for flag in planted_flags(answer.instructions):  # an order planted in a document, repeated: never verified
        st.error(escape_md(flag), icon=":material/gpp_bad:")
    notice = other_notice(answer)
    if notice:
        st.warning(escape_md(notice))
    if answer.refused:
        st.markdown(escape_md(answer.text))
        st.caption(t("refused") if answer.contexts else t("no_passages"))
        for rank, hit in enumerate(answer.contexts[:3], start=1):
            passage_card(hit, rank)
    else:
        unverified = [f.text for f in answer.figures if not f.verified]
        st.markdown(answer_markdown(answer.text, {c.n for c in answer.citations}, unverified, turn))
        if unverified:
            st.warning(escape_md(t("unverified", figures="、".join(unverified))), icon=":material/warning:")
    st.caption(escape_md(t("answer_meta", mode=answerer_label(answer.mode), ms=answer.latency_ms)))
    with st.expander(t("copy"), icon=":material/content_copy:"):
        st.code(copy_text(answer), language=None, wrap_lines=True)
    for citation in answer.citations:
        citation_card(citation, turn)


def other_notice(answer) -> str:
    """The notice without the planted-instruction part (shown above as its own flag)."""
    if not answer.instructions:
        return answer.notice
    from assistant.answer.citations import instruction_notice

    return answer.notice.replace(instruction_notice(answer.instructions), "").strip("; ")


def copy_text(answer) -> str:
    """The answer and its sources as plain text, for the clipboard.

    Example: "新增国家级高新技术企业28家[1]。\n\n[1] 漯河市政府工作报告（2021年） › （六）… (000_….txt)"
    """
    lines = [answer.text]
    if answer.citations:
        lines.append("")
    for c in answer.citations:
        where = " › ".join(x for x in (c.title, c.heading) if x)
        lines.append(f"[{c.n}] {where} ({c.source}{f', p. {c.page}' if c.page else ''})")
    return "\n".join(lines)

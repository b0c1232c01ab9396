"""Assistant.as_retriever(): the hybrid search as a LangChain retriever inside real LCEL chains (seeds index)."""
from __future__ import annotations

import pytest
from langchain_core.prompts import ChatPromptTemplate
from langchain_core.retrievers import BaseRetriever
from langchain_core.runnables import RunnableLambda, RunnablePassthrough

from assistant.errors import BadQuestion

QUESTION = "漯河市2020年新增了多少家国家级高新技术企业？"


def passages(docs) -> str:
    return "\n\n".join(f"[{n}] {d.metadata['title']}\n{d.page_content}" for n, d in enumerate(docs, start=1))


def test_an_lcel_chain_puts_the_seed_passages_into_its_prompt(seeded):
    retriever = seeded.as_retriever(k=3)
    assert isinstance(retriever, BaseRetriever)
    prompt = ChatPromptTemplate.from_messages([("system", "Answer from these passages only:\n{context}"),
                                               ("human", "{question}")])
    chain = {"context": retriever | RunnableLambda(passages), "question": RunnablePassthrough()} | prompt
    system, human = chain.invoke(QUESTION).to_messages()
    assert "新增国家级高新技术企业28家" in system.content and human.content == QUESTION


def test_its_documents_are_the_assistants_ranked_chunks_with_their_scores(seeded):
    docs = seeded.as_retriever(k=4).invoke(QUESTION)
    hits = seeded.search(QUESTION, 4)
    assert [d.id for d in docs] == [h.chunk.chunk_id for h in hits]
    assert [d.metadata["score"] for d in docs] == [h.score for h in hits]
    assert docs[0].metadata["region"] == "漯河市" and docs[0].metadata["source"].endswith(".txt")


def test_a_batch_keeps_each_questions_place(seeded):
    luohe, weishi = seeded.as_retriever(k=2).batch([QUESTION, "尉氏县2020年地区生产总值是多少？"])
    assert {d.metadata["region"] for d in luohe} <= {"漯河市", "郾城区"}
    assert {d.metadata["region"] for d in weishi} == {"尉氏县"}


def test_a_question_without_words_is_refused_as_in_search(seeded):
    with pytest.raises(BadQuestion):
        seeded.as_retriever().invoke("？？？")

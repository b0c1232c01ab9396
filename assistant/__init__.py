"""The report assistant: cited, verified answers over Chinese local-government reports.

    from assistant import Assistant
    assistant = Assistant.open()            # ASSISTANT_HOME or the user data folder
    assistant.ensure_seeded()               # first run: index the bundled reports
    answer = assistant.ask("漯河市2020年新增了多少家国家级高新技术企业？")
    print(answer.text, [c.title for c in answer.citations])
"""
from assistant.answer.types import Answer, Citation, Figure
from assistant.core import Assistant
from assistant.settings import Settings

__all__ = ["Assistant", "Answer", "Citation", "Figure", "Settings"]

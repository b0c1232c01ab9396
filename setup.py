"""Packaging beyond what pyproject.toml can say: the top-level `prompts/` and `seeds/`
folders (kept at the top of the repo, where people look for them) become the package
data `assistant.prompt_files`, `assistant.seed_files` (and evals/questions/ `assistant.question_files`), so a wheel carries them and
`importlib.resources` finds them in both a wheel install and `pip install -e`.
Subpackages are still found automatically."""
from setuptools import find_packages, setup

DATA = {"assistant.prompt_files": "prompts", "assistant.seed_files": "seeds",
        "assistant.question_files": "evals/questions"}

setup(
    packages=[*find_packages(include=["assistant", "assistant.*"]), *DATA],
    package_dir=DATA,
    # Every data file beside the code (prompt templates, seeds, question sets, the seeds' vectors, word lists).
    package_data={"": ["*.yaml", "*.yml", "*.json", "*.jsonl", "*.txt", "*.csv", "*.tsv", "*.npz"],
                  # domain knowledge as data (places, units, cue words, page furniture, indicator names)
                  "assistant": ["data/*.yaml", "data/*.tsv", "data/*.txt", "data/*.json"]},
)

"""Prompt templates are files: prompts/<name>.yaml, rendered with Jinja2.

A file holds a `system` and a `user` template (rendered into a dict), or a
single `template` (rendered into a string). StrictUndefined makes a missing
variable fail loudly instead of silently rendering an empty passage list.
"""
from __future__ import annotations

from functools import lru_cache

import jinja2
import yaml

from assistant.errors import ConfigError
from assistant.settings import prompts_dir

ENV = jinja2.Environment(undefined=jinja2.StrictUndefined, keep_trailing_newline=False,
                         trim_blocks=True, lstrip_blocks=True, autoescape=False)
PARTS = ("system", "user")


@lru_cache(maxsize=None)
def load(name: str) -> dict[str, jinja2.Template]:
    """The compiled templates of prompts/<name>.yaml, parsed once per process."""
    path = prompts_dir() / f"{name}.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"prompt template not found: {path}") from None
    except yaml.YAMLError as e:
        raise ConfigError(f"prompt template {path} is not valid YAML: {e}") from None
    if not isinstance(data, dict) or not (set(PARTS) & data.keys() or "template" in data):
        raise ConfigError(f"prompt template {path} needs `system` and `user` (or `template`) keys")
    return {key: ENV.from_string(str(text)) for key, text in data.items() if key in (*PARTS, "template")}


def render(name: str, **variables) -> dict | str:
    """Render prompts/<name>.yaml.

    Example: render("rewrite", question="那2024年呢？", history=[...])
               -> {"system": "You rewrite…", "user": "Conversation so far: …"}
    Raises jinja2.UndefinedError when a variable the template uses is not given.
    """
    templates = load(name)
    if "template" in templates:
        return templates["template"].render(**variables).strip()
    return {key: templates[key].render(**variables).strip() for key in PARTS if key in templates}

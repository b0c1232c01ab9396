"""Errors are part of the interface: each says, in one line, what failed and what to do."""


class AssistantError(Exception):
    """A problem the user can act on; str() is one line."""


class IndexMismatch(AssistantError):
    """The index was built by another embedding model."""


class IndexBusy(AssistantError):
    """Another process holds the write lock of an on-disk index."""


class BadQuestion(AssistantError):
    """An empty, unreadable or otherwise unusable question."""


class ConfigError(AssistantError):
    """A setting is missing or wrong (LLM key, model name, URL)."""


class DamagedIndex(AssistantError):
    """A file of the on-disk index cannot be read; `assistant rebuild` sets it aside and rebuilds."""

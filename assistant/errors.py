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


class DiskFull(AssistantError):
    """The disk holding the index (or a file being written) ran out of space."""

    SIGNS = ("no space left on device", "database or disk is full", "disk is full")

    @classmethod
    def matches(cls, e: BaseException) -> bool:
        """ENOSPC, or a store's error saying the same in words (SQLite, Chroma's Rust side)."""
        import errno

        if isinstance(e, DiskFull) or isinstance(e, OSError) and e.errno in (errno.ENOSPC, errno.EDQUOT):
            return True
        return any(sign in str(e).lower() for sign in cls.SIGNS)

    @classmethod
    def at(cls, where, e: BaseException) -> "DiskFull":
        if isinstance(e, DiskFull):
            return e
        return cls(f"disk full: no space left to write the index in {where}; nothing of the files being written "
                   f"was kept; free some space and run the same command again")

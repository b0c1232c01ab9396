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


class DiskFull(AssistantError):
    """The disk holding the index (or a file being written) ran out of space."""

    SIGNS = ("no space left on device", "database or disk is full", "disk is full")
    LOW = 16 * 2**20  # bytes free under which a failed write is put down to the disk (Chroma's own
    # words for it vary: "Failed to apply logs to the metadata segment", with no errno)

    @classmethod
    def matches(cls, e: BaseException, where=None) -> bool:
        """ENOSPC, a store's error saying the same in words (SQLite), or any error while the
        disk holding `where` (the index's folder) is all but full."""
        import errno
        import shutil

        if isinstance(e, DiskFull) or isinstance(e, OSError) and e.errno in (errno.ENOSPC, errno.EDQUOT):
            return True
        if any(sign in str(e).lower() for sign in cls.SIGNS):
            return True
        try:
            return where is not None and shutil.disk_usage(where).free < cls.LOW
        except OSError:
            return False

    @classmethod
    def writing(cls, where, e: BaseException) -> "DiskFull":
        if isinstance(e, DiskFull):
            return e
        return cls(f"disk full: no space left to write the index in {where}; nothing of the files being written "
                   f"was kept; free some space and run the same command again")

    @classmethod
    def reading(cls, where) -> "DiskFull":
        return cls(f"disk full: the index in {where} cannot be read or written while its disk is full; "
                   f"free some space and run the command again")

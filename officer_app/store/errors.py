"""The store's refusals, importable without loading SQLAlchemy or SQLCipher (the command line
catches them at its top level and must start fast)."""

from __future__ import annotations


class StoreError(Exception):
    """The store cannot be used; the message says why and what to do, never any case data."""


class StoreLocked(StoreError):
    """The store cannot be opened: the key is wrong or the file is not a profile database."""


class StoreMissing(StoreError):
    """There is no database file where the profile says there is one."""


class StoreUnavailable(StoreError):
    """The file or its folder cannot be opened or written (permissions, a folder, a device)."""


class StoreDamaged(StoreError):
    """The file opens with its key but some of its pages are damaged."""

"""The one base class for every refusal raised by the security package."""

from __future__ import annotations


class SecurityError(Exception):
    """Base of every key-handling or attachment refusal. Messages never carry secrets."""

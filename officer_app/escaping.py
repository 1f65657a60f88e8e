"""Showing text from a file or an argument safely in a message.

A register, a template or a command-line argument may hold control characters: ANSI escape
sequences that recolour or rewrite the terminal, NUL, a bare carriage return that hides the
start of a line, or Unicode bidirectional overrides that make a line read differently from
what it holds. Every message that quotes such a value passes it through :func:`shown`, so the
officer sees the characters escaped (``\\x1b``, ``\\r``, ``\\u202e``), never acted upon.
"""

from __future__ import annotations

# Anything str.isprintable() refuses (Unicode categories Cc, Cf, Cs, Co, Cn, Zl, Zp and the
# spaces other than the plain space) is escaped; printable text, backslashes included
# (Windows paths), is shown as it is.
LIMIT = 120


_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _escape(char: str) -> str:
    named = _NAMED.get(char)
    if named is not None:
        return named
    code = ord(char)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def escape_controls(text: str) -> str:
    """``text`` with every non-printable character written as an escape."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else _escape(c) for c in text)


def shown(value: str, limit: int = LIMIT) -> str:
    """``value`` escaped and cut to about ``limit`` characters (an ellipsis says so)."""
    if len(value) > limit:
        value = value[:limit]
        return escape_controls(value) + "…"
    return escape_controls(value)

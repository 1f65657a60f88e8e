"""Workarounds for faults in the Qt bindings, each with the version it applies to.

PySide6 6.12.0 on Python 3.11 drops one reference to ``None`` on every Qt call that returns
nothing (``setText``, ``update``, ``fillRect``…): 1,000 calls to ``QLabel.setText`` lower
``sys.getrefcount(None)`` by 1,000. When the count reaches zero the interpreter aborts
("Fatal Python error: none_dealloc: deallocating None"), which a long day's work in the
window would eventually do. From Python 3.12 ``None`` is immortal (PEP 683) and the lost
references are harmless, which is why the project builds its venv with 3.12
(installer/find-python.sh). On an older Python, :func:`keep_none_alive` gives ``None`` the
same protection once, at start-up.
"""

from __future__ import annotations

import ctypes
import sys

# Far more references than a process could ever drop (a million Qt calls a second would
# take decades), so ``None`` can never reach zero.
RESERVE = 1 << 48


def keep_none_alive() -> bool:
    """Make ``None`` effectively immortal where the interpreter does not already; returns
    whether anything was done."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    if sys.getrefcount(None) >= RESERVE // 2:  # done already
        return False
    # ob_refcnt is the first field of every CPython object, a Py_ssize_t at id(obj).
    count = ctypes.c_ssize_t.from_address(id(None))
    count.value += RESERVE
    return True

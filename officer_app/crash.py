"""The one line said about an unexpected error: what kind and where, never what it held.

A Python traceback quotes SQL parameters (ids, dates, marks), file contents and local values:
case data that must not reach a terminal, a log or a screenshot sent to a help desk. The
command line (``cli.main``) and the window (``gui.application``) report an unexpected
exception with :func:`crash_line` instead: the exception's type and the innermost frame of
this application's own code (module and line), which is enough to find the fault and holds
nothing from the caseload. The exception's message and the locals are never printed.
"""

from __future__ import annotations

from types import TracebackType

PACKAGE = "officer_app"
EXIT_INTERNAL = 70  # EX_SOFTWARE in BSD's sysexits.h: an internal software error


def where(tb: TracebackType | None) -> str:
    """``module:line`` of the innermost frame of this package in ``tb`` ("unknown" if none)."""
    found = "unknown"
    while tb is not None:
        module = tb.tb_frame.f_globals.get("__name__", "")
        if isinstance(module, str) and (module == PACKAGE or module.startswith(PACKAGE + ".")):
            found = f"{module}:{tb.tb_lineno}"
        tb = tb.tb_next
    return found


def kind(exc: BaseException) -> str:
    cls = type(exc)
    if cls.__module__ == "builtins":
        return cls.__qualname__
    return f"{cls.__module__}.{cls.__qualname__}"


def crash_line(exc: BaseException, tb: TracebackType | None = None) -> str:
    """One line for an unexpected ``exc``: its type and where, no message, no values."""
    return (
        f"internal error: {kind(exc)} at {where(tb or exc.__traceback__)}; the step that failed "
        "saved nothing (what was saved before it is intact); please report this line"
    )

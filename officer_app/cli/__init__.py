"""The ``officer-app`` command line.

With no subcommand it opens the window. Subcommands do in bulk what an administrator, a
court officer or a test needs. Errors: one line on stderr naming what and where, exit 1 (bad
input) or 2 (cannot open the profile); nothing half-written. Anything unexpected is one line
too (its type and where, never its message: see :mod:`officer_app.crash`), exit 70, never a
traceback. Values quoted from files or arguments are shown escaped
(:mod:`officer_app.escaping`).

- :mod:`.app`: ``main``, the global options, the order of the command groups, the profile
  folder and settings, the one-line report of what stopped a command.
- :mod:`.common`: what the groups share: ``CliError`` and the exit codes, opening and locking
  the profile, dates, ``--out`` files, folders, tables, JSON, progress bars.
- one module per command group, each with ``register(sub)``: :mod:`.demo`, :mod:`.cases`,
  :mod:`.attendance`, :mod:`.forms`, :mod:`.letters` (with :mod:`.letter_batches` and
  :mod:`.letter_options`), :mod:`.notices`, :mod:`.records`, :mod:`.verify`, :mod:`.tidy`,
  :mod:`.profile`.
  A new group is a new module and one line in ``app.GROUPS``.
"""

from __future__ import annotations

from officer_app.cli.app import build_parser, main
from officer_app.cli.common import (
    DEMO_PASSPHRASE,
    NEW_PASSPHRASE_ENV,
    PASSPHRASE_ENV,
    CliError,
    progress_bar,
)

__all__ = [
    "DEMO_PASSPHRASE",
    "NEW_PASSPHRASE_ENV",
    "PASSPHRASE_ENV",
    "CliError",
    "build_parser",
    "main",
    "progress_bar",
]

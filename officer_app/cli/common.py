"""What every command group shares: the error that ends a command, the exit codes, opening and
locking the profile (passphrase from the environment or asked), and the small pieces of
terminal output (tables, JSON, progress bars, dates and files given as options).

A command group is one module of this package with ``register(sub)``: it adds its subparsers
to ``sub`` and gives each the function that runs it (``set_defaults(handler=...)``), a
:data:`Handler`. Nothing here imports a service at import time: a command that never opens
the profile never pays for it.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import getpass
import json
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeAlias

from officer_app.crash import EXIT_INTERNAL
from officer_app.escaping import escape_controls

if TYPE_CHECKING:
    from officer_app.config import Settings
    from officer_app.services.profile import OpenProfile

__all__ = [
    "DEMO_PASSPHRASE",
    "EXIT_BAD_INPUT",
    "EXIT_BROKEN",
    "EXIT_CANNOT_OPEN",
    "EXIT_INTERNAL",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "NEW_PASSPHRASE_ENV",
    "PASSPHRASE_ENV",
    "CliError",
    "Handler",
    "Parser",
    "Subcommands",
    "case_id",
    "env_text",
    "existing_folder",
    "iso_day",
    "lock",
    "open_profile",
    "out_file",
    "passphrase",
    "print_json",
    "print_table",
    "progress_bar",
    "report_problems",
    "say",
    "unlocked",
    "warn",
    "warn_key_store",
]

PASSPHRASE_ENV = "OFFICER_APP_PASSPHRASE"
NEW_PASSPHRASE_ENV = "OFFICER_APP_NEW_PASSPHRASE"
DEMO_PASSPHRASE = "demo-caseload-2026"

EXIT_OK = 0
EXIT_BAD_INPUT = 1  # a mistake in the arguments or the files given (also: a check that fails)
EXIT_CANNOT_OPEN = 2  # the profile cannot be opened, read or written (also: argparse's usage)
EXIT_BROKEN = 3  # the evidence is not intact: a chain, a head or a file
EXIT_INTERRUPTED = 130  # Ctrl+C
# EXIT_INTERNAL (70): an unexpected error, one line without its message (officer_app.crash)

Handler: TypeAlias = Callable[[Path, argparse.Namespace], int]
"""What runs a command: the profile folder and the parsed arguments in, the exit status out."""
Subcommands: TypeAlias = "argparse._SubParsersAction[Parser]"
"""What ``add_subparsers`` returns: where a command group adds its commands."""


class CliError(Exception):
    """The command stops here: its message is one line on stderr, ``code`` the exit status."""

    def __init__(self, message: str, code: int = EXIT_BAD_INPUT) -> None:
        super().__init__(message)
        self.code = code


class Parser(argparse.ArgumentParser):
    """argparse, with what it quotes from the command line shown escaped."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {escape_controls(message)}\n")


# --- opening the profile ---------------------------------------------------------------------
def env_text(name: str) -> str | None:
    """The variable's value; a CliError if it is not UTF-8 text (undecodable bytes)."""
    value = os.environ.get(name)
    if value is not None:
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            message = f"{name} is not UTF-8 text: set it again in a UTF-8 terminal"
            raise CliError(message, EXIT_CANNOT_OPEN) from exc
    return value


def passphrase(*, demo: bool = False) -> str:
    """From the environment, else the demo's (``demo``), else asked on a terminal."""
    value = env_text(PASSPHRASE_ENV)
    if value:
        return value
    if demo:
        return DEMO_PASSPHRASE
    if sys.stdin.isatty():
        return getpass.getpass("Passphrase: ")
    raise CliError(f"no passphrase: set {PASSPHRASE_ENV} for non-interactive use", EXIT_CANNOT_OPEN)


def warn(message: str) -> None:
    """``officer-app: warning: …`` on stderr."""
    print(f"officer-app: warning: {message}", file=sys.stderr)


def warn_key_store(opened: OpenProfile) -> None:
    if not opened.keyring.secure:
        warn(opened.keyring.message)


def open_profile(data_dir: Path, settings: Settings, *, demo: bool = False) -> OpenProfile:
    """The unlocked profile in ``data_dir``; a CliError (exit 2) naming why it cannot be."""
    from officer_app.security import keys
    from officer_app.services import profile
    from officer_app.store.engine import StoreError
    from officer_app.store.migrate import StoreTooNew

    try:
        state = profile.profile_state(data_dir)
    except profile.ProfileError as exc:
        raise CliError(str(exc), EXIT_CANNOT_OPEN) from exc
    if state is not profile.State.COMPLETE:
        raise CliError(profile.refusal(data_dir, state), EXIT_CANNOT_OPEN)
    secret = passphrase(demo=demo)
    while True:
        try:
            opened = profile.unlock_profile(data_dir, secret, settings=settings)
        except keys.TooSoon as exc:
            time.sleep(exc.seconds_left)  # the throttle applies to scripts too
            continue
        except keys.WrongPassphrase as exc:
            message = f"wrong passphrase for the profile in {data_dir}"
            raise CliError(message, EXIT_CANNOT_OPEN) from exc
        except (keys.SecurityError, profile.ProfileError, StoreError, StoreTooNew) as exc:
            raise CliError(str(exc), EXIT_CANNOT_OPEN) from exc
        warn_key_store(opened)
        return opened


def lock(opened: OpenProfile) -> None:
    """Lock the profile; a lock that could not be audited is one line and exit 2."""
    from officer_app.services import profile

    failing = sys.exc_info()[1]  # called from a ``finally``: the command may have failed
    try:
        opened.lock()
    except profile.ProfileError as exc:
        if failing is not None:  # say it, and let the command's own error be the exit
            print(f"officer-app: {exc}", file=sys.stderr)
            return
        raise CliError(str(exc), EXIT_CANNOT_OPEN) from exc


@contextlib.contextmanager
def unlocked(data_dir: Path, settings: Settings) -> Iterator[OpenProfile]:
    """The profile opened (:func:`open_profile`) for the block, and locked (:func:`lock`)
    after it, however it ends."""
    opened = open_profile(data_dir, settings)
    try:
        yield opened
    finally:
        lock(opened)


def case_id(opened: OpenProfile, reference: str) -> str:
    """The id of the case ``reference`` (``--case``); a CliError if the profile has none."""
    from sqlalchemy import select

    from officer_app.store.models import Case

    found = opened.store.read(
        lambda session: session.scalar(
            select(Case.id).where(Case.reference == reference.strip().upper())
        )
    )
    if found is None:
        raise CliError(f"--case: there is no case {reference!r} in this profile")
    return str(found)


# --- options ---------------------------------------------------------------------------------
def iso_day(option: str, value: str) -> dt.date:
    """``value`` of ``option`` as a date: exactly YYYY-MM-DD."""
    try:
        if len(value) != 10:
            raise ValueError(value)
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise CliError(f"{option}: {value!r} is not a date (YYYY-MM-DD)") from exc


def out_file(path: Path, suffixes: Sequence[str] = (".pdf",)) -> Path:
    """The ``--out`` file, checked before the profile is opened or anything made: not a folder,
    in a folder that takes a new file, with the right suffix (one shared check)."""
    from officer_app.documents.destination import DestinationRefused, check_destination

    try:
        return check_destination(path, suffixes)
    except DestinationRefused as exc:
        raise CliError(f"--out: {exc}") from exc


def existing_folder(given: Path) -> Path:
    """A folder named on the command line, there to be read; a CliError if it is not."""
    folder = given.expanduser()
    try:
        missing = not folder.is_dir()
    except OSError as exc:  # a name too long for the file system, say
        raise CliError(f"{folder}: cannot be read: {exc.strerror or exc}") from exc
    if missing:
        raise CliError(f"{folder}: no such folder")
    return folder


# --- output ----------------------------------------------------------------------------------
def say(step: str) -> None:
    """What a long command is doing now, on stderr."""
    print(f"officer-app: {step}…", file=sys.stderr, flush=True)


def print_table(header: Sequence[str], table: Sequence[Sequence[str]]) -> None:
    """Columns as wide as their widest cell, two spaces apart."""
    widths = [max([len(h)] + [len(row[i]) for row in table]) for i, h in enumerate(header)]
    for line in [header, *table]:
        print("  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip())


def print_json(value: Any) -> None:
    """``--json``: indented, UTF-8 as it is."""
    json.dump(value, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


def report_problems(unavailable: Iterable[str], problems: Sequence[object]) -> int:
    """After a check's list of what loaded: each id left unavailable, then every problem (on
    stderr, the file's text escaped); 1 if there was any problem, else 0."""
    for unusable in unavailable:
        print(f"BROKEN {unusable}: unavailable")
    for problem in problems:
        print(escape_controls(str(problem)), file=sys.stderr)
    return 1 if problems else 0


def progress_bar(fraction: float, width: int = 30) -> str:
    """``[#########---------------------]  30%`` for a terminal."""
    done = max(0, min(width, round(fraction * width)))
    return f"[{'#' * done}{'-' * (width - done)}] {round(fraction * 100):3d}%"

"""The ``officer-app`` command itself: the global options, the command groups in the order
``--help`` lists them, the profile folder and settings every command starts from, and the
one-line report of whatever stops a command (see :mod:`officer_app.cli`)."""

from __future__ import annotations

import argparse
import io
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from officer_app import __version__
from officer_app.cli import (
    attendance,
    cases,
    central,
    demo,
    forms,
    letters,
    notices,
    packs,
    profile,
    records,
    schools,
    statements,
    sync,
    tidy,
    verify,
)
from officer_app.cli.common import (
    EXIT_BAD_INPUT,
    EXIT_BROKEN,
    EXIT_CANNOT_OPEN,
    EXIT_INTERRUPTED,
    PASSPHRASE_ENV,
    CliError,
    Handler,
    Parser,
    Subcommands,
)
from officer_app.crash import EXIT_INTERNAL, crash_line
from officer_app.domain.evidence import EvidenceTampered
from officer_app.escaping import escape_controls
from officer_app.paths import UnusableFolder, check_profile_folder, default_data_dir
from officer_app.store.errors import StoreError

if TYPE_CHECKING:
    from officer_app.config import Settings

GROUPS: tuple[Callable[[Subcommands], None], ...] = (
    demo.register,
    cases.register,
    schools.register,
    attendance.register,
    forms.register,
    letters.register,
    notices.register,
    records.register,
    statements.register,
    packs.register,
    verify.register,
    tidy.register,
    profile.register,
    central.register,
    sync.register,
)
"""Each command group adds its commands, in this order; a new group is one more module."""


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="officer-app",
        description="Offline, encrypted casework for school attendance officers.",
    )
    parser.add_argument("--version", action="version", version=f"officer-app {__version__}")
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help="profile folder (default: the platform's per-user data folder)",
    )
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="start, unlock, paint the caseload window, print start-up timings, exit",
    )
    parser.add_argument(
        "--config",
        type=Path,
        default=None,
        help="the LA's settings file (default: settings.toml in the profile folder)",
    )
    parser.add_argument(
        "--idle-minutes",
        type=float,
        default=None,
        help="lock after this many minutes without input (default: settings, else 5)",
    )
    parser.set_defaults(handler=None)  # no command: the window
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for register in GROUPS:
        register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):  # a path with undecodable bytes prints escaped
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    args = build_parser().parse_args(argv)
    try:
        return _run(args)
    except CliError as exc:
        _report(str(exc))
        return exc.code
    except EvidenceTampered as exc:
        _report(str(exc))
        return EXIT_BROKEN
    except StoreError as exc:  # damaged, unreadable or unwritable: named, without SQL values
        _report(str(exc))
        return EXIT_CANNOT_OPEN
    except KeyboardInterrupt:
        _report("interrupted; nothing was left half-written")
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # the reader went away (| head): nothing more to say
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_BAD_INPUT
    except Exception as exc:  # the last resort: one line, no traceback, no case data
        print(f"officer-app: {crash_line(exc)}", file=sys.stderr)
        return EXIT_INTERNAL


def _report(message: str) -> None:
    """What stopped the command: one line on stderr, what it quotes shown escaped."""
    print(f"officer-app: {escape_controls(message)}", file=sys.stderr)


def _run(args: argparse.Namespace) -> int:
    try:
        data_dir: Path = (args.data_dir or default_data_dir()).expanduser().resolve()
    except (OSError, ValueError, RuntimeError) as exc:  # a NUL, a symlink loop, no home
        message = f"--data-dir: {args.data_dir}: not a usable folder path"
        raise CliError(message, EXIT_CANNOT_OPEN) from exc
    _usable_folder(data_dir)
    args.settings = _settings(data_dir, args.config)
    handler: Handler | None = args.handler
    if handler is None:
        return _window(data_dir, args)
    return handler(data_dir, args)


def _usable_folder(data_dir: Path) -> None:
    """A file, a system folder or an unreadable folder is refused before anything is read."""
    try:
        check_profile_folder(data_dir)
    except UnusableFolder as exc:
        raise CliError(str(exc), EXIT_CANNOT_OPEN) from None


def _settings(data_dir: Path, explicit: Path | None) -> Settings:
    from officer_app.config import SETTINGS_FILE, ConfigError, load_settings

    try:
        path = explicit.expanduser().resolve() if explicit else data_dir / SETTINGS_FILE
    except (OSError, ValueError, RuntimeError) as exc:  # a symlink loop, a NUL
        raise CliError(f"--config: {explicit}: not a usable file path") from exc
    try:
        missing = explicit is not None and not path.exists()
    except OSError as exc:  # a name too long for the file system, say
        raise CliError(f"--config: {path}: cannot be read: {exc.strerror or exc}") from exc
    if missing:
        raise CliError(f"{path}: no such settings file")
    try:
        return load_settings(path)
    except ConfigError as exc:
        raise CliError(str(exc)) from exc


def _window(data_dir: Path, args: argparse.Namespace) -> int:
    """No command: the window (``--smoke-test``: start, paint, time, exit)."""
    from officer_app.gui.application import run

    passphrase = os.environ.get(PASSPHRASE_ENV) or None
    if args.smoke_test and passphrase is None:
        message = f"--smoke-test needs the passphrase in {PASSPHRASE_ENV}"
        raise CliError(message, EXIT_CANNOT_OPEN)
    idle = args.idle_minutes if args.idle_minutes is not None else args.settings.idle_minutes
    return run(
        data_dir,
        idle_minutes=idle,
        smoke_test=args.smoke_test,
        passphrase=passphrase,
        settings=args.settings,
    )

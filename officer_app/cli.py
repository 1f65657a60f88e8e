"""The ``officer-app`` command line.

With no subcommand it opens the window. Subcommands do in bulk what an administrator, a
court officer or a test needs. Errors: one line on stderr naming what and where, exit 1 (bad
input) or 2 (cannot open the profile); nothing half-written. Anything unexpected is one line
too (its type and where, never its message: see :mod:`officer_app.crash`), exit 70, never a
traceback. Values quoted from files or arguments are shown escaped
(:mod:`officer_app.escaping`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import io
import json
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

from officer_app import __version__
from officer_app.crash import EXIT_INTERNAL, crash_line
from officer_app.domain.evidence import EvidenceTampered
from officer_app.escaping import escape_controls
from officer_app.paths import UnusableFolder, check_profile_folder, default_data_dir
from officer_app.store.errors import StoreError

PASSPHRASE_ENV = "OFFICER_APP_PASSPHRASE"
NEW_PASSPHRASE_ENV = "OFFICER_APP_NEW_PASSPHRASE"
DEMO_PASSPHRASE = "demo-caseload-2026"


class CliError(Exception):
    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


class _Parser(argparse.ArgumentParser):
    """argparse, with what it quotes from the command line shown escaped."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {escape_controls(message)}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
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
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = sub.add_parser("demo", help="create or top up a profile with a synthetic caseload")
    demo.add_argument(
        "--cases", type=int, required=True, help="how many cases in all (at most 20,000)"
    )
    demo.add_argument(
        "--seed", type=int, default=1, help="the same seed gives the same cases (0 to 2^31-1)"
    )
    demo.add_argument(
        "--today",
        type=dt.date.fromisoformat,
        default=None,
        help="date the caseload is built around (YYYY-MM-DD; default today): from 2025-09-01 "
        "(its history, a school year back, must lie under the rules of 19 August 2024 the demo "
        "follows) to a year from now",
    )

    cases = sub.add_parser("cases", help="the caseload")
    cases_sub = cases.add_subparsers(dest="cases_command", metavar="ACTION", required=True)
    listing = cases_sub.add_parser("list", help="list every case")
    listing.add_argument("--json", action="store_true", help="print JSON instead of a table")
    _cases_stage_parser(cases_sub)

    _attendance_parser(sub)
    _letters_parser(sub)
    _notices_parser(sub)

    verify = sub.add_parser(
        "verify",
        help="recompute every evidence chain, the heads, the audit log and the triggers, and "
        "report any break",
    )
    verify.add_argument(
        "--head",
        metavar="REFERENCE:LINK:SHA256",
        default=None,
        help='instead, check the chain head printed on a document ("Evidence chain '
        'ATT-2026-00012 at link 41, SHA-256 5f3c…" is ATT-2026-00012:41:5f3c…)',
    )
    sub.add_parser(
        "tidy",
        help="remove attachment and temporary files that no record refers to (left by an "
        "interrupted write; only those older than 10 minutes)",
    )
    sub.add_parser(
        "change-passphrase",
        help=f"re-wrap the profile key under a new passphrase ({NEW_PASSPHRASE_ENV} or asked)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):  # a path with undecodable bytes prints escaped
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    args = build_parser().parse_args(argv)
    try:
        return _run(args)
    except CliError as exc:
        print(f"officer-app: {escape_controls(str(exc))}", file=sys.stderr)
        return exc.code
    except EvidenceTampered as exc:
        print(f"officer-app: {escape_controls(str(exc))}", file=sys.stderr)
        return 3
    except StoreError as exc:  # damaged, unreadable or unwritable: named, without SQL values
        print(f"officer-app: {escape_controls(str(exc))}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("officer-app: interrupted; nothing was left half-written", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader went away (| head): nothing more to say
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except Exception as exc:  # the last resort: one line, no traceback, no case data
        print(f"officer-app: {crash_line(exc)}", file=sys.stderr)
        return EXIT_INTERNAL


def _run(args: argparse.Namespace) -> int:
    try:
        data_dir: Path = (args.data_dir or default_data_dir()).expanduser().resolve()
    except (OSError, ValueError, RuntimeError) as exc:  # a NUL, a symlink loop, no home
        raise CliError(f"--data-dir: {args.data_dir}: not a usable folder path", 2) from exc
    _usable_folder(data_dir)
    args.settings = _settings(data_dir, args.config)
    if args.command is None:
        return _window(data_dir, args)
    handler = {
        "demo": _demo,
        "cases": _cases,
        "verify": _verify,
        "tidy": _tidy,
        "change-passphrase": _change_passphrase,
        "attendance": _attendance,
        "letters": _letters,
        "notices": _notices,
    }[args.command]
    return handler(data_dir, args)


def _usable_folder(data_dir: Path) -> None:
    """A file, a system folder or an unreadable folder is refused before anything is read."""
    try:
        check_profile_folder(data_dir)
    except UnusableFolder as exc:
        raise CliError(str(exc), 2) from None


def _settings(data_dir: Path, explicit: Path | None) -> Any:
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


# --- opening the profile ---------------------------------------------------------------------
def _env_text(name: str) -> str | None:
    """The variable's value; a CliError if it is not UTF-8 text (undecodable bytes)."""
    value = os.environ.get(name)
    if value is not None:
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            message = f"{name} is not UTF-8 text: set it again in a UTF-8 terminal"
            raise CliError(message, 2) from exc
    return value


def _passphrase(*, demo: bool = False) -> str:
    value = _env_text(PASSPHRASE_ENV)
    if value:
        return value
    if demo:
        return DEMO_PASSPHRASE
    if sys.stdin.isatty():
        return getpass.getpass("Passphrase: ")
    raise CliError(f"no passphrase: set {PASSPHRASE_ENV} for non-interactive use", 2)


def _warn_key_store(opened: Any) -> None:
    if not opened.keyring.secure:
        print(f"officer-app: warning: {opened.keyring.message}", file=sys.stderr)


def _open(data_dir: Path, settings: Any, *, demo: bool = False) -> Any:
    from officer_app.security import keys
    from officer_app.services import profile
    from officer_app.store.engine import StoreError
    from officer_app.store.migrate import StoreTooNew

    try:
        state = profile.profile_state(data_dir)
    except profile.ProfileError as exc:
        raise CliError(str(exc), 2) from exc
    if state is not profile.State.COMPLETE:
        raise CliError(profile.refusal(data_dir, state), 2)
    passphrase = _passphrase(demo=demo)
    while True:
        try:
            opened = profile.unlock_profile(data_dir, passphrase, settings=settings)
        except keys.TooSoon as exc:
            time.sleep(exc.seconds_left)  # the throttle applies to scripts too
            continue
        except keys.WrongPassphrase as exc:
            raise CliError(f"wrong passphrase for the profile in {data_dir}", 2) from exc
        except (keys.SecurityError, profile.ProfileError, StoreError, StoreTooNew) as exc:
            raise CliError(str(exc), 2) from exc
        _warn_key_store(opened)
        return opened


def _lock(opened: Any) -> None:
    """Lock the profile; a lock that could not be audited is one line and exit 2."""
    from officer_app.services import profile

    failing = sys.exc_info()[1]  # called from a ``finally``: the command may have failed
    try:
        opened.lock()
    except profile.ProfileError as exc:
        if failing is not None:  # say it, and let the command's own error be the exit
            print(f"officer-app: {exc}", file=sys.stderr)
            return
        raise CliError(str(exc), 2) from exc


# --- commands --------------------------------------------------------------------------------
def _window(data_dir: Path, args: argparse.Namespace) -> int:
    from officer_app.gui.application import run

    passphrase = os.environ.get(PASSPHRASE_ENV) or None
    if args.smoke_test and passphrase is None:
        raise CliError(f"--smoke-test needs the passphrase in {PASSPHRASE_ENV}", 2)
    idle = args.idle_minutes if args.idle_minutes is not None else args.settings.idle_minutes
    return run(
        data_dir,
        idle_minutes=idle,
        smoke_test=args.smoke_test,
        passphrase=passphrase,
        settings=args.settings,
    )


def _demo(data_dir: Path, args: argparse.Namespace) -> int:
    """Create or top up a demo profile; first finish a top-up that was interrupted (see
    :mod:`officer_app.demo.topup`)."""
    from officer_app.clock import SystemClock
    from officer_app.demo import DEMO_OFFICER_NAME, topup
    from officer_app.security import keys
    from officer_app.services import profile

    real_today = SystemClock().today()
    today = args.today or real_today
    try:  # before anything is created
        topup.check_request(cases=args.cases, seed=args.seed, today=today, real_today=real_today)
    except topup.DemoRefused as exc:
        raise CliError(str(exc)) from exc
    try:
        state = profile.profile_state(data_dir)
        if state is profile.State.HALF_MADE and profile.clear_half_made(data_dir):
            print(
                f"Removed an unfinished profile from {data_dir} (its creation had been "
                "interrupted; its key was never saved, so it held nothing readable)",
                file=sys.stderr,
            )
            state = profile.State.ABSENT
    except profile.ProfileError as exc:
        raise CliError(str(exc), 2) from exc
    if state is not profile.State.ABSENT:
        opened = _open(data_dir, args.settings, demo=True)
    else:
        passphrase = _passphrase(demo=True)
        try:
            opened = profile.create_profile(
                data_dir,
                passphrase,
                officer_name=DEMO_OFFICER_NAME,
                officer_initials="".join(p[0] for p in DEMO_OFFICER_NAME.split()),
                settings=args.settings,
            )
        except (keys.SecurityError, profile.ProfileError) as exc:
            raise CliError(str(exc), 2) from exc
        _warn_key_store(opened)
        if passphrase == DEMO_PASSPHRASE:
            print(f"Created a demo profile in {data_dir}; its passphrase is: {DEMO_PASSPHRASE}")
    started = time.perf_counter()
    notices = letters = 0
    try:
        try:
            unfinished = opened.store.read(topup.pending)
        except topup.DemoRefused as exc:
            raise CliError(str(exc)) from exc
        if unfinished is not None:
            print(
                f"officer-app: finishing the demo top-up that was interrupted (cases "
                f"{unfinished.first + 1} to {unfinished.stop}, seed {unfinished.seed}, today "
                f"{unfinished.today.isoformat()}) before anything else",
                file=sys.stderr,
                flush=True,
            )
            notices, letters = topup.replay(opened, unfinished, _say)

        def work(session: Any) -> Any:
            session.info["untracked"] = True  # synthetic, as if already synced
            return topup.populate_pending(session, cases=args.cases, seed=args.seed, today=today)

        _say(f"writing the cases (up to {args.cases})")
        result, todo = opened.store.write_wait(work)
        if todo is not None:
            # Through the real services, for the cases just added only (a top-up never sends
            # twice): penalty notices with their Notices to Improve, then the other letters.
            more_notices, more_letters = topup.replay(opened, todo, _say)
            notices, letters = notices + more_notices, letters + more_letters
    finally:
        _lock(opened)
    added = result.cases_after - result.cases_before
    print(
        f"{result.cases_after} cases in the profile ({added} added, with {notices} penalty "
        f"notices considered and {letters} letters sent, in "
        f"{time.perf_counter() - started:.1f} s)"
    )
    return 0


def _say(step: str) -> None:
    """What a long command is doing now, on stderr."""
    print(f"officer-app: {step}…", file=sys.stderr, flush=True)


def _cases(data_dir: Path, args: argparse.Namespace) -> int:
    if args.cases_command == "stage":
        return _cases_stage(data_dir, args)
    opened = _open(data_dir, args.settings)
    try:
        rows = opened.caseload.list_cases()
    finally:
        _lock(opened)
    if args.json:
        out = [
            {
                "reference": r.reference,
                "child_forename": r.child_forename,
                "child_surname": r.child_surname,
                "school": r.school,
                "school_urn": r.school_urn,
                "stage": r.stage,
                "status": r.status,
                "officer": r.officer,
                "last_contact": r.last_contact.isoformat() if r.last_contact else None,
                "days_since_contact": r.days_since_contact,
                "next_action": r.next_action,
                "next_action_due": r.next_action_due.isoformat() if r.next_action_due else None,
                "rag": r.rag,
            }
            for r in rows
        ]
        json.dump(out, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    header = ("Reference", "Child", "School", "Stage", "Officer", "Last contact", "Next due")
    table = [
        (
            r.reference,
            r.child_name,
            r.school,
            r.stage_label,
            r.officer,
            r.last_contact.isoformat() if r.last_contact else "never",
            r.next_action_due.isoformat() if r.next_action_due else "",
        )
        for r in rows
    ]
    _print_table(header, table)
    return 0


def _cases_stage_parser(cases_sub: Any) -> None:
    stage = cases_sub.add_parser(
        "stage", help="move a case to another stage (the rules of the life of a case apply)"
    )
    stage.add_argument("reference", help="the case, e.g. ATT-2026-00123")
    stage.add_argument(
        "stage",
        help="the stage to move to (referral, allocated, assessment, "
        "support, formal, legal, court, monitoring, closed)",
    )
    stage.add_argument("--reason", required=True, help="why the case moves (recorded, signed)")
    stage.add_argument(
        "--authorised-by",
        default=None,
        metavar="NAME",
        help="the supervisor who authorised legal intervention (a move to legal needs one)",
    )


def _cases_stage(data_dir: Path, args: argparse.Namespace) -> int:
    from officer_app.services.case_stages import CaseStageService, StageRefused

    opened = _open(data_dir, args.settings)
    try:
        service = CaseStageService(opened.store, opened.clock, opened.officer.id)
        case_id = _case_id(opened, args.reference)
        supervisor = None
        if args.authorised_by is not None:
            wanted = " ".join(args.authorised_by.split()).casefold()
            choices = service.supervisors()
            supervisor = next((i for i, name in choices if name.casefold() == wanted), None)
            if supervisor is None:
                known = ", ".join(name for _, name in choices) or "none in this profile"
                raise CliError(
                    f"--authorised-by: {args.authorised_by!r} is not a supervisor "
                    f"(supervisors: {known})"
                )
        try:
            moved = service.move_stage(case_id, args.stage, args.reason, authorised_by=supervisor)
        except StageRefused as exc:
            raise CliError(f"{args.reference.strip().upper()}: not moved: {exc}") from None
    finally:
        opened.lock()
    print(
        f"{moved.reference}: {moved.from_label} to {moved.to_label}; "
        f"signed into the case's chronology (entry {moved.chain_seq})"
    )
    return 0


def _print_table(header: Sequence[str], table: Sequence[Sequence[str]]) -> None:
    widths = [max([len(h)] + [len(row[i]) for row in table]) for i, h in enumerate(header)]
    for line in [header, *table]:
        print("  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip())


def _verify(data_dir: Path, args: argparse.Namespace) -> int:
    from officer_app.services.verification import check_mark, parse_mark, verify_profile

    if args.head is not None:
        try:
            parse_mark(args.head)  # a mistyped code is named before the passphrase is asked
        except ValueError as exc:
            raise CliError(str(exc)) from exc
        opened = _open(data_dir, args.settings)
        try:
            checked = check_mark(opened.store, args.head)
        finally:
            _lock(opened)
        print(
            checked.message if checked.ok else f"officer-app: {checked.message}",
            file=sys.stdout if checked.ok else sys.stderr,
        )
        return 0 if checked.ok else 3
    opened = _open(data_dir, args.settings)
    try:
        report = verify_profile(opened.store)
        files_ok = _check_attachment_files(opened)
    finally:
        _lock(opened)
    if report.ok:
        print(
            f"verified: {report.entries_checked} signed entries in {report.cases_checked} "
            f"cases and {report.audit_checked} audit events; every chain is intact, every head "
            "matches and every immutability trigger is as shipped"
        )
        print(f"profile head: SHA-256 {report.profile_head}")
        return 0 if files_ok else 3
    for line in report.breaks:
        print(f"BROKEN: {line}", file=sys.stderr)
    print(
        f"officer-app: {len(report.breaks)} break(s) in the evidence chains "
        f"({report.entries_checked} signed entries checked)",
        file=sys.stderr,
    )
    return 3


def _check_attachment_files(opened: Any) -> bool:
    """Part of ``verify``: attachment files against their rows. An orphan file is reported
    (count and size, never content) and is no failure; a row whose file is missing is."""
    from officer_app.services.attachment_files import FilesUnreadable, census, size_text

    try:
        found = census(opened.store, opened.data_dir)
    except FilesUnreadable as exc:
        print(f"officer-app: attachment files not checked: {exc}", file=sys.stderr)
        return False
    for gone in found.missing:
        print(
            f"MISSING: case {gone.case_reference}, attachment {gone.attachment_id}: its "
            "encrypted file is not in the profile",
            file=sys.stderr,
        )
    if found.orphans:
        print(
            f"officer-app: {len(found.orphans)} attachment file(s) that no record refers to "
            f"({size_text(found.orphan_bytes)}), left by an interrupted write; "
            "'officer-app tidy' removes them",
            file=sys.stderr,
        )
    if found.temporary:
        print(
            f"officer-app: {len(found.temporary)} temporary file(s) left by an interrupted "
            "write; 'officer-app tidy' removes them",
            file=sys.stderr,
        )
    if found.missing:
        print(
            f"officer-app: {len(found.missing)} attachment(s) whose encrypted file is missing "
            f"({found.blobs} files checked)",
            file=sys.stderr,
        )
    return not found.missing


def _tidy(data_dir: Path, args: argparse.Namespace) -> int:
    from officer_app.services.attachment_files import SAFE_AGE, FilesUnreadable, size_text, tidy

    opened = _open(data_dir, args.settings)
    try:
        result = tidy(opened.store, opened.data_dir)
    except FilesUnreadable as exc:
        raise CliError(f"nothing removed: {exc}") from exc
    finally:
        opened.lock()
    for gone in result.removed:
        print(f"removed {gone.where} ({size_text(gone.size)})")
    for stuck, why in result.failed:
        print(f"officer-app: could not remove {stuck.where}: {why}", file=sys.stderr)
    minutes = int(SAFE_AGE.total_seconds() // 60)
    if result.kept_young:
        print(
            f"kept {len(result.kept_young)} file(s) younger than {minutes} minutes: a "
            "running write may still record them; run tidy again later"
        )
    if not (result.removed or result.kept_young or result.failed):
        print("nothing to remove: every attachment file is recorded")
    elif result.removed:
        freed = size_text(sum(f.size for f in result.removed))
        print(f"removed {len(result.removed)} file(s) no record refers to ({freed})")
    return 1 if result.failed else 0


def _change_passphrase(data_dir: Path, args: argparse.Namespace) -> int:
    from officer_app.security import keys
    from officer_app.services import profile

    old = _passphrase()
    new = _env_text(NEW_PASSPHRASE_ENV)
    if not new:
        if not sys.stdin.isatty():
            raise CliError(f"no new passphrase: set {NEW_PASSPHRASE_ENV}", 2)
        new = getpass.getpass("New passphrase: ")
        if getpass.getpass("New passphrase again: ") != new:
            raise CliError("the two new passphrases differ; nothing was changed")
    try:
        profile.change_passphrase(data_dir, old, new)
    except keys.WrongPassphrase as exc:
        raise CliError(f"wrong passphrase for the profile in {data_dir}", 2) from exc
    except (keys.SecurityError, profile.ProfileError) as exc:
        raise CliError(str(exc), 2) from exc
    print("passphrase changed; the old one no longer opens this profile")
    return 0


# --- attendance registers --------------------------------------------------------------------
def _attendance_parser(sub: Any) -> None:
    attendance = sub.add_parser("attendance", help="school register extracts (CSV)")
    att_sub = attendance.add_subparsers(dest="attendance_command", metavar="ACTION", required=True)
    summary = att_sub.add_parser(
        "summary",
        help="one pupil's attendance over a date range, read straight from a register file",
    )
    summary.add_argument("register", type=Path, help="the register extract (CSV)")
    summary.add_argument("--upn", required=True, help="the pupil's Unique Pupil Number")
    summary.add_argument(
        "--from", dest="first", required=True, help="first day included (YYYY-MM-DD)"
    )
    summary.add_argument("--to", dest="last", required=True, help="last day included (YYYY-MM-DD)")
    summary.add_argument("--json", action="store_true", help="print JSON instead of a table")
    importing = att_sub.add_parser(
        "import", help="import a register extract into the profile (all or nothing)"
    )
    importing.add_argument("register", type=Path, help="the register extract (CSV)")


def _attendance(data_dir: Path, args: argparse.Namespace) -> int:
    handlers = {"summary": _attendance_summary, "import": _attendance_import}
    return handlers[args.attendance_command](data_dir, args)


def _attendance_import(data_dir: Path, args: argparse.Namespace) -> int:
    from officer_app.progress import Progress
    from officer_app.services.register_import import RegisterRefused, import_register

    path: Path = args.register.expanduser()
    try:
        is_file = path.is_file()
    except OSError as exc:  # a name too long for the file system, say
        raise CliError(f"{path}: cannot be read: {exc.strerror or exc}") from exc
    if not is_file:
        raise CliError(f"{path}: no such file")
    opened = _open(data_dir, args.settings)
    try:
        job = import_register(
            opened.store,
            path,
            opened.clock,
            opened.officer.id,
            accept_other_set=args.settings.accept_other_code_set,
        )
        last = -1
        while True:
            try:
                step: Progress = next(job)
            except StopIteration as done:
                result = done.value
                break
            percent = int(step.fraction * 100)
            if percent >= last + 2 or step.done == step.total:
                print(f"\r{progress_bar(step.fraction)} {step.message[:50]:<50}", end="",
                      file=sys.stderr, flush=True)  # fmt: skip
                last = percent
        print(file=sys.stderr)
    except RegisterRefused as exc:
        for error in exc.errors:
            print(str(error), file=sys.stderr)
        raise CliError(f"{path}: {len(exc.errors)} error(s); nothing was imported") from exc
    finally:
        _lock(opened)
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(
        f"{escape_controls(path.name)}: {result.rows} rows; {result.added} marks added, "
        f"{result.changed} changed, "
        f"{result.unchanged} already held; {result.pupils_matched} pupils on this caseload, "
        f"{result.pupils_not_on_caseload} not (left out)"
    )
    return 0


def progress_bar(fraction: float, width: int = 30) -> str:
    """``[#########---------------------]  30%`` for a terminal."""
    done = max(0, min(width, round(fraction * width)))
    return f"[{'#' * done}{'-' * (width - done)}] {round(fraction * 100):3d}%"


def _iso_day(option: str, value: str) -> dt.date:
    try:
        if len(value) != 10:
            raise ValueError(value)
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise CliError(f"{option}: {value!r} is not a date (YYYY-MM-DD)") from exc


def _read_register_or_fail(path: Path, accept_other_set: bool = False) -> Any:
    """The register's marks; every error on stderr and exit 1 if the file has any."""
    from officer_app.attendance.register import load_register
    from officer_app.clock import SystemClock

    read = load_register(
        path.expanduser(), today=SystemClock().today(), accept_other_set=accept_other_set
    )
    for warning in read.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if not read.ok:
        for error in read.errors:
            print(str(error), file=sys.stderr)
        raise CliError(f"{path}: {len(read.errors)} error(s); nothing was used")
    return read


def _attendance_summary(data_dir: Path, args: argparse.Namespace) -> int:
    # reads the file only: no profile, no passphrase
    from officer_app.attendance.codes import shipped_codes
    from officer_app.attendance.register import check_upn
    from officer_app.domain.attendance import summarise

    upn, problem = check_upn(args.upn.strip())
    if problem:
        raise CliError(f"--upn: {args.upn!r}: {problem}")
    first = _iso_day("--from", args.first)
    last = _iso_day("--to", args.last)
    if first > last:
        raise CliError(f"--to: {args.last} is before --from {args.first}")
    read = _read_register_or_fail(args.register, args.settings.accept_other_code_set)
    marks = read.marks_for(upn)
    if not marks:
        where = escape_controls(str(args.register))
        print(f"officer-app: warning: {where} has no marks for {upn}", file=sys.stderr)
    summary = summarise(marks, upn, first, last, codes=shipped_codes())
    if args.json:
        json.dump(summary.to_json(), sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    for label, value in _summary_table(summary):
        print(f"{label:<28}{value}".rstrip())
    return 0


def _summary_table(s: Any) -> list[tuple[str, str]]:
    def pct(value: Any) -> str:
        return "n/a (no possible sessions)" if value is None else f"{value}%"

    def yes(flag: bool) -> str:
        return "yes" if flag else "no"

    p = s.penalty_notice_threshold
    if p.window_from is None:
        window = "no school weeks in the range"
    else:
        # the count stated with these dates is theirs, never another run's (issue 9 point 2)
        window = (
            f"{p.window_from.isoformat()} to {p.window_to.isoformat()}: "
            f"{p.unauthorised_in_window} unauthorised"
        )
    rows = [
        ("Pupil (UPN)", s.upn),
        ("Range", f"{s.first.isoformat()} to {s.last.isoformat()} (both included)"),
        ("Sessions possible", str(s.possible)),
        ("Present", str(s.present)),
        ("Approved activity", str(s.approved_activity)),
        ("Authorised absence", str(s.authorised)),
        ("Unauthorised absence", str(s.unauthorised)),
        ("Not counted", str(s.not_counted)),
        ("No mark entered (-)", str(s.no_mark)),
        ("Attendance", pct(s.attendance_pct)),
        ("Absence", pct(s.absence_pct)),
        ("Persistent absence (10%+)", yes(s.persistent_absence)),
        ("Severe absence (50%+)", yes(s.severe_absence)),
        ("Penalty notice threshold", "met" if p.met else "not met"),
        ("  most unauthorised", f"{p.max_unauthorised_in_window} in 10 school weeks"),
        ("  window", window),
        ("Marks by code", ", ".join(f"{c} {n}" for c, n in s.by_code.items()) or "none"),
    ]
    return rows


# --- letters ---------------------------------------------------------------------------------
def _letters_parser(sub: Any) -> None:
    letters = sub.add_parser("letters", help="letters from templates (resources/letters)")
    letters_sub = letters.add_subparsers(dest="letters_command", metavar="ACTION", required=True)
    check = letters_sub.add_parser(
        "check", help="check the shipped templates and a folder (default: the LA's letters_folder)"
    )
    check.add_argument("folder", nargs="?", type=Path, help="a folder of templates to check")

    def common(parser: Any) -> None:
        parser.add_argument("--template", required=True, help="the template's id")
        parser.add_argument(
            "--ask",
            action="append",
            default=[],
            metavar="NAME=VALUE",
            help="an answer to one of the template's asks (dates YYYY-MM-DD, times HH:MM; "
            "\\n starts a new paragraph); repeat for each",
        )
        parser.add_argument("--out", type=Path, required=True, help="the PDF to write")
        parser.add_argument(
            "--sent-on", default=None, help="the day it was sent (YYYY-MM-DD; default today)"
        )

    render = letters_sub.add_parser("render", help="one letter on a case, saved as a PDF")
    render.add_argument("--case", required=True, help="the case reference (ATT-2026-00123)")
    render.add_argument("--recipient", default=None, help="who it is for (default: the only one)")
    common(render)
    render.add_argument(
        "--sent-by", choices=METHODS, default=None, help="record it as sent (post, hand, email)"
    )
    batch = letters_sub.add_parser(
        "batch",
        help="one template's letter for every open case (or those at --stage), saved as one "
        "PDF; an interrupted batch resumes when run again; the letters stay prepared, not "
        "sent, unless --sent-by says the post goes out",
    )
    batch.add_argument("--stage", default=None, help="only the open cases at this stage")
    common(batch)
    batch.add_argument(
        "--dated", default=None, help="the letters' date (YYYY-MM-DD; default today)"
    )
    batch.add_argument(
        "--sent-by",
        choices=METHODS,
        default=None,
        help="record every letter as sent (post, hand, email) once the PDF is written",
    )
    batch.add_argument(
        "--again",
        action="store_true",
        help="make a new batch even though one with the same details was already sent",
    )
    batches = letters_sub.add_parser("batches", help="every letter batch and its state")
    batches.add_argument("--json", action="store_true", help="print JSON instead of a table")
    confirm = letters_sub.add_parser(
        "batch-sent", help="the post went out: record a batch's prepared letters as sent"
    )
    confirm.add_argument("batch", help="the batch's id (as 'letters batches' lists it)")
    confirm.add_argument("--sent-by", choices=METHODS, required=True, help="post, hand or email")
    confirm.add_argument(
        "--sent-on", default=None, help="the day they were sent (YYYY-MM-DD; default today)"
    )
    abandon = letters_sub.add_parser(
        "batch-abandon", help="a batch's prepared letters were never sent: mark them so"
    )
    abandon.add_argument("batch", help="the batch's id (as 'letters batches' lists it)")


METHODS = ("post", "hand", "email")


def _letters(data_dir: Path, args: argparse.Namespace) -> int:
    from officer_app.cli_batches import (
        letters_batch,
        letters_batch_abandon,
        letters_batch_sent,
        letters_batches,
    )

    handlers = {
        "check": _letters_check,
        "render": _letters_render,
        "batch": letters_batch,
        "batches": letters_batches,
        "batch-sent": letters_batch_sent,
        "batch-abandon": letters_batch_abandon,
    }
    return handlers[args.letters_command](data_dir, args)


def _letters_check(data_dir: Path, args: argparse.Namespace) -> int:
    # reads the templates only: no profile, no passphrase
    from officer_app.letters import default_folders, load_templates
    from officer_app.letters.__main__ import report

    folder: Path | None = args.folder.expanduser() if args.folder else args.settings.letters_folder
    try:
        missing = args.folder is not None and not folder.is_dir()  # type: ignore[union-attr]
    except OSError as exc:  # a name too long for the file system, say
        raise CliError(f"{folder}: cannot be read: {exc.strerror or exc}") from exc
    if missing:
        raise CliError(f"{folder}: no such folder")
    return report(load_templates(default_folders(folder)))


def _asks(values: list[str]) -> dict[str, str]:
    asks: dict[str, str] = {}
    for item in values:
        name, equals, value = item.partition("=")
        if not equals or not name.strip():
            raise CliError(f"--ask: {item!r} is not NAME=VALUE")
        if name.strip() in asks:
            raise CliError(f"--ask: {name.strip()!r} is given twice")
        asks[name.strip()] = value.replace("\\n", "\n")
    return asks


def _out_file(path: Path, suffixes: Sequence[str] = (".pdf",)) -> Path:
    """The ``--out`` file, checked before the profile is opened or anything made: not a folder,
    in a folder that takes a new file, with the right suffix (one shared check)."""
    from officer_app.documents.destination import DestinationRefused, check_destination

    try:
        return check_destination(path, suffixes)
    except DestinationRefused as exc:
        raise CliError(f"--out: {exc}") from exc


def _sent_on(args: argparse.Namespace, today: dt.date) -> dt.date:
    return _iso_day("--sent-on", args.sent_on) if args.sent_on else today


def _letter_service(opened: Any) -> Any:
    """The profile's letters service, saying so if its templates have problems."""
    service = opened.letters
    for template_id, problem in service.unavailable():
        print(f"officer-app: warning: letter {template_id} unavailable: {problem}", file=sys.stderr)
    if service.letterhead.is_demo:
        print(
            "officer-app: warning: the letters carry the demo letterhead (Northam City Council); "
            "set [letterhead] in settings.toml",
            file=sys.stderr,
        )
    return service


def _letters_render(data_dir: Path, args: argparse.Namespace) -> int:
    from officer_app.documents.destination import DestinationRefused, written_or_removed
    from officer_app.letters import LetterRefused, long_date

    out = _out_file(args.out)
    asks = _asks(args.ask)
    if args.sent_on and not args.sent_by:
        raise CliError("--sent-on: give --sent-by as well to record the letter as sent")
    opened = _open(data_dir, args.settings)
    try:
        service = _letter_service(opened)
        case_id = _case_id(opened, args.case)
        recipient = _recipient(service, case_id, args.recipient)
        sent_on = _sent_on(args, opened.clock.today())
        try:
            made = service.render(case_id, args.template, recipient_id=recipient, asks=asks)
            recorded = None
            if args.sent_by:
                # the file first, then the recording; a failed recording removes the file
                recorded = written_or_removed(
                    out,
                    lambda: service.export_rendered(made, out),
                    lambda: service.record_sent(
                        case_id, made, sent_on=sent_on, method=args.sent_by
                    ),
                )
            else:
                service.export_rendered(made, out)
        except LetterRefused as exc:
            raise CliError(f"{args.case}: {args.template}: {exc}") from exc
        except DestinationRefused as exc:
            raise CliError(f"--out: {exc}; nothing was recorded") from exc
    finally:
        _lock(opened)
    pages = f"{made.pages} page{'s' * (made.pages != 1)}"
    print(
        f"{made.case_reference}: {made.title} to {made.recipient_name}, {pages}, saved to {out} "
        f"(SHA-256 {made.sha256[:16]}…)"
    )
    if recorded is not None:
        print(
            f"recorded as sent by {recorded.method} on {long_date(recorded.sent_on)}: the copy "
            "is kept on the case and the sending is signed into its chronology"
        )
    return 0


def _case_id(opened: Any, reference: str) -> str:
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


def _recipient(service: Any, case_id: str, wanted: str | None) -> str | None:
    if wanted is None:
        return None  # the service takes the only one, or names the choices
    people = service.recipients(case_id)
    key = " ".join(wanted.split()).casefold()
    for person in people:
        plain = person.name.split(" ", 1)[1] if person.name.startswith(("Mr ", "Ms ")) else ""
        if key in (person.name.casefold(), plain.casefold()):
            if not person.can_receive:
                raise CliError(f"--recipient: no letter can go to {person.name}: {person.reason}")
            return str(person.id)
    choices = ", ".join(p.name for p in people if p.can_receive) or "nobody"
    raise CliError(f"--recipient: {wanted!r} is not on this case (letters can go to: {choices})")


def _bar(done: int, total: int, letters: int) -> None:
    bar = progress_bar(done / max(1, total))
    print(f"\r{bar} {done}/{total} cases, {letters} letters", end="", file=sys.stderr, flush=True)


# --- penalty notices -------------------------------------------------------------------------
def _notices_parser(sub: Any) -> None:
    notices = sub.add_parser("notices", help="penalty notices and the LA's record of them")
    notices_sub = notices.add_subparsers(dest="notices_command", metavar="ACTION", required=True)
    listing = notices_sub.add_parser("list", help="every penalty notice in the profile")
    listing.add_argument("--json", action="store_true", help="print JSON instead of a table")
    record = notices_sub.add_parser(
        "record", help="the record of every notice issued (reg 20 of SI 2007/1867), CSV or PDF"
    )
    record.add_argument("--out", type=Path, required=True, help="FILE.csv or FILE.pdf")
    record.add_argument("--from", dest="first", help="issued on or after (YYYY-MM-DD)")
    record.add_argument("--to", dest="last", help="issued on or before (YYYY-MM-DD)")


def _notices(data_dir: Path, args: argparse.Namespace) -> int:
    if args.notices_command == "record":
        return _notices_record(data_dir, args)
    return _notices_list(data_dir, args)


def _notices_record(data_dir: Path, args: argparse.Namespace) -> int:
    out = _out_file(args.out, (".csv", ".pdf"))
    first = _iso_day("--from", args.first) if args.first else None
    last = _iso_day("--to", args.last) if args.last else None
    if first and last and first > last:
        raise CliError(f"--to: {args.last} is before --from {args.first}")
    opened = _open(data_dir, args.settings)
    try:
        count = opened.penalty_notices.export_register(out, first, last)
    except OSError as exc:
        raise CliError(f"--out: {out}: cannot be written ({exc.strerror or exc})") from exc
    finally:
        _lock(opened)
    print(f"{out}: the record of {count} penalty notice(s) issued")
    return 0


def _notices_list(data_dir: Path, args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from officer_app.store.models import Case

    opened = _open(data_dir, args.settings)
    try:
        service = opened.penalty_notices
        case_ids = opened.store.read(
            lambda s: list(s.scalars(select(Case.id).order_by(Case.reference)))
        )
        notices = [n for case_id in case_ids for n in service.notices_for(case_id)]
    finally:
        _lock(opened)
    if args.json:
        out = [
            {
                "case": n.case_reference,
                "child": n.child_name,
                "parent": n.parent_name,
                "status": n.status.value,
                "considered_on": n.considered_on.isoformat(),
                "threshold_met": n.evidence.met,
                "number": n.number,
                "issued_on": n.issued_on.isoformat() if n.issued_on else None,
                "ordinal": n.ordinal,
                "amount_21": n.amount_21,
                "amount_28": n.amount_28,
                "paid_on": n.paid_on.isoformat() if n.paid_on else None,
                "amount_paid": n.amount_paid,
                "withdrawn_on": n.withdrawn_on.isoformat() if n.withdrawn_on else None,
                "prosecution_on": n.prosecution_on.isoformat() if n.prosecution_on else None,
                "issued_by_others": n.issued_by_others or None,
            }
            for n in notices
        ]
        json.dump(out, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    header = ("Case", "Parent", "Status", "Considered", "Notice", "Issued", "Amount")
    table = [
        (
            n.case_reference,
            n.parent_name,
            n.status_label,
            n.considered_on.isoformat(),
            f"{n.number} ({n.issued_by_others.lower()})" if n.issuer else n.number or "",
            n.issued_on.isoformat() if n.issued_on else "",
            n.amount_text,
        )
        for n in notices
    ]
    _print_table(header, table)
    return 0

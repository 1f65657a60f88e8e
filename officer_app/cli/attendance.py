"""``officer-app attendance summary|import``: school register extracts (CSV)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from officer_app.cli.common import (
    CliError,
    Subcommands,
    iso_day,
    print_json,
    progress_bar,
    unlocked,
    warn,
)
from officer_app.escaping import escape_controls

if TYPE_CHECKING:
    from collections.abc import Generator

    from officer_app.attendance.register import RegisterRead
    from officer_app.domain.attendance import Summary
    from officer_app.progress import Progress


def register(sub: Subcommands) -> None:
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
    summary.set_defaults(handler=attendance_summary)
    importing = att_sub.add_parser(
        "import", help="import a register extract into the profile (all or nothing)"
    )
    importing.add_argument("register", type=Path, help="the register extract (CSV)")
    importing.add_argument(
        "--yes",
        action="store_true",
        help="replace marks already held when the file's differ (otherwise refused)",
    )
    importing.add_argument(
        "--dry-run",
        action="store_true",
        help="say what the import would do and change nothing",
    )
    importing.set_defaults(handler=attendance_import)


def attendance_import(data_dir: Path, args: argparse.Namespace) -> int:
    """Read the file, say what importing it would do, then import: marks already held are
    replaced only with ``--yes``; ``--dry-run`` says and changes nothing (issue 11 point 9)."""
    from officer_app.services.register_import import (
        PreviewOutdated,
        RegisterRefused,
        import_checked,
    )
    from officer_app.services.register_preview import read_and_preview

    path: Path = args.register.expanduser()
    try:
        is_file = path.is_file()
    except OSError as exc:  # a name too long for the file system, say
        raise CliError(f"{path}: cannot be read: {exc.strerror or exc}") from exc
    if not is_file:
        raise CliError(f"{path}: no such file")
    with unlocked(data_dir, args.settings) as opened:
        try:
            checked, preview = _with_progress(
                read_and_preview(
                    opened.store,
                    path,
                    opened.clock,
                    accept_other_set=args.settings.accept_other_code_set,
                )
            )
        except RegisterRefused as exc:
            for error in exc.errors:
                print(str(error), file=sys.stderr)
            raise CliError(f"{path}: {len(exc.errors)} error(s); nothing was imported") from exc
        for warning in preview.warnings:
            print(f"warning: {warning}", file=sys.stderr)
        for line in preview.lines():
            print(escape_controls(line))
        if args.dry_run:
            print("Dry run: nothing was imported.")
            return 0
        if preview.replaces_held and not args.yes:
            raise CliError(
                f"{path}: {preview.replaced} mark(s) already held would be replaced; nothing "
                "was imported (use --yes to replace them)"
            )
        try:
            result = import_checked(
                opened.store, checked, opened.clock, opened.officer.id, expect=preview
            )
        except PreviewOutdated as exc:
            raise CliError(f"{path}: {exc}") from exc
    print(
        f"{escape_controls(path.name)}: {result.rows} rows; {result.added} marks added, "
        f"{result.changed} changed, "
        f"{result.unchanged} already held; {result.pupils_matched} pupils on this caseload, "
        f"{result.pupils_not_on_caseload} not (left out)"
    )
    return 0


def _with_progress[R](job: Generator[Progress, None, R]) -> R:
    """Run a core generator, drawing its progress on stderr."""
    last = -1
    while True:
        try:
            step = next(job)
        except StopIteration as done:
            print(file=sys.stderr)
            result: R = done.value
            return result
        percent = int(step.fraction * 100)
        if percent >= last + 2 or step.done == step.total:
            print(f"\r{progress_bar(step.fraction)} {step.message[:50]:<50}", end="",
                  file=sys.stderr, flush=True)  # fmt: skip
            last = percent


def _read_register_or_fail(path: Path, accept_other_set: bool = False) -> RegisterRead:
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


def attendance_summary(data_dir: Path, args: argparse.Namespace) -> int:
    # reads the file only: no profile, no passphrase
    from officer_app.attendance.codes import shipped_codes
    from officer_app.attendance.register import check_upn
    from officer_app.domain.attendance import summarise

    upn, problem = check_upn(args.upn.strip())
    if problem:
        raise CliError(f"--upn: {args.upn!r}: {problem}")
    first = iso_day("--from", args.first)
    last = iso_day("--to", args.last)
    if first > last:
        raise CliError(f"--to: {args.last} is before --from {args.first}")
    read = _read_register_or_fail(args.register, args.settings.accept_other_code_set)
    marks = read.marks_for(upn)
    if not marks:
        where = escape_controls(str(args.register))
        warn(f"{where} has no marks for {upn}")
    summary = summarise(marks, upn, first, last, codes=shipped_codes())
    if args.json:
        print_json(summary.to_json())
        return 0
    for label, value in _summary_table(summary):
        print(f"{label:<28}{value}".rstrip())
    return 0


def _summary_table(s: Summary) -> list[tuple[str, str]]:
    def pct(value: object) -> str:
        return "n/a (no possible sessions)" if value is None else f"{value}%"

    def yes(flag: bool) -> str:
        return "yes" if flag else "no"

    p = s.penalty_notice_threshold
    if p.window_from is None or p.window_to is None:  # both or neither
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

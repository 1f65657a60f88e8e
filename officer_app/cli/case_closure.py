"""``officer-app cases close|reopen``: closing a case with its reason and attendance figures,
and reopening it (issue 11, points 3 and 11). Both go through the stage rules
(:class:`officer_app.services.case_stages.CaseStageService`), signed into the chronology."""

from __future__ import annotations

import argparse
import math
from pathlib import Path

from officer_app.cli.common import CliError, Subcommands, case_id, open_profile


def register(cases_sub: Subcommands) -> None:
    close = cases_sub.add_parser(
        "close", help="close a case with its reason and the attendance before and after"
    )
    close.add_argument("reference", help="the case, e.g. ATT-2026-00123")
    close.add_argument(
        "--reason", required=True, help="why the case closes, in words (recorded, signed)"
    )
    close.add_argument(
        "--code",
        default=None,
        metavar="KEY",
        help="the closure reason's key from the LA's list (settings: [[closure_reasons]]); "
        "default: the list's reason that takes a detail (other)",
    )
    for when, period in (
        ("before", "the school year to the referral"),
        ("after", "from the referral to today"),
    ):
        close.add_argument(
            f"--attendance-{when}",
            default=None,
            metavar="N",
            help=f"the attendance {when} intervention, 0 to 100 (default: from the marks held, "
            f"{period})",
        )
    close.set_defaults(handler=cases_close)
    reopen = cases_sub.add_parser("reopen", help="reopen a closed case (at Allocated)")
    reopen.add_argument("reference", help="the case, e.g. ATT-2026-00123")
    reopen.add_argument("--reason", required=True, help="why it reopens (recorded, signed)")
    reopen.set_defaults(handler=cases_reopen)


def _percent(text: str | None, option: str) -> float | None:
    if text is None:
        return None
    try:
        value = float(text.strip().removesuffix("%"))
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or not 0 <= value <= 100:
        raise CliError(f"{option}: {text!r} is not a percentage from 0 to 100")
    return value


def _shown(value: float | None) -> str:
    return "not known" if value is None else f"{value:.1f}%"


def cases_close(data_dir: Path, args: argparse.Namespace) -> int:
    from officer_app.services.case_stages import CaseStageService, StageRefused

    before = _percent(args.attendance_before, "--attendance-before")
    after = _percent(args.attendance_after, "--attendance-after")
    opened = open_profile(data_dir, args.settings)
    try:
        reasons = opened.settings.closure_reasons
        known = ", ".join(r.key for r in reasons)
        code = args.code
        if code is None:
            code = next((r.key for r in reasons if r.needs_detail), None)
            if code is None:
                raise CliError(f"--code: say which closure reason (known: {known})")
        elif code.strip().casefold() not in {r.key for r in reasons}:
            raise CliError(f"--code: {code!r} is not a closure reason (known: {known})")
        service = CaseStageService(opened.store, opened.clock, opened.officer.id, reasons)
        case = case_id(opened, args.reference)
        try:
            closed = service.close_case(case, code, args.reason, before, after)
        except StageRefused as exc:
            raise CliError(f"{args.reference.strip().upper()}: not closed: {exc}") from None
    finally:
        opened.lock()
    print(
        f"{closed.reference}: {closed.from_label} to {closed.to_label} ({closed.closure_code}); "
        f"attendance before {_shown(closed.attendance_before)}, after "
        f"{_shown(closed.attendance_after)}; signed into the case's chronology "
        f"(entry {closed.chain_seq})"
    )
    return 0


def cases_reopen(data_dir: Path, args: argparse.Namespace) -> int:
    from officer_app.services.case_stages import CaseStageService, StageRefused

    opened = open_profile(data_dir, args.settings)
    try:
        service = CaseStageService(opened.store, opened.clock, opened.officer.id)
        case = case_id(opened, args.reference)
        try:
            moved = service.reopen_case(case, args.reason)
        except StageRefused as exc:
            raise CliError(f"{args.reference.strip().upper()}: not reopened: {exc}") from None
    finally:
        opened.lock()
    print(
        f"{moved.reference}: reopened, {moved.from_label} to {moved.to_label}; "
        f"signed into the case's chronology (entry {moved.chain_seq})"
    )
    return 0

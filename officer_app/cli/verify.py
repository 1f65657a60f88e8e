"""``officer-app verify``: every evidence chain, head, audit event, trigger and attachment
file checked; or one chain head as printed on a document."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from officer_app.cli.common import (
    EXIT_BROKEN,
    CliError,
    Subcommands,
    unlocked,
)

if TYPE_CHECKING:
    from officer_app.services.profile import OpenProfile


def register(sub: Subcommands) -> None:
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
    verify.set_defaults(handler=run_verify)


def run_verify(data_dir: Path, args: argparse.Namespace) -> int:
    from officer_app.services.verification import check_mark, parse_mark, verify_profile

    if args.head is not None:
        try:
            parse_mark(args.head)  # a mistyped code is named before the passphrase is asked
        except ValueError as exc:
            raise CliError(str(exc)) from exc
        with unlocked(data_dir, args.settings) as opened:
            checked = check_mark(opened.store, args.head)
        print(
            checked.message if checked.ok else f"officer-app: {checked.message}",
            file=sys.stdout if checked.ok else sys.stderr,
        )
        return 0 if checked.ok else EXIT_BROKEN
    with unlocked(data_dir, args.settings) as opened:
        report = verify_profile(opened.store)
        files_ok = _check_attachment_files(opened)
    if report.ok:
        print(
            f"verified: {report.entries_checked} signed entries in {report.cases_checked} "
            f"cases and {report.audit_checked} audit events; every chain is intact, every head "
            "matches and every immutability trigger is as shipped"
        )
        print(f"profile head: SHA-256 {report.profile_head}")
        return 0 if files_ok else EXIT_BROKEN
    for line in report.breaks:
        print(f"BROKEN: {line}", file=sys.stderr)
    print(
        f"officer-app: {len(report.breaks)} break(s) in the evidence chains "
        f"({report.entries_checked} signed entries checked)",
        file=sys.stderr,
    )
    return EXIT_BROKEN


def _check_attachment_files(opened: OpenProfile) -> bool:
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

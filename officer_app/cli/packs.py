"""``officer-app pack build|verify|list``: an evidence pack built from a case without the window
(issue 13, point 3), checked later against its manifest by anyone, without a profile. The work
is in :mod:`officer_app.services.packs`; here it is only asked for and said."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from officer_app.cli.common import (
    EXIT_BAD_INPUT,
    EXIT_BROKEN,
    CliError,
    Subcommands,
    iso_day,
    out_file,
    print_json,
    print_table,
    progress_bar,
    unlocked,
)
from officer_app.escaping import escape_controls

if TYPE_CHECKING:
    from officer_app.progress import Progress
    from officer_app.services.profile import OpenProfile

OFFENCES = {"s444-1": "s444_1", "s444-1a": "s444_1a"}


def register(sub: Subcommands) -> None:
    pack = sub.add_parser(
        "pack", help="evidence packs: build one from a case, verify a pack file, list a case's"
    )
    pack_sub = pack.add_subparsers(dest="pack_command", metavar="ACTION", required=True)
    build = pack_sub.add_parser(
        "build",
        help="build the case's next evidence pack as FILE.pdf and FILE.manifest.json",
        description=(
            "Build the case's next evidence pack for the offence and period given: the period "
            "is checked against the 6-month time limit (s127 Magistrates' Courts Act 1980: one "
            "already out of time is refused, naming the last day), must have passed and must "
            "have register marks. Writes FILE.pdf and FILE.manifest.json beside it, keeps the "
            "pack encrypted on the case and records its SHA-256 in a signed entry. A pack is "
            "never overwritten in the profile: building again makes the next number (…/P2)."
        ),
    )
    build.add_argument("reference", metavar="CASE_REF", help="the case, e.g. ATT-2026-00123")
    build.add_argument("--offence", required=True, metavar="s444-1|s444-1A",
                       help="the offence: s444(1) or s444(1A) Education Act 1996")  # fmt: skip
    build.add_argument("--from", dest="period_from", required=True, metavar="YYYY-MM-DD",
                       help="the first day of the offence period")  # fmt: skip
    build.add_argument("--to", dest="period_to", required=True, metavar="YYYY-MM-DD",
                       help="the last day of the offence period")  # fmt: skip
    build.add_argument("-o", "--out", required=True, type=Path, metavar="FILE.pdf",
                       help="the pack's PDF (its manifest is written beside it)")  # fmt: skip
    build.add_argument(
        "--defendant",
        action="append",
        default=[],
        metavar="ADULT_ID",
        help="a defendant (repeat for each); default: each parent with parental responsibility",
    )
    build.set_defaults(handler=pack_build)
    verify = pack_sub.add_parser(
        "verify",
        help="check a pack file against its manifest (no profile needed)",
        description=(
            "Check FILE.pdf against FILE.manifest.json beside it: the PDF's SHA-256 and size, "
            "the manifest against the one embedded in the PDF, and the manifest's SHA-256 "
            "against the pack's manifest page. Exits 0 when the file is the pack as built, 3 "
            "naming every difference otherwise."
        ),
    )
    verify.add_argument("pdf", metavar="FILE.pdf", type=Path, help="the pack to check")
    verify.set_defaults(handler=pack_verify)
    listing = pack_sub.add_parser("list", help="the evidence packs built for a case")
    listing.add_argument("reference", metavar="CASE_REF", help="the case, e.g. ATT-2026-00123")
    listing.add_argument("--json", action="store_true", help="print JSON instead of a table")
    listing.set_defaults(handler=pack_list)


def _case(opened: OpenProfile, reference: str) -> str:
    from sqlalchemy import select

    from officer_app.store.models import Case

    wanted = reference.strip().upper()
    found = opened.store.read(
        lambda session: session.scalar(select(Case.id).where(Case.reference == wanted))
    )
    if found is None:
        raise CliError(f"there is no case {reference!r} in this profile")
    return str(found)


def _offence(given: str) -> str:
    offence = OFFENCES.get(given.strip().lower())
    if offence is None:
        raise CliError(f"--offence: {given!r} is not an offence: give s444-1 or s444-1A")
    return offence


def _progress(step: Progress) -> None:
    if sys.stderr.isatty():
        print(f"\r{progress_bar(step.fraction)} {step.message[:40]:40}", end="", file=sys.stderr)


def pack_build(data_dir: Path, args: argparse.Namespace) -> int:
    from officer_app.documents.pack_assembly import PackAssemblyError
    from officer_app.security.errors import SecurityError
    from officer_app.services.packs import PackRefused

    offence = _offence(args.offence)
    period_from = iso_day("--from", args.period_from)
    period_to = iso_day("--to", args.period_to)
    out = out_file(args.out)  # checked before the profile is opened or anything made
    with unlocked(data_dir, args.settings) as opened:
        case_id = _case(opened, args.reference)
        try:
            made = opened.packs.build(
                case_id,
                offence=offence,
                period_from=period_from,
                period_to=period_to,
                defendant_ids=args.defendant,
                out=out,
                progress=_progress,
            )
        except (PackRefused, PackAssemblyError) as exc:
            raise CliError(str(exc)) from None
        except SecurityError as exc:  # a kept copy altered: the evidence is not intact
            raise CliError(f"a document of the case cannot be read: {exc}", EXIT_BROKEN) from None
        except OSError as exc:  # the folder became unwritable, the disk filled…
            reason = (exc.strerror or type(exc).__name__).lower()
            raise CliError(f"--out: {out}: cannot be written ({reason})") from None
        finally:
            if sys.stderr.isatty():
                print(file=sys.stderr)
    manifest = out.with_name(f"{out.stem}.manifest.json")
    print(
        escape_controls(
            f"{made.reference}: {made.pages} pages, {made.sections} documents, SHA-256 "
            f"{made.sha256}; saved to {out} and {manifest}. Last day to lay the information: "
            f"{made.last_day.isoformat()}"
        )
    )
    return 0


def pack_verify(_data_dir: Path, args: argparse.Namespace) -> int:
    from officer_app.services.packs import verify_file

    pdf: Path = args.pdf.expanduser()
    problems = verify_file(pdf)
    if problems:
        for problem in problems:
            print(f"officer-app: {escape_controls(problem)}", file=sys.stderr)
        missing = problems == [f"{pdf}: no such file"]
        return EXIT_BAD_INPUT if missing else EXIT_BROKEN
    sidecar = json.loads(pdf.with_name(f"{pdf.stem}.manifest.json").read_text("utf-8"))
    print(
        escape_controls(
            f"{pdf}: intact. {sidecar['reference']}, {sidecar['pages']} pages, SHA-256 "
            f"{sidecar['pdf']['sha256']}"
        )
    )
    return 0


def pack_list(data_dir: Path, args: argparse.Namespace) -> int:
    with unlocked(data_dir, args.settings) as opened:
        packs = opened.packs.packs(_case(opened, args.reference))
    rows = [
        {
            "id": p.id,
            "reference": p.reference,
            "status": p.status,
            "offence": p.offence,
            "period_from": p.period_from.isoformat(),
            "period_to": p.period_to.isoformat(),
            "last_day": p.last_day.isoformat(),
            "pages": p.pages,
            "sha256": p.sha256,
            "built_at": p.built_at.isoformat(),
            "served_on": p.served_on.isoformat() if p.served_on else None,
        }
        for p in packs
    ]
    if args.json:
        print_json(rows)
        return 0
    header = ("Reference", "Status", "Offence", "From", "To", "Pages", "SHA-256")
    table = [
        (
            p.reference,
            p.status,
            p.offence,
            p.period_from.isoformat(),
            p.period_to.isoformat(),
            str(p.pages),
            f"{p.sha256[:12]}…",
        )
        for p in packs
    ]
    print_table(header, table)
    return 0

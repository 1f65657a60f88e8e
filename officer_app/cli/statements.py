"""``officer-app statement build CASE_REF -o FILE.pdf`` (issue 13 point 3): the officer's
witness statement on the case as a PDF: their latest saved statement (as signed, or its
latest draft), else one drafted from the case (not saved) for the period given by
``--from``/``--to`` (default: the latest interview plan's, else the latest penalty
notice's, else the last 70 days). The work is in :mod:`officer_app.services.statements`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from officer_app.cli.common import CliError, Subcommands, case_id, iso_day, out_file, unlocked
from officer_app.wording import long_date


def register(sub: Subcommands) -> None:
    statement = sub.add_parser("statement", help="witness statements (s9 CJA 1967) as PDFs")
    actions = statement.add_subparsers(dest="statement_command", metavar="ACTION", required=True)
    build = actions.add_parser(
        "build",
        help="the officer's statement on a case as a PDF (saved, else drafted from the case)",
        description=(
            "Write the officer's witness statement on the case as a PDF: their latest saved "
            "statement (as signed, or its latest draft, marked DRAFT), else one drafted from "
            "the case and not saved. --from/--to choose the period a drafted statement covers "
            "(default: the latest interview plan's, else the latest penalty notice's, else the "
            "last 70 days). Audited as an export. An existing file is replaced whole."
        ),
    )
    build.add_argument("reference", metavar="CASE_REF", help="the case, e.g. ATT-2026-00123")
    build.add_argument(
        "-o", "--out", required=True, type=Path, metavar="FILE.pdf", help="the PDF to write"
    )
    build.add_argument("--from", dest="period_from", metavar="YYYY-MM-DD", default=None)
    build.add_argument("--to", dest="period_to", metavar="YYYY-MM-DD", default=None)
    build.set_defaults(handler=statement_build)


def statement_build(data_dir: Path, args: argparse.Namespace) -> int:
    from officer_app.documents.destination import DestinationRefused, write_file
    from officer_app.services.case_file import CaseNotFound
    from officer_app.services.statements import StatementRefused

    out = out_file(args.out)
    first = iso_day("--from", args.period_from) if args.period_from else None
    last = iso_day("--to", args.period_to) if args.period_to else None
    with unlocked(data_dir, args.settings) as opened:
        try:
            case = case_id(opened, args.reference)
        except CliError as exc:
            raise CliError(str(exc).removeprefix("--case: ")) from None
        service = opened.statements
        today = opened.clock.today()
        if first is not None and last is not None and first > last:
            raise CliError(f"--to: {long_date(last)} is before --from ({long_date(first)})")
        for option, day in (("--from", first), ("--to", last)):
            if day is not None and day >= today:
                raise CliError(
                    f"{option}: {long_date(day)} is not yet past: a statement covers days gone"
                )
        saved = service.latest_for_officer(case)
        try:
            if saved is not None:
                if first or last:
                    print(
                        "officer-app: --from/--to apply to a drafted statement; printing your "
                        f"saved statement (version {saved.latest_version})",
                        file=sys.stderr,
                    )
                pages = service.export_pdf(saved.id, out)
                state = (
                    f"signed on {long_date(saved.signed_on)}"
                    if saved.signed and saved.signed_on
                    else f"draft version {saved.latest_version}"
                )
                labels = [e.label for e in saved.exhibits]
                name = saved.witness_name
            else:
                draft = service.draft_for_officer(case, period_from=first, period_to=last)
                data, pages = service.draft_pdf(draft)
                write_file(out, data)
                service.audit_draft_export(case, pages)
                state = (
                    f"drafted from the case for {long_date(draft.period_from)} to "
                    f"{long_date(draft.period_to)} ({draft.period_source}), not saved"
                )
                labels = [e.label for e in draft.exhibits]
                name = draft.witness_name
        except (CaseNotFound, StatementRefused) as exc:
            raise CliError(str(exc)) from None
        except DestinationRefused as exc:
            raise CliError(f"--out: {exc}") from None
    exhibits = f"exhibits {', '.join(labels)}" if labels else "no exhibits"
    print(
        f"{args.reference.strip().upper()}: witness statement of {name}, "
        f"{pages} page{'s' * (pages != 1)}, {exhibits}; {state}; saved to {out}"
    )
    return 0

"""``officer-app notices list|record``: penalty notices and the LA's record of them."""

from __future__ import annotations

import argparse
from pathlib import Path

from officer_app.cli.common import (
    CliError,
    Subcommands,
    iso_day,
    out_file,
    print_json,
    print_table,
    unlocked,
)


def register(sub: Subcommands) -> None:
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
    listing.set_defaults(handler=notices_list)
    record.set_defaults(handler=notices_record)


def notices_record(data_dir: Path, args: argparse.Namespace) -> int:
    out = out_file(args.out, (".csv", ".pdf"))
    first = iso_day("--from", args.first) if args.first else None
    last = iso_day("--to", args.last) if args.last else None
    if first and last and first > last:
        raise CliError(f"--to: {args.last} is before --from {args.first}")
    with unlocked(data_dir, args.settings) as opened:
        try:
            count = opened.penalty_notices.export_register(out, first, last)
        except OSError as exc:
            raise CliError(f"--out: {out}: cannot be written ({exc.strerror or exc})") from exc
    print(f"{out}: the record of {count} penalty notice(s) issued")
    return 0


def notices_list(data_dir: Path, args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from officer_app.store.models import Case

    with unlocked(data_dir, args.settings) as opened:
        service = opened.penalty_notices
        case_ids = opened.store.read(
            lambda s: list(s.scalars(select(Case.id).order_by(Case.reference)))
        )
        notices = [n for case_id in case_ids for n in service.notices_for(case_id)]
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
        print_json(out)
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
    print_table(header, table)
    return 0

"""``officer-app records list|pdf``: every record of a case, listed with its evidence, and any
signed one printed as a PDF, so that a court officer or an auditor can take the records out
without the window (issue 12 point 6). The work is in :mod:`officer_app.services.records`;
here it is only formatted."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from officer_app.cli.common import (
    EXIT_BROKEN,
    CliError,
    Subcommands,
    out_file,
    print_json,
    print_table,
    unlocked,
)
from officer_app.escaping import escape_controls

if TYPE_CHECKING:
    from officer_app.services.profile import OpenProfile
    from officer_app.services.records import RecordRow, RecordsService

TITLE_WIDTH = 48
"""The table cuts a longer title (``--json`` gives it whole)."""


def register(sub: Subcommands) -> None:
    records = sub.add_parser(
        "records", help="every record of a case: list them, print a signed one as a PDF"
    )
    records_sub = records.add_subparsers(dest="records_command", metavar="ACTION", required=True)
    listing = records_sub.add_parser(
        "list",
        help="one row per chronology entry of a case, in chronology order",
        description=(
            "One row per chronology entry of the case, in chronology order (when it happened, "
            "then when it was recorded): id, type, title, occurred_at (ISO 8601, UK local "
            "time with its offset), signed (true/false), content_hash (the SHA-256 of a "
            "signed entry; null while unsigned), exhibit (the exhibit label it was produced "
            "as, e.g. DO/3, several joined by ', '; else null) and amends (the id of the "
            "entry it amends, else null)."
        ),
    )
    listing.add_argument("reference", metavar="CASE_REF", help="the case, e.g. ATT-2026-00123")
    listing.add_argument("--json", action="store_true", help="print JSON instead of a table")
    listing.set_defaults(handler=records_list)
    pdf = records_sub.add_parser(
        "pdf",
        help="print one signed record as a PDF (audited as an export)",
        description=(
            "Print one signed record as the document it is: an interview under "
            "caution as its record of interview, a form record (home visit, assessment, "
            "review…) as that record, a letter or notice as the copy kept when it was sent, "
            "and any other entry (a note, a call, a stage change…) as a signed record with its "
            "hash, its place in the case's evidence chain and its amendments. An unsigned "
            "entry is refused. An existing file is replaced whole, never partly."
        ),
    )
    pdf.add_argument("entry_id", metavar="ENTRY_ID", help="the entry's id (from records list)")
    pdf.add_argument(
        "--out", required=True, type=Path, metavar="FILE.pdf", help="the PDF file to write"
    )
    pdf.set_defaults(handler=records_pdf)


def _service(opened: OpenProfile) -> RecordsService:
    from officer_app.services.records import RecordsService

    return RecordsService(
        opened.store,
        opened.clock,
        field_work=lambda: opened.field_work,
        letters=lambda: opened.letters,
        la_name=opened.settings.la_name,
    )


def records_list(data_dir: Path, args: argparse.Namespace) -> int:
    from officer_app.services.records import RecordsRefused

    with unlocked(data_dir, args.settings) as opened:
        try:
            listing = _service(opened).list_records(args.reference)
        except RecordsRefused as exc:
            raise CliError(str(exc)) from None
    if args.json:
        print_json([_json_row(r) for r in listing.rows])
        return 0
    header = ("Occurred", "Type", "Title", "Signed", "SHA-256", "Exhibit", "Amends", "Id")
    print_table(header, [_table_row(r) for r in listing.rows])
    return 0


def _json_row(row: RecordRow) -> dict[str, object]:
    from officer_app.clock import uk_local

    return {
        "id": row.id,
        "type": row.entry_type,
        "title": row.title,
        "occurred_at": uk_local(row.occurred_at).isoformat(),
        "signed": row.signed,
        "content_hash": row.content_hash,
        "exhibit": row.exhibit,
        "amends": row.amends,
    }


def _table_row(row: RecordRow) -> tuple[str, ...]:
    from officer_app.clock import uk_local

    title = " ".join(escape_controls(row.title).split())
    if len(title) > TITLE_WIDTH:
        title = title[: TITLE_WIDTH - 1] + "…"
    return (
        uk_local(row.occurred_at).strftime("%Y-%m-%d %H:%M"),
        row.type_label,
        title,
        "yes" if row.signed else "no",
        f"{row.content_hash[:12]}…" if row.content_hash else "",
        row.exhibit or "",
        f"{row.amends[:8]}…" if row.amends else "",
        row.id,
    )


def records_pdf(data_dir: Path, args: argparse.Namespace) -> int:
    from officer_app.documents.destination import DestinationRefused
    from officer_app.services.records import RecordCopyBroken, RecordsRefused

    out = out_file(args.out)  # checked before the profile is opened or anything made
    with unlocked(data_dir, args.settings) as opened:
        service = _service(opened)
        try:
            made = service.export_pdf(args.entry_id, out)
        except RecordCopyBroken as exc:
            raise CliError(str(exc), EXIT_BROKEN) from None
        except DestinationRefused as exc:
            raise CliError(f"--out: {exc}") from None
        except RecordsRefused as exc:
            raise CliError(str(exc)) from None
        except OSError as exc:  # the folder became unwritable, the disk filled…
            reason = (exc.strerror or type(exc).__name__).lower()
            raise CliError(f"--out: {out}: cannot be written ({reason})") from None
        except ValueError as exc:  # the form or interview printing refused it: said in one line
            raise CliError(f"entry {args.entry_id}: {exc}") from None
    pages = f"{made.pages} page{'s' * (made.pages != 1)}"
    print(
        escape_controls(
            f"{made.case_reference}: {made.title} ({made.printed_as}), {pages}, saved to {out}"
        )
    )
    return 0

"""``officer-app cases list|stage`` (and ``new``, cli/case_new.py; ``close|reopen``,
cli/case_closure.py): the caseload."""

from __future__ import annotations

import argparse
from pathlib import Path

from officer_app.cli import case_closure, case_new
from officer_app.cli.common import (
    CliError,
    Subcommands,
    case_id,
    open_profile,
    print_json,
    print_table,
    unlocked,
)


def register(sub: Subcommands) -> None:
    cases = sub.add_parser("cases", help="the caseload")
    cases_sub = cases.add_subparsers(dest="cases_command", metavar="ACTION", required=True)
    listing = cases_sub.add_parser("list", help="list every case")
    listing.add_argument("--json", action="store_true", help="print JSON instead of a table")
    listing.set_defaults(handler=cases_list)
    stage = cases_sub.add_parser(
        "stage", help="move a case to another stage (the rules of the life of a case apply)"
    )
    stage.add_argument("reference", help="the case, e.g. ATT-2026-00123")
    stage.add_argument(
        "stage",
        help="the stage to move to (allocated, assessment, support, formal, legal, court, "
        "monitoring; a case is closed and reopened with cases close and cases reopen)",
    )
    stage.add_argument("--reason", required=True, help="why the case moves (recorded, signed)")
    stage.add_argument(
        "--authorised-by",
        default=None,
        metavar="NAME",
        help="the supervisor who authorised legal intervention (a move to legal needs one)",
    )
    stage.set_defaults(handler=cases_stage)
    case_closure.register(cases_sub)
    case_new.register(cases_sub)


def cases_list(data_dir: Path, args: argparse.Namespace) -> int:
    with unlocked(data_dir, args.settings) as opened:
        rows = opened.caseload.list_cases()
    if args.json:
        print_json(
            [
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
                    "next_action_due": (
                        r.next_action_due.isoformat() if r.next_action_due else None
                    ),
                    "rag": r.rag,
                }
                for r in rows
            ]
        )
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
    print_table(header, table)
    return 0


def cases_stage(data_dir: Path, args: argparse.Namespace) -> int:
    from officer_app.services.case_stages import CaseStageService, StageRefused

    opened = open_profile(data_dir, args.settings)
    try:
        service = CaseStageService(opened.store, opened.clock, opened.officer.id)
        case = case_id(opened, args.reference)
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
            moved = service.move_stage(case, args.stage, args.reason, authorised_by=supervisor)
        except StageRefused as exc:
            raise CliError(f"{args.reference.strip().upper()}: not moved: {exc}") from None
    finally:
        opened.lock()
    print(
        f"{moved.reference}: {moved.from_label} to {moved.to_label}; "
        f"signed into the case's chronology (entry {moved.chain_seq})"
    )
    return 0

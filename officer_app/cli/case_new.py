"""``officer-app cases new``: take a referral from the command line (issue 11 point 11), for
scripts and for an LA moving its open cases from another system. The same service as the
window's File > New referral (:mod:`officer_app.services.referrals`)."""

from __future__ import annotations

import argparse
from pathlib import Path

from officer_app.cli.common import CliError, Subcommands, iso_day, print_json, unlocked


def register(cases_sub: Subcommands) -> None:
    new = cases_sub.add_parser(
        "new", help="take a new referral: the child, the school, why and when (opens a case)"
    )
    new.add_argument("--child-forename", required=True, metavar="NAME")
    new.add_argument("--child-surname", required=True, metavar="NAME")
    new.add_argument("--dob", required=True, metavar="YYYY-MM-DD", help="date of birth")
    new.add_argument("--school-urn", required=True, metavar="URN", help="the school's URN")
    new.add_argument(
        "--school-name",
        default="",
        metavar="NAME",
        help="the school's name: a URN the profile does not hold yet is added with it",
    )
    new.add_argument(
        "--school-phase",
        default="",
        metavar="PHASE",
        help="a new school's phase: primary, secondary, special, PRU or all-through",
    )
    new.add_argument("--upn", default="", help="the child's UPN (its check letter is checked)")
    new.add_argument("--referral-date", required=True, metavar="YYYY-MM-DD", help="received")
    new.add_argument("--reason", required=True, help="why the child is referred")
    new.add_argument("--referred-by", default="", metavar="TEXT", help="who referred")
    new.add_argument("--gender", default="", help="M or F")
    new.add_argument("--year-group", default="", help="R or 1 to 11")
    new.add_argument(
        "--not-duplicate",
        default="",
        metavar="REASON",
        help="the child already has a case: why this is a new one (recorded, signed)",
    )
    new.add_argument("--json", action="store_true", help="print JSON: reference, case id, stage")
    new.set_defaults(handler=cases_new)


def cases_new(data_dir: Path, args: argparse.Namespace) -> int:
    from officer_app.services.referrals import DuplicateChild, NewReferral, ReferralInvalid

    urn = args.school_urn.strip()
    if not (urn.isdigit() and len(urn) == 6):
        raise CliError(f"--school-urn: {args.school_urn!r} is not a URN (six digits)")
    referral = NewReferral(
        forename=args.child_forename,
        surname=args.child_surname,
        date_of_birth=iso_day("--dob", args.dob),
        reason=args.reason,
        received=iso_day("--referral-date", args.referral_date),
        referred_by=args.referred_by,
        gender=args.gender,
        upn=args.upn,
        school=urn,
        school_name=args.school_name,
        school_phase=args.school_phase,
        year_group=args.year_group,
        not_duplicate_reason=args.not_duplicate,
    )
    with unlocked(data_dir, args.settings) as opened:
        try:
            taken = opened.referrals.take_referral(referral)
        except ReferralInvalid as exc:
            said = (f"--{_OPTIONS.get(p.field, p.field)}: {_hint(p.message)}" for p in exc.problems)
            raise CliError("; ".join(said)) from None
        except DuplicateChild as exc:
            raise CliError(f"not taken: {exc} (--not-duplicate REASON)") from None
    if args.json:
        print_json({"reference": taken.reference, "case_id": taken.case_id, "stage": taken.stage})
    else:
        print(taken.reference)
    return 0


# The option that carries each field the service names.
_OPTIONS = {
    "forename": "child-forename",
    "surname": "child-surname",
    "date of birth": "dob",
    "date received": "referral-date",
    "school": "school-urn",
    "school name": "school-name",
    "school phase": "school-phase",
    "upn": "upn",
    "reason": "reason",
    "referred by": "referred-by",
    "gender": "gender",
    "year group": "year-group",
}


def _hint(message: str) -> str:
    """The service's words, with the option that would add an unknown school."""
    return message.replace("give its name to add it", "give --school-name to add it")

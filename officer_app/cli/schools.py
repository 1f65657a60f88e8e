"""``officer-app schools import|list``: the LA's schools in the profile, so that a profile
made without the demo can take referrals (:mod:`officer_app.services.schools`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from officer_app.cli.common import CliError, Subcommands, print_json, print_table, unlocked


def register(sub: Subcommands) -> None:
    schools = sub.add_parser("schools", help="the LA's schools (URN, name, phase)")
    schools_sub = schools.add_subparsers(dest="schools_command", metavar="ACTION", required=True)
    importing = schools_sub.add_parser(
        "import",
        help="add or update schools from a CSV: the DfE Get Information About Schools export "
        "(URN, EstablishmentName, PhaseOfEducation (name)) or urn,name,phase; all or nothing",
    )
    importing.add_argument("file", type=Path, help="the CSV file")
    importing.set_defaults(handler=schools_import)
    listing = schools_sub.add_parser("list", help="every school in the profile")
    listing.add_argument("--json", action="store_true", help="print JSON instead of a table")
    listing.set_defaults(handler=schools_list)


def schools_import(data_dir: Path, args: argparse.Namespace) -> int:
    from officer_app.services.schools import SchoolService, SchoolsRefused, read_schools_csv

    try:  # the file is read and checked before the profile is opened
        rows = read_schools_csv(args.file)
    except SchoolsRefused as exc:
        if len(exc.lines) == 1:  # one problem (or a file that cannot be read): one line
            raise CliError(f"{exc.lines[0]}; nothing imported") from None
        for line in exc.lines:
            print(f"officer-app: {line}", file=sys.stderr)
        raise CliError(f"{args.file}: {len(exc.lines)} bad rows; nothing imported") from None
    with unlocked(data_dir, args.settings) as opened:
        counts = SchoolService(opened.store).import_rows(rows)
    print(f"{counts.added} added, {counts.updated} updated, {counts.unchanged} unchanged")
    return 0


def schools_list(data_dir: Path, args: argparse.Namespace) -> int:
    from officer_app.services.schools import SchoolService

    with unlocked(data_dir, args.settings) as opened:
        rows = SchoolService(opened.store).list_schools()
    if args.json:
        print_json([{"urn": r.urn, "name": r.name, "phase": r.phase} for r in rows])
    else:
        print_table(("URN", "Name", "Phase"), [(r.urn, r.name, r.phase) for r in rows])
    return 0

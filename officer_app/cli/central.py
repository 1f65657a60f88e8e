"""``officer-app central``: run the central store and administer it (issue 14). The work is in
:mod:`officer_app.central` (``admin`` and ``app``); here it is only asked for and said. No
profile is opened: ``--db`` names the store (default: a SQLite file in the user data folder)."""

from __future__ import annotations

import argparse
import dataclasses
import ipaddress
from pathlib import Path
from typing import TYPE_CHECKING

from officer_app.cli import central_demo
from officer_app.cli.common import (
    EXIT_CANNOT_OPEN,
    CliError,
    Subcommands,
    print_json,
    print_table,
)
from officer_app.paths import default_data_dir
from officer_app.sync.protocol import ROLES

if TYPE_CHECKING:
    from officer_app.central.db import Database

DEFAULT_PORT = 8765


def register(sub: Subcommands) -> None:
    central = sub.add_parser(
        "central", help="the central store: serve it, add LAs and users, allocate, enrol devices"
    )
    central.add_argument(
        "--db",
        default=None,
        metavar="URL",
        help="the store: sqlite:///FILE or postgresql+psycopg://… (default: central.sqlite3 "
        "in the user data folder)",
    )
    csub = central.add_subparsers(dest="central_command", metavar="ACTION", required=True)
    serve = csub.add_parser("serve", help="answer devices over HTTP (uvicorn)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=DEFAULT_PORT)
    serve.add_argument(
        "--insecure",
        action="store_true",
        help="allow a non-loopback address and plain HTTP (only behind a TLS proxy)",
    )
    serve.set_defaults(handler=run_serve)
    la = csub.add_parser("la", help="local authorities")
    la_sub = la.add_subparsers(dest="la_command", metavar="ACTION", required=True)
    la_create = la_sub.add_parser("create", help="add a local authority; prints its id")
    la_create.add_argument("name", metavar="NAME")
    la_create.set_defaults(handler=run_la_create)
    user = csub.add_parser("user", help="users")
    user_sub = user.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    add = user_sub.add_parser("add", help="add a user; prints their id")
    add.add_argument("--la", required=True, metavar="ID")
    add.add_argument("--name", required=True, metavar="N")
    add.add_argument("--initials", required=True, metavar="I")
    add.add_argument("--role", required=True, choices=ROLES)
    add.add_argument("--team", default=None, metavar="T", help="a team's name or id")
    add.set_defaults(handler=run_user_add)
    allocate = csub.add_parser("allocate", help="allocate a case to a user")
    allocate.add_argument("case", metavar="CASE_REF")
    allocate.add_argument("--to", required=True, metavar="USER")
    allocate.set_defaults(handler=run_allocate)
    code = csub.add_parser("enrolment-code", help="a one-time code enrolling a device (7 days)")
    code.add_argument("user", metavar="USER")
    code.set_defaults(handler=run_enrolment_code)
    devices = csub.add_parser("devices", help="enrolled devices")
    devices_sub = devices.add_subparsers(dest="devices_command", metavar="ACTION", required=True)
    listing = devices_sub.add_parser("list", help="every device, enrolled and revoked")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=run_devices_list)
    device = csub.add_parser("device", help="one device")
    device_sub = device.add_subparsers(dest="device_command", metavar="ACTION", required=True)
    revoke = device_sub.add_parser("revoke", help="revoke it: it purges at its next contact")
    revoke.add_argument("device_id", metavar="DEVICE_ID")
    revoke.set_defaults(handler=run_device_revoke)
    central_demo.register(csub)


def default_url() -> str:
    return f"sqlite:///{default_data_dir() / 'central' / 'central.sqlite3'}"


def open_store(args: argparse.Namespace) -> Database:
    from sqlalchemy.exc import SQLAlchemyError

    from officer_app.central.db import open_database

    url = args.db or default_url()
    try:
        return open_database(url)
    except (SQLAlchemyError, OSError) as exc:
        raise CliError(
            f"--db: cannot open the store ({type(exc).__name__})", EXIT_CANNOT_OPEN
        ) from None


def _admin_call(args: argparse.Namespace, name: str, *params: object, **named: object) -> object:
    from officer_app.central import admin

    database = open_store(args)
    try:
        return getattr(admin, name)(database, *params, **named)
    except admin.AdminError as exc:
        raise CliError(str(exc)) from None
    finally:
        database.dispose()


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def run_serve(_data_dir: Path, args: argparse.Namespace) -> int:
    if not args.insecure and not is_loopback(args.host):
        raise CliError(
            f"refusing to serve on {args.host}: put a TLS proxy in front and pass --insecure"
        )
    import uvicorn

    from officer_app.central.app import create_app

    database = open_store(args)
    app = create_app(database, allow_insecure=args.insecure)
    uvicorn.run(app, host=args.host, port=args.port, proxy_headers=True, log_level="warning")
    return 0


def run_la_create(_data_dir: Path, args: argparse.Namespace) -> int:
    print(_admin_call(args, "create_la", args.name))
    return 0


def run_user_add(_data_dir: Path, args: argparse.Namespace) -> int:
    named = {"team": args.team}
    print(_admin_call(args, "add_user", args.la, args.name, args.initials, args.role, **named))
    return 0


def run_allocate(_data_dir: Path, args: argparse.Namespace) -> int:
    case_id = _admin_call(args, "allocate", args.case, args.to)
    print(f"case {case_id} allocated to {args.to}")
    return 0


def run_enrolment_code(_data_dir: Path, args: argparse.Namespace) -> int:
    code = _admin_call(args, "enrolment_code", args.user)
    print(code)
    print("Give it to the user once; it works for one device, for 7 days.")
    return 0


def run_devices_list(_data_dir: Path, args: argparse.Namespace) -> int:
    rows = _admin_call(args, "list_devices")
    assert isinstance(rows, list)
    if args.json:
        print_json(
            [
                {k: str(v) if v is not None else None for k, v in dataclasses.asdict(r).items()}
                for r in rows
            ]
        )
        return 0
    table = [
        [r.device_id, r.user_name, r.name, r.app_version,
         r.last_seen.isoformat(timespec="minutes") if r.last_seen else "",
         "revoked" if r.revoked_at else "active"]
        for r in rows
    ]  # fmt: skip
    print_table(["DEVICE", "USER", "NAME", "APP", "LAST SEEN", "STATE"], table)
    return 0


def run_device_revoke(_data_dir: Path, args: argparse.Namespace) -> int:
    if not _admin_call(args, "revoke_device", args.device_id):
        raise CliError(f"no active device {args.device_id}")
    print(f"device {args.device_id} revoked: it purges everything at its next contact")
    return 0

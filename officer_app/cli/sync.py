"""``officer-app enrol``, ``sync`` and ``conflicts list``: this desktop as a device of the
LA's central store (officer_app.sync)."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from officer_app.cli.common import (
    EXIT_CANNOT_OPEN,
    PASSPHRASE_ENV,
    CliError,
    Subcommands,
    env_text,
    lock,
    print_json,
    print_table,
    unlocked,
    warn_key_store,
)

if TYPE_CHECKING:
    from officer_app.sync.client import SyncReport


def register(sub: Subcommands) -> None:
    enrol = sub.add_parser(
        "enrol",
        help="make this desktop a device of the LA's central store with a one-time code "
        f"(a new profile for its user; passphrase from {PASSPHRASE_ENV} or asked)",
    )
    enrol.add_argument("--server", required=True, metavar="URL", help="https://… of the store")
    enrol.add_argument("--code", required=True, metavar="CODE", help="the one-time code")
    enrol.add_argument(
        "--insecure", action="store_true", help="allow a plain http address (a trusted network)"
    )
    enrol.set_defaults(handler=enrol_device)
    sync = sub.add_parser("sync", help="send this profile's changes and fetch everyone else's")
    sync.add_argument("--json", action="store_true", help="the round's report as JSON")
    sync.set_defaults(handler=sync_now)
    conflicts = sub.add_parser("conflicts", help="edits the central store could not merge")
    conflicts_sub = conflicts.add_subparsers(
        dest="conflicts_command", metavar="ACTION", required=True
    )
    listing = conflicts_sub.add_parser("list", help="both values, who and when")
    listing.add_argument("--all", action="store_true", help="resolved ones too")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=conflicts_list)


def _new_passphrase() -> str:
    secret = env_text(PASSPHRASE_ENV)
    if secret:
        return secret
    if not sys.stdin.isatty():
        raise CliError(f"no passphrase: set {PASSPHRASE_ENV}", EXIT_CANNOT_OPEN)
    secret = getpass.getpass("New passphrase: ")
    if getpass.getpass("New passphrase again: ") != secret:
        raise CliError("the two passphrases differ; nothing was done")
    return secret


def enrol_device(data_dir: Path, args: argparse.Namespace) -> int:
    from officer_app.services.profile import ProfileError
    from officer_app.services.sync_device import enrol
    from officer_app.sync.enrol import InsecureServer, check_server_url
    from officer_app.sync.errors import SyncError

    try:
        url = check_server_url(args.server, insecure=args.insecure)
    except InsecureServer as exc:
        raise CliError(f"--server: {exc}") from exc
    secret = _new_passphrase()
    try:
        done = enrol(
            data_dir, url, args.code, secret, insecure=args.insecure, settings=args.settings
        )
    except SyncError as exc:
        raise CliError(str(exc), EXIT_CANNOT_OPEN) from exc
    except ProfileError as exc:
        raise CliError(str(exc), EXIT_CANNOT_OPEN) from exc
    warn_key_store(done.profile)
    lock(done.profile)
    officer = done.profile.officer
    print(f"enrolled: profile made in {data_dir} for {officer.name} ({officer.role})")
    if done.report is None:
        raise CliError(f"the first sync failed: {done.sync_error}", EXIT_CANNOT_OPEN)
    _print_report(done.report)
    return 0


def sync_now(data_dir: Path, args: argparse.Namespace) -> int:
    from officer_app.services.profile import ProfileError
    from officer_app.services.sync_device import sync_client
    from officer_app.sync.errors import SyncError

    with unlocked(data_dir, args.settings) as opened:
        try:
            client = sync_client(opened)
        except ProfileError as exc:
            raise CliError(str(exc), EXIT_CANNOT_OPEN) from exc
        try:
            report = client.run()
        except SyncError as exc:
            raise CliError(f"sync stopped: {exc}", EXIT_CANNOT_OPEN) from exc
        finally:
            close = getattr(client.transport, "close", None)
            if close is not None:
                close()
    if args.json:
        print_json(report.as_json())
    else:
        _print_report(report)
    return 0


def _print_report(report: SyncReport) -> None:
    print(
        f"pushed {report.pushed} (applied {report.applied + report.duplicates}, "
        f"conflicts {report.conflicts}, rejected {report.rejected}, held {report.held}); "
        f"pulled {report.pulled}; purged {report.purged}; "
        f"open conflicts {report.conflicts_open}; files sent {report.files_uploaded}, "
        f"received {report.files_downloaded}, waiting {report.files_waiting}"
    )
    for failure in report.file_failures:  # tried again next round
        print(f"officer-app: {failure}", file=sys.stderr)


def conflicts_list(data_dir: Path, args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from officer_app.store.models import SyncConflict

    with unlocked(data_dir, args.settings) as opened:
        query = select(SyncConflict).order_by(SyncConflict.client_at, SyncConflict.conflict_id)
        if not args.all:
            query = query.where(SyncConflict.status == "open")
        rows: list[dict[str, Any]] = opened.store.read(
            lambda s: [
                {
                    "conflict_id": c.conflict_id,
                    "kind": c.kind,
                    "status": c.status,
                    "entity_type": c.entity_type,
                    "entity_id": c.entity_id,
                    "field": c.field,
                    "server_value": c.server_value,
                    "server_user": c.server_user,
                    "server_at": c.server_at,
                    "client_value": c.client_value,
                    "client_user": c.client_user,
                    "client_at": c.client_at,
                    "detail": c.detail,
                }
                for c in s.scalars(query)
            ]
        )
    if args.json:
        print_json(rows)
        return 0
    if not rows:
        print("no open conflicts")
        return 0
    header = ("KIND", "RECORD", "FIELD", "CENTRAL STORE", "BY / AT", "THIS DEVICE", "BY / AT")
    print_table(
        header,
        [
            (
                r["kind"],
                f"{r['entity_type']} {r['entity_id'][:8]}",
                r["field"],
                _short(r["server_value"]),
                f"{r['server_user'] or '?'} {r['server_at'] or ''}",
                _short(r["client_value"]),
                f"{r['client_user'] or '?'} {r['client_at'] or ''}",
            )
            for r in rows
        ],
    )
    return 0


def _short(value: Any, width: int = 40) -> str:
    text = " ".join(str(value).split()) if value is not None else "—"
    return text if len(text) <= width else text[: width - 1] + "…"

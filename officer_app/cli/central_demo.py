"""``officer-app central --db URL demo --cases N``: a central store with a demo local authority.

The caseload is the desktop demo's own (``officer-app demo``: the same generator, the same
replay of letters, notices, interviews, statements and packs through the real services),
built in a throwaway encrypted profile, then read row by row with the scopes each row belongs
to (:func:`officer_app.sync.scoping.scoped_rows`) and loaded into the central store as
server-confirmed rows. The LA's users are the demo's team, with the same ids as the officer
rows the cases name: six attendance officers (the cases allocated among them as the demo
allocates them), a supervisor and a court officer. Each gets a fresh one-time enrolment code.
The attachments' files (the letters and packs kept) go into the store by their hash, so
that each device fetches those of its cases (central/blobs.py).
"""

from __future__ import annotations

import argparse
import datetime as dt
import secrets
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

from officer_app.cli.common import CliError, print_json, print_table, say

if TYPE_CHECKING:
    from officer_app.central.db import Database

DEMO_LA_NAME = "Demo Borough Council"
DEMO_TEAM = "Attendance team"
MAX_CASES = 2000
"""A central demo is a team's caseload several times over; more is a load test (bench/)."""


class ThrowawayKeyring(KeyringBackend):
    """Holds the throwaway profile's device secret for as long as the command runs: the
    profile is deleted at the end, so nothing goes near the OS keychain."""

    priority = 0  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self._secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self._secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self._secrets.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


@dataclass
class DemoUser:
    user_id: str
    name: str
    initials: str
    role: str
    code: str = ""
    cases: list[str] = field(default_factory=list)


@dataclass
class DemoCaseload:
    """What the throwaway profile held: the team, the cases and every row with its scopes."""

    users: list[DemoUser]
    cases: list[tuple[str, str, str, str | None]]  # id, reference, stage, officer id
    rows: list[tuple[list[str], str, str, dict[str, Any]]]
    files: list[tuple[bytes, str]] = field(default_factory=list)  # attachments: content, type


def register(csub: Any) -> None:
    """Adds ``demo`` to ``officer-app central`` (``csub``: its subcommands)."""
    demo = csub.add_parser(
        "demo",
        help="a demo LA: a team, the demo caseload allocated among them, an enrolment code each",
    )
    demo.add_argument("--cases", type=int, required=True, help=f"how many cases (1 to {MAX_CASES})")
    demo.add_argument("--seed", type=int, default=1, help="the same seed gives the same cases")
    demo.add_argument("--json", action="store_true", help="the users, codes and cases as JSON")
    demo.set_defaults(handler=run_central_demo)


def _team_role(role: str) -> str:
    return role if role in ("officer", "supervisor", "court_officer") else "officer"


def build_caseload(cases: int, seed: int, la_id: str) -> DemoCaseload:
    """The desktop demo of ``cases`` cases, built in a throwaway profile and read back."""
    from sqlalchemy import select

    from officer_app.demo import DEMO_OFFICER_NAME, topup
    from officer_app.security.keys import FAST_TEST_KDF
    from officer_app.services import profile
    from officer_app.store.models import Attachment, Case, Officer
    from officer_app.sync.scoping import scoped_rows

    with tempfile.TemporaryDirectory(prefix="officer-app-central-demo-") as folder:
        # A random passphrase nobody will type and a light key derivation: the profile lives
        # for the length of this command, in a folder deleted when it ends.
        opened = profile.create_profile(
            Path(folder) / "profile",
            secrets.token_urlsafe(24),
            officer_name=DEMO_OFFICER_NAME,
            officer_initials="".join(p[0] for p in DEMO_OFFICER_NAME.split()),
            kdf=FAST_TEST_KDF,
            backend=ThrowawayKeyring(),
        )
        try:
            today = opened.clock.today()

            def work(session: Any) -> Any:
                session.info["untracked"] = True
                return topup.populate_pending(session, cases=cases, seed=seed, today=today)

            say(f"building the demo caseload ({cases} cases)")
            _result, todo = opened.store.write_wait(work)
            if todo is not None:
                topup.replay(opened, todo, say)

            def read(session: Any) -> DemoCaseload:
                users = [
                    DemoUser(o.id, o.name, o.initials, _team_role(o.role))
                    for o in session.scalars(select(Officer).order_by(Officer.name))
                ]
                found = [
                    (c.id, c.reference, c.stage, c.officer_id)
                    for c in session.scalars(select(Case).order_by(Case.reference))
                ]
                rows = [
                    (list(scopes), kind, ident, values)
                    for scopes, kind, ident, values in scoped_rows(session, la_id)
                ]
                return DemoCaseload(users, found, rows)

            caseload = opened.store.read(read)
            # the letters' and packs' files, so that every device can fetch them by hash
            attachments = opened.store.read(
                lambda s: {a.sha256: (a.id, a.media_type) for a in s.scalars(select(Attachment))}
            )
            caseload.files = [
                (opened.attachments.read(ident), media_type)
                for ident, media_type in attachments.values()
            ]
            return caseload
        finally:
            opened.lock()


def load(database: Database, cases: int, seed: int) -> tuple[str, DemoCaseload]:
    """A new demo LA in ``database`` with its team, caseload and enrolment codes."""
    from officer_app.central import admin, blobs

    la_id = admin.create_la(database, DEMO_LA_NAME)
    caseload = build_caseload(cases, seed, la_id)
    say("loading it into the central store")
    for user in caseload.users:
        admin.add_user(
            database, la_id, user.name, user.initials, user.role, DEMO_TEAM, user_id=user.user_id
        )
    admin.register_cases(
        database,
        la_id,
        (
            admin.CaseRow(case_id, ref, stage, officer)
            for case_id, ref, stage, officer in caseload.cases
        ),
    )
    admin.load_case_rows(database, la_id, caseload.rows)
    with database.engine.begin() as conn:
        now = dt.datetime.now(dt.UTC)
        for data, media_type in caseload.files:
            blobs.store_complete(conn, la_id, data, media_type, now)
    by_id = {user.user_id: user for user in caseload.users}
    for _case_id, reference, _stage, officer in caseload.cases:
        if officer in by_id:
            by_id[officer].cases.append(reference)
    for user in caseload.users:
        user.code = admin.enrolment_code(database, user.user_id)
    return la_id, caseload


def run_central_demo(_data_dir: Path, args: argparse.Namespace) -> int:
    from officer_app.central import admin
    from officer_app.cli.central import open_store

    if not 1 <= args.cases <= MAX_CASES:
        raise CliError(f"--cases: give a number from 1 to {MAX_CASES:,}")
    if not 0 <= args.seed <= 2**31 - 1:
        raise CliError("--seed: give a whole number from 0 to 2147483647")
    database = open_store(args)
    try:
        la_id, caseload = load(database, args.cases, args.seed)
    except admin.AdminError as exc:
        raise CliError(str(exc)) from None
    finally:
        database.dispose()
    if args.json:
        print_json(
            {
                "la": {"id": la_id, "name": DEMO_LA_NAME},
                "users": [
                    {
                        "id": u.user_id,
                        "name": u.name,
                        "role": u.role,
                        "code": u.code,
                        "cases": u.cases,
                    }
                    for u in caseload.users
                ],
                "rows": len(caseload.rows),
            }
        )
        return 0
    print(f"{DEMO_LA_NAME} ({la_id}): {len(caseload.cases)} cases, {len(caseload.rows)} rows")
    print_table(
        ["NAME", "ROLE", "CASES", "ENROLMENT CODE", "USER ID"],
        [[u.name, u.role, str(len(u.cases)), u.code, u.user_id] for u in caseload.users],
    )
    print(
        "Enrol a desktop with: officer-app --data-dir DIR enrol --server URL --code CODE "
        "(each code works once, for 7 days)"
    )
    return 0

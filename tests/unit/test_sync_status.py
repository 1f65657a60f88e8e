"""What the window is told about sync, against the REAL central app as transport: an officer
and their supervisor enrolled, both edit one case's next action offline, the second to push
meets a conflict; its state, its case's state, the conflict with both values, and a merged
resolution that the next round settles on the server and on both laptops."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select, text

from officer_app.central.app import create_app
from officer_app.central.db import Database, open_database
from officer_app.cli import main
from officer_app.clock import FixedClock
from officer_app.security.keys import FAST_TEST_KDF
from officer_app.services.profile import OpenProfile
from officer_app.services.sync_device import enrol
from officer_app.services.sync_status import (
    ConflictError,
    SyncStatusService,
    run_round,
)
from officer_app.store.models import Case
from tests.conftest import TEST_PASSPHRASE, MemoryKeyring

SERVER = "https://testserver"


@dataclass
class Pair:
    """Two enrolled laptops on one central store: ``mine`` (an officer), ``theirs`` (their
    supervisor), and a case of the officer's that both hold."""

    client: TestClient
    database: Database
    mine: OpenProfile
    theirs: OpenProfile
    case_id: str

    def status(self, opened: OpenProfile) -> SyncStatusService:
        return SyncStatusService(opened.store, opened.clock, opened.officer.id)

    def next_action(self, opened: OpenProfile, value: str | None = None) -> str:
        def work(session):  # type: ignore[no-untyped-def]
            case = session.get_one(Case, self.case_id)
            if value is not None:
                case.next_action = value
            return case.next_action

        return str(opened.store.write_wait(work))


def central_pair(tmp_path: Path, backend: MemoryKeyring, clock: FixedClock) -> Iterator[Pair]:
    url = f"sqlite:///{tmp_path / 'central.db'}"
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["central", "--db", url, "demo", "--cases", "4", "--json"]) == 0
    users = json.loads(out.getvalue())["users"]
    officer = next(u for u in users if u["role"] == "officer" and u["cases"])
    supervisor = next(u for u in users if u["role"] == "supervisor")
    database = open_database(url)
    opened: list[OpenProfile] = []
    try:
        with TestClient(create_app(database), base_url=SERVER) as client:
            for who, user in (("mine", officer), ("theirs", supervisor)):
                done = enrol(
                    tmp_path / who, SERVER, user["code"], TEST_PASSPHRASE, transport=client,
                    backend=backend, kdf=FAST_TEST_KDF, clock=clock,
                )  # fmt: skip
                assert done.report is not None, done.sync_error
                opened.append(done.profile)
            mine, theirs = opened
            reference = officer["cases"][0]
            case_id = mine.store.read(
                lambda s: s.scalar(select(Case.id).where(Case.reference == reference))
            )
            assert case_id is not None
            yield Pair(client, database, mine, theirs, case_id)
    finally:
        for profile in opened:
            profile.lock()
        database.dispose()


def make_conflict(pair: Pair) -> None:
    """Both edit the next action offline; the supervisor syncs first, then the officer."""
    pair.next_action(pair.mine, "Home visit on Monday")
    pair.next_action(pair.theirs, "Call the school first")
    assert run_round(pair.theirs, pair.client).ok
    outcome = run_round(pair.mine, pair.client)
    assert outcome.ok and outcome.conflicts_open == 1


@pytest.fixture()
def pair(tmp_path: Path, keyring_backend: MemoryKeyring, clock: FixedClock) -> Iterator[Pair]:
    yield from central_pair(tmp_path, keyring_backend, clock)


def test_a_profile_never_enrolled_is_not_connected(demo_profile: OpenProfile) -> None:
    status = SyncStatusService(demo_profile.store, demo_profile.clock, demo_profile.officer.id)
    state = status.state()
    assert not state.enrolled and state.pending == 0
    assert status.case_states() == {}


def test_changes_waiting_their_age_and_the_case_they_belong_to(
    pair: Pair, clock: FixedClock
) -> None:
    status = pair.status(pair.mine)
    state = status.state()
    assert state.enrolled and state.server == SERVER
    assert state.pending == 0 and state.last_success is not None
    pair.next_action(pair.mine, "Home visit on Monday")
    clock.advance(dt.timedelta(hours=3))
    state = status.state()
    assert state.pending == 1 and state.oldest_pending_age == dt.timedelta(hours=3)
    assert not state.long_wait
    assert status.case_states()[pair.case_id].pending == 1
    clock.advance(dt.timedelta(hours=22))
    assert status.state().long_wait
    outcome = run_round(pair.mine, pair.client)
    assert outcome.ok and outcome.sent == 1
    assert status.state().pending == 0 and status.case_states() == {}


def test_a_conflict_shows_both_values_and_a_merge_settles_it_everywhere(pair: Pair) -> None:
    make_conflict(pair)
    status = pair.status(pair.mine)
    assert status.state().open_conflicts == 1
    assert status.case_states()[pair.case_id].conflicts == 1
    [conflict] = status.conflicts(pair.case_id)
    assert conflict.field == "next_action" and conflict.resolvable
    assert (conflict.mine, conflict.my_name) == ("Home visit on Monday", "you")
    assert conflict.theirs == "Call the school first"
    assert conflict.their_name == pair.theirs.officer.name
    assert status.conflicts("another-case") == []

    merged = "Call the school first, then a home visit on Monday"
    status.resolve(conflict.conflict_id, merged)
    [waiting] = status.conflicts()
    assert waiting.waiting  # resolved here, not sent yet
    assert pair.next_action(pair.mine) == merged
    with pytest.raises(ConflictError):
        status.resolve("no-such-conflict", "x")

    assert run_round(pair.mine, pair.client).ok
    assert status.conflicts() == [] and status.state().open_conflicts == 0
    assert status.state().pending == 0
    assert run_round(pair.theirs, pair.client).ok
    assert pair.next_action(pair.theirs) == merged
    with pair.database.engine.connect() as conn:
        assert conn.execute(text("SELECT status FROM conflict")).scalars().all() == ["resolved"]


def test_keep_mine_is_sent_even_though_this_laptop_holds_it_already(pair: Pair) -> None:
    make_conflict(pair)
    status = pair.status(pair.mine)
    [conflict] = status.conflicts()
    # the server kept its value; this laptop still shows the officer's own
    status.resolve(conflict.conflict_id, conflict.mine)
    assert run_round(pair.mine, pair.client).ok
    assert run_round(pair.theirs, pair.client).ok
    assert pair.next_action(pair.theirs) == conflict.mine
    assert status.conflicts() == []

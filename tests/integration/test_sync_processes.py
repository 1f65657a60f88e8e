"""Two officers and a supervisor, each a real process with their own profile, against one
central store served by ``officer-app central serve`` (issue 14, "Done when"): they enrol with
the demo's codes, work offline on overlapping cases, reconnect, and every change arrives,
the clash is shown to both people, and nobody holds a case that is not theirs."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from officer_app.store.models import Case, ChronologyEntry
from officer_app.sync import protocol

PASS = "a long demo passphrase"
CASES = 12

pytestmark = pytest.mark.slow


def _env(tmp: Path) -> dict[str, str]:
    return {
        **os.environ,
        "PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring",
        "XDG_DATA_HOME": str(tmp / "xdg"),
        "OFFICER_APP_PASSPHRASE": PASS,
    }


def _cli(tmp: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "officer_app", *args],
        capture_output=True,
        text=True,
        timeout=300,
        env=_env(tmp),
        stdin=subprocess.DEVNULL,
    )


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str, dict[str, Any]]]:
    tmp = tmp_path_factory.mktemp("sync")
    db = f"sqlite:///{tmp / 'central.sqlite3'}"
    made = _cli(tmp, "central", "--db", db, "demo", "--cases", str(CASES), "--json")
    assert made.returncode == 0, made.stderr
    demo = json.loads(made.stdout)
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "officer_app", "central", "--db", db, "serve", "--port", str(port)],
        env=_env(tmp),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.post(f"{url}{protocol.PREFIX}/hello", json={}, timeout=1)
                break
            except httpx.TransportError:
                assert server.poll() is None, server.stderr.read() if server.stderr else ""
                assert time.monotonic() < deadline, "the central store did not start"
                time.sleep(0.2)
        yield tmp, url, demo
    finally:
        server.terminate()
        server.wait(timeout=30)


def _open(tmp: Path, name: str, monkeypatch: pytest.MonkeyPatch) -> Any:
    from keyrings.alt.file import PlaintextKeyring

    from officer_app.services.profile import unlock_profile

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp / "xdg"))
    return unlock_profile(tmp / name, PASS, backend=PlaintextKeyring())


def _cases(opened: Any) -> set[str]:
    return set(opened.store.read(lambda s: set(s.scalars(select(Case.reference)))))


def test_two_officers_and_a_supervisor_work_offline_and_every_change_arrives(
    world: tuple[Path, str, dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    tmp, url, demo = world
    officers = sorted(
        (u for u in demo["users"] if u["role"] == "officer" and u["cases"]),
        key=lambda u: -len(u["cases"]),
    )
    a, b = officers[0], officers[1]
    supervisor = next(u for u in demo["users"] if u["role"] == "supervisor")
    for name, user in (("a", a), ("b", b), ("s", supervisor)):
        enrolled = _cli(
            tmp, "--data-dir", str(tmp / name), "enrol", "--server", url, "--code", user["code"]
        )
        assert enrolled.returncode == 0, enrolled.stderr
        assert "enrolled" in enrolled.stdout

    # Each holds exactly the cases they may: the officers their own, the supervisor the team's.
    first = _open(tmp, "a", monkeypatch)
    try:
        assert _cases(first) == set(a["cases"])
        reference = sorted(a["cases"])[0]
        case_id = first.store.read(
            lambda s: s.scalar(select(Case.id).where(Case.reference == reference))
        )
        adult = first.family_changes.people(case_id).adults[0]
        first.family_changes.change_phone(
            adult.id, "07700 900001", "the mother rang from a new number"
        )
        first.cases.sign_note(case_id, "Officer A: spoke to the school about the new timetable.")
    finally:
        first.lock()
    boss = _open(tmp, "s", monkeypatch)
    try:
        assert set(a["cases"]) | set(b["cases"]) <= _cases(boss)
        boss.family_changes.change_phone(adult.id, "07700 900002", "the father gave his number")
        boss.cases.sign_note(case_id, "Supervisor: agreed the plan with officer A by phone.")
    finally:
        boss.lock()

    # Reconnect: each syncs (A first), then A again to hear of the clash.
    for name in ("a", "s", "a", "b"):
        done = _cli(tmp, "--data-dir", str(tmp / name), "sync", "--json")
        assert done.returncode == 0, done.stderr

    def notes(opened: Any) -> set[str]:
        return set(
            opened.store.read(
                lambda s: set(
                    s.scalars(
                        select(ChronologyEntry.body).where(
                            ChronologyEntry.case_id == case_id,
                            ChronologyEntry.body.like("%: %"),
                        )
                    )
                )
            )
        )

    wanted = {
        "Officer A: spoke to the school about the new timetable.",
        "Supervisor: agreed the plan with officer A by phone.",
    }
    for name in ("a", "s"):
        opened = _open(tmp, name, monkeypatch)
        try:
            assert wanted <= notes(opened), name  # every signed note arrived on both
        finally:
            opened.lock()
        listed = _cli(tmp, "--data-dir", str(tmp / name), "conflicts", "list", "--json")
        assert listed.returncode == 0, listed.stderr
        clashes = [c for c in json.loads(listed.stdout) if c["field"] == "phone"]
        assert len(clashes) == 1, name  # the clash is shown to both people, with both values
        values = {clashes[0]["server_value"], clashes[0]["client_value"]}
        assert values == {"07700 900001", "07700 900002"}
        verified = _cli(tmp, "--data-dir", str(tmp / name), "verify")
        assert "every chain is intact, every head matches" in verified.stdout, verified.stderr
        # the attachments' files (stored letters, packs) arrived by content hash: none missing
        assert verified.returncode == 0, verified.stderr
        assert "MISSING" not in verified.stderr, verified.stderr

    other = _open(tmp, "b", monkeypatch)
    try:
        assert _cases(other) == set(b["cases"])  # B never receives A's case
        assert reference not in _cases(other)
        count = other.store.read(
            lambda s: s.scalar(
                select(func.count())
                .select_from(ChronologyEntry)
                .where(ChronologyEntry.case_id == case_id)
            )
        )
        assert count == 0
    finally:
        other.lock()

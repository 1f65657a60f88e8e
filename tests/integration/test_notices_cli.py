"""`officer-app notices`: the list, and the LA's record of every notice issued as CSV."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from tests.integration.test_cli import run


@pytest.fixture(scope="module")
def profile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("notices")
    made = run(tmp, "demo", "--cases", "40", "--seed", "7", "--today", "2026-11-20")
    assert made.returncode == 0, made.stderr
    assert "penalty notices considered" in made.stdout
    return tmp


@pytest.mark.slow
def test_the_list_and_the_record_agree(profile: Path) -> None:
    listed = run(profile, "notices", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    notices = json.loads(listed.stdout)
    issued = sorted(n["number"] for n in notices if n["issued_on"])
    assert issued, "the demo has notices issued"
    assert {n["status"] for n in notices} >= {"not_issued", "considered"}
    out = profile / "record.csv"
    made = run(profile, "notices", "record", "--out", str(out))
    assert made.returncode == 0, made.stderr
    assert f"the record of {len(issued)} penalty notice(s) issued" in made.stdout
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert sorted(r["number"] for r in rows) == issued
    assert all(len(r["copy_sha256"]) == 64 for r in rows if not r["issued_by_others"])
    # the demo's head teacher's notice: in the record, marked as issued by someone else
    others = [n for n in notices if n["issued_by_others"]]
    assert [r["number"] for r in rows if r["issued_by_others"]] == [n["number"] for n in others]
    assert others and others[0]["issued_by_others"].startswith("Issued by a head teacher")
    table = run(profile, "notices", "list")
    assert "Paid within" in table.stdout and issued[0] in table.stdout


def test_bad_arguments_say_what_is_wrong(profile: Path) -> None:
    wrong = run(profile, "notices", "record", "--out", str(profile / "record.txt"))
    assert wrong.returncode == 1 and "give a .csv or a .pdf file" in wrong.stderr
    backwards = run(
        profile, "notices", "record", "--out", str(profile / "r.pdf"),
        "--from", "2026-12-01", "--to", "2026-01-01",
    )  # fmt: skip
    assert backwards.returncode == 1 and "before --from" in backwards.stderr
    assert not (profile / "r.pdf").exists()


def test_the_demo_history_is_not_waiting_to_sync(
    profile: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The demo's notices and letters are synthetic history, as if synced, like the rest."""
    from keyrings.alt.file import PlaintextKeyring
    from sqlalchemy import func, select

    from officer_app.services.profile import unlock_profile
    from officer_app.store.models import OutboxMutation
    from tests.integration.test_cli import PASS

    monkeypatch.setenv("XDG_DATA_HOME", str(profile / "xdg"))
    opened = unlock_profile(profile / "profile", PASS, backend=PlaintextKeyring())
    try:
        pending = opened.store.read(
            lambda s: [
                m.entity_type
                for m in s.scalars(select(OutboxMutation).where(OutboxMutation.state == "pending"))
            ]
        )
        assert pending == ["officer"]  # only the profile's own officer, made with the profile
        synced = opened.store.read(
            lambda s: s.scalar(
                select(func.count())
                .select_from(OutboxMutation)
                .where(OutboxMutation.state == "synced")
            )
        )
        assert synced > 0  # the replayed work did make its mutations
    finally:
        opened.lock()

"""A demo top-up stopped between any two of its transactions is completed by running it
again, and ends as if it had never stopped; a demo request out of range is refused first."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest

from officer_app.demo import topup
from officer_app.demo.generator import outbox_high_water
from officer_app.services.profile import OpenProfile, unlock_profile
from officer_app.store import evidence
from officer_app.store.models import ProfileSetting
from officer_app.store.writer import StoreWriter
from tests.conftest import DEMO_CASES, TEST_PASSPHRASE, MemoryKeyring
from tests.integration.demo_counts_child import counts

REAL_TODAY = dt.date(2026, 12, 3)


def _ok(**overrides: Any) -> None:
    request: dict[str, Any] = {"cases": 10, "seed": 1, "today": dt.date(2026, 11, 20)}
    topup.check_request(**{**request, **overrides}, real_today=REAL_TODAY)


@pytest.mark.parametrize(
    ("overrides", "says"),
    [
        ({"today": dt.date(1, 1, 1)}, "--today: 0001-01-01 is before 2025-09-01"),
        ({"today": dt.date(2025, 8, 31)}, "--today: 2025-08-31 is before 2025-09-01"),
        ({"today": dt.date(9999, 12, 31)}, "--today: 9999-12-31 is more than a year ahead"),
        ({"today": REAL_TODAY + dt.timedelta(days=367)}, "more than a year ahead"),
        ({"cases": -1}, "--cases: -1 is below zero"),
        ({"cases": 20_001}, "--cases: 20001 is more than a demo holds"),
        ({"cases": 10**9}, "--cases: 1000000000 is more than a demo holds"),
        ({"seed": -1}, "--seed: give a whole number from 0 to 2147483647"),
        ({"seed": 2**31}, "--seed: give a whole number from 0 to 2147483647"),
    ],
)
def test_a_demo_request_out_of_range_is_refused(overrides: dict[str, Any], says: str) -> None:
    with pytest.raises(topup.DemoRefused, match=says.replace("(", r"\(")):
        _ok(**overrides)


def test_the_ends_of_each_range_are_allowed() -> None:
    _ok(today=topup.EARLIEST_TODAY)
    _ok(today=REAL_TODAY + dt.timedelta(days=366))
    _ok(cases=0)
    _ok(cases=topup.MAX_CASES)
    _ok(seed=0)
    _ok(seed=2**31 - 1)


def test_the_earliest_demo_has_its_whole_history_under_the_2024_rules() -> None:
    from officer_app.domain.penalty_notices import FRAMEWORK_START
    from officer_app.domain.school_year import school_year_start

    # the previous school year's register is the oldest thing a demo holds
    oldest = dt.date(school_year_start(topup.EARLIEST_TODAY).year - 1, 9, 1)
    assert oldest >= FRAMEWORK_START
    a_day_earlier = topup.EARLIEST_TODAY - dt.timedelta(days=1)
    assert dt.date(school_year_start(a_day_earlier).year - 1, 9, 1) < FRAMEWORK_START


def test_a_damaged_marker_is_named_not_a_traceback() -> None:
    with pytest.raises(topup.DemoRefused, match="demo_pending"):
        topup.PendingTopUp.from_text('{"seed": 1}')


class Killed(BaseException):
    """Stands for SIGKILL between two transactions (the real kills are in
    tests/integration/test_demo_resume.py)."""


def _copy(template: Path, target: Path, backend: MemoryKeyring, secrets: MemoryKeyring) -> Path:
    backend.secrets.update(secrets.secrets)
    shutil.copytree(template, target)
    return target


def _open(folder: Path, backend: MemoryKeyring, clock: Any) -> OpenProfile:
    return unlock_profile(folder, TEST_PASSPHRASE, backend=backend, clock=clock)


def _stopping_at(stop_at: int, real_submit: Any) -> Any:
    calls = 0

    def stopping(self: StoreWriter, work: Any) -> Any:
        nonlocal calls
        calls += 1
        if calls == stop_at:
            raise Killed  # this transaction and every later one never happen
        return real_submit(self, work)

    return stopping


def _pending(opened: OpenProfile) -> topup.PendingTopUp:
    mark = opened.store.read(outbox_high_water)
    return topup.PendingTopUp(1, opened.clock.today(), 0, DEMO_CASES, mark)


@pytest.mark.slow
def test_a_top_up_stopped_between_any_two_steps_ends_as_if_never_stopped(
    _demo_template: tuple[Path, MemoryKeyring],
    tmp_path: Path,
    keyring_backend: MemoryKeyring,
    clock: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    template, secrets = _demo_template
    real_submit = StoreWriter.submit
    writes = 0  # the replay's transactions
    parts: list[tuple[str, int]] = []  # (part, transactions before it)

    def counting(self: StoreWriter, work: Any) -> Any:
        nonlocal writes
        writes += 1
        return real_submit(self, work)

    reference = _open(
        _copy(template, tmp_path / "ref", keyring_backend, secrets), keyring_backend, clock
    )
    try:
        monkeypatch.setattr(StoreWriter, "submit", counting)
        topup.replay(reference, _pending(reference), say=lambda part: parts.append((part, writes)))
        monkeypatch.setattr(StoreWriter, "submit", real_submit)
        wanted = reference.store.read(counts)
    finally:
        reference.lock()
    assert wanted["notices"] and wanted["letters"] and not wanted["pending_top_up"]
    assert wanted["statements"] and wanted["packs"]  # case 10 is at court
    assert wanted["pending_outbox"] == [["officer", "create"]]  # made with the profile
    # the transactions before the letters, and before the statements and packs
    [(_, zero), (_, notices), (_, letters)] = parts
    assert zero == 0 and 8 < notices < letters - 8 and letters < writes - 4, (parts, writes)

    # among the penalty notices (a case part-way through its steps), among the letters, among
    # the statements and packs, and after the last of them, before the outbox rows are marked
    # synced
    for stop_at in (2, 5, notices // 2, notices + 1, (notices + letters) // 2, letters + 2,
                    writes):  # fmt: skip
        folder = _copy(template, tmp_path / f"stop{stop_at}", keyring_backend, secrets)
        opened = _open(folder, keyring_backend, clock)
        todo = _pending(opened)
        opened.store.write_wait(
            lambda s, t=todo: s.merge(ProfileSetting(key=topup.PENDING_SETTING, value=t.to_text()))
        )

        stopping = _stopping_at(stop_at, real_submit)
        monkeypatch.setattr(StoreWriter, "submit", stopping)
        with pytest.raises(Killed):
            topup.replay(opened, todo)
        monkeypatch.setattr(StoreWriter, "submit", real_submit)
        halfway = opened.store.read(counts)
        assert halfway["pending_top_up"] and halfway != wanted
        again = opened.store.read(topup.pending)
        assert again == todo
        topup.replay(opened, again)
        try:
            assert opened.store.read(counts) == wanted, f"stopped at write {stop_at}"
            checked, breaks = opened.store.read(evidence.verify)
            assert checked and breaks == []
        finally:
            opened.lock()

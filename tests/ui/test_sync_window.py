"""Sync in the window, against the REAL central app: the status bar's states (not connected,
synced, offline with changes waiting and the 24-hour warning, conflicts), the caseload's mark
on a case with a conflict, the conflicts view resolving by a merge that the next round
settles on the other laptop, and a round in flight at lock waited for (nothing is lost)."""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from officer_app.clock import FixedClock
from officer_app.gui import caseload_table as ct
from officer_app.gui.sync_conflicts import SyncConflictsDialog
from officer_app.gui.sync_status_bar import INTERVAL_MS, NOT_CONNECTED
from officer_app.gui.window import MainWindow
from officer_app.services.profile import OpenProfile, unlock_profile
from officer_app.services.sync_device import sync_client
from officer_app.services.sync_status import RoundOutcome, run_round
from officer_app.store.models import OutboxMutation
from officer_app.sync.transport import Transport, TransportError
from tests.conftest import TEST_PASSPHRASE, MemoryKeyring
from tests.ui.conftest import make_window, unlock
from tests.unit.test_sync_status import Pair, central_pair, make_conflict

SHOTS = Path(os.environ.get("SYNC_SHOTS", "/tmp/gsync-shots"))


def shot(widget: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    if widget.layout() is not None:
        widget.layout().activate()  # a dialog just filled: its labels laid out again
    QApplication.processEvents()
    widget.grab().save(str(SHOTS / f"{name}.png"))


@pytest.fixture()
def pair(tmp_path: Path, keyring_backend: MemoryKeyring, clock: FixedClock) -> Iterator[Pair]:
    yield from central_pair(tmp_path, keyring_backend, clock)


def open_mine(qtbot, pair: Pair, backend: MemoryKeyring, clock: FixedClock) -> MainWindow:  # type: ignore[no-untyped-def]
    """The officer's laptop in the window (its profile locked first), rounds through the real
    central app."""
    pair.mine.lock()
    window = make_window(qtbot, pair.mine.data_dir, backend, clock)
    window.sync.round_for = lambda opened: run_round(opened, pair.client)
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.sync.state is not None, timeout=10_000)
    return window


def sync_and_wait(qtbot, window: MainWindow) -> RoundOutcome:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.sync.round_finished, timeout=30_000) as got:
        qtbot.keyClick(window, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: not window.sync.running and window.runner.pending == 0)
    outcome: RoundOutcome = got.args[0]
    return outcome


def test_a_profile_never_enrolled_says_only_not_connected(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: window.sync.state is not None, timeout=10_000)
    assert window.sync.label.text() == NOT_CONNECTED
    for widget in (window.sync.sync_button, window.sync.waiting, window.sync.conflicts_button):
        assert not widget.isVisible()
    window.sync_now()  # F9 does nothing here
    assert not window.sync.running and not window.sync.timer.isActive()
    shot(window.statusBar(), "status-not-connected")


def test_synced_offline_waiting_and_the_warning_after_a_day(
    qtbot, pair: Pair, keyring_backend: MemoryKeyring, clock: FixedClock
) -> None:  # type: ignore[no-untyped-def]
    window = open_mine(qtbot, pair, keyring_backend, clock)
    assert window.sync.sync_button.isVisible() and window.sync.timer.isActive()
    profile = window.profile
    assert profile is not None
    pair.next_action(profile, "Home visit on Monday")
    outcome = sync_and_wait(qtbot, window)
    assert outcome.ok and outcome.sent == 1
    assert window.sync.label.text().startswith("Synced ") and "1 sent" in window.sync.label.text()
    shot(window.statusBar(), "status-synced")

    class Down:
        def post(self, path: str, json: Any) -> tuple[int, Any]:
            raise TransportError("no route to the central store")

        def get(self, path: str) -> tuple[int, Any]:
            raise TransportError("no route to the central store")

    down: Transport = Down()
    window.sync.round_for = lambda opened: run_round(opened, down)
    pair.next_action(profile, "Home visit on Tuesday")
    outcome = sync_and_wait(qtbot, window)
    assert outcome.offline
    qtbot.waitUntil(lambda: window.sync.label.text() == "Offline – 1 change waiting")
    assert window.sync.interval_ms == 2 * INTERVAL_MS  # backed off
    shot(window.statusBar(), "status-offline")

    clock.advance(dt.timedelta(hours=25))
    window.refresh_pending()
    qtbot.waitUntil(lambda: "24 hours" in window.sync.waiting.text(), timeout=10_000)
    assert window.sync.waiting.isVisible() and "background" in window.sync.waiting.styleSheet()
    shot(window.statusBar(), "status-long-wait")
    window.close()
    window.runner.wait_idle()


def test_a_conflict_is_marked_and_merged_in_the_conflicts_view(
    qtbot, pair: Pair, keyring_backend: MemoryKeyring, clock: FixedClock
) -> None:  # type: ignore[no-untyped-def]
    make_conflict(pair)
    window = open_mine(qtbot, pair, keyring_backend, clock)
    button = window.sync.conflicts_button
    qtbot.waitUntil(lambda: button.isVisible(), timeout=10_000)
    assert button.text() == "⚠ 1 conflict"
    qtbot.waitUntil(lambda: pair.case_id in window.caseload.model.sync_states)
    model = window.caseload.model
    row = next(i for i, r in enumerate(model.rows) if r.case_id == pair.case_id)
    cell = model.index(row, ct.COL_CHILD)
    assert model.data(cell, Qt.ItemDataRole.DecorationRole) is not None
    assert "1 sync conflict" in model.data(cell, Qt.ItemDataRole.ToolTipRole)
    shot(window.statusBar(), "status-conflicts")

    page = window.open_case(pair.case_id)
    assert page is not None
    qtbot.waitUntil(lambda: page.detail is not None, timeout=10_000)
    assert page.sync_conflicts.isVisible()
    page.sync_conflicts.click()
    dialog = window.conflicts_dialog
    assert isinstance(dialog, SyncConflictsDialog) and dialog.case_id == pair.case_id
    qtbot.waitUntil(lambda: dialog.loaded and dialog.list.count() == 1, timeout=10_000)
    assert "Call the school first" in dialog.theirs.text()
    assert pair.theirs.officer.name in dialog.theirs.text()
    assert "Home visit on Monday" in dialog.mine.text() and "you" in dialog.mine.text()
    shot(dialog, "conflicts-dialog")
    merged = "Call the school first, then a home visit on Monday"
    dialog.merged.setPlainText(merged)
    with qtbot.waitSignal(dialog.resolved, timeout=10_000):
        dialog.merge.click()
    qtbot.waitUntil(lambda: dialog.list.count() == 1 and dialog.conflicts[0].waiting)
    shot(dialog, "conflicts-dialog-resolved")
    dialog.close()

    assert sync_and_wait(qtbot, window).ok
    qtbot.waitUntil(lambda: not button.isVisible(), timeout=10_000)
    qtbot.waitUntil(lambda: page.sync_conflicts.isHidden(), timeout=10_000)
    assert run_round(pair.theirs, pair.client).ok
    assert pair.next_action(pair.theirs) == merged
    window.close()
    window.runner.wait_idle()


def test_a_round_in_flight_at_lock_is_waited_for(
    qtbot, pair: Pair, keyring_backend: MemoryKeyring, clock: FixedClock
) -> None:  # type: ignore[no-untyped-def]
    window = open_mine(qtbot, pair, keyring_backend, clock)
    profile = window.profile
    assert profile is not None
    pair.next_action(profile, "Visit before Friday")

    def slow_round(opened: OpenProfile) -> RoundOutcome:
        client = sync_client(opened, pair.client)
        inner = client.transport

        class Slow:
            def post(self, path: str, json: Any) -> tuple[int, Any]:
                time.sleep(0.4)
                return inner.post(path, json)

            def get(self, path: str) -> tuple[int, Any]:
                return inner.get(path)

        client.transport = Slow()
        report = client.run()
        return RoundOutcome(ok=True, sent=report.pushed, received=report.pulled)

    window.sync.round_for = slow_round
    window.sync_now()
    assert window.sync.running
    with qtbot.waitSignal(window.locked, timeout=30_000):
        window.lock()  # while the round is on its way
    window.runner.wait_idle()
    # the round ran to its end before the store closed: sent, nothing left inflight
    reopened = unlock_profile(
        pair.mine.data_dir, TEST_PASSPHRASE, backend=keyring_backend, clock=clock
    )
    try:
        states = reopened.store.read(
            lambda s: dict(
                s.execute(
                    select(OutboxMutation.state, func.count()).group_by(OutboxMutation.state)
                ).all()
            )
        )
        assert "inflight" not in states and "pending" not in states
    finally:
        reopened.lock()
    assert run_round(pair.theirs, pair.client).ok
    assert pair.next_action(pair.theirs) == "Visit before Friday"
    window.close()

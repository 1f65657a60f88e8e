"""Background sync for an enrolled profile, and what the status bar says about it.

A round runs on the task runner's own :data:`SYNC_LANE` (never on the GUI thread; the store's
writer serialises its writes with the officer's): every 5 minutes, sooner on demand (Sync now,
F9 as Outlook's Send/Receive: Ctrl+Shift+S moves a case on) and when the network comes back
(QNetworkInformation, where a backend loads; otherwise the timer retries). A round that
failed backs the timer off, 5, 10, then 15 minutes at most. A profile never enrolled shows
only a quiet "Not connected to a central store".

At lock and quit a round in flight is waited for :data:`WAIT_AT_LOCK_MS` at most (window.py);
past that the store closes under it, and what it had marked inflight is sent again next round
(the server is idempotent by mutation id: sync/push.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QPushButton, QStatusBar

from officer_app.clock import uk_local
from officer_app.gui.markup import plain_label
from officer_app.gui.task_runner import TaskRunner
from officer_app.gui.theme import MUTED, WARNING_BANNER
from officer_app.services.profile import OpenProfile
from officer_app.services.sync_status import (
    CaseSyncState,
    RoundOutcome,
    SyncState,
    SyncStatusService,
    run_round,
)

SYNC_LANE = "sync"
INTERVAL_MS = 5 * 60_000
MAX_INTERVAL_MS = 15 * 60_000
FIRST_ROUND_MS = 5_000  # after unlock, once the caseload is painted
WAIT_AT_LOCK_MS = 5_000

NOT_CONNECTED = "Not connected to a central store"


def _changes(count: int) -> str:
    return f"{count} change{'s' * (count != 1)}"


def _clock_time(moment: dt.datetime | None) -> str:
    return uk_local(moment).strftime("%H:%M") if moment is not None else ""


class SyncStatusBar(QObject):
    """Owns the sync timer and the status bar's sync labels for the profile attached."""

    state_changed = Signal(object)  # SyncState
    case_states_changed = Signal(object)  # dict[str, CaseSyncState]
    round_finished = Signal(object)  # RoundOutcome
    conflicts_requested = Signal()

    def __init__(self, runner: TaskRunner, status: QStatusBar, parent: QObject | None = None):
        super().__init__(parent)
        self.runner = runner
        self.round_for: Callable[[OpenProfile], RoundOutcome] = run_round
        self.label = plain_label(NOT_CONNECTED)
        self.label.setAccessibleName("Sync")
        self.waiting = plain_label("")
        self.waiting.setAccessibleName("Changes waiting to sync")
        self.conflicts_button = QPushButton("")
        self.conflicts_button.setFlat(True)
        self.conflicts_button.setAccessibleName("Sync conflicts")
        self.conflicts_button.setToolTip("Edits the central store could not merge: choose")
        self.conflicts_button.clicked.connect(self.conflicts_requested.emit)
        self.conflicts_button.setVisible(False)
        self.sync_button = QPushButton("Sync now")
        self.sync_button.setAccessibleName("Sync now")
        self.sync_button.setToolTip("Send this laptop's changes and fetch everyone else's (F9)")
        self.sync_button.clicked.connect(self.sync_now)
        self.sync_button.setVisible(False)
        status.addPermanentWidget(self.sync_button)
        for widget in (self.label, self.waiting, self.conflicts_button):
            status.addWidget(widget)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.sync_now)
        self.interval_ms = INTERVAL_MS
        self.profile: OpenProfile | None = None
        self.service: SyncStatusService | None = None
        self.state: SyncState | None = None
        self.case_states: dict[str, CaseSyncState] = {}
        self.last: RoundOutcome | None = None
        self.running = False
        self._generation = 0
        self._watch_network()
        self._quiet()

    # --- the profile ------------------------------------------------------------------------
    def attach(self, profile: OpenProfile) -> None:
        self._generation += 1
        self.profile = profile
        self.service = SyncStatusService(profile.store, profile.clock, profile.officer.id)
        self.state, self.case_states, self.last, self.running = None, {}, None, False
        self.interval_ms = INTERVAL_MS
        self.refresh()

    def detach(self) -> None:
        """Locked: forget the profile; a round still running is ignored when it ends."""
        self._generation += 1
        self.profile, self.service, self.state, self.last = None, None, None, None
        self.case_states = {}
        self.running = False
        self.timer.stop()
        self.label.setText("")
        self.waiting.setText("")
        self.conflicts_button.setVisible(False)
        self.sync_button.setVisible(False)

    @property
    def enrolled(self) -> bool:
        return self.state is not None and self.state.enrolled

    # --- rounds -----------------------------------------------------------------------------
    def sync_now(self) -> None:
        profile = self.profile
        if profile is None or not self.enrolled or self.running:
            return
        self.running = True
        self.timer.stop()
        self.label.setText("Syncing…")
        self.sync_button.setEnabled(False)
        generation = self._generation
        round_for = self.round_for

        def done(outcome: RoundOutcome) -> None:
            if generation == self._generation:
                self._round_done(outcome)

        def failed(exc: BaseException) -> None:
            if generation == self._generation:
                self._round_done(RoundOutcome(ok=False, problem=str(exc) or type(exc).__name__))

        self.runner.run(lambda: round_for(profile), done, failed, lane=SYNC_LANE)

    def _round_done(self, outcome: RoundOutcome) -> None:
        self.running = False
        self.last = outcome
        self.interval_ms = (
            INTERVAL_MS if outcome.ok else min(self.interval_ms + INTERVAL_MS, MAX_INTERVAL_MS)
        )
        self.round_finished.emit(outcome)
        self.refresh()

    def _schedule(self, first: bool = False) -> None:
        if self.enrolled and not self.running:
            self.timer.start(FIRST_ROUND_MS if first else self.interval_ms)

    def _watch_network(self) -> None:
        try:
            from PySide6.QtNetwork import QNetworkInformation
        except ImportError:  # pragma: no cover - QtNetwork ships with PySide6 essentials
            return
        if not QNetworkInformation.loadDefaultBackend():
            return  # no backend here: the timer retries
        info = QNetworkInformation.instance()
        if info is not None:
            info.reachabilityChanged.connect(self.network_changed)

    def network_changed(self, reachability: object) -> None:
        from PySide6.QtNetwork import QNetworkInformation

        online = reachability == QNetworkInformation.Reachability.Online
        if online and self.last is not None and not self.last.ok:
            self.sync_now()  # the network is back after a failed round

    # --- what the status bar says ------------------------------------------------------------
    def refresh(self) -> None:
        service = self.service
        if service is None:
            return
        generation = self._generation

        def state(found: SyncState) -> None:
            if generation == self._generation:
                first = self.state is None
                self.show_state(found)
                if not self.timer.isActive():
                    self._schedule(first)

        def cases(found: dict[str, CaseSyncState]) -> None:
            if generation == self._generation:
                self.case_states = found
                self.case_states_changed.emit(found)

        self.runner.run(service.state, state)
        self.runner.run(service.case_states, cases)

    def _quiet(self) -> None:
        self.label.setText(NOT_CONNECTED)
        self.label.setStyleSheet(f"color:{MUTED};")
        self.waiting.setText("")
        self.waiting.setVisible(False)
        self.conflicts_button.setVisible(False)
        self.sync_button.setVisible(False)

    def show_state(self, state: SyncState) -> None:
        self.state = state
        self.state_changed.emit(state)
        if not state.enrolled:
            self._quiet()
            return
        self.label.setStyleSheet("")
        self.sync_button.setVisible(True)
        self.sync_button.setEnabled(not self.running)
        if self.running:
            self.label.setText("Syncing…")
        else:
            self.label.setText(self._round_text(state))
        waiting = ""
        if state.long_wait:
            waiting = f"⚠ {_changes(state.pending)} waiting more than 24 hours: connect to sync"
        elif state.pending and (self.last is None or self.last.ok):
            waiting = f"{_changes(state.pending)} waiting"
        self.waiting.setText(waiting)
        self.waiting.setVisible(bool(waiting))
        bg, fg = WARNING_BANNER
        self.waiting.setStyleSheet(
            f"background:{bg}; color:{fg}; padding: 1px 8px;" if state.long_wait else ""
        )
        count = state.open_conflicts
        self.conflicts_button.setText(f"⚠ {count} conflict{'s' * (count != 1)}")
        self.conflicts_button.setVisible(count > 0)

    def _round_text(self, state: SyncState) -> str:
        last = self.last
        if last is None:
            when = _clock_time(state.last_success)
            return f"Last synced {when}" if when else "Not synced yet"
        if last.ok:
            return f"Synced {_clock_time(last.at)} – {last.sent} sent, {last.received} received"
        if last.offline:
            return f"Offline – {_changes(state.pending)} waiting"
        return f"Sync stopped: {last.problem}"

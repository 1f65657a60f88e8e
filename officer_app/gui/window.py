"""The main window: the unlock page until unlocked, then the caseload and open cases in tabs."""

from __future__ import annotations

import datetime as dt
import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

from officer_app import __version__
from officer_app.gui import caseload_table as ct
from officer_app.gui.case_actions import LETTER_ACTION, STAGE_ACTIONS, WORK_ACTIONS
from officer_app.gui.caseload_page import CaseloadPage
from officer_app.gui.idle_lock import IdleLock
from officer_app.gui.markup import literal, no_accelerator, plain_label
from officer_app.gui.profile_exports import export_notice_record, import_register
from officer_app.gui.sync_status_bar import SYNC_LANE, WAIT_AT_LOCK_MS, SyncStatusBar
from officer_app.gui.task_runner import WRITES, TaskRunner
from officer_app.gui.theme import WARNING_BANNER
from officer_app.gui.unlock_page import UnlockPage
from officer_app.gui.week_page import WeekPage
from officer_app.services.dto import CaseRow, VisitPlanInfo
from officer_app.services.profile import OpenProfile, ProfileError
from officer_app.services.sync_status import CaseSyncState

if TYPE_CHECKING:  # the case tab loads after the caseload is painted (start-up time)
    from officer_app.gui.case_page import CasePage
    from officer_app.services.field_work import FieldWorkService
    from officer_app.services.letters import TemplateInfo

SEARCH_DEBOUNCE_MS = 200
FIXED_TABS = 2  # the caseload and this week; case tabs come after
PENDING_REFRESH_MS = 30_000
AFTER_FIRST_PAINT_MS = 250


def _case_page() -> type[CasePage]:
    from officer_app.gui.case_page import CasePage

    return CasePage


class MainWindow(QMainWindow):
    caseload_loaded = Signal(int)
    locked = Signal()

    def __init__(
        self,
        data_dir: Path,
        unlock: Callable[[str], OpenProfile],
        runner: TaskRunner,
        *,
        today: Callable[[], dt.date] = dt.date.today,
        idle_minutes: float = 5.0,
    ) -> None:
        super().__init__()
        self.setWindowTitle("Officer App")
        self.runner = runner
        self.profile: OpenProfile | None = None
        self.forms_warning = ""
        self.referral_dialog: QDialog | None = None
        self.letters_warning = ""
        self.batch_dialog: QWidget | None = None
        self.conflicts_dialog: QDialog | None = None
        self._first_load = True
        self._today = today
        self.unlock_page = UnlockPage(data_dir, unlock, runner)
        self.unlock_page.unlocked.connect(self.on_unlocked)
        self.unlock_page.prepare = self._prepare
        self.caseload = CaseloadPage(today())
        self.caseload.open_case.connect(self.open_case)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(False)
        self.tabs.setTabsClosable(True)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.tabs.addTab(self.caseload, "Caseload")
        self.week = WeekPage()
        self.week.open_case.connect(self.open_case)
        self.week.changed.connect(self.refresh)
        self.tabs.addTab(self.week, "This week")
        for fixed in range(FIXED_TABS):
            self.tabs.tabBar().setTabButton(
                fixed, self.tabs.tabBar().ButtonPosition.RightSide, None
            )
        self.stack = QStackedWidget()
        self.stack.addWidget(self.unlock_page)
        self.stack.addWidget(self.tabs)
        self.setCentralWidget(self.stack)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DEBOUNCE_MS)
        self._search_timer.timeout.connect(self._run_search)
        self.caseload.search.textChanged.connect(lambda _t: self._search_timer.start())
        self._pending_timer = QTimer(self)
        self._pending_timer.setInterval(PENDING_REFRESH_MS)
        self._pending_timer.timeout.connect(self.refresh_pending)

        self.idle = IdleLock(idle_minutes, self)
        self.idle.idle.connect(self.lock)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.idle)

        self._build_menus()
        self._build_status_bar()
        runner.error.connect(lambda message: self.statusBar().showMessage(message, 10_000))
        self.show_unlock()

    # --- chrome -------------------------------------------------------------------------------
    def _action(
        self, text: str, shortcut: str | QKeySequence.StandardKey | None, slot: Callable[[], object]
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        self.referral_action = self._action("&New referral…", "Ctrl+Shift+N", self.new_referral)
        file_menu.addAction(self.referral_action)
        file_menu.addSeparator()
        self.sync_action = self._action("&Sync now", "F9", self.sync_now)
        self.sync_action.setToolTip("Send this laptop's changes and fetch everyone else's")
        file_menu.addAction(self.sync_action)
        self.lock_action = self._action("&Lock", "Ctrl+L", self.lock)
        file_menu.addAction(self.lock_action)
        self.passphrase_action = self._action("Change &passphrase…", None, self.change_passphrase)
        file_menu.addAction(self.passphrase_action)
        self.import_action = self._action(
            "&Import a register extract…", "Ctrl+I", self.import_register
        )
        file_menu.addAction(self.import_action)
        self.notices_action = self._action(
            "Export the record of penalty &notices…", None, self.export_notice_record
        )
        file_menu.addAction(self.notices_action)
        file_menu.addSeparator()
        file_menu.addAction(self._action("&Quit", "Ctrl+Q", self.close))
        case_menu = bar.addMenu("&Case")
        self.open_action = self._action("&Open selected case", None, self.caseload.open_selected)
        self.note_action = self._action("&New note", "Ctrl+N", self.new_note)
        self.close_tab_action = self._action(
            "&Close tab", "Ctrl+W", lambda: self.close_tab(self.tabs.currentIndex())
        )
        case_menu.addActions([self.open_action, self.note_action, self.close_tab_action])
        case_menu.addSeparator()
        self.work_actions: dict[str, QAction] = {}
        for item in WORK_ACTIONS:  # the case tab's tool row, with their shortcuts
            self.work_actions[item.key] = self._action(
                item.full, item.shortcut, functools.partial(self.case_action, item.key)
            )
        case_menu.addActions(list(self.work_actions.values()))
        case_menu.addSeparator()
        for item in STAGE_ACTIONS:  # moving the case on, closing and reopening it
            self.work_actions[item.key] = self._action(
                item.full, item.shortcut, functools.partial(self.case_action, item.key)
            )
            case_menu.addAction(self.work_actions[item.key])
        case_menu.addSeparator()
        self.letter_action = self._action(
            LETTER_ACTION.full, LETTER_ACTION.shortcut, self.write_letter
        )
        self.batch_action = self._action("&Batch letters…", None, self.batch_letters)
        case_menu.addActions([self.letter_action, self.batch_action])
        view_menu = bar.addMenu("&View")
        self.search_action = self._action("&Search the caseload", "Ctrl+F", self.focus_search)
        view_menu.addAction(self.search_action)
        view_menu.addAction(self._action("&Refresh", "F5", self.refresh))
        view_menu.addAction(
            self._action("Show the &caseload", "Ctrl+1", lambda: self.tabs.setCurrentIndex(0))
        )
        view_menu.addAction(
            self._action("Show &this week's visits", "Ctrl+2", lambda: self.tabs.setCurrentIndex(1))
        )
        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self._action("&About Officer App", None, self._about))
        self.workspace_actions = [
            self.referral_action,
            self.import_action,
            self.notices_action,
            self.lock_action,
            self.sync_action,
            self.open_action,
            self.note_action,
            self.close_tab_action,
            self.search_action,
            self.letter_action,
            self.batch_action,
            *self.work_actions.values(),
        ]

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.sync = SyncStatusBar(self.runner, status, self)  # its labels come first
        self.sync.conflicts_requested.connect(lambda: self.show_conflicts())
        self.sync.case_states_changed.connect(self._case_sync_states)
        self.officer_label = plain_label("")
        self.key_warning = plain_label("")
        self.key_warning.setAccessibleName("Key store warning")
        bg, fg = WARNING_BANNER
        self.key_warning.setStyleSheet(f"background:{bg}; color:{fg}; padding: 1px 8px;")
        self.key_warning.setWordWrap(False)
        self.lock_button = QPushButton("Lock")
        self.lock_button.setAccessibleName("Lock now")
        self.lock_button.setToolTip("Lock the caseload now (Ctrl+L)")
        self.lock_button.clicked.connect(self.lock)
        status.addWidget(self.key_warning, 1)
        status.addPermanentWidget(self.officer_label)
        status.addPermanentWidget(self.lock_button)

    def _about(self) -> None:
        QMessageBox.about(
            self,
            "About Officer App",
            literal(
                f"Officer App {__version__}\nOffline, encrypted casework for school attendance "
                "officers. All data on this laptop is encrypted at rest."
            ),
        )

    # --- lock and unlock ----------------------------------------------------------------------
    def show_unlock(self, message: str = "") -> None:
        self.stack.setCurrentWidget(self.unlock_page)
        for action in self.workspace_actions:
            action.setEnabled(False)
        self.lock_button.setEnabled(False)
        self.sync.detach()
        self.key_warning.setVisible(False)
        self.officer_label.setText("Locked")
        self.unlock_page.reset(message)

    def on_unlocked(self, profile: OpenProfile) -> None:
        self.profile = profile
        self.officer_label.setText(f"Signed in: {profile.officer.name}")
        self.key_warning.setText("" if profile.keyring.secure else f"⚠ {profile.keyring.message}")
        self.key_warning.setVisible(not profile.keyring.secure)
        self.stack.setCurrentWidget(self.tabs)
        self.tabs.setCurrentIndex(0)
        for action in self.workspace_actions:
            action.setEnabled(True)
        self.lock_button.setEnabled(True)
        self._first_load = True
        self.week.attach(
            lambda: profile.field_work,
            profile.cases.unsigned.caseload,
            self.runner,
            profile.clock.now,
        )
        self.sync.attach(profile)
        self.refresh()
        self._pending_timer.start()
        self.idle.arm()
        self.caseload.table.setFocus()

    def lock(self) -> None:
        """Drop the key and every piece of case data from the window; show the unlock page."""
        profile, self.profile = self.profile, None
        if profile is None:
            return
        self.idle.disarm()
        self._pending_timer.stop()
        self._search_timer.stop()
        for open_dialog in (self.batch_dialog, self.conflicts_dialog):
            if open_dialog is not None:
                open_dialog.close()
                open_dialog.deleteLater()
        self.batch_dialog = self.conflicts_dialog = None
        while self.tabs.count() > FIXED_TABS:
            self.close_tab(FIXED_TABS)
        self.caseload.clear()
        self.week.clear()
        self.show_unlock("Locked. Your drafts were saved.")
        # lock() closes the store: on the writes lane it runs after the drafts saved above,
        # and off the GUI thread.
        self.sync.detach()
        runner = self.runner

        def lock_after_sync() -> None:
            # a round in flight is waited for briefly; past that the store closes under it
            # and what it marked inflight is sent again next time (sync_status_bar.py)
            runner.finish_lane(SYNC_LANE, WAIT_AT_LOCK_MS)
            profile.lock()

        runner.run(lock_after_sync, lambda _r: self.locked.emit(), self._lock_failed, lane=WRITES)

    def _lock_failed(self, exc: BaseException) -> None:
        """The keys are gone whatever happened; say what could not be recorded."""
        self.unlock_page.message.setText(str(exc))
        self.locked.emit()

    def import_register(self, path: Path | None = None) -> None:
        """Choose a school's register extract and import it, with a progress bar and Cancel."""
        if self.profile is None:
            return
        progress = import_register(self, self.runner, self.profile, path, self.refresh)
        if progress is not None:
            self.import_progress = progress

    def export_notice_record(self, target: Path | None = None) -> None:
        """Save the LA's record of every penalty notice (reg 20) as CSV or PDF (audited)."""
        if self.profile is not None:
            export_notice_record(
                self, self.runner, self.profile, self._today(), target, self.statusBar().showMessage
            )

    def change_passphrase(self) -> None:
        profile = self.profile
        if profile is None:
            return
        from officer_app.gui.passphrase_dialog import ChangePassphraseDialog
        from officer_app.services.profile import change_passphrase

        dialog = ChangePassphraseDialog(
            lambda old, new: change_passphrase(
                profile.data_dir, old, new, backend=profile.keyring_backend
            ),
            self.runner,
            self,
        )
        if dialog.exec() == ChangePassphraseDialog.DialogCode.Accepted:
            self.statusBar().showMessage("Passphrase changed.", 8000)

    # --- caseload -----------------------------------------------------------------------------
    def _forms_ready(self, field_work: FieldWorkService) -> None:
        forms = field_work.forms
        problems = list(forms.problems)
        if self.profile is None or not problems:
            return
        ids = sorted(set(forms.unavailable))
        self.forms_warning = (
            f"⚠ Form{'s' * (len(ids) != 1)} unavailable: {', '.join(ids)}. {problems[0]}"
        )
        self.statusBar().showMessage(self.forms_warning, 60_000)

    def _letters_ready(self, unavailable: list[tuple[str, str]]) -> None:
        if self.profile is None or not unavailable:
            return
        from officer_app.gui.letter_dialog import unavailable_text

        self.letters_warning = unavailable_text(unavailable).replace(
            "⚠ Unavailable", "⚠ Letters unavailable", 1
        )
        message = "  ".join(m for m in (self.forms_warning, self.letters_warning) if m)
        self.statusBar().showMessage(message, 60_000)

    def refresh(self) -> None:
        profile = self.profile
        if profile is None:
            return
        self.runner.run(profile.caseload.list_cases, self._caseload_ready)
        if not self._first_load:
            self.runner.run(lambda: profile.field_work.this_week(), self._week_ready)
            self.refresh_pending()

    def _week_ready(self, visits: list[VisitPlanInfo]) -> None:
        if self.profile is not None:
            self.week.set_visits(visits)

    def _caseload_ready(self, rows: list[CaseRow]) -> None:
        profile = self.profile
        if profile is None:
            return
        self.caseload.set_rows(rows, self._today(), me=profile.officer.id)
        self.caseload_loaded.emit(len(rows))
        if self._first_load:
            # once the caseload is painted: the workers loading the form definitions and the
            # letter templates would otherwise hold the interpreter while the table paints
            self._first_load = False
            QTimer.singleShot(AFTER_FIRST_PAINT_MS, self._load_the_rest)

    def _load_the_rest(self) -> None:
        """The form definitions, the letter templates and this week's visits."""
        profile = self.profile
        if profile is None:
            return
        self.runner.run(lambda: profile.field_work, self._forms_ready)
        self.runner.run(lambda: profile.letters.unavailable(), self._letters_ready)
        self.runner.run(lambda: profile.field_work.this_week(), self._week_ready)
        self.runner.run(_case_page)  # so that the first case opens as fast as the next
        self.refresh_pending()

    def _prepare(self) -> None:
        """Load the bank-holiday tables the caseload's timescales need (no key required)."""
        from officer_app.domain.working_days import bank_holidays

        year = self._today().year
        for offset in (-1, 0, 1):
            bank_holidays(year + offset)

    def refresh_pending(self) -> None:
        profile = self.profile
        if profile is None:
            return
        self.sync.refresh()

    def sync_now(self) -> None:
        if self.profile is not None:
            self.sync.sync_now()

    def _case_sync_states(self, states: dict[str, CaseSyncState]) -> None:
        self.caseload.model.set_sync_states(states)
        for i in range(FIXED_TABS, self.tabs.count()):
            page = self.tabs.widget(i)
            if isinstance(page, _case_page()):
                found = states.get(page.case_id)
                page.show_sync_conflicts(found.conflicts if found else 0)

    def show_conflicts(self, case_id: str | None = None) -> QDialog | None:
        """The conflicts view (all, or one case's): each resolved one syncs next round."""
        if self.profile is None or self.sync.service is None:
            return None
        from officer_app.gui.sync_conflicts import SyncConflictsDialog

        dialog = SyncConflictsDialog(self.sync.service, self.runner, case_id, self)
        dialog.resolved.connect(lambda _id: self.sync.refresh())
        self.conflicts_dialog = dialog
        dialog.open()
        return dialog

    def focus_search(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.caseload.search.setFocus()
        self.caseload.search.selectAll()

    def _run_search(self) -> None:
        profile = self.profile
        text = self.caseload.search.text().strip()
        if profile is None:
            return
        if not text:
            self.caseload.proxy.set_search_ids(None)
            return

        def done(ids: set[str]) -> None:
            self._search_done(text, ids)

        self.runner.run(lambda: profile.caseload.search(text), done)

    def _search_done(self, text: str, ids: set[str]) -> None:
        if self.profile is None or self.caseload.search.text().strip() != text:
            return  # typed on since: a newer search is coming
        self.caseload.proxy.set_search_ids(ids)

    # --- cases --------------------------------------------------------------------------------
    def open_case(self, case_id: str) -> CasePage | None:
        profile = self.profile
        if profile is None:
            return None
        for i in range(FIXED_TABS, self.tabs.count()):
            page = self.tabs.widget(i)
            if isinstance(page, _case_page()) and page.case_id == case_id:
                self.tabs.setCurrentIndex(i)
                return page
        page = _case_page()(
            case_id,
            profile.cases,
            self.runner,
            field_work=lambda: profile.field_work,
            today=self._today(),
            attachments=profile.attachments,
            attendance=lambda: profile.attendance,
            letters=lambda: profile.letters,
            penalty_notices=lambda: profile.penalty_notices,
            stages=lambda: profile.stages,
            family_changes=lambda: profile.family_changes,
            risk_flags=lambda: profile.risk_flags,
            interviews=lambda: profile.interviews,
            court=(lambda: profile.statements, lambda: profile.packs),
        )
        page.changed.connect(self.refresh)
        page.sync_conflicts_requested.connect(self.show_conflicts)
        found = self.sync.case_states.get(case_id)
        page.show_sync_conflicts(found.conflicts if found else 0)
        index = self.tabs.addTab(page, "Loading…")
        page.title_changed.connect(lambda title, p=page: self._retitle(p, title))
        self.tabs.setCurrentIndex(index)
        return page

    def _retitle(self, page: CasePage, title: str) -> None:
        index = self.tabs.indexOf(page)
        if index >= FIXED_TABS:
            self.tabs.setTabText(index, no_accelerator(title))

    def current_case(self) -> CasePage | None:
        page = self.tabs.currentWidget()
        return page if isinstance(page, _case_page()) else None

    def new_referral(self) -> None:
        """File > New referral: the child, the family, who referred and why; the case opens."""
        profile = self.profile
        if profile is None:
            return
        from officer_app.gui.referral_dialog import ReferralDialog

        dialog = ReferralDialog(self, profile.referrals, self.runner)
        dialog.taken.connect(self._referral_taken)
        dialog.open_case.connect(self.open_case)
        self.referral_dialog = dialog
        dialog.open()

    def _referral_taken(self, case_id: str) -> None:
        self.refresh()
        self.open_case(case_id)

    def write_letter(self) -> None:
        page = self.current_case()
        if page is None:
            self.caseload.open_selected()
            page = self.current_case()
        if page is None:
            self.statusBar().showMessage("Open a case first (select it and press Enter).", 5000)
        elif page.detail is None:
            self.statusBar().showMessage("The case is still loading.", 5000)
        else:
            page.write_letter()

    def case_action(self, key: str) -> None:
        """A case action from the Case menu, on the case tab in front."""
        page = self.current_case()
        if page is None:
            self.statusBar().showMessage("Open a case first (select it and press Enter).", 5000)
        elif page.detail is None:
            self.statusBar().showMessage("The case is still loading.", 5000)
        elif not page.run_action(key):
            self.statusBar().showMessage("That is not available on this case.", 5000)

    def batch_letters(self) -> None:
        """One letter for each case shown in the caseload (each can be unticked)."""
        profile = self.profile
        if profile is None:
            return
        proxy = self.caseload.proxy
        rows = [proxy.index(r, 0).data(ct.RowRole) for r in range(proxy.rowCount())]
        shown = [row for row in rows if isinstance(row, CaseRow)]
        if not shown:
            self.statusBar().showMessage("No cases are shown: clear the filters first.", 5000)
            return
        self.runner.run(
            lambda: profile.letters.templates(),
            lambda templates: self._open_batch(shown, templates),
            lambda exc: self.statusBar().showMessage(f"Letters are not available: {exc}", 10_000),
        )

    def _open_batch(self, shown: list[CaseRow], templates: list[TemplateInfo]) -> None:
        profile = self.profile
        if profile is None:
            return
        from officer_app.gui.letter_batch import LetterBatchDialog

        dialog = LetterBatchDialog(
            lambda: profile.letters, self.runner, shown, templates, today=self._today(), parent=self
        )
        dialog.finished_batch.connect(lambda _r: self.refresh())
        self.batch_dialog = dialog
        dialog.open()

    def new_note(self) -> None:
        page = self.current_case()
        if page is None:
            self.caseload.open_selected()
            page = self.current_case()
        if page is not None:
            page.focus_note()
        else:
            self.statusBar().showMessage("Open a case first (select it and press Enter).", 5000)

    def close_tab(self, index: int) -> None:
        if index < FIXED_TABS:
            return
        page = self.tabs.widget(index)
        if isinstance(page, _case_page()):
            page.close_page()
        self.tabs.removeTab(index)
        if page is not None:
            page.deleteLater()

    def closeEvent(self, event: QCloseEvent) -> None:
        profile, self.profile = self.profile, None
        while self.tabs.count() > FIXED_TABS:
            self.close_tab(FIXED_TABS)
        if profile is not None:
            # at quit we may wait: the drafts queued above must reach the disk first
            self.sync.detach()
            self.runner.finish_lane(SYNC_LANE, WAIT_AT_LOCK_MS)
            self.runner.finish_lane(WRITES)
            try:
                profile.lock()
            except ProfileError as exc:  # the keys are wiped; the window is going: say so
                print(f"officer-app: {exc}", file=sys.stderr)
        event.accept()
